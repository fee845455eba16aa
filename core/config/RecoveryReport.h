#pragma once

#include "core/config/SessionMarker.h"
#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace pd {

class Store;

// What the start after an unclean exit found and did about it. The store's transactions make
// every decision all-or-nothing; this says which way each thing went.
struct RecoveryReport {
    SessionRecord previous;
    bool sameUser = false;     // the person who signed in now is the one who was working
    bool sameDatabase = true;  // (otherwise nothing in this store belongs to that session)

    // The submission this desk held.
    enum class ClaimOutcome {
        None,      // held nothing
        Resumed,   // still held: the same reviewer carries on with it
        Released,  // given back to the queue (someone else signed in)
        Expired,   // the lease ran out meanwhile: back in the queue
        TakenOver, // another reviewer holds it now
        Decided,   // it was decided (the hold ended with the decision)
    };
    ClaimOutcome claim = ClaimOutcome::None;
    Id claimAttemptId = 0;
    QString claimExternalId;
    QString claimHolder; // TakenOver: who

    // Messages of that session's decisions still to be delivered: the dispatchers resume them
    // (a send that was under way is looked up at the provider before it is sent again).
    int smsResumed = 0;
    int platformResumed = 0;
    int interrupted = 0; // of these, rows whose delivery was under way ('sending')

    // The decision that was being written when the desk stopped.
    enum class DecisionOutcome { None, Landed, NotSaved };
    DecisionOutcome decision = DecisionOutcome::None;
    Id decisionAttemptId = 0;
    QString decisionExternalId;
    QString decisionVerdict; // approve | reject (as stored when Landed, as attempted otherwise)

    // Where the reviewer was: reopened when the same person signs in again.
    Id reopenAttemptId = 0;
    QString reopenExternalId;
    QString reopenTab;

    bool nothingInProgress() const;
    // One line for the log: ids and counts, no personal data.
    QString summary() const;
    QJsonObject toJson() const;
};
QString toString(RecoveryReport::ClaimOutcome c);
QString toString(RecoveryReport::DecisionOutcome d);

// Recovers one leftover session for the user who has just signed in (`current`): finds out what
// became of its claim, its in-flight decision and its undelivered messages, and gives back a
// claim this desk still holds for someone who is not the one carrying on (audited as a release).
// A few indexed queries and at most one small write transaction.
class CrashRecovery {
public:
    CrashRecovery(std::shared_ptr<const Store> store, QString databaseLocation);

    Result<RecoveryReport> recover(const SessionRecord& previous, const Session& current) const;

private:
    std::shared_ptr<const Store> m_store;
    QString m_database;
};

} // namespace pd
