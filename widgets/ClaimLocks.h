#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace pd {

class Store;

// Who else is working on what: the queue's lock column and the workspace's read-only notice.
struct ClaimLock {
    Id attemptId = 0;
    Id holderId = 0;
    QString holder; // display name, else user name
    QDateTime leaseUntil;
};
using ClaimLocks = QHash<Id, ClaimLock>;

// Pending attempts held by another user's still valid lease. A read-only adapter over the claim
// columns that core/review/ClaimService writes (the core has no "list others' claims" call;
// ReviewQueue's claimed_by ignores lease expiry). Runs on a worker thread, never the UI thread.
// Error codes: store-*.
Result<ClaimLocks> loadForeignClaims(const Store& store, Id me);

} // namespace pd
