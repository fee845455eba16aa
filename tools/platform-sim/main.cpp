// photodesk-platform-sim: a stand-in for the collection platform (docs/platform-api.md).
//   photodesk-platform-sim [--port P] [--data DIR | --synthetic N] [--faults LIST] [--token T]
// Listens on 127.0.0.1 only and prints one JSON line: {"port":…,"url":…,"submissions":…}.
#include "PlatformSim.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>

#include <cstdio>

namespace {
// The installed demo data (same search order as core/util/Paths: env, beside the binary, build tree).
QString defaultDataDir()
{
    QStringList candidates;
    if (qEnvironmentVariableIsSet("PHOTODESK_SHARE_DIR"))
        candidates << qEnvironmentVariable("PHOTODESK_SHARE_DIR") + QStringLiteral("/demo");
    candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/photodesk/demo")
               << QStringLiteral("/usr/share/photodesk/demo");
    for (const QString& c : candidates)
        if (QFileInfo::exists(c + QStringLiteral("/demo.json")))
            return QDir(c).absolutePath();
    return {};
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("PhotoDesk collection-platform simulator (127.0.0.1 only)"));
    p.addHelpOption();
    p.addOption({QStringLiteral("port"), QStringLiteral("Port (0 = a free one)."), QStringLiteral("P"), QStringLiteral("0")});
    p.addOption({QStringLiteral("data"), QStringLiteral("Folder with demo.json and its photos (default: installed demo data)."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("synthetic"), QStringLiteral("Serve N generated submissions instead of the demo data."), QStringLiteral("N")});
    p.addOption({QStringLiteral("faults"), QStringLiteral("latency=MS,http500=P,http503=P,drop=P,truncate=P,checksum=P,duplicate=P (bare name: 0.2; all=P)."), QStringLiteral("LIST")});
    p.addOption({QStringLiteral("token"), QStringLiteral("Bearer token the API accepts (default: $PHOTODESK_PLATFORM_TOKEN or demo-token)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the fault dice."), QStringLiteral("S"), QStringLiteral("1")});
    p.process(app);

    QString token = p.value(QStringLiteral("token"));
    if (token.isEmpty())
        token = qEnvironmentVariable("PHOTODESK_PLATFORM_TOKEN", QStringLiteral("demo-token"));
    pdsim::PlatformSim sim(token, p.value(QStringLiteral("seed")).toUInt());
    if (p.isSet(QStringLiteral("synthetic"))) {
        sim.generate(p.value(QStringLiteral("synthetic")).toInt());
    } else {
        const QString dir = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")) : defaultDataDir();
        QString error;
        if (dir.isEmpty() || !sim.loadDemo(dir, &error)) {
            std::fprintf(stderr, "platform-sim: %s\n",
                         qPrintable(dir.isEmpty() ? QStringLiteral("no demo data found; pass --data DIR or --synthetic N") : error));
            return 2;
        }
    }
    if (p.isSet(QStringLiteral("faults"))) {
        QString error;
        const auto faults = pdsim::Faults::parse(p.value(QStringLiteral("faults")), &error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "platform-sim: %s\n", qPrintable(error));
            return 2;
        }
        sim.setFaults(faults);
    }
    const quint16 port = sim.listen(QHostAddress::LocalHost, quint16(p.value(QStringLiteral("port")).toUInt()));
    if (!port) {
        std::fprintf(stderr, "platform-sim: cannot listen on 127.0.0.1:%s\n", qPrintable(p.value(QStringLiteral("port"))));
        return 1;
    }
    const QJsonObject info{{QStringLiteral("port"), int(port)},
                           {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1").arg(port)},
                           {QStringLiteral("submissions"), sim.pendingCount()}};
    std::fprintf(stdout, "%s\n", QJsonDocument(info).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return app.exec();
}
