#include "core/review/ReviewQueue.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

namespace pd {

namespace {
// WHERE clause and its bindings for a filter; the state filter uses the (state, deadline) index.
QString whereFor(const QueueFilter& f)
{
    QStringList parts;
    if (f.state)
        parts << QStringLiteral("a.state = :state");
    if (!f.search.isEmpty())
        parts << QStringLiteral("(s.name LIKE :search OR s.student_number LIKE :search2)");
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

void bindFilter(Sql& q, const QueueFilter& f)
{
    if (f.state)
        q.bind(QStringLiteral(":state"), toString(*f.state));
    if (!f.search.isEmpty()) {
        QString escaped = f.search;
        escaped.remove(QLatin1Char('%')).remove(QLatin1Char('_'));
        q.bind(QStringLiteral(":search"), escaped + QLatin1Char('%'));
        q.bind(QStringLiteral(":search2"), escaped + QLatin1Char('%'));
    }
}
} // namespace

int ReviewQueue::count(const QueueFilter& filter) const
{
    Sql q(m_db, QStringLiteral("SELECT COUNT(*) FROM attempts a JOIN students s ON s.id = a.student_id") + whereFor(filter));
    bindFilter(q, filter);
    return q.scalar().toInt();
}

std::vector<QueueRow> ReviewQueue::page(const QueueFilter& filter, int offset, int limit) const
{
    Sql q(m_db, QStringLiteral("SELECT a.id, a.external_id, a.state, a.paid_at, a.deadline, s.id, s.name, s.student_number, "
                               "s.programme, s.level, a.claimed_by FROM attempts a JOIN students s ON s.id = a.student_id")
                    + whereFor(filter) + QStringLiteral(" ORDER BY a.deadline, a.id LIMIT :limit OFFSET :offset"));
    bindFilter(q, filter);
    q.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    std::vector<QueueRow> rows;
    rows.reserve(std::size_t(limit));
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
        rows.push_back(r);
    }
    return rows;
}

} // namespace pd
