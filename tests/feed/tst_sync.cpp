// Sync from the simulator into the store: idempotent upserts, re-submissions as new attempts,
// resuming an interrupted run, progress signals. Runs on SQLite (tst_sync) and PostgreSQL (tst_sync_pg).
#include "FeedCheck.h"
#include "SimProcess.h"
#include "TestSupport.h"

#include "core/feed/SyncService.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/notify/SmsComposer.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"

#include <QSignalSpy>
#include <QtTest>

using namespace pd;

class TestSync : public QObject {
    Q_OBJECT

    PlatformConfig configFor(const test::SimProcess& sim)
    {
        PlatformConfig c;
        c.baseUrl = sim.url();
        c.token = test::SimProcess::token();
        c.pageSize = 7;
        c.backoffBaseMs = 5;
        c.backoffMaxMs = 50;
        return c;
    }

    static QJsonArray platformItems(test::SimProcess& sim)
    {
        return sim.get(QStringLiteral("/_sim/submissions")).value(QStringLiteral("items")).toArray();
    }

private slots:
    void pullingTwiceGivesTheSameRows()
    {
        test::SimProcess sim;
        QVERIFY(sim.ok());
        test::TempStore t;
        SyncService sync(t.store(), configFor(sim));
        QSignalSpy progress(&sync, &SyncService::progress);
        const SyncReport first = sync.runOnce();
        QVERIFY2(first.completed, qPrintable(first.problems.join(QLatin1Char('\n'))));
        QCOMPARE(first.fetched, 30);
        QCOMPARE(first.inserted, 30);
        QCOMPARE(first.updated, 0);
        QCOMPARE(first.photos, 90);
        QCOMPARE(first.errors, 0);
        QVERIFY(progress.count() >= 5);
        QCOMPARE(progress.last().at(0).toInt(), 30);
        QCOMPARE(progress.last().at(1).toInt(), 30);
        const SyncReport second = sync.runOnce();
        QVERIFY(second.completed);
        QCOMPARE(second.fetched, 30);
        QCOMPARE(second.inserted, 0);
        QCOMPARE(second.updated, 0);
        QCOMPARE(second.photos, 0);
        const QStringList diff = test::differences(*t.store(), platformItems(sim));
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QLatin1Char('\n'))));
        // The platform's optional cohort field arrives with the student (the export's filter).
        const auto student = StudentRepository(t.store()->db()).findByNumber(
            platformItems(sim).at(0).toObject().value(QStringLiteral("student")).toObject().value(QStringLiteral("student_number")).toString());
        QVERIFY(student);
        QCOMPARE(student->cohort, QStringLiteral("2025"));
    }

    void resubmissionAfterRejectionIsANewAttempt()
    {
        test::SimProcess sim;
        test::TempStore t;
        SyncService sync(t.store(), configFor(sim));
        QVERIFY(sync.runOnce().completed);
        const Session reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        const auto first = AttemptRepository(t.store()->db()).findByExternalId(QStringLiteral("SYN-000003"));
        QVERIFY(DecisionService(t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn())
                    .decide(reviewer, {first->id, Verdict::Reject, {QStringLiteral("SHARPNESS")}, {}})
                    .ok());
        sim.post(QStringLiteral("/_sim/resubmit"), {{QStringLiteral("attempt"), QStringLiteral("SYN-000003")}});
        const SyncReport r = sync.runOnce();
        QCOMPARE(r.inserted, 1);
        QCOMPARE(r.photos, 1); // only the new photo; the reference photos are known
        const auto history = AttemptRepository(t.store()->db()).forStudent(first->studentId);
        QCOMPARE(int(history.size()), 2);
        QCOMPARE(toString(history[0].state), QStringLiteral("rejected"));
        QCOMPARE(history[1].externalId, QStringLiteral("SYN-000003-R1"));
        QCOMPARE(toString(history[1].state), QStringLiteral("pending"));
        QCOMPARE(Sql(t.store()->db(), QStringLiteral("SELECT previous_external_id FROM attempts WHERE external_id = 'SYN-000003-R1'"))
                     .scalar().toString(), QStringLiteral("SYN-000003"));
    }

    void aCorrectedRecordUpdatesInPlace()
    {
        test::SimProcess sim;
        test::TempStore t;
        SyncService sync(t.store(), configFor(sim));
        QVERIFY(sync.runOnce().completed);
        sim.post(QStringLiteral("/_sim/edit"), {{QStringLiteral("attempt"), QStringLiteral("SYN-000010")}, {QStringLiteral("phone"), QStringLiteral("13711112222")}});
        const SyncReport r = sync.runOnce();
        QCOMPARE(r.inserted, 0);
        QCOMPARE(r.updated, 1);
        const auto a = AttemptRepository(t.store()->db()).findByExternalId(QStringLiteral("SYN-000010"));
        QCOMPARE(a->version, 2);
        QCOMPARE(StudentRepository(t.store()->db()).find(a->studentId)->phone, QStringLiteral("13711112222"));
        const QStringList diff = test::differences(*t.store(), platformItems(sim));
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QLatin1Char('\n'))));
    }

    void anInterruptedRunResumesWithoutDuplicates()
    {
        test::SimProcess sim;
        test::TempStore t;
        {
            SyncService dying(t.store(), configFor(sim));
            dying.setPageHook([](int page) { return page < 1; }); // "dies" after the second page
            const SyncReport r = dying.runOnce();
            QVERIFY(!r.completed);
            QCOMPARE(r.inserted, 14);
        }
        SyncService sync(t.store(), configFor(sim));
        const SyncReport resumed = sync.runOnce();
        QVERIFY(resumed.resumed);
        QVERIFY(resumed.completed);
        QCOMPARE(resumed.inserted, 16);
        QCOMPARE(resumed.fetched, 16);
        const QStringList diff = test::differences(*t.store(), platformItems(sim));
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QLatin1Char('\n'))));
        QVERIFY(!sync.runOnce().resumed); // a completed run leaves no checkpoint
    }

    void runsInTheBackground()
    {
        test::SimProcess sim;
        test::TempStore t;
        SyncService sync(t.store(), configFor(sim));
        QSignalSpy finished(&sync, &SyncService::finished);
        QSignalSpy progress(&sync, &SyncService::progress);
        sync.start();
        QVERIFY(finished.wait(30000));
        QVERIFY(!sync.isRunning());
        QVERIFY(finished.first().at(0).value<SyncReport>().completed);
        QVERIFY(progress.count() >= 5);
        sync.wait();
        QCOMPARE(AttemptRepository(t.store()->db()).countInState(AttemptState::Pending), 30);
    }

    void cancelDuringPhotoDownloadsStoresNothingHalf()
    {
        // Every request 40 ms late: the first page's 21 photos take several rounds of the
        // parallel streams, and the cancel lands among them.
        test::SimProcess sim({QStringLiteral("--synthetic"), QStringLiteral("30"), QStringLiteral("--faults"), QStringLiteral("latency=40")});
        QVERIFY(sim.ok());
        test::TempStore t;
        SyncService sync(t.store(), configFor(sim));
        QSignalSpy finished(&sync, &SyncService::finished);
        sync.start();
        QTimer::singleShot(120, &sync, [&sync] { sync.cancel(); });
        QVERIFY(finished.wait(30000));
        sync.wait();
        const SyncReport cancelled = finished.first().at(0).value<SyncReport>();
        QVERIFY(!cancelled.completed);
        qInfo("cancelled after %d photos, %d attempts stored", cancelled.photos, cancelled.inserted);
        for (const QString& problem : cancelled.problems) // only the cancel itself, no photo failures
            QVERIFY2(problem.startsWith(QLatin1String("cancelled")), qPrintable(problem));
        // No attempt was stored without its photos.
        Sql q(t.store()->db(), QStringLiteral("SELECT sha256 FROM photos"));
        q.exec();
        while (q.next())
            QVERIFY(t.store()->blobs().contains(q.value(0).toString()));
        const SyncReport resumed = sync.runOnce();
        QVERIFY2(resumed.completed, qPrintable(resumed.problems.join(QLatin1Char('\n'))));
        QCOMPARE(resumed.errors, 0);
        const QStringList diff = test::differences(*t.store(), platformItems(sim));
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
