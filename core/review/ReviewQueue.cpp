#include "core/review/ReviewQueue.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

namespace pd {

namespace {

// A search matching at most this many students is driven from the students' indexes; a broader
// one (a single digit, a common surname) walks the deadline order, where matches are dense.
constexpr int kNarrowSearch = 2000;

QString selectFrom(bool studentsFirst)
{
    // CROSS JOIN makes SQLite take students as the outer loop (PostgreSQL plans it as a join).
    return QStringLiteral("SELECT a.id, a.external_id, a.state, a.paid_at, a.deadline, s.id, s.name, s.student_number, "
                          "s.programme, s.level, a.claimed_by FROM ")
           + (studentsFirst ? QStringLiteral("students s CROSS JOIN attempts a WHERE s.id = a.student_id")
                            : QStringLiteral("attempts a JOIN students s ON s.id = a.student_id WHERE 1 = 1"));
}

// The search text as a case-sensitive prefix pattern. SQLite: GLOB (its LIKE ignores ASCII case
// and so cannot use an index); PostgreSQL: LIKE, which is case-sensitive there.
QString searchPattern(const Database& db, QString text)
{
    // Pattern characters of either engine are dropped, so a search means the same on both.
    for (const char c : {'*', '?', '[', ']', '%', '_', '\\'})
        text.remove(QLatin1Char(c));
    return text + QLatin1Char(db.dialect() == SqlDialect::SQLite ? '*' : '%');
}

QString matchOperator(const Database& db)
{
    return db.dialect() == SqlDialect::SQLite ? QStringLiteral("GLOB") : QStringLiteral("LIKE");
}

// Filter conditions; state and deadline are ranges of the (state, deadline, id) index.
QString filterConditions(const Database& db, const QueueFilter& f, bool withSearch)
{
    QString sql;
    if (f.state)
        sql += QStringLiteral(" AND a.state = :state");
    if (f.bucket) {
        if (*f.bucket != DeadlineBucket::Overdue)
            sql += QStringLiteral(" AND a.deadline >= :bucket_from");
        if (*f.bucket != DeadlineBucket::Later)
            sql += QStringLiteral(" AND a.deadline < :bucket_to");
    }
    if (withSearch && !f.search.isEmpty())
        sql += QStringLiteral(" AND (s.name %1 :search OR s.student_number %1 :search2)").arg(matchOperator(db));
    return sql;
}

void bindFilter(const Database& db, Sql& q, const QueueFilter& f, bool withSearch)
{
    if (f.state)
        q.bind(QStringLiteral(":state"), toString(*f.state));
    if (f.bucket) {
        const auto [from, to] = bucketRange(*f.bucket, utcNow());
        if (*f.bucket != DeadlineBucket::Overdue)
            q.bind(QStringLiteral(":bucket_from"), toDbTime(from));
        if (*f.bucket != DeadlineBucket::Later)
            q.bind(QStringLiteral(":bucket_to"), toDbTime(to));
    }
    if (withSearch && !f.search.isEmpty()) {
        const QString pattern = searchPattern(db, f.search);
        q.bind(QStringLiteral(":search"), pattern);
        q.bind(QStringLiteral(":search2"), pattern);
    }
}

QString orderBy(QueueSort sort)
{
    return sort == QueueSort::DeadlineDescending ? QStringLiteral(" ORDER BY a.deadline DESC, a.id DESC")
                                                 : QStringLiteral(" ORDER BY a.deadline, a.id");
}

// "After the cursor" in the sort's order. The leading >= / <= is what lets both SQLite and
// PostgreSQL start the index scan at the cursor; the rest breaks ties exactly.
QString afterCursor(QueueSort sort)
{
    return sort == QueueSort::DeadlineDescending ? QStringLiteral(" AND a.deadline <= :k1 AND (a.deadline < :k2 OR a.id < :aid)")
                                                 : QStringLiteral(" AND a.deadline >= :k1 AND (a.deadline > :k2 OR a.id > :aid)");
}

// Whether a search is narrow enough to start from the matching students (SQLite: an index range
// count that stops after kNarrowSearch; PostgreSQL's planner has statistics and decides itself).
bool studentsFirst(const Database& db, const QueueFilter& f)
{
    if (f.search.isEmpty() || db.dialect() != SqlDialect::SQLite)
        return false;
    Sql q(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM students WHERE name GLOB :s1 OR student_number GLOB :s2 LIMIT %1) m")
                  .arg(kNarrowSearch + 1));
    const QString pattern = searchPattern(db, f.search);
    q.bind(QStringLiteral(":s1"), pattern).bind(QStringLiteral(":s2"), pattern);
    return q.scalar().toInt() <= kNarrowSearch;
}

std::vector<QueueRow> readRows(Sql& q, int limit)
{
    std::vector<QueueRow> rows;
    rows.reserve(std::size_t(qMax(0, limit)));
    while (q.next()) {
        QueueRow r;
        r.attemptId = q.value(0).toLongLong();
        r.externalId = q.value(1).toString();
        r.state = attemptStateFromString(q.value(2).toString()).value_or(AttemptState::Pending);
        r.paidAt = fromDbTime(q.value(3).toString());
        r.deadline = fromDbTime(q.value(4).toString());
        r.studentId = q.value(5).toLongLong();
        r.studentName = q.value(6).toString();
        r.studentNumber = q.value(7).toString();
        r.programme = q.value(8).toString();
        r.level = q.value(9).toString();
        r.claimedBy = q.value(10).toLongLong();
        rows.push_back(std::move(r));
    }
    return rows;
}

} // namespace

QueueCursor cursorOf(const QueueRow& row)
{
    return QueueCursor{toDbTime(row.deadline), row.attemptId};
}

