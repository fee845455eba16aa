// photodesk-cli export: approved photos out to the national graduate-registration upload
// (docs/export.md).
#include "app/cli/Commands.h"

#include "core/auth/AuthService.h"
#include "core/export/ExportManifest.h"
#include "core/export/ExportPlanner.h"
#include "core/export/ExportService.h"
#include "core/store/Store.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace pd::cli {

namespace {
// Exit codes (docs/export.md): 0 exported (or planned, --dry-run); 1 the export ran and did not
// finish (nothing to export, a write failed: nothing was left behind); 2 bad usage, unreadable
// store or destination exists; 3 not signed in or not allowed; 4 cancelled (Ctrl+C / SIGTERM).
constexpr int kExitProblem = 1;
constexpr int kExitUsage = 2;
constexpr int kExitAuth = 3;
constexpr int kExitCancelled = 4;

std::atomic_bool g_cancel = false;
extern "C" void onSignal(int) { g_cancel = true; }

QJsonObject summaryOf(const std::vector<LeftOut>& leftOut)
{
    return QJsonObject{{QStringLiteral("left_out"), int(leftOut.size())},
                       {QStringLiteral("left_out_by_reason"), ExportManifest::reasonCounts(leftOut)}};
}

// The password of --as: the first line of standard input with --password-stdin, otherwise
// $PHOTODESK_PASSWORD (never an argument: it would show in the process list and shell history).
QString readPassword(bool fromStdin)
{
    if (!fromStdin)
        return qEnvironmentVariable("PHOTODESK_PASSWORD");
    char line[1024];
    if (!std::fgets(line, sizeof line, stdin))
        return {};
    return QString::fromUtf8(line).trimmed();
}

int exportCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite file or postgresql:// URL."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("blobs"), QStringLiteral("Photo folder (default: beside a SQLite file)."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("out"), QStringLiteral("New folder, or a new FILE.zip."), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("as"), QStringLiteral("Supervisor or administrator account (password: $PHOTODESK_PASSWORD or --password-stdin)."),
                 QStringLiteral("USER")});
    p.addOption({QStringLiteral("password-stdin"), QStringLiteral("Read the password from the first line of standard input.")});
    p.addOption({QStringLiteral("cohort"), QStringLiteral("Graduating class, e.g. 2025 ('' = unknown)."), QStringLiteral("C")});
    p.addOption({QStringLiteral("major"), QStringLiteral("Major (programme), exactly as stored."), QStringLiteral("M")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Decided on or after this day (YYYY-MM-DD, local time)."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Decided on or before this day (YYYY-MM-DD, local time)."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("state"), QStringLiteral("approved | not-exported | exported"), QStringLiteral("S"), QStringLiteral("approved")});
    p.addOption({QStringLiteral("key"), QStringLiteral("national-id | student-number (file names)"), QStringLiteral("K"), QStringLiteral("national-id")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Only plan: print what would be exported and left out.")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Photos prepared at once (default: one per core)."), QStringLiteral("N"), QStringLiteral("0")});
    const bool parsed = p.parse(QStringList{QStringLiteral("export")} + args);
    const auto state = exportStateFromString(p.value(QStringLiteral("state")));
    const auto key = exportKeyFromString(p.value(QStringLiteral("key")));
    ExportFilter filter;
    bool datesOk = true;
    for (const char* name : {"from", "to"}) {
        if (!p.isSet(QLatin1String(name)))
            continue;
        const QDate d = QDate::fromString(p.value(QLatin1String(name)), Qt::ISODate);
        datesOk = datesOk && d.isValid();
        (name[0] == 'f' ? filter.from : filter.to) = d;
    }
    if (!parsed || !p.isSet(QStringLiteral("db")) || !p.isSet(QStringLiteral("as")) || !state || !key || !datesOk
        || (!p.isSet(QStringLiteral("dry-run")) && !p.isSet(QStringLiteral("out")))) {
        err << "usage: photodesk-cli export --db DB [--blobs DIR] --out DIR|FILE.zip --as USER [--password-stdin]\n"
               "         [--cohort C] [--major M] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
               "         [--state approved|not-exported|exported] [--key national-id|student-number] [--dry-run]\n"
               "password: $PHOTODESK_PASSWORD or --password-stdin; progress on stderr, one JSON line on stdout\n"
               "exit: 0 done, 1 not finished (nothing left behind), 2 usage/store/destination, 3 sign-in/role, 4 cancelled\n";
        return kExitUsage;
    }
    filter.state = *state;
    if (p.isSet(QStringLiteral("cohort")))
        filter.cohort = p.value(QStringLiteral("cohort"));
    if (p.isSet(QStringLiteral("major")))
        filter.major = p.value(QStringLiteral("major"));

    auto store = Store::open(p.value(QStringLiteral("db")), p.value(QStringLiteral("blobs")));
    if (!store) {
        err << "export: " << store.error().message << "\n";
        return kExitUsage;
    }
    // Personal data leaves the system: the export runs as a signed-in person (the login is
    // audited, lock-out applies), never as the anonymous system account.
    auto session = AuthService(store.value()).login(p.value(QStringLiteral("as")), readPassword(p.isSet(QStringLiteral("password-stdin"))));
    if (!session) {
        err << "export: " << session.error().message << "\n";
        out << jsonLine({{QStringLiteral("ok"), false}, {QStringLiteral("code"), session.error().code}}) << "\n";
        return kExitAuth;
    }

    if (p.isSet(QStringLiteral("dry-run"))) {
        auto plan = ExportPlanner(store.value()).plan(session.value(), filter, *key);
        if (!plan) {
            err << "export: " << plan.error().message << "\n";
            out << jsonLine({{QStringLiteral("ok"), false}, {QStringLiteral("code"), plan.error().code}}) << "\n";
            return plan.error().code == QLatin1String("forbidden") ? kExitAuth : kExitProblem;
        }
        QJsonObject line = summaryOf(plan->leftOut);
        line.insert(QStringLiteral("ok"), true);
        line.insert(QStringLiteral("dry_run"), true);
        line.insert(QStringLiteral("would_export"), int(plan->items.size()));
        line.insert(QStringLiteral("filter"), filter.toJson());
        out << jsonLine(line) << "\n";
        return 0;
    }

    ExportRequest request;
    request.filter = filter;
    request.key = *key;
    request.destination = p.value(QStringLiteral("out"));
    ExportControl control;
    control.cancel = &g_cancel;
    int lastPercent = -1;
    control.progress = [&err, &lastPercent](int done, int total) {
        const int percent = total ? done * 100 / total : 100;
        if (percent == lastPercent)
            return;
        lastPercent = percent;
        err << "export: " << done << "/" << total << " (" << percent << "%)\n";
        err.flush();
    };
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    ExportService service(store.value());
    service.setThreads(p.value(QStringLiteral("threads")).toInt());
    auto outcome = service.run(session.value(), request, control);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!outcome) {
        const QString& code = outcome.error().code;
        err << "export: " << outcome.error().message << "\n";
        out << jsonLine({{QStringLiteral("ok"), false}, {QStringLiteral("code"), code}}) << "\n";
        if (code == QLatin1String("forbidden"))
            return kExitAuth;
        if (code == QLatin1String("cancelled"))
            return kExitCancelled;
        if (code == QLatin1String("destination-exists") || code == QLatin1String("destination-invalid"))
            return kExitUsage;
        return kExitProblem;
    }
    QJsonObject line = summaryOf(outcome->leftOut);
    line.insert(QStringLiteral("ok"), true);
    line.insert(QStringLiteral("export_id"), outcome->exportId);
    line.insert(QStringLiteral("destination"), outcome->destination);
    line.insert(QStringLiteral("format"), outcome->format);
    line.insert(QStringLiteral("exported"), outcome->exported);
    line.insert(QStringLiteral("reencoded"), outcome->reencoded);
    line.insert(QStringLiteral("manifest_sha256"), outcome->manifestSha256);
    line.insert(QStringLiteral("elapsed_ms"), qint64(outcome->elapsedMs));
    out << jsonLine(line) << "\n";
    return 0;
}

const Registration exportRegistration(
    QStringLiteral("export"),
    QStringLiteral("approved photos for the national upload: export --db DB --out DIR|FILE.zip --as USER [filters]"),
    exportCommand);
} // namespace

} // namespace pd::cli
