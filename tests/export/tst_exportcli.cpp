// photodesk-cli export as a school's IT runs it: on the demo store with history, the JSON line,
// the exit codes (0 done, 1 not finished, 2 destination exists / bad usage, 3 sign-in or role),
// progress on stderr, the password from the environment or standard input, and `audit verify`
// afterwards.
#include "ExportChecks.h"
#include "TestSupport.h"

#include "core/demo/DemoSeeder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace pd;
using namespace pd::test;

class TestExportCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    struct Run {
        int exitCode = -1;
        QJsonObject json;
        QString err;
    };
    Run cli(const QStringList& args, const QString& password = {}, const QByteArray& stdinText = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PHOTODESK_PASSWORD"));
        if (!password.isEmpty())
            env.insert(QStringLiteral("PHOTODESK_PASSWORD"), password);
        p.setProcessEnvironment(env);
        p.start(QCoreApplication::applicationDirPath() + QStringLiteral("/photodesk-cli"), args);
        p.waitForStarted();
        if (!stdinText.isEmpty())
            p.write(stdinText);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        Run r;
        r.exitCode = p.exitCode();
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        r.json = QJsonDocument::fromJson(lines.last()).object();
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    QStringList exportArgs(const QString& out, const QString& as) const
    {
        return {QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out, QStringLiteral("--as"), as};
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        auto seeded = seedDemoWithHistory(m_db);
        QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
    }

    void exportsAndReports()
    {
        const QString out = m_dir.filePath(QStringLiteral("upload.zip"));
        const Run r = cli(exportArgs(out, QStringLiteral("supervisor")), QStringLiteral("super-demo-1"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("format")).toString(), QStringLiteral("zip"));
        QVERIFY(r.json.value(QStringLiteral("exported")).toInt() >= 10);
        QVERIFY(r.json.value(QStringLiteral("left_out_by_reason")).isObject());
        QVERIFY(r.err.contains(QStringLiteral("(100%)")));
        const auto files = exportFiles(out);
        QCOMPARE(verifyExport(files), QString());
        QCOMPARE(r.json.value(QStringLiteral("manifest_sha256")).toString(), BlobStore::sha256Hex(files.value(QStringLiteral("manifest.csv"))));

        // Again: the destination exists (2); nothing new to export (1).
        QCOMPARE(cli(exportArgs(out, QStringLiteral("supervisor")), QStringLiteral("super-demo-1")).exitCode, 2);
        QStringList again = exportArgs(m_dir.filePath(QStringLiteral("again")), QStringLiteral("admin"));
        again << QStringLiteral("--state") << QStringLiteral("not-exported") << QStringLiteral("--password-stdin");
        const Run nothing = cli(again, {}, "admin-demo-1\n");
        QCOMPARE(nothing.exitCode, 1);
        QCOMPARE(nothing.json.value(QStringLiteral("code")).toString(), QStringLiteral("nothing-to-export"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("again"))));

        QProcess verify;
        verify.start(QCoreApplication::applicationDirPath() + QStringLiteral("/photodesk-cli"),
                     {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), m_db});
        QVERIFY(verify.waitForFinished(60000));
        QCOMPARE(verify.exitCode(), 0);
    }

    void refusesWhoMayNot()
    {
        const QString out = m_dir.filePath(QStringLiteral("refused"));
        const Run reviewer = cli(exportArgs(out, QStringLiteral("reviewer")), QStringLiteral("review-demo-1"));
        QCOMPARE(reviewer.exitCode, 3);
        QCOMPARE(reviewer.json.value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
        const Run wrong = cli(exportArgs(out, QStringLiteral("supervisor")), QStringLiteral("not-the-password"));
        QCOMPARE(wrong.exitCode, 3);
        QCOMPARE(wrong.json.value(QStringLiteral("code")).toString(), QStringLiteral("bad-credentials"));
        QVERIFY(!QFileInfo::exists(out));
        QStringList bad = exportArgs(out, QStringLiteral("supervisor"));
        bad << QStringLiteral("--key") << QStringLiteral("passport");
        QCOMPARE(cli(bad, QStringLiteral("super-demo-1")).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