std::pair<QDateTime, QDateTime> bucketRange(DeadlineBucket bucket, const QDateTime& now)
{
    const auto hours = [&now](int h) { return now.addSecs(qint64(h) * 3600); };
    switch (bucket) {
    case DeadlineBucket::Overdue:
        return {QDateTime(), now};
    case DeadlineBucket::Within6h:
        return {now, hours(6)};
    case DeadlineBucket::Within24h:
        return {hours(6), hours(24)};
    case DeadlineBucket::Later:
        return {hours(24), QDateTime()};
    }
    return {};
}

int QueueCounts::forState(std::optional<AttemptState> state) const
{
    if (!state)
        return total();
    switch (*state) {
    case AttemptState::Pending:
        return pending;
    case AttemptState::Approved:
        return approved;
    case AttemptState::Rejected:
        return rejected;
    }
    return 0;
}

int QueueCounts::forBucket(DeadlineBucket bucket) const
{
    switch (bucket) {
    case DeadlineBucket::Overdue:
        return overdue;
    case DeadlineBucket::Within6h:
        return within6h;
    case DeadlineBucket::Within24h:
        return within24h;
    case DeadlineBucket::Later:
        return later;
    }
    return 0;
}

int ReviewQueue::count(const QueueFilter& filter) const
{
    // Without a search the attempts' own index answers: no join to the students.
    const bool search = !filter.search.isEmpty();
    Sql q(m_db, (search ? QStringLiteral("SELECT COUNT(*) FROM attempts a JOIN students s ON s.id = a.student_id WHERE 1 = 1")
                        : QStringLiteral("SELECT COUNT(*) FROM attempts a WHERE 1 = 1"))
                    + filterConditions(m_db, filter, search));
    bindFilter(m_db, q, filter, search);
    return q.scalar().toInt();
}

std::vector<QueueRow> ReviewQueue::page(const QueueFilter& filter, int offset, int limit) const
{
    Sql q(m_db, selectFrom(studentsFirst(m_db, filter)) + filterConditions(m_db, filter, true) + orderBy(filter.sort)
                    + QStringLiteral(" LIMIT :limit OFFSET :offset"));
    bindFilter(m_db, q, filter, true);
    q.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    return readRows(q, limit);
}

namespace {
QString pageSql(const Database& db, const QueueFilter& filter, bool withCursor)
{
    QString sql = selectFrom(studentsFirst(db, filter)) + filterConditions(db, filter, true);
    if (withCursor)
        sql += afterCursor(filter.sort);
    return sql + orderBy(filter.sort) + QStringLiteral(" LIMIT :limit");
}

void bindPage(const Database& db, Sql& q, const QueueFilter& filter, const std::optional<QueueCursor>& after, int limit)
{
    bindFilter(db, q, filter, true);
    if (after)
        q.bind(QStringLiteral(":k1"), after->deadline).bind(QStringLiteral(":k2"), after->deadline).bind(QStringLiteral(":aid"), after->attemptId);
    q.bind(QStringLiteral(":limit"), limit);
}
} // namespace

std::vector<QueueRow> ReviewQueue::pageAfter(const QueueFilter& filter, const std::optional<QueueCursor>& after, int limit) const
{
    Sql q(m_db, pageSql(m_db, filter, after.has_value()));
    bindPage(m_db, q, filter, after, limit);
    q.exec();
    return readRows(q, limit);
}

QStringList ReviewQueue::explainPage(const QueueFilter& filter, const std::optional<QueueCursor>& after, int limit) const
{
    const bool sqlite = m_db.dialect() == SqlDialect::SQLite;
    Sql q(m_db, (sqlite ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN ")) + pageSql(m_db, filter, after.has_value()));
    bindPage(m_db, q, filter, after, limit);
    q.exec();
    QStringList plan;
    while (q.next())
        plan << q.value(sqlite ? 3 : 0).toString();
    return plan;
}

QueueCounts ReviewQueue::counts(const QDateTime& now) const
{
    QueueCounts c;
    c.at = now;
    // One pass over the (state, deadline) index: every state counted, the pending deadlines cut
    // at now, now + 6 h and now + 24 h on the way.
    Sql q(m_db, QStringLiteral("SELECT state, COUNT(*), "
                               "SUM(CASE WHEN deadline < :t0 THEN 1 ELSE 0 END), "
                               "SUM(CASE WHEN deadline >= :t0b AND deadline < :t6 THEN 1 ELSE 0 END), "
                               "SUM(CASE WHEN deadline >= :t6b AND deadline < :t24 THEN 1 ELSE 0 END) "
                               "FROM attempts GROUP BY state"));
    const QString t0 = toDbTime(now), t6 = toDbTime(now.addSecs(6 * 3600)), t24 = toDbTime(now.addSecs(24 * 3600));
    q.bind(QStringLiteral(":t0"), t0).bind(QStringLiteral(":t0b"), t0).bind(QStringLiteral(":t6"), t6);
    q.bind(QStringLiteral(":t6b"), t6).bind(QStringLiteral(":t24"), t24).exec();
    while (q.next()) {
        const int n = q.value(1).toInt();
        switch (attemptStateFromString(q.value(0).toString()).value_or(AttemptState::Pending)) {
        case AttemptState::Pending:
            c.pending += n;
            c.overdue += q.value(2).toInt();
            c.within6h += q.value(3).toInt();
            c.within24h += q.value(4).toInt();
            break;
        case AttemptState::Approved:
            c.approved += n;
            break;
        case AttemptState::Rejected:
            c.rejected += n;
            break;
        }
    }
    c.later = qMax(0, c.pending - c.overdue - c.within6h - c.within24h);
    return c;
}

} // namespace pd
