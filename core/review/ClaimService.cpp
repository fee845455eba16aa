#include "core/review/ClaimService.h"

#include "core/audit/AuditLog.h"

#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QRandomGenerator>
#include <QStringList>

namespace pd {

namespace {
QString newToken()
{
    quint64 words[2];
    QRandomGenerator::system()->fillRange(words);
    return QString::number(words[0], 16).rightJustified(16, QLatin1Char('0'))
           + QString::number(words[1], 16).rightJustified(16, QLatin1Char('0'));
}

QString idList(const QList<Id>& ids)
{
    QStringList parts;
    for (Id id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}
} // namespace

ClaimService::ClaimService(std::shared_ptr<const Store> store, int leaseSeconds)
    : m_store(std::move(store)), m_leaseSeconds(leaseSeconds)
{
}

namespace {
// Claims change who may decide an attempt, so they are state changes the audit log records
// (in the same transaction as the claim itself). Lease renewals are not: they only extend.
// They go on the reviewer's own chain, not the main one: see AuditLog on why.
void auditClaim(const Database& db, const Session& who, const QString& action, Id attemptId, const QString& after)
{
    AuditEvent e;
    e.chain = AuditLog::actorChain(who.userId);
    e.actorId = who.userId;
    e.actor = who.username;
    e.action = action;
    e.objectType = QStringLiteral("attempt");
    e.objectId = QString::number(attemptId);
    e.after = after;
    AuditLog(db).append(e);
}
} // namespace

Status ClaimService::mayClaim(const Session& who) const
{
    if (who.role != Role::Reviewer && who.role != Role::Supervisor)
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not review submissions").arg(who.username)};
    return okStatus();
}

Result<std::optional<Claim>> ClaimService::claimNext(const Session& who, const QList<Id>& skipped) const
{
    if (auto allowed = mayClaim(who); !allowed)
        return allowed.error();
    const Database& db = m_store->db();
    const QDateTime now = utcNow();
    const QDateTime until = now.addSecs(m_leaseSeconds);
    const QString token = newToken();
    const QString notSkipped = skipped.isEmpty() ? QString() : QStringLiteral(" AND id NOT IN (%1)").arg(idList(skipped));
    // PostgreSQL: the inner SELECT locks the chosen row and skips rows other claimers hold, so
    // twenty desks pick twenty different attempts without waiting. SQLite: the statement runs
    // inside BEGIN IMMEDIATE, one writer at a time.
    const QString lock = db.dialect() == SqlDialect::PostgreSQL ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString();
    try {
        // One transaction: the claim and its audit event commit together.
        std::optional<Transaction> tx;
        tx.emplace(db);
        std::optional<Claim> claim;
        {
            Sql q(db.connection(),
                  QStringLiteral("UPDATE attempts SET claimed_by = :u, lease_until = :until, claim_token = :tok "
                                 "WHERE id = (SELECT id FROM attempts WHERE state = 'pending' "
                                 "AND (claimed_by IS NULL OR lease_until IS NULL OR lease_until <= :now)%1 "
                                 "ORDER BY deadline, id LIMIT 1%2) "
                                 "RETURNING id, external_id")
                      .arg(notSkipped, lock));
            q.bind(QStringLiteral(":u"), who.userId)
                .bind(QStringLiteral(":until"), toDbTime(until))
                .bind(QStringLiteral(":tok"), token)
                .bind(QStringLiteral(":now"), toDbTime(now))
                .exec();
            if (q.next())
                claim = Claim{q.value(0).toLongLong(), q.value(1).toString(), token, until};
        } // the statement is finished before COMMIT (SQLite refuses to commit under a live one)
        if (claim)
            auditClaim(db, who, QStringLiteral("claim"), claim->attemptId,
                       QStringLiteral("{\"lease_until\":\"%1\",\"next\":true}").arg(toDbTime(until)));
        tx->commit();
        return claim;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<Claim> ClaimService::claim(const Session& who, Id attemptId) const
{
    if (auto allowed = mayClaim(who); !allowed)
        return allowed.error();
    const Database& db = m_store->db();
    const QDateTime now = utcNow();
    const QDateTime until = now.addSecs(m_leaseSeconds);
    const QString lock = db.dialect() == SqlDialect::PostgreSQL ? QStringLiteral(" FOR UPDATE OF a") : QString();
    try {
        Transaction tx(db);
        Sql read(tx.connection(), QStringLiteral("SELECT a.external_id, a.state, a.claimed_by, a.lease_until, a.claim_token, u.username "
                                                 "FROM attempts a LEFT JOIN users u ON u.id = a.claimed_by WHERE a.id = :id%1")
                                      .arg(lock));
        read.bind(QStringLiteral(":id"), attemptId).exec();
        if (!read.next())
            return Error{QStringLiteral("not-found"), QStringLiteral("attempt %1 does not exist").arg(attemptId)};
        const QString externalId = read.value(0).toString();
        if (read.value(1).toString() != QLatin1String("pending"))
            return Error{QStringLiteral("already-decided"), QStringLiteral("attempt %1 is already %2").arg(externalId, read.value(1).toString())};
        const Id holder = read.value(2).toLongLong();
        const QDateTime leaseUntil = fromDbTime(read.value(3).toString());
        const bool leaseValid = holder != 0 && leaseUntil.isValid() && leaseUntil > now;
        if (leaseValid && holder != who.userId)
            return Error{QStringLiteral("claimed-by-other"),
                         QStringLiteral("attempt %1 is being reviewed by %2 until %3 (UTC)")
                             .arg(externalId, read.value(5).toString(), leaseUntil.toString(QStringLiteral("HH:mm")))};
        // Claiming what one already holds extends the lease and keeps the token (a second window
        // of the same reviewer does not invalidate the first).
        const QString token = leaseValid ? read.value(4).toString() : newToken();
        Sql(tx.connection(), QStringLiteral("UPDATE attempts SET claimed_by = :u, lease_until = :until, claim_token = :tok WHERE id = :id"))
            .bind(QStringLiteral(":u"), who.userId)
            .bind(QStringLiteral(":until"), toDbTime(until))
            .bind(QStringLiteral(":tok"), token)
            .bind(QStringLiteral(":id"), attemptId)
            .exec();
        if (!leaseValid) // a re-claim of one's own valid lease only extends it
            auditClaim(db, who, QStringLiteral("claim"), attemptId, QStringLiteral("{\"lease_until\":\"%1\"}").arg(toDbTime(until)));
        tx.commit();
        return Claim{attemptId, externalId, token, until};
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<Claim> ClaimService::renew(const Session& who, const Claim& claim) const
{
    const QDateTime now = utcNow();
    const QDateTime until = now.addSecs(m_leaseSeconds);
    try {
        Sql q(m_store->db(), QStringLiteral("UPDATE attempts SET lease_until = :until WHERE id = :id AND claimed_by = :u "
                                            "AND claim_token = :tok AND state = 'pending' AND lease_until > :now"));
        q.bind(QStringLiteral(":until"), toDbTime(until))
            .bind(QStringLiteral(":id"), claim.attemptId)
            .bind(QStringLiteral(":u"), who.userId)
            .bind(QStringLiteral(":tok"), claim.token)
            .bind(QStringLiteral(":now"), toDbTime(now))
            .exec();
        if (q.numRowsAffected() != 1)
            return Error{QStringLiteral("lease-lost"),
                         QStringLiteral("your claim on attempt %1 has expired, was released or was decided; claim it again")
                             .arg(claim.externalId.isEmpty() ? QString::number(claim.attemptId) : claim.externalId)};
        Claim renewed = claim;
        renewed.leaseUntil = until;
        return renewed;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Status ClaimService::release(const Session& who, const Claim& claim) const
{
    try {
        const Database& db = m_store->db();
        Transaction tx(db);
        Sql q(db, QStringLiteral("UPDATE attempts SET claimed_by = NULL, lease_until = NULL, claim_token = NULL "
                                 "WHERE id = :id AND claimed_by = :u AND claim_token = :tok"));
        q.bind(QStringLiteral(":id"), claim.attemptId)
            .bind(QStringLiteral(":u"), who.userId)
            .bind(QStringLiteral(":tok"), claim.token)
            .exec();
        if (q.numRowsAffected() == 1)
            auditClaim(db, who, QStringLiteral("claim.release"), claim.attemptId, {});
        tx.commit();
        return okStatus(); // releasing what one no longer holds is not an error
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<int> ClaimService::releaseAllFor(const Session& who) const
{
    try {
        const Database& db = m_store->db();
        Transaction tx(db);
        Sql q(db, QStringLiteral("UPDATE attempts SET claimed_by = NULL, lease_until = NULL, claim_token = NULL "
                                 "WHERE claimed_by = :u AND state = 'pending' RETURNING id"));
        q.bind(QStringLiteral(":u"), who.userId).exec();
        std::vector<Id> released;
        while (q.next())
            released.push_back(q.value(0).toLongLong());
        for (Id id : released)
            auditClaim(db, who, QStringLiteral("claim.release"), id, QStringLiteral("{\"all\":true}"));
        tx.commit();
        return int(released.size());
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<std::vector<Claim>> ClaimService::heldBy(const Session& who) const
{
    try {
        Sql q(m_store->db(), QStringLiteral("SELECT id, external_id, claim_token, lease_until FROM attempts "
                                            "WHERE claimed_by = :u AND state = 'pending' AND lease_until > :now ORDER BY deadline, id"));
        q.bind(QStringLiteral(":u"), who.userId).bind(QStringLiteral(":now"), toDbTime(utcNow())).exec();
        std::vector<Claim> result;
        while (q.next())
            result.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), fromDbTime(q.value(3).toString())});
        return result;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<ClaimLocks> ClaimService::heldByOthers(const Session& who) const
{
    try {
        Sql q(m_store->db(), QStringLiteral("SELECT a.id, a.claimed_by, u.display_name, u.username, a.lease_until FROM attempts a "
                                            "LEFT JOIN users u ON u.id = a.claimed_by WHERE a.state = 'pending' "
                                            "AND a.claimed_by IS NOT NULL AND a.claimed_by <> :me AND a.lease_until > :now"));
        q.bind(QStringLiteral(":me"), who.userId).bind(QStringLiteral(":now"), toDbTime(utcNow())).exec();
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
