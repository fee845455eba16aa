#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QDateTime>

#include <memory>
#include <vector>

namespace pd {

class Store;

struct ReviewerFigures {
    Id reviewerId = 0;
    QString reviewer;
    int approved = 0;
    int rejected = 0;
    double approvalRate() const { return approved + rejected ? double(approved) / (approved + rejected) : 0.0; }
};

struct HourlyDecisions {
    QDateTime hour; // start of the UTC hour
    QString reviewer;
    int decisions = 0;
};

struct SlaFigures {
    int decided = 0;        // decisions in the period
    int decidedInTime = 0;  // of those, within 48 h of payment
    int pendingOverdue = 0; // pending now and past the deadline
    int pendingDueSoon = 0; // pending now, less than 6 h left
    double compliance() const { return decided ? double(decidedInTime) / decided : 1.0; }
};

struct QueueAgeFigures {
    // Pending attempts by time since payment: <12 h, 12–24 h, 24–36 h, 36–48 h, overdue.
    int buckets[5] = {0, 0, 0, 0, 0};
};

// How the reviewers' decisions agree with the automated rules, per rule: a confusion table of
// "the rule failed" against "the reviewer rejected citing this rule".
struct RuleAgreement {
    QString ruleId;
    int flaggedAndCited = 0;   // both: the machine and the reviewer agree on a problem
    int flaggedNotCited = 0;   // the reviewer overrode the flag (approved, or rejected for other reasons)
    int citedNotFlagged = 0;   // the reviewer saw what the rule did not flag
    int neither = 0;
    double agreement() const
    {
        const int n = flaggedAndCited + flaggedNotCited + citedNotFlagged + neither;
        return n ? double(flaggedAndCited + neither) / n : 1.0;
    }
};

// The supervisor's figures, computed in the database (indexed by decisions(reviewer_id,
// decided_at) and attempts(state, deadline)). Supervisors and administrators only.
class SupervisionStats {
public:
    explicit SupervisionStats(std::shared_ptr<const Store> store) : m_store(std::move(store)) {}

    Result<std::vector<ReviewerFigures>> reviewers(const Session& who, const QDateTime& from, const QDateTime& to) const;
    Result<std::vector<HourlyDecisions>> hourly(const Session& who, const QDateTime& from, const QDateTime& to) const;
    Result<SlaFigures> sla(const Session& who, const QDateTime& from, const QDateTime& to) const;
    Result<QueueAgeFigures> queueAge(const Session& who) const;
    // Decisions in the period whose submitted photo has a stored rules report (the newest one),
    // one row per rule that was flagged or cited at least once, in rule-id order.
    Result<std::vector<RuleAgreement>> ruleAgreement(const Session& who, const QDateTime& from, const QDateTime& to) const;

private:
    std::shared_ptr<const Store> m_store;
};

} // namespace pd
