// The queue model at 5 000 attempts under QAbstractItemModelTester: keyset pages loaded as a
// view would (fetchMore to the end), both deadline orders through sort(), the bucket and state
// filters, the total counted on a worker thread, and the rows as the store has them.

#include "TestSupport.h"

#include "core/review/ReviewQueue.h"
#include "core/store/Repositories.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"
#include "widgets/QueueModel.h"
#include "widgets/StoreWorker.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace pd;

class TestQueueModelLarge : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsEveryPageUnderTheTester();
    void ordersAndFiltersInTheDatabase();

private:
    std::unique_ptr<test::TempStore> m_temp;
    static constexpr int kAttempts = 5000;
};

void TestQueueModelLarge::initTestCase()
{
    m_temp = std::make_unique<test::TempStore>();
    const Store& store = *m_temp->store();
    Transaction tx(store.db());
    for (int i = 0; i < kAttempts; ++i) {
        Student s;
        s.studentNumber = QStringLiteral("31%1").arg(i, 6, 10, QLatin1Char('0'));
        s.name = QStringLiteral("学生%1").arg(i % 97);
        s.nationalId = QStringLiteral("110101200301011234");
        s.phone = QStringLiteral("13800000000");
        s.programme = i % 3 ? QStringLiteral("法学") : QStringLiteral("计算机科学与技术");
        s.level = i % 5 ? QStringLiteral("本科") : QStringLiteral("硕士");
        Attempt a;
        a.studentId = StudentRepository(store.db()).upsert(s);
        a.externalId = QStringLiteral("L-%1").arg(i);
        a.paidAt = utcNow().addSecs(-qint64((i * 13) % (56 * 60)) * 60); // many share a minute
        AttemptRepository(store.db()).insert(a);
    }
    tx.commit();
}

void TestQueueModelLarge::loadsEveryPageUnderTheTester()
{
    StoreWorker worker(m_temp->store());
    QueueModel model(m_temp->store(), &worker);
    model.setPageSize(100);
    QSignalSpy totals(&model, &QueueModel::totalCountChanged);
    model.reload();
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore({}));
    QTRY_COMPARE(model.totalCount(), kAttempts); // counted on the worker
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QElapsedTimer timer;
    timer.start();
    int pages = 0;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        ++pages;
    }
    qInfo("%d pages of 100 in %lld ms", pages, timer.elapsed());
    QCOMPARE(model.rowCount(), kAttempts);
    QSet<Id> seen;
    const std::vector<QueueRow> expected = ReviewQueue(m_temp->store()->db()).page(QueueFilter{}, 0, kAttempts);
    for (int r = 0; r < model.rowCount(); ++r) {
        const auto row = model.rowAt(r);
        QVERIFY(row);
        seen.insert(row->attemptId);
        // What the store has, text for text (rows are stored compactly in the model).
        const QueueRow& e = expected[size_t(r)];
        QCOMPARE(row->attemptId, e.attemptId);
        QCOMPARE(row->externalId, e.externalId);
        QCOMPARE(row->studentName, e.studentName);
        QCOMPARE(row->studentNumber, e.studentNumber);
        QCOMPARE(row->programme, e.programme);
        QCOMPARE(row->level, e.level);
        QCOMPARE(row->deadline, e.deadline);
        QCOMPARE(row->paidAt, e.paidAt);
        QCOMPARE(model.data(model.index(r, QueueModel::NameColumn)).toString(), e.studentName);
    }
    QCOMPARE(seen.size(), kAttempts);
    QCOMPARE(model.rowOf(expected[4321].attemptId), 4321);
    QVERIFY(!model.rowAt(kAttempts));
}

void TestQueueModelLarge::ordersAndFiltersInTheDatabase()
{
    QueueModel model(m_temp->store());
    model.setPageSize(250);
    model.reload();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Latest deadline first, by the time-left header.
    model.sort(QueueModel::TimeLeftColumn, Qt::DescendingOrder);
    QCOMPARE(int(model.filter().sort), int(QueueSort::DeadlineDescending));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), kAttempts);
    for (int r = 1; r < model.rowCount(); ++r)
        QVERIFY(std::pair(model.rowAt(r - 1)->deadline, model.rowAt(r - 1)->attemptId)
                > std::pair(model.rowAt(r)->deadline, model.rowAt(r)->attemptId));
    // Other columns have no index behind them: the order stays.
    model.sort(QueueModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(int(model.filter().sort), int(QueueSort::DeadlineDescending));

    // A deadline bucket, counted and paged in the database.
    const QueueCounts counts = ReviewQueue(m_temp->store()->db()).counts(utcNow());
    QCOMPARE(counts.pending, kAttempts);
    for (DeadlineBucket b : {DeadlineBucket::Overdue, DeadlineBucket::Within6h, DeadlineBucket::Within24h, DeadlineBucket::Later}) {
        QueueFilter f = model.filter();
        f.bucket = b;
        model.setFilter(f);
        QCOMPARE(model.totalCount(), counts.forBucket(b));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), counts.forBucket(b));
    }
    QueueFilter none;
    none.state = AttemptState::Approved;
    model.setFilter(none);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

QTEST_MAIN(TestQueueModelLarge)
#include "tst_queuemodel_large.moc"
