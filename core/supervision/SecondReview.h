#pragma once

#include "core/notify/SmsComposer.h"
#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace pd {

class Store;
class ReasonCatalog;

struct SecondReviewItem {
    Id id = 0;
    Id decisionId = 0;
    Id attemptId = 0;
    Verdict firstVerdict = Verdict::Approve;
    QStringList firstReasons;
    Id firstReviewerId = 0;
    QString state; // pending, confirmed, overturned
    QString lane = {}; // where the first decision was made: standard | clean (the clean-lane grid)
};

// Quality control: a random share of decisions is sampled for a second reviewer, who confirms
// or overturns. An overturn changes the attempt's state, notifies the student again through
// the outbox (SMS and platform callback) and is audited — in one transaction. The first
// decision stays on record unchanged.
class SecondReview {
public:
    SecondReview(std::shared_ptr<const Store> store, const ReasonCatalog& catalog, const SmsComposer& sms);

    // Samples `share` (0..1) of the decisions not sampled yet, using `seed` for a reproducible
    // draw; gives how many were sampled. Supervisors only. Every decision is eligible whatever
    // its lane: approvals from the clean-lane grid are sampled like any other.
    Result<int> sample(const Session& who, double share, quint64 seed) const;
    // Pending items a given reviewer may take (never their own decisions).
    Result<std::vector<SecondReviewItem>> pendingFor(const Session& who, int limit = 50) const;
    Status confirm(const Session& who, Id itemId, const QString& note) const;
    Status overturn(const Session& who, Id itemId, Verdict verdict, const QStringList& reasons, const QString& note) const;

private:
    Status conclude(const Session& who, Id itemId, bool overturn, Verdict verdict, const QStringList& reasons, const QString& note) const;

    std::shared_ptr<const Store> m_store;
    const ReasonCatalog& m_catalog;
    SmsComposer m_sms; // a copy: the templates in force when this service was made
};

} // namespace pd
