#include "widgets/ClaimLocks.h"

#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"

namespace pd {

Result<ClaimLocks> loadForeignClaims(const Store& store, Id me)
{
    try {
        Sql q(store.db(), QStringLiteral("SELECT a.id, a.claimed_by, u.display_name, u.username, a.lease_until FROM attempts a "
                                         "LEFT JOIN users u ON u.id = a.claimed_by WHERE a.state = 'pending' "
                                         "AND a.claimed_by IS NOT NULL AND a.claimed_by <> :me AND a.lease_until > :now"));
        q.bind(QStringLiteral(":me"), me).bind(QStringLiteral(":now"), toDbTime(utcNow())).exec();
        ClaimLocks locks;
        while (q.next()) {
            ClaimLock lock;
            lock.attemptId = q.value(0).toLongLong();
            lock.holderId = q.value(1).toLongLong();
            lock.holder = q.value(2).toString().isEmpty() ? q.value(3).toString() : q.value(2).toString();
            lock.leaseUntil = fromDbTime(q.value(4).toString());
            locks.insert(lock.attemptId, lock);
        }
        return locks;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
