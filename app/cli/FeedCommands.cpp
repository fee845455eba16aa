// photodesk-cli sync | dispatch-platform: the platform feed (docs/platform-api.md).
#include "app/cli/Commands.h"

#include "core/feed/PlatformDispatcher.h"
#include "core/feed/SyncService.h"
#include "core/store/Store.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace pd::cli {

namespace {
void addPlatformOptions(QCommandLineParser& p)
{
    p.addOption({QStringLiteral("platform"), QStringLiteral("Base URL of the platform."), QStringLiteral("URL")});
    p.addOption({QStringLiteral("token"), QStringLiteral("Bearer token (default: $PHOTODESK_PLATFORM_TOKEN)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite file or postgresql:// URL."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("blobs"), QStringLiteral("Photo folder (default: beside a SQLite file, $PHOTODESK_BLOB_DIR for PostgreSQL)."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("timeout-ms"), QStringLiteral("Per-request timeout."), QStringLiteral("MS"), QStringLiteral("15000")});
    p.addOption({QStringLiteral("pin-sha256"), QStringLiteral("Pinned server certificate (hex SHA-256 of its DER)."), QStringLiteral("HEX")});
    p.addOption({QStringLiteral("ca-file"), QStringLiteral("Extra CA certificates (PEM)."), QStringLiteral("FILE")});
}

bool readPlatformOptions(const QCommandLineParser& p, PlatformConfig* config, QTextStream& err)
{
    config->baseUrl = QUrl(p.value(QStringLiteral("platform")));
    config->token = p.isSet(QStringLiteral("token")) ? p.value(QStringLiteral("token")) : qEnvironmentVariable("PHOTODESK_PLATFORM_TOKEN");
    config->timeoutMs = p.value(QStringLiteral("timeout-ms")).toInt();
    config->pinnedCertSha256 = p.value(QStringLiteral("pin-sha256"));
    config->extraCaFile = p.value(QStringLiteral("ca-file"));
    if (!config->baseUrl.isValid() || config->baseUrl.scheme().isEmpty() || config->token.isEmpty() || !p.isSet(QStringLiteral("db"))
        || config->timeoutMs <= 0) {
        err << "needs --platform URL, --token T (or PHOTODESK_PLATFORM_TOKEN) and --db DB\n";
        return false;
    }
    return true;
}

int syncCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    addPlatformOptions(p);
    PlatformConfig config;
    if (!p.parse(QStringList{QStringLiteral("sync")} + args) || !readPlatformOptions(p, &config, err)) {
        err << "usage: photodesk-cli sync --platform URL --token T --db DB [--blobs DIR] [--timeout-ms MS]\n";
        return 2;
    }
    auto store = Store::open(p.value(QStringLiteral("db")), p.value(QStringLiteral("blobs")));
    if (!store) {
        err << "sync: " << store.error().message << "\n";
        return 2;
    }
    SyncService sync(store.value(), config);
    const SyncReport r = sync.runOnce();
    for (const QString& problem : r.problems)
        err << "sync: " << problem << "\n";
    out << jsonLine({{QStringLiteral("fetched"), r.fetched},
                     {QStringLiteral("inserted"), r.inserted},
                     {QStringLiteral("updated"), r.updated},
                     {QStringLiteral("photos"), r.photos},
                     {QStringLiteral("errors"), r.errors},
                     {QStringLiteral("completed"), r.completed},
                     {QStringLiteral("resumed"), r.resumed}})
        << "\n";
    return r.completed && r.errors == 0 ? 0 : 1;
}

int dispatchCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    addPlatformOptions(p);
    PlatformConfig config;
    if (!p.parse(QStringList{QStringLiteral("dispatch-platform")} + args) || !readPlatformOptions(p, &config, err)) {
        err << "usage: photodesk-cli dispatch-platform --platform URL --token T --db DB\n";
        return 2;
    }
    auto store = Store::open(p.value(QStringLiteral("db")), p.value(QStringLiteral("blobs")));
    if (!store) {
        err << "dispatch-platform: " << store.error().message << "\n";
        return 2;
    }
    PlatformDispatcher dispatcher(store.value(), config);
    QObject::connect(&dispatcher, &PlatformDispatcher::deliveryFailed, [&err](qint64 id, const QString& error, bool willRetry) {
        err << "dispatch-platform: outbox " << id << (willRetry ? " (will retry): " : " (failed): ") << error << "\n";
    });
    DispatchReport total;
    for (;;) { // everything due now, in batches
        const DispatchReport r = dispatcher.runOnce(100);
        total.sent += r.sent;
        total.retried += r.retried;
        total.failed += r.failed;
        if (r.sent + r.retried + r.failed < 100)
            break;
    }
    out << jsonLine({{QStringLiteral("sent"), total.sent}, {QStringLiteral("retried"), total.retried}, {QStringLiteral("failed"), total.failed}})
        << "\n";
    return total.retried + total.failed == 0 ? 0 : 1;
}

const Registration sync(QStringLiteral("sync"),
                        QStringLiteral("pull pending submissions: sync --platform URL --token T --db DB"), syncCommand);
const Registration dispatch(QStringLiteral("dispatch-platform"),
                            QStringLiteral("deliver decided attempts to the platform: dispatch-platform --platform URL --token T --db DB"),
                            dispatchCommand);
} // namespace

} // namespace pd::cli
