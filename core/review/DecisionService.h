#pragma once

#include "core/notify/SmsComposer.h"
#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace pd {

class Store;
class ReasonCatalog;

struct DecisionRequest {
    Id attemptId = 0;
    Verdict verdict = Verdict::Approve;
    QStringList reasons; // rule ids; at least one for a rejection, none for an approval
    QString note;
    // Where the decision was made: empty or "standard" (the review workspace), "clean" (an
    // approval from the clean-lane grid, core/review/CleanLane). Stored with the decision and,
    // for the clean lane, in its audit event together with what the reviewer confirmed by
    // approving: the checklist rules judged by eye and the warnings that were shown.
    // (Initialised so that the many {id, verdict, reasons, note} initialisers stay warning-free.)
    QString lane = {};
    QStringList confirmedChecklist = {};
    QStringList acknowledgedWarnings = {};
};

// Decides an attempt. Everything a decision causes is written in ONE transaction: the
// decision row, the attempt's new state, the audit event and the outbox messages (SMS to the
// student, callback to the platform). Either all of it commits or none of it does.
class DecisionService {
public:
    DecisionService(std::shared_ptr<const Store> store, const ReasonCatalog& catalog, const SmsComposer& sms);

    // Gives the new decision's id, or an error with code: forbidden, invalid-reasons, invalid-lane,
    // not-found, already-decided, claimed-by-other, lease-lost, store-*. Nothing is written
    // unless it succeeds.
    // `claimToken`: the token of the reviewer's Claim (ClaimService). Empty = deciding without a
    // claim (single-desk use): allowed unless someone else holds a valid lease, refused with
    // lease-lost if the reviewer's own lease on it has expired. Set: the claim must still be
    // this reviewer's, with that token and unexpired, otherwise lease-lost.
    Result<Id> decide(const Session& who, const DecisionRequest& request, const QString& claimToken = {}) const;

    // Test hook: called between the steps of the transaction with the step's name
    // ("decision", "attempt", "audit", "outbox-sms", "outbox-platform", "commit"); throwing
    // from it simulates a failure at that point.
    void setFaultInjector(std::function<void(const QString& step)> injector) { m_faults = std::move(injector); }

    // The time stamped on decisions; the demo seeder back-dates its history with it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    void step(const QString& name) const;

    std::shared_ptr<const Store> m_store;
    const ReasonCatalog& m_catalog;
    SmsComposer m_sms; // a copy: the templates in force when this service was made
    std::function<void(const QString&)> m_faults;
    std::function<QDateTime()> m_clock;
};

} // namespace pd
