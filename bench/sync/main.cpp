// photodesk-bench-sync [--submissions N] [--db DB] [--page-size P]
// Starts photodesk-platform-sim --synthetic N beside this binary, syncs everything into DB (a
// fresh SQLite file in a temporary folder by default) and prints one JSON line: seconds,
// submissions per second, photos, peak resident memory of this process (MB), and a second,
// idempotent pass (nothing inserted).
#include "core/feed/SyncService.h"
#include "core/store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

using namespace pd;

namespace {
double peakRssMb(int who)
{
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_maxrss) / 1024.0; // Linux: kilobytes
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("submissions"), QStringLiteral("Submissions the simulator serves."), QStringLiteral("N"), QStringLiteral("10000")});
    p.addOption({QStringLiteral("db"), QStringLiteral("Store (default: a fresh SQLite file)."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("page-size"), QStringLiteral("Items per page."), QStringLiteral("P"), QStringLiteral("100")});
    p.process(app);

    QTemporaryDir dir;
    const QString db = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : dir.filePath(QStringLiteral("bench.sqlite"));
    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.start(QCoreApplication::applicationDirPath() + QStringLiteral("/photodesk-platform-sim"),
              {QStringLiteral("--synthetic"), p.value(QStringLiteral("submissions")), QStringLiteral("--token"), QStringLiteral("bench-token")});
    if (!sim.waitForStarted(10000) || !sim.waitForReadyRead(60000)) {
        std::fprintf(stderr, "bench-sync: the simulator did not start\n");
        return 2;
    }
    const QJsonObject info = QJsonDocument::fromJson(sim.readLine()).object();
    auto store = Store::open(db, dir.filePath(QStringLiteral("blobs")));
    if (!store) {
        std::fprintf(stderr, "bench-sync: %s\n", qPrintable(store.error().message));
        return 2;
    }
    PlatformConfig config;
    config.baseUrl = QUrl(info.value(QStringLiteral("url")).toString());
    config.token = QStringLiteral("bench-token");
    config.pageSize = p.value(QStringLiteral("page-size")).toInt();
    SyncService sync(store.value(), config);
    QElapsedTimer timer;
    timer.start();
    const SyncReport first = sync.runOnce();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    const SyncReport second = sync.runOnce();
    const double secondSeconds = double(timer.nsecsElapsed()) / 1e9;
    sim.kill();
    sim.waitForFinished(5000);
    const QJsonObject out{{QStringLiteral("submissions"), first.fetched},
                          {QStringLiteral("inserted"), first.inserted},
                          {QStringLiteral("photos"), first.photos},
                          {QStringLiteral("errors"), first.errors + second.errors},
                          {QStringLiteral("seconds"), qRound(seconds * 100) / 100.0},
                          {QStringLiteral("per_second"), qRound(first.fetched / seconds)},
                          {QStringLiteral("peak_rss_mb"), qRound(peakRssMb(RUSAGE_SELF) * 10) / 10.0},
                          {QStringLiteral("simulator_peak_rss_mb"), qRound(peakRssMb(RUSAGE_CHILDREN) * 10) / 10.0},
                          {QStringLiteral("second_pass_seconds"), qRound(secondSeconds * 100) / 100.0},
                          {QStringLiteral("second_pass_inserted"), second.inserted}};
    std::fprintf(stdout, "%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return first.completed && second.inserted == 0 ? 0 : 1;
}
