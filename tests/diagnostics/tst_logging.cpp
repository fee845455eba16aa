// Structured logs: personal data masked in every line, JSON lines, level filter, size rotation.
#include "core/support/Log.h"
#include "core/support/LogCategories.h"
#include "core/support/Redaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace pd;

namespace {

QList<QJsonObject> readLines(const QString& path)
{
    QList<QJsonObject> lines;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        if (raw.isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qWarning("not a JSON line: %s", raw.constData());
        lines << doc.object();
    }
    return lines;
}

} // namespace

class TestLogging : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { logging::uninstall(); }

    void masksPersonalData_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("national id") << "id 11010120030315102X checked" << "id **************102X checked";
        QTest::newRow("old national id") << "id=110101030315102" << "id=***********5102";
        QTest::newRow("mobile") << "sent to 13800000001." << "sent to 138****0001.";
        QTest::newRow("mobile +86") << "to +86 13912345678" << "to 139****5678";
        QTest::newRow("student number") << "student 2021010101 found" << "student ******0101 found";
        QTest::newRow("json phone") << R"({"phone":"13800000002"})" << R"({"phone":"138****0002"})";
        QTest::newRow("url password") << "postgresql://desk:s3cret@db.school.cn/photodesk" << "postgresql://desk:***@db.school.cn/photodesk";
        QTest::newRow("token") << "PHOTODESK_PLATFORM_TOKEN=abc123 started" << "PHOTODESK_PLATFORM_TOKEN=*** started";
        QTest::newRow("json secret") << R"({"access_key_secret": "xyz"})" << R"({"access_key_secret": "***"})";
        QTest::newRow("bearer") << "Authorization: Bearer eyJhbGciOi.J9" << "Authorization: Bearer ***";
        QTest::newRow("short ids stay") << "attempt 123 decided by user 4 (decision 55), 3 tries" << "attempt 123 decided by user 4 (decision 55), 3 tries";
        QTest::newRow("time stays") << "retry at 2024-05-01T08:00:00.000Z" << "retry at 2024-05-01T08:00:00.000Z";
        QTest::newRow("sha256 stays") << "blob a1ff2ff6cc23462909b60bc25fed8660cbef9fe0c3379ef9b61ca66a5bd3b1c1 ok"
                                      << "blob a1ff2ff6cc23462909b60bc25fed8660cbef9fe0c3379ef9b61ca66a5bd3b1c1 ok";
        QTest::newRow("uuid stays") << "key sms-7-550e8400-e29b-41d4-a716-446655440000" << "key sms-7-550e8400-e29b-41d4-a716-446655440000";
        QTest::newRow("bytes removed") << "photo " + QString(300, QLatin1Char('A')) + " end" << "photo [300 characters removed] end";
    }

    void masksPersonalData()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(scrubPersonalData(text), expected);
    }

    void secretKeys()
    {
        for (const char* key : {"platform/token", "sms/access_key_id", "sms/access_key_secret", "database/password", "PHOTODESK_PLATFORM_TOKEN",
                                "keys/private_key", "api_key"})
            QVERIFY2(isSecretKey(QString::fromLatin1(key)), key);
        for (const char* key : {"platform/url", "sms/provider", "sms/sign_name", "log/level", "ui/language", "database/url"})
            QVERIFY2(!isSecretKey(QString::fromLatin1(key)), key);
    }

    void levels()
    {
        QVERIFY(logging::levelFromString(QStringLiteral("DEBUG")) == logging::Level::Debug);
        QVERIFY(logging::levelFromString(QStringLiteral(" warn ")) == logging::Level::Warning);
        QVERIFY(logging::levelFromString(QStringLiteral("error")) == logging::Level::Error);
        QVERIFY(!logging::levelFromString(QStringLiteral("loud")));
        qputenv("PHOTODESK_LOG_LEVEL", "warning");
        QVERIFY(logging::standardOptions(QStringLiteral("x")).level == logging::Level::Warning);
        qunsetenv("PHOTODESK_LOG_LEVEL");
        QTemporaryDir dir;
        qputenv("PHOTODESK_SYSTEM_CONFIG", dir.filePath(QStringLiteral("none.conf")).toUtf8());
        qputenv("PHOTODESK_CONFIG_DIR", dir.path().toUtf8());
        QVERIFY(logging::standardOptions(QStringLiteral("x")).level == logging::Level::Info);
        // The setting log/level (here the system file) when the environment says nothing.
        QFile system(dir.filePath(QStringLiteral("none.conf")));
        QVERIFY(system.open(QIODevice::WriteOnly));
        system.write("[log]\nlevel = error\n");
        system.close();
        QVERIFY(logging::standardOptions(QStringLiteral("x")).level == logging::Level::Error);
        qputenv("PHOTODESK_LOG_LEVEL", "debug");
        QVERIFY(logging::standardOptions(QStringLiteral("x")).level == logging::Level::Debug);
        qunsetenv("PHOTODESK_LOG_LEVEL");
        qunsetenv("PHOTODESK_SYSTEM_CONFIG");
        qunsetenv("PHOTODESK_CONFIG_DIR");
    }

    void oneJsonObjectPerLine()
    {
        const QByteArray line = logging::formatLine(QtWarningMsg, "photodesk.sms", QStringLiteral("two\nlines to 13800000001"),
                                                    QDateTime(QDate(2024, 5, 1), QTime(8, 0, 1, 250), Qt::UTC));
        QVERIFY(!line.contains('\n'));
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value("time").toString(), QStringLiteral("2024-05-01T08:00:01.250Z"));
        QCOMPARE(o.value("level").toString(), QStringLiteral("warning"));
        QCOMPARE(o.value("category").toString(), QStringLiteral("photodesk.sms"));
        QCOMPARE(o.value("message").toString(), QStringLiteral("two\nlines to 138****0001"));
        QVERIFY(o.value("pid").toInteger() > 0);
    }

    void handlerWritesMaskedLinesAtTheLevel()
    {
        QTemporaryDir dir;
        logging::Options o;
        o.dir = dir.filePath(QStringLiteral("logs"));
        o.baseName = QStringLiteral("test");
        o.echo = false;
        QVERIFY(logging::install(o));
        QCOMPARE(logging::logDir(), o.dir);
        QCOMPARE(QFileInfo(o.dir).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

        qCDebug(lcReview) << "not written at info";
        qCInfo(lcReview).noquote() << "attempt 17 approved by user 3; student 2021030108, phone 13800000002";
        qCWarning(lcFeed) << "sync failed:" << "platform-unreachable";
        logging::setLevel(logging::Level::Debug);
        qCDebug(lcStore) << "debug now";
        logging::setLevel(logging::Level::Error);
        qCWarning(lcSms) << "dropped at error";

        const QString path = dir.filePath(QStringLiteral("logs/test.log"));
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        const QList<QJsonObject> lines = readLines(path);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0].value("category").toString(), QStringLiteral("photodesk.review"));
        QCOMPARE(lines[0].value("level").toString(), QStringLiteral("info"));
        QCOMPARE(lines[0].value("message").toString(), QStringLiteral("attempt 17 approved by user 3; student ******0108, phone 138****0002"));
        QCOMPARE(lines[1].value("category").toString(), QStringLiteral("photodesk.feed"));
        QCOMPARE(lines[1].value("level").toString(), QStringLiteral("warning"));
        QCOMPARE(lines[2].value("message").toString(), QStringLiteral("debug now"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        QVERIFY(!all.contains("13800000002"));
        QVERIFY(!all.contains("2021030108"));
    }

    void rotatesBySizeAndKeepsN()
    {
        QTemporaryDir dir;
        logging::RotatingLogFile log(dir.path(), QStringLiteral("photodesk"), 4096, 2);
        const QByteArray line(200, 'x');
        for (int i = 0; i < 100; ++i)
            QVERIFY(log.write(QByteArray::number(i).rightJustified(4, '0') + line));
        const QString base = dir.filePath(QStringLiteral("photodesk.log"));
        QVERIFY(QFileInfo::exists(base));
        QVERIFY(QFileInfo::exists(base + ".1"));
        QVERIFY(QFileInfo::exists(base + ".2"));
        QVERIFY(!QFileInfo::exists(base + ".3"));
        for (const QString& p : {base, base + ".1", base + ".2"})
            QVERIFY2(QFileInfo(p).size() <= 4096, qPrintable(p));
        // The newest line is in the current file, the one before the rotation in .1.
        QFile current(base);
        QVERIFY(current.open(QIODevice::ReadOnly));
        QVERIFY(current.readAll().trimmed().endsWith(line));
        QFile previous(base + ".1");
        QVERIFY(previous.open(QIODevice::ReadOnly));
        const QList<QByteArray> older = previous.readAll().trimmed().split('\n');
        QFile now(base);
        QVERIFY(now.open(QIODevice::ReadOnly));
        const QByteArray firstNow = now.readAll().split('\n').first();
        QCOMPARE(older.last().left(4).toInt() + 1, firstNow.left(4).toInt());
        // logFiles lists all three, newest first.
        const QStringList files = logging::logFiles(dir.path());
        QCOMPARE(files.size(), 3);
        QCOMPARE(QFileInfo(files.first()).fileName(), QStringLiteral("photodesk.log"));
    }

    void rotationThroughTheHandler()
    {
        QTemporaryDir dir;
        logging::Options o;
        o.dir = dir.path();
        o.maxBytes = 2048;
        o.keep = 3;
        o.echo = false;
        QVERIFY(logging::install(o));
        for (int i = 0; i < 200; ++i)
            qCInfo(lcApp) << "line" << i << "for the rotation test, phone 13800000009";
        const QStringList files = logging::logFiles(dir.path());
        QCOMPARE(files.size(), 4); // current + 3 kept
        int lines = 0;
        for (const QString& f : files) {
            QVERIFY(QFileInfo(f).size() <= 2048);
            for (const QJsonObject& o : readLines(f)) {
                ++lines;
                QVERIFY(o.value("message").toString().contains(QStringLiteral("138****0009")));
            }
        }
        QVERIFY(lines > 20 && lines < 200); // the oldest were dropped with the fifth file
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
