// Every fault switch of the simulator on: the sync and the decision dispatcher keep going, and
// once the faults stop the store equals the platform's data exactly and every decision has
// reached the platform exactly once.
#include "FeedCheck.h"
#include "SimProcess.h"
#include "TestSupport.h"

#include "core/feed/PlatformDispatcher.h"
#include "core/feed/SyncService.h"
#include "core/notify/SmsComposer.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"

#include <QtTest>

using namespace pd;

namespace {
const QString kEveryFault = QStringLiteral("latency=3,http500=0.15,http503=0.15,drop=0.1,truncate=0.1,checksum=0.15,duplicate=0.3");
}

class TestFeedFaults : public QObject {
    Q_OBJECT

    PlatformConfig configFor(const test::SimProcess& sim)
    {
        PlatformConfig c;
        c.baseUrl = sim.url();
        c.token = test::SimProcess::token();
        c.pageSize = 8;
        c.backoffBaseMs = 5;
        c.backoffMaxMs = 40;
        c.maxAttempts = 3;
        c.timeoutMs = 2000;
        return c;
    }

private slots:
    void syncSurvivesEveryFault()
    {
        test::SimProcess sim({QStringLiteral("--synthetic"), QStringLiteral("60"), QStringLiteral("--faults"), kEveryFault});
        QVERIFY(sim.ok());
        test::TempStore t;
        SyncService sync(t.store(), configFor(sim));
        int retries = 0;
        connect(&sync, &SyncService::retrying, this, [&retries] { ++retries; });
        SyncReport underFaults = sync.runOnce(); // may or may not get through: it must not corrupt anything
        QVERIFY(retries > 0);
        underFaults = sync.runOnce();
        sim.setFaults({});
        const SyncReport clean = sync.runOnce();
        QVERIFY2(clean.completed && clean.errors == 0, qPrintable(clean.problems.join(QLatin1Char('\n'))));
        const QJsonArray items = sim.get(QStringLiteral("/_sim/submissions")).value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 60);
        const QStringList diff = test::differences(*t.store(), items);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QLatin1Char('\n'))));
        const SyncReport again = sync.runOnce();
        QCOMPARE(again.inserted, 0);
        QCOMPARE(again.updated, 0);
    }

    void decisionsReachThePlatformExactlyOnce()
    {
        test::SimProcess sim({QStringLiteral("--synthetic"), QStringLiteral("20")});
        test::TempStore t;
        QVERIFY(SyncService(t.store(), configFor(sim)).runOnce().completed);
        const Session reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        DecisionService decisions(t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
        QStringList keys;
        for (int i = 1; i <= 12; ++i) {
            const QString ext = QStringLiteral("SYN-%1").arg(i, 6, 10, QLatin1Char('0'));
            const auto a = AttemptRepository(t.store()->db()).findByExternalId(ext);
            const bool reject = i % 3 == 0;
            QVERIFY(decisions.decide(reviewer, {a->id, reject ? Verdict::Reject : Verdict::Approve,
                                                reject ? QStringList{QStringLiteral("SHARPNESS")} : QStringList{}, {}}).ok());
            keys << QStringLiteral("platform:decision:%1:1").arg(ext);
        }
        PlatformDispatcher dispatcher(t.store(), configFor(sim));
        dispatcher.setRetrySchedule(1, 5);
        dispatcher.setMaxTries(1000);
        // A desk that dies right after the platform accepted the first message.
        bool crashed = false;
        dispatcher.setAfterDeliveryHook([&crashed](Id) {
            if (crashed)
                return true;
            crashed = true;
            return false;
        });
        sim.setFaults(kEveryFault);
        for (int round = 0; round < 15; ++round) {
            dispatcher.runOnce();
            QTest::qWait(6);
        }
        sim.setFaults({});
        // The dead desk's lease runs out; the message is delivered again with the same key.
        setClockForTesting([] { return QDateTime::currentDateTimeUtc().addSecs(600); });
        for (int round = 0; round < 20; ++round) {
            dispatcher.runOnce();
            if (Sql(t.store()->db(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'platform' AND state <> 'sent'")).scalar().toInt() == 0)
                break;
            QTest::qWait(10);
        }
        setClockForTesting({});
        QVERIFY(crashed);
        QCOMPARE(Sql(t.store()->db(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'platform' AND state = 'sent'")).scalar().toInt(), 12);
        const QJsonObject recorded = sim.get(QStringLiteral("/_sim/decisions"));
        const QJsonArray received = recorded.value(QStringLiteral("decisions")).toArray();
        QStringList receivedKeys;
        for (const QJsonValue& v : received)
            receivedKeys << v.toObject().value(QStringLiteral("idempotency_key")).toString();
        receivedKeys.sort();
        keys.sort();
        QCOMPARE(receivedKeys, keys); // every decision, once
        // Each local row carries the platform's receipt.
        Sql refs(t.store()->db(), QStringLiteral("SELECT provider_ref FROM outbox WHERE channel = 'platform'"));
        refs.exec();
        while (refs.next())
            QVERIFY(refs.value(0).toString().startsWith(QLatin1String("D-")));
        QVERIFY(recorded.value(QStringLiteral("posts")).toInt() > 12); // the faults did force re-deliveries
        // And the platform no longer lists them as pending.
        QCOMPARE(sim.get(QStringLiteral("/_sim/submissions")).value(QStringLiteral("items")).toArray().size(), 8);
    }
};

QTEST_GUILESS_MAIN(TestFeedFaults)
#include "tst_feedfaults.moc"
