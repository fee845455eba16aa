// "Export diagnostics": the zip opens (own reader, unzip -t, Python's zipfile), holds every
// entry with the right figures, and no secret or unmasked personal number is anywhere in it.
// Runs on SQLite and, as tst_diagnostics_pg, on PostgreSQL.
#include "TestSupport.h"
#include "ZipReader.h"

#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "core/support/Diagnostics.h"
#include "core/support/ZipWriter.h"
#include "core/util/Time.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace pd;
using namespace pd::test;

namespace {

QJsonObject jsonEntry(const ZipContents& z, const QString& name)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(z.files.value(name), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("%s: %s", qPrintable(name), qPrintable(error.errorString()));
    return doc.object();
}

int countOf(const QJsonArray& rows, const QString& field, const QString& value)
{
    for (const QJsonValue& r : rows)
        if (r.toObject().value(field).toString() == value)
            return r.toObject().value(QStringLiteral("count")).toInt();
    return 0;
}

// `unzip -t` and Python's zipfile, when the machine has them: independent readers.
void checkWithExternalTools(const QString& zip)
{
    if (const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip")); !unzip.isEmpty()) {
        QProcess p;
        p.start(unzip, {QStringLiteral("-t"), zip});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardOutput().constData());
    }
    if (const QString python = QStandardPaths::findExecutable(QStringLiteral("python3")); !python.isEmpty()) {
        QProcess p;
        p.start(python, {QStringLiteral("-c"), QStringLiteral("import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                                             "bad = z.testzip(); print(len(z.namelist())); sys.exit(1 if bad else 0)"),
                         zip});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, (p.readAllStandardOutput() + p.readAllStandardError()).constData());
    }
}

} // namespace

