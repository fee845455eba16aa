// The queue model over a real store: QAbstractItemModelTester while it loads lazily, order,
// filters and the time-left texts.

#include "TestSupport.h"

#include "core/review/ReviewQueue.h"
#include "core/store/Repositories.h"
#include "core/util/Time.h"
#include "widgets/QueueModel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QTest>

using namespace pd;

class TestQueueModel : public QObject {
    Q_OBJECT

private slots:
    void lazyLoadingKeepsTheModelValid();
    void filtersAndReload();
    void timeLeftTexts();
};

void TestQueueModel::lazyLoadingKeepsTheModelValid()
{
    test::TempStore temp;
    const int attempts = 75;
    for (int i = 0; i < attempts; ++i)
        test::addSampleAttempt(*temp.store(), QStringLiteral("2021%1").arg(i, 6, 10, QLatin1Char('0')), (i * 37) % 60);

    QueueModel model(temp.store());
    model.setPageSize(20);
    model.reload();
    QCOMPARE(model.totalCount(), attempts);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
    QVERIFY(model.canFetchMore({}));
    // Attached after the first reload: the tester runs its checks (and a fetchMore) from its
    // modelReset handler while it still counts the reset as in flight, which it would then
    // report for any lazily loading model. It exercises fetchMore itself from here on.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.rowCount() >= 20);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), attempts);

    // Most urgent first; every attempt once.
    QSet<Id> seen;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (r > 0)
            QVERIFY(model.rowAt(r - 1)->deadline <= model.rowAt(r)->deadline);
        seen.insert(model.data(model.index(r, 0), QueueModel::AttemptIdRole).toLongLong());
    }
    QCOMPARE(seen.size(), attempts);

    // Overdue and urgent rows are red, the others are not.
    const QModelIndex overdue = model.index(0, QueueModel::TimeLeftColumn);
    QVERIFY(utcNow() > model.rowAt(0)->deadline);
    QVERIFY(model.data(overdue, Qt::ForegroundRole).value<QBrush>().color() == QColor(0xc6, 0x28, 0x28));
    const QModelIndex relaxed = model.index(model.rowCount() - 1, QueueModel::TimeLeftColumn);
    QVERIFY(!model.data(relaxed, Qt::ForegroundRole).isValid());
    QCOMPARE(model.data(model.index(0, QueueModel::StateColumn)).toString(), QStringLiteral("Pending"));
}

void TestQueueModel::filtersAndReload()
{
    test::TempStore temp;
    for (int i = 0; i < 5; ++i)
        test::addSampleAttempt(*temp.store(), QStringLiteral("20230000%1").arg(i), i);
    test::addSampleAttempt(*temp.store(), QStringLiteral("2099000001"), 3);

    QueueModel model(temp.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 6);

    QueueFilter byNumber;
    byNumber.search = QStringLiteral("2099");
    model.setFilter(byNumber);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, QueueModel::NumberColumn)).toString(), QStringLiteral("2099000001"));

    QueueFilter approved;
    approved.state = AttemptState::Approved;
    model.setFilter(approved);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));

    QueueFilter all;
    all.state = std::nullopt;
    model.setFilter(all);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.rowOf(model.rowAt(3)->attemptId), 3);
    QCOMPARE(model.rowOf(987654), -1);
}

void TestQueueModel::timeLeftTexts()
{
    const QDateTime now = QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC);
    QCOMPARE(QueueModel::timeLeftText(now.addSecs(3 * 3600 + 12 * 60 + 30), now), QStringLiteral("3 h 12 min left"));
    QCOMPARE(QueueModel::timeLeftText(now.addSecs(25 * 60), now), QStringLiteral("25 min left"));
    QCOMPARE(QueueModel::timeLeftText(now.addSecs(-(2 * 3600 + 5 * 60)), now), QStringLiteral("overdue 2 h 5 min"));
}

QTEST_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
