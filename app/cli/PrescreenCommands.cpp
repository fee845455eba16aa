// photodesk-cli prescreen: one background pre-screen pass over a store (docs/face-analysis.md).
#include "app/cli/Commands.h"

#include "core/prescreen/PreScreenService.h"
#include "core/store/Store.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonObject>

namespace pd::cli {

namespace {
int prescreenCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite file or postgresql:// URL."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("blobs"), QStringLiteral("Photo folder (default: beside a SQLite file)."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Analysis threads (default: one per core)."), QStringLiteral("N"), QStringLiteral("0")});
    p.addOption({QStringLiteral("all"), QStringLiteral("Also analyse approved and rejected attempts.")});
    p.addOption({QStringLiteral("config"), QStringLiteral("A school's photo-rules override (on top of the shipped photo-rules.json)."), QStringLiteral("FILE")});
    bool threadsOk = false;
    if (!p.parse(QStringList{QStringLiteral("prescreen")} + args) || !p.isSet(QStringLiteral("db"))
        || (p.value(QStringLiteral("threads")).toInt(&threadsOk), !threadsOk) || !p.positionalArguments().isEmpty()) {
        err << "usage: photodesk-cli prescreen --db DB [--blobs DIR] [--threads N] [--all] [--config FILE]\n";
        return 2;
    }
    auto store = Store::open(p.value(QStringLiteral("db")), p.value(QStringLiteral("blobs")));
    if (!store) {
        err << "prescreen: " << store.error().message << "\n";
        return 2;
    }
    PreScreenServiceOptions options;
    options.threads = p.value(QStringLiteral("threads")).toInt();
    options.includeDecided = p.isSet(QStringLiteral("all"));
    options.ruleConfigPath = p.value(QStringLiteral("config"));
    PreScreenService service(store.value(), options);
    QEventLoop loop;
    PreScreenRunStats stats;
    QObject::connect(&service, &PreScreenService::finished, &loop, [&](const PreScreenRunStats& s) {
        stats = s;
        loop.quit();
    });
    service.start();
    loop.exec();
    if (service.state() == PreScreenService::State::Unavailable) {
        const Error e = service.unavailableReason();
        err << "prescreen: unavailable [" << e.code << "]: " << e.message << "\n";
        return 1;
    }
    out << jsonLine(stats.toJson()) << "\n";
    return stats.storeFailures > 0 ? 1 : 0;
}

const Registration prescreen(QStringLiteral("prescreen"),
                             QStringLiteral("face-analyse and rule-check every attempt without a result for the current model and rule set: prescreen --db DB [--threads N] [--all] [--config FILE]"),
                             prescreenCommand);
} // namespace

} // namespace pd::cli
