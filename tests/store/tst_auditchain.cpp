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

    static Id append(const Store& store, Id actorId, const QString& action, const QString& chain = {})
    {
        Transaction tx(store.db());
        AuditEvent e;
        e.actorId = actorId;
        e.actor = QStringLiteral("user%1").arg(actorId);
        e.action = action;
        e.objectType = QStringLiteral("attempt");
        e.objectId = QStringLiteral("1");
        e.chain = chain;
        const Id id = AuditLog(store.db()).append(e);
        tx.commit();
        return id;
    }

    // Two reviewers: claims on their own chains, decisions on the main chain (anchoring them).
    struct Mixed {
        Id alice = 0, bob = 0, start = 0;
        Id aliceClaim1 = 0, aliceClaim2 = 0, aliceDecision = 0, bobClaim = 0, bobDecision = 0, aliceClaim3 = 0;
    };
    static Mixed mixed(const test::TempStore& t)
    {
        Mixed m;
        m.alice = test::addUser(t.store(), QStringLiteral("alice"), Role::Reviewer).userId;
        m.bob = test::addUser(t.store(), QStringLiteral("bob"), Role::Reviewer).userId;
        const Store& s = *t.store();
        m.start = append(s, 0, QStringLiteral("test.start"));
        m.aliceClaim1 = append(s, m.alice, QStringLiteral("claim"), AuditLog::actorChain(m.alice));
        m.bobClaim = append(s, m.bob, QStringLiteral("claim"), AuditLog::actorChain(m.bob));
        m.aliceClaim2 = append(s, m.alice, QStringLiteral("claim"), AuditLog::actorChain(m.alice));
        m.aliceDecision = append(s, m.alice, QStringLiteral("decision.approve"));
        m.bobDecision = append(s, m.bob, QStringLiteral("decision.reject"));
        m.aliceClaim3 = append(s, m.alice, QStringLiteral("claim"), AuditLog::actorChain(m.alice));
        return m;
    }

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

    void eventsWithoutChainKeepTheOriginalHashForm()
    {
        // Events written before actor chains existed must still verify: for a main-chain event
        // without an anchor the canonical form is the original nine fields.
        AuditEvent e;
        e.id = 12;
        e.at = QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC);
        e.actorId = 3;
        e.actor = QStringLiteral("reviewer");
        e.action = QStringLiteral("decision.approve");
        e.objectType = QStringLiteral("attempt");
        e.objectId = QStringLiteral("7");
        const QString prev = AuditLog::genesisHash();
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(prev.toLatin1());
        h.addData(QByteArrayView("\n"));
        h.addData(QByteArrayView(R"(["12","2026-06-01T08:00:00.000Z","3","reviewer","decision.approve","attempt","7","",""])"));
        QCOMPARE(AuditLog::hashOf(e, prev), QString::fromLatin1(h.result().toHex()));
        e.chain = AuditLog::actorChain(3);
        QVERIFY(AuditLog::hashOf(e, prev) != QString::fromLatin1(h.result().toHex()));
    }

    void actorChainsAreLinkedAndAnchored()
    {
        test::TempStore t;
        const Mixed m = mixed(t);
        const AuditLog log(t.store()->db());
        const auto v = log.verify();
        QVERIFY2(v.ok, qPrintable(v.problem));
        QCOMPARE(v.events, 9); // with the two account creations
        // Each claim links to the previous event of its own chain, not to the global previous one.
        const auto claims = log.forObject(QStringLiteral("attempt"), QStringLiteral("1"));
        std::map<Id, AuditEvent> byId;
        for (const auto& e : claims)
            byId[e.id] = e;
        QCOMPARE(byId[m.aliceClaim1].prevHash, AuditLog::genesisHash());
        QCOMPARE(byId[m.aliceClaim2].prevHash, byId[m.aliceClaim1].hash);
        QCOMPARE(byId[m.bobClaim].prevHash, AuditLog::genesisHash());
        QCOMPARE(byId[m.aliceDecision].prevHash, byId[m.start].hash); // the main chain skips the claims
        QCOMPARE(byId[m.bobDecision].prevHash, byId[m.aliceDecision].hash);
        // A decision vouches for its actor's claim history so far.
        QCOMPARE(byId[m.aliceDecision].anchor,
                 QStringLiteral("%1@%2:%3").arg(AuditLog::actorChain(m.alice)).arg(m.aliceClaim2).arg(byId[m.aliceClaim2].hash));
        QCOMPARE(byId[m.bobDecision].anchor,
                 QStringLiteral("%1@%2:%3").arg(AuditLog::actorChain(m.bob)).arg(m.bobClaim).arg(byId[m.bobClaim].hash));
        QVERIFY(byId[m.aliceClaim3].anchor.isEmpty());
        QCOMPARE(log.head(AuditLog::actorChain(m.alice)).first, m.aliceClaim3);
        QCOMPARE(log.head().first, m.bobDecision);
    }

    void tamperingWithAnActorChainIsPinpointed()
    {
        for (const QString& what : {QStringLiteral("edit"), QStringLiteral("delete-middle"), QStringLiteral("delete-anchored-head"),
                                    QStringLiteral("move-to-main")}) {
            test::TempStore t;
            const Mixed m = mixed(t);
            Id expected = 0;
            if (what == QLatin1String("edit")) {
                exec(*t.store(), QStringLiteral("UPDATE audit_events SET object_id = '9' WHERE id = %1").arg(m.aliceClaim1));
                expected = m.aliceClaim1;
            } else if (what == QLatin1String("delete-middle")) {
                exec(*t.store(), QStringLiteral("DELETE FROM audit_events WHERE id = %1").arg(m.aliceClaim1));
                expected = m.aliceClaim2; // its chain link now points at nothing
            } else if (what == QLatin1String("delete-anchored-head")) {
                // Bob's only claim: its own chain stays consistent (it just gets shorter), but the
                // decision that vouched for it notices.
                exec(*t.store(), QStringLiteral("DELETE FROM audit_events WHERE id = %1").arg(m.bobClaim));
                expected = m.bobDecision;
            } else {
                exec(*t.store(), QStringLiteral("UPDATE audit_events SET chain = '' WHERE id = %1").arg(m.aliceClaim3));
                expected = m.aliceClaim3;
            }
            const auto v = AuditLog(t.store()->db()).verify();
            QVERIFY2(!v.ok, qPrintable(what));
            QVERIFY2(v.firstBadEvent == expected, qPrintable(QStringLiteral("%1: %2 (%3)").arg(what).arg(v.firstBadEvent).arg(v.problem)));
        }
    }

    void checkpointHoldsEveryChainHead()
    {
        test::TempStore t;
        const Mixed m = mixed(t);
        const QString path = t.dir() + QStringLiteral("/audit.checkpoint");
        QVERIFY(AuditLog(t.store()->db()).writeCheckpoint(path));
        const auto checkpoint = AuditCheckpoint::load(path);
        QVERIFY(checkpoint);
        QCOMPARE(checkpoint->lastId, m.bobDecision);
        QCOMPARE(checkpoint->chains.size(), size_t(2));
        QCOMPARE(checkpoint->chains.at(AuditLog::actorChain(m.alice)).lastId, m.aliceClaim3);
        QVERIFY(AuditLog(t.store()->db()).verify(checkpoint).ok);
        // Alice's newest claim is not anchored yet: dropping it leaves every chain consistent,
        // and only the checkpoint can tell.
        exec(*t.store(), QStringLiteral("DELETE FROM audit_events WHERE id = %1").arg(m.aliceClaim3));
        QVERIFY(AuditLog(t.store()->db()).verify().ok);
        const auto v = AuditLog(t.store()->db()).verify(checkpoint);
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadEvent, m.aliceClaim3);
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
