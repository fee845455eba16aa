// The review queue at scale, in the core (SQLite, and PostgreSQL as tst_reviewqueue_pg): keyset
// pages give exactly the rows of the full order for every filter and both orders; counts per
// state and per deadline bucket; the pages are index ranges on both engines (query plans); a
// reviewer's figures of the day; the LRU cache of the prefetcher.

#include "TestSupport.h"

#include "core/review/ReviewQueue.h"
#include "core/review/ReviewerFigures.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Transaction.h"
#include "core/util/LruCache.h"
#include "core/util/Time.h"

#include <QTest>

using namespace pd;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 6, 20), QTime(10, 0), Qt::UTC);

// `n` attempts, one student each, paid 0–60 h before kNow in steps that repeat, so many rows
// share a deadline (the keyset must break ties by id). Every 7th is approved, every 11th rejected.
std::vector<Id> addAttempts(const Store& store, int n)
{
    static const char* names[] = {"王子涵", "王欣怡", "李浩然", "张雨桐", "陈思远", "Wang Lei", "wang lei", "赵一诺"};
    std::vector<Id> ids;
    Transaction tx(store.db());
    for (int i = 0; i < n; ++i) {
        Student s;
        s.studentNumber = QStringLiteral("30%1").arg(i, 6, 10, QLatin1Char('0'));
        s.name = QString::fromUtf8(names[i % 8]);
        s.nationalId = QStringLiteral("110101200301011234");
        s.phone = QStringLiteral("13800000000");
        s.programme = QStringLiteral("计算机科学与技术");
        s.level = QStringLiteral("本科");
        Attempt a;
        a.studentId = StudentRepository(store.db()).upsert(s);
        a.externalId = QStringLiteral("Q-%1").arg(i);
        a.paidAt = kNow.addSecs(-qint64((i * 7) % 61) * 3600);
        ids.push_back(AttemptRepository(store.db()).insert(a));
    }
    for (int i = 0; i < n; ++i) {
        const char* state = i % 7 == 0 ? "approved" : i % 11 == 0 ? "rejected" : nullptr;
        if (state)
            Sql(store.db(), QStringLiteral("UPDATE attempts SET state = :s WHERE id = :id"))
                .bind(QStringLiteral(":s"), QString::fromLatin1(state))
                .bind(QStringLiteral(":id"), ids[size_t(i)])
                .exec();
    }
    tx.commit();
    return ids;
}

QList<Id> idsOf(const std::vector<QueueRow>& rows)
{
    QList<Id> ids;
    for (const QueueRow& r : rows)
        ids << r.attemptId;
    return ids;
}

} // namespace

class TestReviewQueue : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { setClockForTesting([] { return kNow; }); }
    void cleanupTestCase() { setClockForTesting({}); }
    void keysetPagesGiveTheWholeOrder();
    void countsPerStateAndBucket();
    void searchIsAPrefixOfNameOrNumber();
    void pagesAreIndexRanges();
    void reviewerFiguresOfTheDay();
    void medianLeavesPausesOut();
    void lruCacheKeepsTheMostRecent();
};

