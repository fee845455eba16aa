// photodesk-sms-gateway: stand-ins for Aliyun SendSms, Tencent Cloud SendSms and the generic
// JSON gateway, on 127.0.0.1 only. Prints one JSON line with the port and the three endpoints,
// then serves until killed. See docs/sms.md.
#include "SmsGatewayServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace pd::gateway;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("photodesk-sms-gateway"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "SMS gateway stand-ins (Aliyun, Tencent, generic) on 127.0.0.1. The access key pair is read from "
        "PHOTODESK_SMS_ACCESS_KEY_ID and PHOTODESK_SMS_ACCESS_KEY_SECRET."));
    p.addHelpOption();
    p.addOption({QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default: a free one)."), QStringLiteral("N"), QStringLiteral("0")});
    p.addOption({QStringLiteral("latency-ms"), QStringLiteral("Delay every answer (after delivery) by N ms."), QStringLiteral("N"), QStringLiteral("0")});
    p.addOption({QStringLiteral("hold-ms"), QStringLiteral("timeout fault: hold the connection N ms, then close it."), QStringLiteral("N"), QStringLiteral("30000")});
    p.addOption({QStringLiteral("fault-rate"), QStringLiteral("Random faults (timeout/5xx/throttle/drop/drop-after) on this share of requests, 0..1."), QStringLiteral("R"), QStringLiteral("0")});
    p.addOption({QStringLiteral("fault"), QStringLiteral("Queue a fault: PROVIDER:FAULT[:COUNT], e.g. aliyun:throttle:2 or *:5xx (repeatable)."), QStringLiteral("SPEC")});
    p.addOption({QStringLiteral("log"), QStringLiteral("Append one JSON line per delivery, replay, rejection and fault to FILE."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("no-dedupe"), QStringLiteral("Do not de-duplicate by idempotency key (as the public Aliyun/Tencent APIs, which only echo OutId/SessionContext).")});
    p.process(app);

    GatewayOptions o;
    o.keyId = qEnvironmentVariable("PHOTODESK_SMS_ACCESS_KEY_ID");
    o.secret = qEnvironmentVariable("PHOTODESK_SMS_ACCESS_KEY_SECRET");
    if (o.keyId.isEmpty() || o.secret.isEmpty()) {
        std::fprintf(stderr, "photodesk-sms-gateway: set PHOTODESK_SMS_ACCESS_KEY_ID and PHOTODESK_SMS_ACCESS_KEY_SECRET "
                             "(the key pair the stand-ins accept)\n");
        return 2;
    }
    o.latencyMs = p.value(QStringLiteral("latency-ms")).toInt();
    o.holdMs = p.value(QStringLiteral("hold-ms")).toInt();
    o.faultRate = p.value(QStringLiteral("fault-rate")).toDouble();
    o.logFile = p.value(QStringLiteral("log"));
    o.dedupe = !p.isSet(QStringLiteral("no-dedupe"));

    SmsGatewayServer server(o);
    for (const QString& spec : p.values(QStringLiteral("fault"))) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool ok = parts.size() >= 2;
        if (ok)
            faultFromString(parts.at(1), &ok);
        if (!ok) {
            std::fprintf(stderr, "photodesk-sms-gateway: bad --fault %s\n", qPrintable(spec));
            return 2;
        }
    }
    // Only ever the loopback interface: this is a test double, not a service.
    const quint16 port = server.listen(QHostAddress(QHostAddress::LocalHost), quint16(p.value(QStringLiteral("port")).toUInt()));
    if (port == 0) {
        std::fprintf(stderr, "photodesk-sms-gateway: cannot listen on 127.0.0.1:%s\n", qPrintable(p.value(QStringLiteral("port"))));
        return 1;
    }
    server.queueFaults(p.values(QStringLiteral("fault")));
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    const QJsonObject ready{{QStringLiteral("listening"), QStringLiteral("127.0.0.1")},
                            {QStringLiteral("port"), int(port)},
                            {QStringLiteral("dedupe"), o.dedupe},
                            {QStringLiteral("aliyun"), base + QStringLiteral("/aliyun/")},
                            {QStringLiteral("tencent"), base + QStringLiteral("/tencent/")},
                            {QStringLiteral("generic"), base + QStringLiteral("/generic/sms/send")},
                            {QStringLiteral("stats"), base + QStringLiteral("/_stats")}};
    std::printf("%s\n", QJsonDocument(ready).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return app.exec();
}
