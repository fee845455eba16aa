#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace pd {

class Store;

// One reviewer's hold on one attempt. The token is new on every claim: pass it in
// DecisionRequest::claimToken so a decision made after the lease was lost is refused.
struct Claim {
    Id attemptId = 0;
    QString externalId;
    QString token;
    QDateTime leaseUntil;
};

// Another user's still valid hold on a pending attempt: the queue's lock column and the
// workspace's read-only notice.
struct ClaimLock {
    Id attemptId = 0;
    Id holderId = 0;
    QString holder; // display name, else user name
    QDateTime leaseUntil;
};
using ClaimLocks = QHash<Id, ClaimLock>; // by attempt id

// Team mode: several desks share one queue and never decide the same attempt twice.
//   claimNext  the most urgent unclaimed pending attempt (deadline, then id), with a lease;
//   claim      a particular attempt (opened from the queue list);
//   renew      extend the lease while the reviewer works (the GUI renews every lease/3);
//   release    give it back (skip); releaseAllFor on logout.
// PostgreSQL picks with FOR UPDATE SKIP LOCKED (claimers never wait for each other); SQLite
// picks and marks inside one write transaction (BEGIN IMMEDIATE). An expired lease is gone:
// anyone may claim the attempt again, and the old token no longer decides.
// Error codes: forbidden, not-found, already-decided, claimed-by-other, lease-lost, store-*.
class ClaimService {
public:
    static constexpr int kDefaultLeaseSeconds = 300;

    explicit ClaimService(std::shared_ptr<const Store> store, int leaseSeconds = kDefaultLeaseSeconds);

    int leaseSeconds() const { return m_leaseSeconds; }

    // nullopt: nothing claimable right now. `skipped`: attempts this reviewer passed over in
    // this session (so "skip" moves on instead of handing the same attempt back).
    Result<std::optional<Claim>> claimNext(const Session& who, const QList<Id>& skipped = {}) const;
    Result<Claim> claim(const Session& who, Id attemptId) const;
    Result<Claim> renew(const Session& who, const Claim& claim) const;
    Status release(const Session& who, const Claim& claim) const;
    // Releases every pending attempt the user holds (logout, or a desk that restarts); gives how many.
    Result<int> releaseAllFor(const Session& who) const;
    // The user's valid claims (e.g. to resume after the program restarted).
    Result<std::vector<Claim>> heldBy(const Session& who) const;
    // Pending attempts held by anyone but `who` under a lease that has not run out (an expired
    // lease is no lock: the attempt may be claimed again).
    Result<ClaimLocks> heldByOthers(const Session& who) const;

private:
    Status mayClaim(const Session& who) const;

    std::shared_ptr<const Store> m_store;
    int m_leaseSeconds;
};

} // namespace pd
