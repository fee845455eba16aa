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

struct QueueFilter {
    std::optional<AttemptState> state = AttemptState::Pending; // nullopt = every state
    QString search; // matches student name or number (prefix), empty = all
};

// Read side of the queue: most urgent deadline first, paged so the view can load lazily.
class ReviewQueue {
public:
    explicit ReviewQueue(const Database& db) : m_db(db) {}
    int count(const QueueFilter& filter) const;
    std::vector<QueueRow> page(const QueueFilter& filter, int offset, int limit) const;

private:
    const Database& m_db;
};

} // namespace pd