void TestReviewQueue::keysetPagesGiveTheWholeOrder()
{
    test::TempStore temp;
    addAttempts(*temp.store(), 240);
    const ReviewQueue queue(temp.store()->db());
    const std::optional<AttemptState> states[] = {AttemptState::Pending, std::nullopt, AttemptState::Approved};
    const std::optional<DeadlineBucket> buckets[] = {std::nullopt, DeadlineBucket::Overdue, DeadlineBucket::Within6h,
                                                     DeadlineBucket::Within24h, DeadlineBucket::Later};
    int checked = 0;
    for (const auto& state : states) {
        for (QueueSort sort : {QueueSort::Deadline, QueueSort::DeadlineDescending}) {
            for (const auto& bucket : buckets) {
                for (const QString& search : {QString(), QStringLiteral("王"), QStringLiteral("3000")}) {
                    QueueFilter f;
                    f.state = state;
                    f.sort = sort;
                    f.bucket = bucket;
                    f.search = search;
                    const std::vector<QueueRow> all = queue.page(f, 0, 100000);
                    QCOMPARE(int(all.size()), queue.count(f));
                    for (size_t i = 1; i < all.size(); ++i) {
                        const bool ordered = sort == QueueSort::Deadline
                                                 ? std::pair(all[i - 1].deadline, all[i - 1].attemptId) < std::pair(all[i].deadline, all[i].attemptId)
                                                 : std::pair(all[i - 1].deadline, all[i - 1].attemptId) > std::pair(all[i].deadline, all[i].attemptId);
                        QVERIFY(ordered);
                    }
                    // Pages of 7 after the previous page's last row: the same rows, once each.
                    std::vector<QueueRow> paged;
                    std::optional<QueueCursor> after;
                    for (;;) {
                        const auto page = queue.pageAfter(f, after, 7);
                        paged.insert(paged.end(), page.begin(), page.end());
                        if (page.size() < 7)
                            break;
                        after = cursorOf(page.back());
                    }
                    QCOMPARE(idsOf(paged), idsOf(all));
                    ++checked;
                }
            }
        }
    }
    QCOMPARE(checked, 3 * 2 * 5 * 3);
}

void TestReviewQueue::countsPerStateAndBucket()
{
    test::TempStore temp;
    addAttempts(*temp.store(), 150);
    const ReviewQueue queue(temp.store()->db());
    const QueueCounts c = queue.counts(kNow);
    QueueFilter all;
    all.state = std::nullopt;
    int pending = 0, approved = 0, rejected = 0, overdue = 0, in6 = 0, in24 = 0, later = 0;
    for (const QueueRow& r : queue.page(all, 0, 1000)) {
        if (r.state == AttemptState::Approved) {
            ++approved;
            continue;
        }
        if (r.state == AttemptState::Rejected) {
            ++rejected;
            continue;
        }
        ++pending;
        const qint64 left = kNow.secsTo(r.deadline);
        (left < 0 ? overdue : left < 6 * 3600 ? in6 : left < 24 * 3600 ? in24 : later)++;
    }
    QCOMPARE(c.pending, pending);
    QCOMPARE(c.approved, approved);
    QCOMPARE(c.rejected, rejected);
    QCOMPARE(c.total(), 150);
    QCOMPARE(c.overdue, overdue);
    QCOMPARE(c.within6h, in6);
    QCOMPARE(c.within24h, in24);
    QCOMPARE(c.later, later);
    QVERIFY(overdue > 0 && in6 > 0 && in24 > 0 && later > 0);
    // The bucket filters agree with the bucket counts.
    for (DeadlineBucket b : {DeadlineBucket::Overdue, DeadlineBucket::Within6h, DeadlineBucket::Within24h, DeadlineBucket::Later}) {
        QueueFilter f;
        f.bucket = b;
        QCOMPARE(queue.count(f), c.forBucket(b));
    }
    QCOMPARE(c.forState(std::nullopt), 150);
}

void TestReviewQueue::searchIsAPrefixOfNameOrNumber()
{
    test::TempStore temp;
    addAttempts(*temp.store(), 40);
    const ReviewQueue queue(temp.store()->db());
    QueueFilter f;
    f.state = std::nullopt;
    f.search = QStringLiteral("王");
    for (const QueueRow& r : queue.page(f, 0, 100))
        QVERIFY2(r.studentName.startsWith(QStringLiteral("王")), qPrintable(r.studentName));
    QCOMPARE(queue.count(f), 10); // 王子涵, 王欣怡: 2 of every 8
    f.search = QStringLiteral("3000003"); // 30000030 … 30000039
    QCOMPARE(queue.count(f), 10);
    f.search = QStringLiteral("Wang");
    QCOMPARE(queue.count(f), 5); // case-sensitive on both engines: "wang lei" is not "Wang"
    f.search = QStringLiteral("%");
    QCOMPARE(queue.count(f), 40); // pattern characters are not patterns
    f.search = QStringLiteral("*");
    QCOMPARE(queue.count(f), 40);
}

