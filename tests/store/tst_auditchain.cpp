#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/store/Sql.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QProcess>
#include <QtTest>

using namespace pd;

class TestAuditChain : public QObject {
    Q_OBJECT

    // A log of `n` events (ids 1..n).
    static void fill(const Store& store, int n)
    {
        const AuditLog log(store.db());
        for (int i = 1; i <= n; ++i) {
            Transaction tx(store.db());
            AuditEvent e;
            e.actorId = 0;
            e.actor = QStringLiteral("tester");
            e.action = QStringLiteral("test.event");
            e.objectType = QStringLiteral("thing");
            e.objectId = QString::number(i);
            e.after = QStringLiteral("{\"n\":%1}").arg(i);
            log.append(e);
            tx.commit();
        }
    }

    static void exec(const Store& store, const QString& sql) { Sql(store.db(), sql).exec(); }

private slots:
    void intactChainVerifies()
    {
        test::TempStore t;
        fill(*t.store(), 10);
        const auto v = AuditLog(t.store()->db()).verify();
        QVERIFY(v.ok);
        QCOMPARE(v.events, 10);
        QCOMPARE(v.firstBadEvent, Id(0));
    }

    void tamperingIsPinpointed_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("firstBad");
        QTest::newRow("edited") << QStringLiteral("UPDATE audit_events SET after_value = '{\"n\":99}' WHERE id = 4") << 4;
        QTest::newRow("edited-actor") << QStringLiteral("UPDATE audit_events SET actor = 'mallory' WHERE id = 7") << 7;
        QTest::newRow("deleted") << QStringLiteral("DELETE FROM audit_events WHERE id = 5") << 6;
        QTest::newRow("deleted-first") << QStringLiteral("DELETE FROM audit_events WHERE id = 1") << 2;
        // Rows 3 and 4 swap places: their contents exchange ids, hashes travel with the content.
        QTest::newRow("reordered")
            << QStringLiteral("UPDATE audit_events SET id = CASE id WHEN 3 THEN 4 WHEN 4 THEN 3 END + 1000 WHERE id IN (3, 4); "
                              "UPDATE audit_events SET id = id - 1000 WHERE id > 1000")
            << 3;
        // An event slipped in with a plausible but wrong chain link.
        QTest::newRow("inserted")
            << QStringLiteral("UPDATE audit_events SET id = id + 1000 WHERE id >= 6; UPDATE audit_events SET id = id - 999 WHERE id > 1000; "
                              "INSERT INTO audit_events (id, at, actor, action, object_type, object_id, before_value, after_value, prev_hash, hash) "
                              "SELECT 6, at, actor, action, object_type, 'x', '', '', hash, hash FROM audit_events WHERE id = 5")
            << 6;
    }

    void tamperingIsPinpointed()
    {
        QFETCH(QString, sql);
        QFETCH(int, firstBad);
        test::TempStore t;
        fill(*t.store(), 10);
        for (const QString& statement : sql.split(QStringLiteral("; ")))
            exec(*t.store(), statement);
        const auto v = AuditLog(t.store()->db()).verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadEvent, Id(firstBad));
        QVERIFY(!v.problem.isEmpty());
    }

    void rewrittenTailIsCaughtByTheCheckpoint()
    {
        test::TempStore t;
        fill(*t.store(), 8);
        const QString checkpointPath = t.dir() + QStringLiteral("/audit.checkpoint");
        QVERIFY(AuditLog(t.store()->db()).writeCheckpoint(checkpointPath));
        const auto checkpoint = AuditCheckpoint::load(checkpointPath);
        QVERIFY(checkpoint);
        QCOMPARE(checkpoint->lastId, Id(8));
        QVERIFY(AuditLog(t.store()->db()).verify(checkpoint).ok);
        // Deleting the newest events leaves a valid chain: only the checkpoint can tell.
        exec(*t.store(), QStringLiteral("DELETE FROM audit_events WHERE id >= 7"));
        QVERIFY(AuditLog(t.store()->db()).verify().ok);
        const auto v = AuditLog(t.store()->db()).verify(checkpoint);
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadEvent, Id(8));
    }

    void cliReportsJsonAndExitCode()
    {
        test::TempStore t;
        fill(*t.store(), 5);
        const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/photodesk-cli");
        QProcess p;
        p.start(cli, {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), t.dbPath()});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(),
                 QStringLiteral(R"({"events":5,"first_bad_event":null,"ok":true,"problem":""})"));
        exec(*t.store(), QStringLiteral("UPDATE audit_events SET object_id = '42' WHERE id = 3"));
        p.start(cli, {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), t.dbPath()});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("\"first_bad_event\":3")) && out.contains(QLatin1String("\"ok\":false")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