class TestDiagnostics : public QObject {
    Q_OBJECT

private slots:
    void zipWriterRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.zip"));
        ZipWriter zip(path);
        QVERIFY(zip.open());
        QByteArray big;
        for (int i = 0; i < 20000; ++i)
            big += "line " + QByteArray::number(i) + "\n";
        QByteArray random(4096, Qt::Uninitialized);
        for (char& c : random)
            c = char(QRandomGenerator::global()->generate() & 0xff);
        QVERIFY(zip.addFile(QStringLiteral("big.txt"), big));
        QVERIFY(zip.addFile(QStringLiteral("random.bin"), random)); // stored: deflate would not shrink it
        QVERIFY(zip.addFile(QStringLiteral("empty"), QByteArray()));
        QVERIFY(zip.addFile(QStringLiteral("日志/说明.txt"), QStringLiteral("中文").toUtf8()));
        QVERIFY(!QFile::exists(path)); // written under a temporary name until finish()
        QVERIFY(zip.finish());
        QVERIFY(QFileInfo(path).size() < big.size() / 3);
        const ZipContents z = readZip(path);
        QVERIFY2(z.error.isEmpty(), qPrintable(z.error));
        QCOMPARE(z.files.size(), 4);
        QCOMPARE(z.files.value("big.txt"), big);
        QCOMPARE(z.files.value("random.bin"), random);
        QCOMPARE(z.files.value("empty"), QByteArray());
        QCOMPARE(QString::fromUtf8(z.files.value(QStringLiteral("日志/说明.txt"))), QStringLiteral("中文"));
        checkWithExternalTools(path);
    }

    void bundleHoldsEverythingAndNothingPersonal()
    {
        TempStore ts;
        const auto& store = ts.store();
        addUser(store, QStringLiteral("reviewer"), Role::Reviewer);
        const auto a = addSampleAttempt(*store, QStringLiteral("2021010101"), 50); // overdue (48 h)
        addSampleAttempt(*store, QStringLiteral("2021010102"), 2);
        const QString now = toDbTime(utcNow());
        Sql(store->db(), QStringLiteral("INSERT INTO outbox (channel, idempotency_key, attempt_id, payload, state, tries, next_try_at, "
                                        "last_error, created_at, updated_at) VALUES ('sms', 'k1', :a, '{\"phone\":\"13800000101\"}', "
                                        "'failed', 3, :t, 'invalid mobile number 13800000101', :t2, :t3)"))
            .bind(QStringLiteral(":a"), a.attemptId)
            .bind(QStringLiteral(":t"), now)
            .bind(QStringLiteral(":t2"), now)
            .bind(QStringLiteral(":t3"), now)
            .exec();

        QTemporaryDir work;
        const QString logDir = work.filePath(QStringLiteral("logs"));
        QDir().mkpath(logDir);
        {
            // An old log written before masking existed, and a secret that slipped in.
            QFile old(logDir + QStringLiteral("/photodesk.log.1"));
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write(R"({"time":"2024-05-01T08:00:00.000Z","level":"info","category":"photodesk.sms","message":"sent to 13800000101 for 11010120000101010X","pid":4242424})"
                      "\n"
                      "plain line token=tok-LEAKED student 2021010101\n");
            QFile current(logDir + QStringLiteral("/photodesk.log"));
            QVERIFY(current.open(QIODevice::WriteOnly));
            current.write(R"({"time":"2024-05-02T08:00:00.000Z","level":"info","category":"photodesk.app","message":"started","pid":1})"
                          "\n");
        }
        qputenv("PHOTODESK_PLATFORM_TOKEN", "tok-ENVIRONMENT");
        qputenv("PHOTODESK_LOG_LEVEL", "info");

        DiagnosticsRequest request;
        request.database = ts.dbPath();
        request.logDir = logDir;
        request.application = QStringLiteral("tst_diagnostics");
        request.settings = QJsonObject{
            {QStringLiteral("platform/url"), QJsonObject{{QStringLiteral("value"), QStringLiteral("https://desk:pw-IN-URL@platform.example.cn/api")},
                                                         {QStringLiteral("source"), QStringLiteral("system")}}},
            {QStringLiteral("platform/token"), QJsonObject{{QStringLiteral("value"), QStringLiteral("tok-SETTINGS")}}},
            {QStringLiteral("sms/access_key_secret"), QStringLiteral("sk-SETTINGS")},
            {QStringLiteral("school/name"), QJsonObject{{QStringLiteral("value"), QStringLiteral("示例大学")}}},
            {QStringLiteral("sms/test_number"), QStringLiteral("13900000000")},
        };
        const QString zipPath = work.filePath(QStringLiteral("diag.zip"));
        QList<int> steps;
        const auto written = exportDiagnostics(request, zipPath, [&steps](int step, int) { steps << step; });
        qunsetenv("PHOTODESK_PLATFORM_TOKEN");
        qunsetenv("PHOTODESK_LOG_LEVEL");
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        QVERIFY(steps.size() >= 5);
        QVERIFY(std::is_sorted(steps.begin(), steps.end()));

        const ZipContents z = readZip(zipPath);
        QVERIFY2(z.error.isEmpty(), qPrintable(z.error));
        const QStringList expected{QStringLiteral("README.txt"),       QStringLiteral("versions.json"), QStringLiteral("settings.json"),
                                   QStringLiteral("environment.json"), QStringLiteral("database.json"), QStringLiteral("queue.json"),
                                   QStringLiteral("models.json"),      QStringLiteral("problems.json"), QStringLiteral("logs/photodesk.log"),
                                   QStringLiteral("logs/photodesk.log.1")};
        for (const QString& name : expected)
            QVERIFY2(z.files.contains(name), qPrintable(name + " missing; have " + QStringList(z.files.keys()).join(',')));
        QCOMPARE(z.files.size(), expected.size());
        QCOMPARE(QStringList(written->entries).size(), expected.size());

        // versions
        const QJsonObject versions = jsonEntry(z, QStringLiteral("versions.json"));
        QCOMPARE(versions.value("photodesk").toString(), QStringLiteral(PHOTODESK_VERSION));
        QVERIFY(!versions.value("build_id").toString().isEmpty());
        QCOMPARE(versions.value("qt_runtime").toString(), QString::fromLatin1(qVersion()));
        QVERIFY(!versions.value("opencv").toString().isEmpty());
        QVERIFY(!versions.value("dlib").toString().isEmpty());
        QCOMPARE(versions.value("face_model").toObject().value("status").toString(), QStringLiteral("ok"));

        // models: the face model verified against its .sha256
        const QJsonObject models = jsonEntry(z, QStringLiteral("models.json"));
        const QJsonObject face = models.value("face_model").toObject();
        QCOMPARE(face.value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(face.value("sha256").toString(), face.value("expected_sha256").toString());
        QCOMPARE(face.value("sha256").toString().size(), 64);
        QVERIFY(models.value("config_files").toObject().contains(QStringLiteral("reasons.json")));

        // database: schema version and integrity
        const QJsonObject db = jsonEntry(z, QStringLiteral("database.json"));
        QCOMPARE(db.value("backend").toString(), ts.backend() == Backend::SQLite ? QStringLiteral("sqlite") : QStringLiteral("postgresql"));
        QCOMPARE(db.value("schema_version").toInt(), Migrator::latestVersion());
        QCOMPARE(db.value("program_schema_version").toInt(), Migrator::latestVersion());
        QVERIFY2(db.value("integrity_check").toObject().value("ok").toBool(), QJsonDocument(db).toJson().constData());
        QCOMPARE(db.value("rows").toObject().value("attempts").toInt(), 2);
        QCOMPARE(db.value("rows").toObject().value("users").toInt(), 1);
        QVERIFY(db.value("migrations").toArray().size() >= 10);
        QVERIFY(!db.value("location").toString().contains(QStringLiteral("@")) || !db.value("location").toString().contains(QStringLiteral(":***")));

        // queue and outbox figures
        const QJsonObject queue = jsonEntry(z, QStringLiteral("queue.json"));
        QCOMPARE(countOf(queue.value("attempts_by_state").toArray(), QStringLiteral("state"), QStringLiteral("pending")), 2);
        QCOMPARE(queue.value("pending_overdue").toInt(), 1);
        QCOMPARE(queue.value("live_claims").toInt(), 0);
        QCOMPARE(countOf(queue.value("outbox_by_channel_state").toArray(), QStringLiteral("state"), QStringLiteral("failed")), 1);
        const QJsonArray failures = queue.value("outbox_failures").toArray();
        QCOMPARE(failures.size(), 1);
        QCOMPARE(failures.first().toObject().value("last_error").toString(), QStringLiteral("invalid mobile number 138****0101"));

        // settings: secrets dropped, the rest scrubbed
        const QJsonObject settings = jsonEntry(z, QStringLiteral("settings.json"));
        QCOMPARE(settings.value("platform/token").toObject().value("value").toString(), QStringLiteral("***"));
        QCOMPARE(settings.value("sms/access_key_secret").toString(), QStringLiteral("***"));
        QCOMPARE(settings.value("platform/url").toObject().value("value").toString(), QStringLiteral("https://desk:***@platform.example.cn/api"));
        QCOMPARE(settings.value("school/name").toObject().value("value").toString(), QStringLiteral("示例大学"));
        QCOMPARE(settings.value("sms/test_number").toString(), QStringLiteral("139****0000"));

        // environment: the secret's presence, never its value
        const QJsonObject env = jsonEntry(z, QStringLiteral("environment.json"));
        QCOMPARE(env.value("PHOTODESK_PLATFORM_TOKEN").toString(), QStringLiteral("(set)"));
        QCOMPARE(env.value("PHOTODESK_LOG_LEVEL").toString(), QStringLiteral("info"));

        // logs: scrubbed again, every line still JSON where it was
        const QByteArray old = z.files.value(QStringLiteral("logs/photodesk.log.1"));
        const QList<QByteArray> oldLines = old.trimmed().split('\n');
        QCOMPARE(oldLines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(oldLines[0]).object();
        QCOMPARE(first.value("message").toString(), QStringLiteral("sent to 138****0101 for **************010X"));
        QCOMPARE(first.value("pid").toInt(), 4242424); // only the message is personal
        QCOMPARE(oldLines[1], QByteArray("plain line token=*** student ******0101"));

        // Nowhere in the bundle: secrets, unmasked numbers of the students, photo bytes.
        const QList<QByteArray> forbidden{"tok-ENVIRONMENT", "tok-SETTINGS", "sk-SETTINGS", "pw-IN-URL", "tok-LEAKED",
                                          "13800000101",     "13900000000",  "2021010101",  "2021010102", "11010120000101010X",
                                          "110101200001010101", "\xff\xd8\xff"};
        for (auto it = z.files.begin(); it != z.files.end(); ++it)
            for (const QByteArray& f : forbidden)
                QVERIFY2(!it.value().contains(f), qPrintable(it.key() + " contains " + QString::fromLatin1(f.toHex())));
        // README states what the bundle never holds.
        QVERIFY(z.files.value(QStringLiteral("README.txt")).contains("never holds photos"));
        checkWithExternalTools(zipPath);
    }

    void settingsComeFromTheSettingsModel()
    {
        // The desk's own layers: a system file with a lock (and a token an administrator put
        // there by mistake), a user file; nothing secret may reach the bundle.
        QTemporaryDir work;
        const QString system = work.filePath(QStringLiteral("system.conf"));
        {
            QFile f(system);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[General]\nlocked = platform/url\n[platform]\nurl = https://collect.example.edu.cn/api\ntoken = tok-IN-SYSTEM-FILE\n"
                    "[school]\nname = 示例大学\n[log]\nlevel = debug\n");
        }
        QDir().mkpath(work.filePath(QStringLiteral("user")));
        {
            QFile f(work.filePath(QStringLiteral("user/photodesk.conf")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[platform]\nurl = https://elsewhere.example.cn/\n[ui]\nlanguage = en\n");
        }
        qputenv("PHOTODESK_SYSTEM_CONFIG", system.toUtf8());
        qputenv("PHOTODESK_CONFIG_DIR", work.filePath(QStringLiteral("user")).toUtf8());
        qputenv("PHOTODESK_SMS_ACCESS_KEY_SECRET", "sk-ENVIRONMENT");
        DiagnosticsRequest request;
        request.logDir = work.filePath(QStringLiteral("no-logs"));
        const QString zipPath = work.filePath(QStringLiteral("d.zip"));
        const auto written = exportDiagnostics(request, zipPath);
        qunsetenv("PHOTODESK_SYSTEM_CONFIG");
        qunsetenv("PHOTODESK_CONFIG_DIR");
        qunsetenv("PHOTODESK_SMS_ACCESS_KEY_SECRET");
        QVERIFY(written);
        const ZipContents z = readZip(zipPath);
        QVERIFY2(z.error.isEmpty(), qPrintable(z.error));
        QVERIFY(!z.files.contains(QStringLiteral("database.json"))); // no store asked for
        const QJsonObject settings = jsonEntry(z, QStringLiteral("settings.json"));
        QCOMPARE(settings.value("system_file").toString(), system);
        QVERIFY(settings.value("locked").toArray().contains(QStringLiteral("platform/url")));
        const QJsonObject effective = settings.value("effective").toObject();
        QCOMPARE(effective.value("platform/url").toObject().value("value").toString(), QStringLiteral("https://collect.example.edu.cn/api"));
        QCOMPARE(effective.value("platform/url").toObject().value("source").toString(), QStringLiteral("system"));
        QCOMPARE(effective.value("ui/language").toObject().value("source").toString(), QStringLiteral("user"));
        QCOMPARE(effective.value("school/name").toObject().value("value").toString(), QStringLiteral("示例大学"));
        QCOMPARE(effective.value("secrets").toObject().value("sms/access_key_secret").toString(), QStringLiteral("environment"));
        QVERIFY(!settings.value("problems").toArray().isEmpty()); // the token in the system file is reported
        for (auto it = z.files.begin(); it != z.files.end(); ++it) {
            QVERIFY2(!it.value().contains("tok-IN-SYSTEM-FILE"), qPrintable(it.key()));
            QVERIFY2(!it.value().contains("sk-ENVIRONMENT"), qPrintable(it.key()));
        }
    }

    void aBrokenStoreIsReportedNotFatal()
    {
        QTemporaryDir work;
        const QString broken = work.filePath(QStringLiteral("broken.sqlite"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        DiagnosticsRequest request;
        request.database = broken;
        request.logDir = work.filePath(QStringLiteral("no-logs"));
        const QString zipPath = work.filePath(QStringLiteral("d.zip"));
        const auto written = exportDiagnostics(request, zipPath);
        QVERIFY(written);
        QVERIFY(!written->problems.isEmpty());
        const ZipContents z = readZip(zipPath);
        QVERIFY2(z.error.isEmpty(), qPrintable(z.error));
        const QJsonObject db = jsonEntry(z, QStringLiteral("database.json"));
        QVERIFY2(db.contains(QStringLiteral("error")) || !db.value("integrity_check").toObject().value("ok").toBool()
                     || db.value("schema_version").isObject(),
                 QJsonDocument(db).toJson().constData());
        const QJsonArray problems = jsonEntry(z, QStringLiteral("problems.json")).value("problems").toArray();
        QVERIFY(!problems.isEmpty());

        // A missing store file is not created by looking at it.
        request.database = work.filePath(QStringLiteral("missing.sqlite"));
        QVERIFY(exportDiagnostics(request, zipPath));
        QVERIFY(!QFile::exists(request.database));
    }

    void unwritableTargetIsAnError()
    {
        DiagnosticsRequest request;
        const auto written = exportDiagnostics(request, QStringLiteral("/proc/photodesk-no/diag.zip"));
        QVERIFY(!written);
        QCOMPARE(written.error().code, QStringLiteral("diagnostics-write"));
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