void TestReviewQueue::pagesAreIndexRanges()
{
    test::TempStore temp;
    const std::vector<Id> ids = addAttempts(*temp.store(), 3000);
    const Database& db = temp.store()->db();
    if (db.dialect() == SqlDialect::PostgreSQL)
        Sql(db, QStringLiteral("ANALYZE")).exec(); // what autovacuum does on a live server
    const ReviewQueue queue(db);
    QueueFilter pending;
    QueueFilter all;
    all.state = std::nullopt;
    QueueFilter descending;
    descending.sort = QueueSort::DeadlineDescending;
    const QueueRow middle = queue.page(pending, 1500, 1).front();
    QueueFilter narrow; // one student number: starts from the students
    narrow.search = QStringLiteral("30001234");
    struct Case {
        const char* name;
        QueueFilter filter;
        std::optional<QueueCursor> after;
    };
    const Case cases[] = {{"first page", pending, std::nullopt},
                          {"deep page", pending, cursorOf(middle)},
                          {"all states", all, cursorOf(middle)},
                          {"descending", descending, cursorOf(middle)},
                          {"narrow search", narrow, std::nullopt}};
    for (const Case& c : cases) {
        const QStringList plan = queue.explainPage(c.filter, c.after, 100);
        const QString text = plan.join(QLatin1Char('\n'));
        qInfo("%s plan, %s:\n%s", c.name, db.dialect() == SqlDialect::SQLite ? "SQLite" : "PostgreSQL", qPrintable(text));
        if (db.dialect() == SqlDialect::SQLite) {
            // An index search, and the order comes from it: no sort of the matching rows.
            QVERIFY2(text.contains(QLatin1String("USING INDEX")) || text.contains(QLatin1String("USING COVERING INDEX")), qPrintable(text));
            if (QByteArray(c.name) != "narrow search")
                QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("SCAN a ")) && !text.contains(QLatin1String("SCAN attempts")), qPrintable(text));
        } else {
            // The attempts are reached through an index, never read whole.
            QVERIFY2(text.contains(QLatin1String("Index")), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("Seq Scan on attempts")), qPrintable(text));
        }
    }
    QCOMPARE(queue.pageAfter(narrow, std::nullopt, 100).size(), size_t(1));
    Q_UNUSED(ids);
}

