// The connection tests of the first-run wizard, against the real things: a SQLite file and the
// test PostgreSQL server (tst_connectionchecks_pg), the platform simulator, the SMS stand-in.

#include "GatewayProcess.h"
#include "SimProcess.h"
#include "TestSupport.h"

#include "core/config/ConnectionChecks.h"
#include "core/store/Database.h"
#include "core/store/Migrator.h"

#include <QFile>
#include <QJsonArray>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

class TestConnectionChecks : public QObject {
    Q_OBJECT

private slots:
    void databaseUpToDate();
    void databaseEmpty();
    void databaseOlderSchema();
    void sqliteNewFile();
    void sqliteProblems();
    void postgresUnreachable();
    void platformOk();
    void platformWrongToken();
    void platformTimeout();
    void platformTls();
    void platformUnreachable();
    void smsSignedTestMessage_data();
    void smsSignedTestMessage();
    void smsWrongSecret();
    void smsBadPhone();
};

void TestConnectionChecks::databaseUpToDate()
{
    test::TempStore temp; // follows PHOTODESK_TEST_BACKEND: SQLite, or the real PostgreSQL in _pg
    auto probe = probeDatabase(temp.dbPath());
    QVERIFY2(probe.ok(), qPrintable(probe.ok() ? QString() : probe.error().message));
    QCOMPARE(probe->team, temp.backend() == test::Backend::PostgreSQL);
    QVERIFY(probe->server.startsWith(probe->team ? QStringLiteral("PostgreSQL 1") : QStringLiteral("SQLite 3")));
    QCOMPARE(probe->schemaVersion, Migrator::latestVersion());
    QCOMPARE(probe->latestVersion, Migrator::latestVersion());
    QCOMPARE(probe->migrationsNeeded, 0);
    QVERIFY(probe->exists);
}

void TestConnectionChecks::databaseEmpty()
{
    test::TestDatabase empty(test::backendFromEnvironment());
    if (empty.backend() == test::Backend::SQLite) {
        Database db(empty.location()); // an empty SQLite file
        db.connection();
    }
    auto probe = probeDatabase(empty.location());
    QVERIFY2(probe.ok(), qPrintable(probe.ok() ? QString() : probe.error().message));
    QCOMPARE(probe->schemaVersion, 0);
    QCOMPARE(probe->migrationsNeeded, int(Migrator::available().size()));
}

void TestConnectionChecks::databaseOlderSchema()
{
    test::TestDatabase older(test::backendFromEnvironment());
    {
        Database db(older.location());
        Migrator(db).migrate(4);
    }
    auto probe = probeDatabase(older.location());
    QVERIFY(probe.ok());
    QCOMPARE(probe->schemaVersion, 4);
    int needed = 0;
    for (const auto& m : Migrator::available())
        needed += m.version > 4;
    QCOMPARE(probe->migrationsNeeded, needed);
    QVERIFY(needed > 0);
}

void TestConnectionChecks::sqliteNewFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new/folder/pd.sqlite"));
    auto probe = probeDatabase(path);
    QVERIFY(probe.ok());
    QVERIFY(!probe->exists);
    QCOMPARE(probe->migrationsNeeded, int(Migrator::available().size()));
    QVERIFY(!QFile::exists(path)); // a test never creates it
}

void TestConnectionChecks::sqliteProblems()
{
    QTemporaryDir dir;
    const QString notDb = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(notDb);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    auto garbage = probeDatabase(notDb);
    QVERIFY2(!garbage.ok(), "a file that is no database must not pass");
    QCOMPARE(garbage.error().code, QStringLiteral("store-open"));
    // A folder that cannot be made (below a plain file; root may write anywhere else).
    auto unwritable = probeDatabase(notDb + QStringLiteral("/sub/pd.sqlite"));
    QVERIFY(!unwritable.ok());
    QCOMPARE(unwritable.error().code, QStringLiteral("database-folder"));
}

void TestConnectionChecks::postgresUnreachable()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    auto probe = probeDatabase(QStringLiteral("postgresql://photodesk@127.0.0.1:%1/photodesk").arg(port), QStringLiteral("pw-SECRET"));
    QVERIFY(!probe.ok());
    QCOMPARE(probe.error().code, QStringLiteral("store-open"));
    QVERIFY(!probe.error().message.contains(QStringLiteral("pw-SECRET")));
}

void TestConnectionChecks::platformOk()
{
    test::SimProcess sim({QStringLiteral("--synthetic"), QStringLiteral("7")});
    QVERIFY(sim.ok());
    PlatformConfig c;
    c.baseUrl = sim.url();
    c.token = test::SimProcess::token();
    auto probe = probePlatform(c);
    QVERIFY2(probe.ok(), qPrintable(probe.ok() ? QString() : probe.error().message));
    QCOMPARE(probe->pending, 7);
    QCOMPARE(probe->firstPageItems, 1);
}

void TestConnectionChecks::platformWrongToken()
{
    test::SimProcess sim({QStringLiteral("--synthetic"), QStringLiteral("3")});
    QVERIFY(sim.ok());
    PlatformConfig c;
    c.baseUrl = sim.url();
    c.token = QStringLiteral("wrong-token");
    auto probe = probePlatform(c);
    QVERIFY(!probe.ok());
    QCOMPARE(probe.error().code, QStringLiteral("platform-auth"));
    QVERIFY(!probe.error().message.contains(QStringLiteral("wrong-token")));
}

