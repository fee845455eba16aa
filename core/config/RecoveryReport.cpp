#include "core/config/RecoveryReport.h"

#include "core/review/ClaimService.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"

#include <QStringList>

namespace pd {

QString toString(RecoveryReport::ClaimOutcome c)
{
    switch (c) {
    case RecoveryReport::ClaimOutcome::None: return QStringLiteral("none");
    case RecoveryReport::ClaimOutcome::Resumed: return QStringLiteral("resumed");
    case RecoveryReport::ClaimOutcome::Released: return QStringLiteral("released");
    case RecoveryReport::ClaimOutcome::Expired: return QStringLiteral("expired");
    case RecoveryReport::ClaimOutcome::TakenOver: return QStringLiteral("taken-over");
    case RecoveryReport::ClaimOutcome::Decided: return QStringLiteral("decided");
    }
    return {};
}

QString toString(RecoveryReport::DecisionOutcome d)
{
    switch (d) {
    case RecoveryReport::DecisionOutcome::None: return QStringLiteral("none");
    case RecoveryReport::DecisionOutcome::Landed: return QStringLiteral("landed");
    case RecoveryReport::DecisionOutcome::NotSaved: return QStringLiteral("not-saved");
    }
    return {};
}

bool RecoveryReport::nothingInProgress() const
{
    return claim == ClaimOutcome::None && decision == DecisionOutcome::None && smsResumed == 0 && platformResumed == 0
           && reopenAttemptId == 0;
}

QString RecoveryReport::summary() const
{
    QStringList parts;
    parts << QStringLiteral("unclean exit of the session started %1 (pid %2, user %3)")
                 .arg(previous.startedAt.isValid() ? toDbTime(previous.startedAt) : QStringLiteral("?"))
                 .arg(previous.pid)
                 .arg(previous.username.isEmpty() ? QStringLiteral("-") : previous.username);
    if (!sameDatabase)
        parts << QStringLiteral("it used another database; nothing checked");
    if (claim != ClaimOutcome::None)
        parts << QStringLiteral("claim on attempt %1 %2").arg(claimAttemptId).arg(toString(claim));
    if (decision != DecisionOutcome::None)
        parts << QStringLiteral("decision (%1) on attempt %2 %3").arg(decisionVerdict).arg(decisionAttemptId).arg(toString(decision));
    if (smsResumed || platformResumed)
        parts << QStringLiteral("outbox resumed: %1 sms, %2 platform (%3 interrupted mid-delivery)").arg(smsResumed).arg(platformResumed).arg(interrupted);
    if (reopenAttemptId || !reopenTab.isEmpty())
        parts << QStringLiteral("reopening attempt %1 in tab %2").arg(reopenAttemptId).arg(reopenTab.isEmpty() ? QStringLiteral("-") : reopenTab);
    return parts.join(QStringLiteral("; "));
}

QJsonObject RecoveryReport::toJson() const
{
    return {{QStringLiteral("session_started_at"), previous.startedAt.isValid() ? toDbTime(previous.startedAt) : QString()},
            {QStringLiteral("pid"), previous.pid},
            {QStringLiteral("user"), previous.username},
            {QStringLiteral("same_user"), sameUser},
            {QStringLiteral("same_database"), sameDatabase},
            {QStringLiteral("claim"), QJsonObject{{QStringLiteral("outcome"), toString(claim)}, {QStringLiteral("attempt"), claimAttemptId}}},
            {QStringLiteral("decision"), QJsonObject{{QStringLiteral("outcome"), toString(decision)},
                                                     {QStringLiteral("attempt"), decisionAttemptId},
                                                     {QStringLiteral("verdict"), decisionVerdict}}},
            {QStringLiteral("outbox"), QJsonObject{{QStringLiteral("sms"), smsResumed},
                                                   {QStringLiteral("platform"), platformResumed},
                                                   {QStringLiteral("interrupted"), interrupted}}},
            {QStringLiteral("reopen"), QJsonObject{{QStringLiteral("attempt"), reopenAttemptId}, {QStringLiteral("tab"), reopenTab}}}};
}

CrashRecovery::CrashRecovery(std::shared_ptr<const Store> store, QString databaseLocation)
    : m_store(std::move(store)), m_database(std::move(databaseLocation))
{
}

Result<RecoveryReport> CrashRecovery::recover(const SessionRecord& previous, const Session& current) const
{
    RecoveryReport report;
    report.previous = previous;
    report.sameDatabase = previous.database.isEmpty() || previous.database == m_database;
    report.sameUser = previous.userId != 0 && previous.userId == current.userId;
    if (!report.sameDatabase || previous.userId == 0)
        return report;
    const Database& db = m_store->db();
    try {
        // The held submission.
        if (previous.claimAttemptId) {
            report.claimAttemptId = previous.claimAttemptId;
            Sql q(db, QStringLiteral("SELECT a.external_id, a.state, a.claim_token, a.lease_until, u.username FROM attempts a "
                                     "LEFT JOIN users u ON u.id = a.claimed_by WHERE a.id = :id"));
            q.bind(QStringLiteral(":id"), previous.claimAttemptId).exec();
            if (q.next()) {
                report.claimExternalId = q.value(0).toString();
                const bool pending = q.value(1).toString() == QLatin1String("pending");
                const QString token = q.value(2).toString();
                const bool leaseValid = !q.value(3).isNull() && fromDbTime(q.value(3).toString()) > utcNow();
                if (!pending) {
                    report.claim = RecoveryReport::ClaimOutcome::Decided;
                } else if (!token.isEmpty() && token == previous.claimToken && leaseValid) {
                    if (report.sameUser) {
                        report.claim = RecoveryReport::ClaimOutcome::Resumed;
                    } else {
                        Session holder;
                        holder.userId = previous.userId;
                        holder.username = previous.username;
                        const Status released = ClaimService(m_store).release(holder, Claim{previous.claimAttemptId, report.claimExternalId,
                                                                                             previous.claimToken, {}});
                        if (!released)
                            return released.error();
                        report.claim = RecoveryReport::ClaimOutcome::Released;
                    }
                } else if (!token.isEmpty() && leaseValid) {
                    report.claim = RecoveryReport::ClaimOutcome::TakenOver;
                    report.claimHolder = q.value(4).toString();
                } else {
                    report.claim = RecoveryReport::ClaimOutcome::Expired;
                }
            }
        }

        // The decision in flight.
        if (previous.decidingAttemptId) {
            report.decisionAttemptId = previous.decidingAttemptId;
            report.decisionVerdict = previous.decidingVerdict;
            Sql q(db, QStringLiteral("SELECT d.verdict, d.reviewer_id, a.external_id FROM attempts a "
                                     "LEFT JOIN decisions d ON d.attempt_id = a.id WHERE a.id = :id"));
            q.bind(QStringLiteral(":id"), previous.decidingAttemptId).exec();
            if (q.next()) {
                report.decisionExternalId = q.value(2).toString();
                if (!q.value(0).isNull() && q.value(1).toLongLong() == previous.userId) {
                    report.decision = RecoveryReport::DecisionOutcome::Landed;
                    report.decisionVerdict = q.value(0).toString();
                } else {
                    report.decision = RecoveryReport::DecisionOutcome::NotSaved;
                }
            }
        }

        // That session's decisions whose SMS / platform messages are still to be delivered.
        if (previous.startedAt.isValid()) {
            Sql q(db, QStringLiteral("SELECT o.channel, o.state, COUNT(*) FROM outbox o JOIN decisions d ON d.attempt_id = o.attempt_id "
                                     "WHERE d.reviewer_id = :u AND d.decided_at >= :since AND o.state IN ('pending', 'sending') "
                                     "GROUP BY o.channel, o.state"));
            q.bind(QStringLiteral(":u"), previous.userId).bind(QStringLiteral(":since"), toDbTime(previous.startedAt)).exec();
            while (q.next()) {
                const int n = q.value(2).toInt();
                (q.value(0).toString() == QLatin1String("sms") ? report.smsResumed : report.platformResumed) += n;
                if (q.value(1).toString() == QLatin1String("sending"))
                    report.interrupted += n;
            }
        }
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }

    // Where the reviewer was — unless the open submission has been decided since (then the
    // queue moves on as after any decision).
    if (report.sameUser) {
        report.reopenTab = previous.tab;
        const Id open = previous.openAttemptId ? previous.openAttemptId : previous.claimAttemptId;
        const bool decided = (open == report.decisionAttemptId && report.decision == RecoveryReport::DecisionOutcome::Landed)
                             || (open == report.claimAttemptId && report.claim == RecoveryReport::ClaimOutcome::Decided);
        if (open && !decided) {
            report.reopenAttemptId = open;
            try {
                report.reopenExternalId = Sql(db, QStringLiteral("SELECT external_id FROM attempts WHERE id = :id"))
                                              .bind(QStringLiteral(":id"), open)
                                              .scalar()
                                              .toString();
            } catch (const StoreError&) {
                // The id is enough to reopen it.
            }
        }
    }
    return report;
}

} // namespace pd
