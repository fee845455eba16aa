#include "TestSupport.h"

#include "core/review/ReviewQueue.h"
#include "core/review/SubmissionLoader.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"

#include <QtTest>

using namespace pd;

class TestRepositories : public QObject {
    Q_OBJECT
private slots:
    void studentUpsertUpdatesInPlace()
    {
        test::TempStore t;
        StudentRepository students(t.store()->db());
        Student s{0, QStringLiteral("2019010001"), QStringLiteral("王一"), QStringLiteral("110101200001011234"),
                  QStringLiteral("13800000001"), QStringLiteral("法学"), QStringLiteral("本科"), QStringLiteral("2025")};
        const Id id = students.upsert(s);
        s.phone = QStringLiteral("13900000001");
        QCOMPARE(students.upsert(s), id);
        QCOMPARE(students.find(id)->phone, QStringLiteral("13900000001"));
        QCOMPARE(students.findByNumber(QStringLiteral("2019010001"))->name, QStringLiteral("王一"));
        QCOMPARE(students.find(id)->cohort, QStringLiteral("2025"));
        QVERIFY(!students.find(id + 100));
    }

    void attemptDeadlineIs48HoursAfterPayment()
    {
        test::TempStore t;
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010002"), 10);
        const auto a = AttemptRepository(t.store()->db()).find(sample.attemptId);
        QVERIFY(a);
        QCOMPARE(toString(a->state), toString(AttemptState::Pending));
        QCOMPARE(a->paidAt.secsTo(a->deadline), qint64(48 * 3600));
        QCOMPARE(AttemptRepository(t.store()->db()).findByExternalId(QStringLiteral("EXT-2019010002"))->id, sample.attemptId);
    }

    void duplicateExternalIdIsRefused()
    {
        test::TempStore t;
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010003"), 1);
        Attempt again;
        again.studentId = sample.studentId;
        again.externalId = QStringLiteral("EXT-2019010003");
        again.paidAt = utcNow();
        try {
            AttemptRepository(t.store()->db()).insert(again);
            QFAIL("duplicate external id accepted");
        } catch (const StoreError& e) {
            QCOMPARE(e.code(), QStringLiteral("store-constraint"));
        }
    }

    void foreignKeysAndChecksAreEnforced()
    {
        test::TempStore t;
        Attempt orphan;
        orphan.studentId = 4242;
        orphan.externalId = QStringLiteral("ORPHAN");
        orphan.paidAt = utcNow();
        QVERIFY_THROWS_EXCEPTION(StoreError, AttemptRepository(t.store()->db()).insert(orphan));
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010004"), 1);
        Photo p;
        p.studentId = sample.studentId;
        p.role = PhotoRole::Submitted; // a submitted photo must belong to an attempt
        p.sha256 = QString(64, QLatin1Char('a'));
        p.fileName = QStringLiteral("x.jpg");
        QVERIFY_THROWS_EXCEPTION(StoreError, PhotoRepository(t.store()->db()).insert(p));
    }

    void queueIsMostUrgentFirstAndPaged()
    {
        test::TempStore t;
        test::addSampleAttempt(*t.store(), QStringLiteral("2019010010"), 5);
        test::addSampleAttempt(*t.store(), QStringLiteral("2019010011"), 40); // most urgent
        test::addSampleAttempt(*t.store(), QStringLiteral("2019010012"), 20);
        ReviewQueue queue(t.store()->db());
        QCOMPARE(queue.count({}), 3);
        const auto rows = queue.page({}, 0, 10);
        QCOMPARE(int(rows.size()), 3);
        QCOMPARE(rows[0].studentNumber, QStringLiteral("2019010011"));
        QCOMPARE(rows[1].studentNumber, QStringLiteral("2019010012"));
        QCOMPARE(rows[2].studentNumber, QStringLiteral("2019010010"));
        QVERIFY(rows[0].deadline < rows[1].deadline);
        const auto second = queue.page({}, 1, 1);
        QCOMPARE(int(second.size()), 1);
        QCOMPARE(second[0].studentNumber, QStringLiteral("2019010012"));
        QueueFilter search;
        search.search = QStringLiteral("201901001");
        QCOMPARE(queue.count(search), 3);
        search.search = QStringLiteral("2019010012");
        QCOMPARE(queue.count(search), 1);
        QueueFilter approved;
        approved.state = AttemptState::Approved;
        QCOMPARE(queue.count(approved), 0);
    }

    void submissionLoaderBringsThreePhotos()
    {
        test::TempStore t;
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010020"), 3);
        auto bundle = loadSubmission(*t.store(), sample.attemptId);
        QVERIFY(bundle.ok());
        QVERIFY(bundle->submitted && !bundle->submitted->bytes.isEmpty());
        QVERIFY(bundle->enrollment && !bundle->enrollment->bytes.isEmpty());
        QVERIFY(bundle->idCard && !bundle->idCard->bytes.isEmpty());
        QCOMPARE(bundle->student.studentNumber, QStringLiteral("2019010020"));
        QCOMPARE(loadSubmission(*t.store(), 9999).error().code, QStringLiteral("not-found"));
        // A blob that vanished from disk is reported per photo, the rest still loads.
        QFile::remove(t.store()->blobs().pathFor(bundle->idCard->photo.sha256));
        auto partial = loadSubmission(*t.store(), sample.attemptId);
        QVERIFY(partial.ok());
        QCOMPARE(partial->idCard->error, QStringLiteral("blob-missing"));
        QVERIFY(!partial->submitted->bytes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