void TestConnectionChecks::platformTimeout()
{
    test::SimProcess sim({QStringLiteral("--synthetic"), QStringLiteral("3"), QStringLiteral("--faults"), QStringLiteral("latency=3000")});
    QVERIFY(sim.ok());
    PlatformConfig c;
    c.baseUrl = sim.url();
    c.token = test::SimProcess::token();
    c.timeoutMs = 500;
    auto probe = probePlatform(c);
    QVERIFY(!probe.ok());
    QCOMPARE(probe.error().code, QStringLiteral("platform-timeout"));
}

void TestConnectionChecks::platformTls()
{
    // https:// to a server that speaks plain HTTP: the handshake fails.
    test::SimProcess sim({QStringLiteral("--synthetic"), QStringLiteral("1")});
    QVERIFY(sim.ok());
    PlatformConfig c;
    QUrl url = sim.url();
    url.setScheme(QStringLiteral("https"));
    c.baseUrl = url;
    c.token = test::SimProcess::token();
    c.timeoutMs = 3000;
    auto probe = probePlatform(c);
    QVERIFY(!probe.ok());
    QVERIFY2(probe.error().code == QLatin1String("tls-error") || probe.error().code == QLatin1String("platform-unreachable"),
             qPrintable(probe.error().code + QLatin1Char(' ') + probe.error().message));
}

void TestConnectionChecks::platformUnreachable()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    PlatformConfig c;
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    c.token = QStringLiteral("t");
    auto probe = probePlatform(c);
    QCOMPARE(probe.error().code, QStringLiteral("platform-unreachable"));
}

void TestConnectionChecks::smsSignedTestMessage_data()
{
    QTest::addColumn<QString>("provider");
    QTest::newRow("generic") << QStringLiteral("generic");
    QTest::newRow("aliyun") << QStringLiteral("aliyun");
    QTest::newRow("tencent") << QStringLiteral("tencent");
}

void TestConnectionChecks::smsSignedTestMessage()
{
    QFETCH(QString, provider);
    test::GatewayProcess gateway;
    SmsProviderConfig c;
    c.kind = *smsProviderKindFromString(provider);
    c.endpoint = gateway.endpoint(provider);
    c.signName = QStringLiteral("北方理工大学");
    c.sdkAppId = QStringLiteral("1400000000");
    c.templateCodes = {{QStringLiteral("approved"), c.kind == SmsProviderKind::Tencent ? QStringLiteral("100001") : QStringLiteral("SMS_100001")}};
    c.credentials = {QLatin1String(test::GatewayProcess::kKeyId), QLatin1String(test::GatewayProcess::kSecret)};
    auto sent = sendTestSms(c, QStringLiteral("13800138000"));
    QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().code + QLatin1Char(' ') + sent.error().message));
    QVERIFY(!sent->messageId.isEmpty());
    QVERIFY(sent->text.startsWith(QStringLiteral("【北方理工大学】")));
    // Arrived at the stand-in, which checked the request signature, with the school's signature.
    const QJsonArray deliveries = gateway.stats().value(QStringLiteral("deliveries")).toArray();
    QCOMPARE(deliveries.size(), 1);
    const QJsonObject d = deliveries.at(0).toObject();
    QCOMPARE(d.value(QStringLiteral("phone")).toString(), QStringLiteral("13800138000"));
    if (provider == QLatin1String("generic"))
        QVERIFY(d.value(QStringLiteral("text")).toString().startsWith(QStringLiteral("【北方理工大学】")));
    else
        QCOMPARE(d.value(QStringLiteral("sign_name")).toString(), QStringLiteral("北方理工大学"));
}

void TestConnectionChecks::smsWrongSecret()
{
    test::GatewayProcess gateway;
    SmsProviderConfig c;
    c.kind = SmsProviderKind::Generic;
    c.endpoint = gateway.endpoint(QStringLiteral("generic"));
    c.signName = QStringLiteral("示例大学");
    c.credentials = {QLatin1String(test::GatewayProcess::kKeyId), QStringLiteral("not-the-secret")};
    auto sent = sendTestSms(c, QStringLiteral("13800138000"));
    QVERIFY(!sent.ok());
    QCOMPARE(sent.error().code, QStringLiteral("sms-rejected"));
    QVERIFY(!sent.error().message.contains(QStringLiteral("13800138000")));
    QVERIFY(!sent.error().message.contains(QStringLiteral("not-the-secret")));
    QCOMPARE(gateway.stats().value(QStringLiteral("deliveries")).toArray().size(), 0);
}

void TestConnectionChecks::smsBadPhone()
{
    SmsProviderConfig c;
    c.kind = SmsProviderKind::Generic;
    c.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1/generic/sms/send"));
    c.credentials = {QStringLiteral("a"), QStringLiteral("b")};
    QCOMPARE(sendTestSms(c, QStringLiteral("12345")).error().code, QStringLiteral("sms-phone-invalid"));
    c.credentials = {};
    QCOMPARE(sendTestSms(c, QStringLiteral("13800138000")).error().code, QStringLiteral("sms-credentials-missing"));
}

QTEST_GUILESS_MAIN(TestConnectionChecks)
#include "tst_connectionchecks.moc"
