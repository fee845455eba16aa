// photodesk-cli audit verify | audit checkpoint
#include "app/cli/Commands.h"

#include "core/audit/AuditLog.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace pd::cli {

namespace {
int auditCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("verify | checkpoint"));
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite path or postgresql:// URL."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("checkpoint"), QStringLiteral("Checkpoint file to compare with (verify) or write (checkpoint)."),
                 QStringLiteral("FILE")});
    const bool parsed = p.parse(QStringList{QStringLiteral("audit")} + args);
    const QString action = p.positionalArguments().value(0);
    if (!parsed || !p.isSet(QStringLiteral("db")) || (action != QLatin1String("verify") && action != QLatin1String("checkpoint"))
        || (action == QLatin1String("checkpoint") && !p.isSet(QStringLiteral("checkpoint")))) {
        err << "usage: photodesk-cli audit verify --db DB [--checkpoint FILE]\n"
               "       photodesk-cli audit checkpoint --db DB --checkpoint FILE\n";
        return 2;
    }
    auto store = Store::open(p.value(QStringLiteral("db")));
    if (!store) {
        err << "audit: " << store.error().message << "\n";
        return 2;
    }
    try {
        const AuditLog log(store.value()->db());
        if (action == QLatin1String("checkpoint")) {
            QString error;
            if (!log.writeCheckpoint(p.value(QStringLiteral("checkpoint")), &error)) {
                err << "audit: cannot write the checkpoint: " << error << "\n";
                return 2;
            }
            const auto [id, hash] = log.head();
            out << jsonLine({{QStringLiteral("last_id"), id}, {QStringLiteral("hash"), hash}}) << "\n";
            return 0;
        }
        std::optional<AuditCheckpoint> checkpoint;
        if (p.isSet(QStringLiteral("checkpoint"))) {
            QString error;
            checkpoint = AuditCheckpoint::load(p.value(QStringLiteral("checkpoint")), &error);
            if (!checkpoint) {
                err << "audit: " << error << "\n";
                return 2;
            }
        }
        const auto v = log.verify(checkpoint);
        out << jsonLine({{QStringLiteral("ok"), v.ok},
                         {QStringLiteral("events"), v.events},
                         {QStringLiteral("first_bad_event"), v.ok ? QJsonValue() : QJsonValue(v.firstBadEvent)},
                         {QStringLiteral("problem"), v.problem}})
            << "\n";
        return v.ok ? 0 : 1;
    } catch (const StoreError& e) {
        err << "audit: " << e.message() << "\n";
        return 2;
    }
}

const Registration audit(QStringLiteral("audit"),
                         QStringLiteral("verify the audit chain or write a checkpoint: audit verify --db DB [--checkpoint FILE]"),
                         auditCommand);
} // namespace

} // namespace pd::cli
