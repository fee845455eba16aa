#pragma once

#include "core/domain/Types.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace pd {

class Database;

// One line of the review queue, as the queue view shows it.
struct QueueRow {
    Id attemptId = 0;
    QString externalId;
    AttemptState state = AttemptState::Pending;
    QDateTime paidAt;
    QDateTime deadline;
    Id studentId = 0;
    QString studentName;
    QString studentNumber;
    QString programme;
    QString level;
    Id claimedBy = 0;
};

// Time left before the deadline, as the queue counts and filters it (pending attempts).
enum class DeadlineBucket { Overdue, Within6h, Within24h, Later };
// How the queue is ordered; both orders end with the attempt id, so paging is exact. (Orders by
// student name or number are left out on purpose: with a state filter neither SQLite nor
// PostgreSQL can serve them from one index, and a sort of 100 000 rows per page is not a queue.)
enum class QueueSort { Deadline, DeadlineDescending };

struct QueueFilter {
    std::optional<AttemptState> state = AttemptState::Pending; // nullopt = every state
    // Student name or number starting with this text, case-sensitive (empty = all).
    QString search;
    std::optional<DeadlineBucket> bucket; // deadline range relative to utcNow() when the page is read
    QueueSort sort = QueueSort::Deadline;
};

// Where the next page starts (keyset paging): the sort key of the last row already shown.
struct QueueCursor {
    QString deadline; // database text
    Id attemptId = 0;
};
QueueCursor cursorOf(const QueueRow& row);

// How many attempts are in each state, and the pending ones per deadline bucket.
struct QueueCounts {
    int pending = 0;
    int approved = 0;
    int rejected = 0;
    int overdue = 0;   // pending, deadline passed
    int within6h = 0;  // pending, deadline in the next 6 h
    int within24h = 0; // pending, in 6–24 h
    int later = 0;     // pending, 24 h or more
    QDateTime at;      // the "now" the buckets were measured against

    int total() const { return pending + approved + rejected; }
    int forState(std::optional<AttemptState> state) const;
    int forBucket(DeadlineBucket bucket) const;
};

// [from, to) of a bucket's deadlines at `now` (invalid QDateTime = open end).
std::pair<QDateTime, QDateTime> bucketRange(DeadlineBucket bucket, const QDateTime& now);

// Read side of the queue. Pages are keyset pages: each one is an index range scan that starts
// after the previous page's last row, so the 2 000th page costs what the first one costs (an
// OFFSET would read and drop every row before it). Indexes: attempts (state, deadline, id),
// attempts (deadline, id), students (name) and students (student_number) — migrations 0002,
// 0004 and 0030. A search drives the query from the students it matches when they are few (an
// index range on name / number), and from the deadline order otherwise: either way a page reads
// a bounded number of rows, never the whole queue.
class ReviewQueue {
public:
    explicit ReviewQueue(const Database& db) : m_db(db) {}
    // Rows matching the filter. Counts every match: for a worker thread, not per page.
    int count(const QueueFilter& filter) const;
    std::vector<QueueRow> page(const QueueFilter& filter, int offset, int limit) const;
    // The `limit` rows after `after` (from the start when nullopt) in the filter's order.
    std::vector<QueueRow> pageAfter(const QueueFilter& filter, const std::optional<QueueCursor>& after, int limit) const;
    // Per state and per deadline bucket (one pass over an index; for a worker thread).
    QueueCounts counts(const QDateTime& now) const;
    // The database's plan for pageAfter() with these arguments, one line per plan step
    // (SQLite: EXPLAIN QUERY PLAN, PostgreSQL: EXPLAIN): tests and diagnostics check that a page
    // is an index range, not a scan and a sort.
    QStringList explainPage(const QueueFilter& filter, const std::optional<QueueCursor>& after, int limit) const;

private:
    const Database& m_db;
};

} // namespace pd