void TestReviewQueue::reviewerFiguresOfTheDay()
{
    test::TempStore temp;
    const auto& store = temp.store();
    const Session me = test::addUser(store, QStringLiteral("me"), Role::Reviewer);
    const Session other = test::addUser(store, QStringLiteral("other"), Role::Reviewer);
    const std::vector<Id> ids = addAttempts(*store, 10);
    // Local times of today and yesterday, as the desk sees them.
    const QDate today = kNow.toLocalTime().date();
    auto local = [&](int dayOffset, int h, int m, int s) { return QDateTime(today.addDays(dayOffset), QTime(h, m, s), Qt::LocalTime).toUTC(); };
    struct Row {
        Id reviewer;
        QDateTime at;
        const char* verdict;
    };
    const Row rows[] = {
        {me.userId, local(-1, 23, 59, 0), "approve"}, // yesterday: not counted
        {me.userId, local(0, 0, 0, 30), "approve"},
        {me.userId, local(0, 0, 1, 0), "reject"},    // +30 s
        {me.userId, local(0, 0, 2, 0), "approve"},   // +60 s
        {me.userId, local(0, 0, 40, 0), "approve"},  // a pause (38 min): left out
        {me.userId, local(0, 0, 40, 20), "reject"},  // +20 s
        {other.userId, local(0, 0, 3, 0), "approve"}, // someone else's
    };
    Transaction tx(store->db());
    for (size_t i = 0; i < std::size(rows); ++i) {
        Sql(store->db(), QStringLiteral("INSERT INTO decisions (attempt_id, verdict, reasons, note, reviewer_id, decided_at) "
                                        "VALUES (:a, :v, '[]', '', :r, :t)"))
            .bind(QStringLiteral(":a"), ids[i])
            .bind(QStringLiteral(":v"), QString::fromLatin1(rows[i].verdict))
            .bind(QStringLiteral(":r"), rows[i].reviewer)
            .bind(QStringLiteral(":t"), toDbTime(rows[i].at))
            .exec();
    }
    tx.commit();
    const auto figures = reviewerDayFigures(store->db(), me.userId, local(0, 1, 0, 0));
    QVERIFY2(figures.ok(), figures.ok() ? "" : qPrintable(figures.error().message));
    QCOMPARE(figures->decidedToday, 5);
    QCOMPARE(figures->approvedToday, 3);
    QCOMPARE(figures->rejectedToday, 2);
    QVERIFY(figures->medianSeconds.has_value());
    QCOMPARE(*figures->medianSeconds, 30.0); // of 30, 60, 20
    const auto theirs = reviewerDayFigures(store->db(), other.userId, local(0, 1, 0, 0));
    QCOMPARE(theirs->decidedToday, 1);
    QVERIFY(!theirs->medianSeconds.has_value()); // one decision: no time of its own
    const auto tomorrow = reviewerDayFigures(store->db(), me.userId, local(1, 9, 0, 0));
    QCOMPARE(tomorrow->decidedToday, 0);
}

void TestReviewQueue::medianLeavesPausesOut()
{
    const QDateTime t0 = kNow;
    QCOMPARE(medianDecisionSeconds({}), std::optional<double>());
    QCOMPARE(medianDecisionSeconds({t0}), std::optional<double>());
    QCOMPARE(medianDecisionSeconds({t0, t0.addSecs(10)}), std::optional<double>(10));
    QCOMPARE(medianDecisionSeconds({t0, t0.addSecs(10), t0.addSecs(40), t0.addSecs(50)}), std::optional<double>(10));
    QCOMPARE(medianDecisionSeconds({t0, t0.addSecs(10), t0.addSecs(30), t0.addSecs(3000)}), std::optional<double>(15));
    QCOMPARE(medianDecisionSeconds({t0, t0.addSecs(601)}), std::optional<double>()); // a pause only
}

void TestReviewQueue::lruCacheKeepsTheMostRecent()
{
    LruCache<int, QString> cache(3);
    cache.insert(1, QStringLiteral("a"));
    cache.insert(2, QStringLiteral("b"));
    cache.insert(3, QStringLiteral("c"));
    QCOMPARE(cache.keys(), (QList<int>{3, 2, 1}));
    QVERIFY(cache.find(1)); // 1 is now the most recent
    cache.insert(4, QStringLiteral("d")); // 2 goes
    QCOMPARE(cache.keys(), (QList<int>{4, 1, 3}));
    QVERIFY(!cache.contains(2));
    QCOMPARE(*cache.peek(3), QStringLiteral("c"));
    QCOMPARE(cache.keys(), (QList<int>{4, 1, 3})); // peek does not reorder
    cache.insert(3, QStringLiteral("C"));
    QCOMPARE(*cache.find(3), QStringLiteral("C"));
    QCOMPARE(cache.retain([](int key, const QString&) { return key != 1; }), 1);
    QCOMPARE(cache.keys(), (QList<int>{3, 4}));
    cache.setCapacity(1);
    QCOMPARE(cache.keys(), (QList<int>{3}));
    QVERIFY(cache.remove(3));
    QVERIFY(!cache.remove(3));
    QCOMPARE(cache.size(), 0);
}

QTEST_GUILESS_MAIN(TestReviewQueue)
#include "tst_reviewqueue.moc"
