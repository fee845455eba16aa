#include "core/review/DecisionService.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsComposer.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/support/LogCategories.h"
#include "core/util/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pd {

namespace {
QString compactJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

DecisionService::DecisionService(std::shared_ptr<const Store> store, const ReasonCatalog& catalog, const SmsComposer& sms)
    : m_store(std::move(store)), m_catalog(catalog), m_sms(sms)
{
}

void DecisionService::step(const QString& name) const
{
    if (m_faults)
        m_faults(name);
}

Result<Id> DecisionService::decide(const Session& who, const DecisionRequest& request, const QString& claimToken) const
{
    // Permission is checked here, in the core, not only by hiding buttons.
    if (who.role != Role::Reviewer && who.role != Role::Supervisor)
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not decide submissions").arg(who.username)};
    if (request.verdict == Verdict::Reject && request.reasons.isEmpty())
        return Error{QStringLiteral("invalid-reasons"), QStringLiteral("a rejection needs at least one reason")};
    if (request.verdict == Verdict::Approve && !request.reasons.isEmpty())
        return Error{QStringLiteral("invalid-reasons"), QStringLiteral("an approval cannot carry rejection reasons")};
    if (const QStringList unknown = m_catalog.unknown(request.reasons); !unknown.isEmpty())
        return Error{QStringLiteral("invalid-reasons"), QStringLiteral("unknown reasons: %1").arg(unknown.join(QLatin1Char(',')))};
    const bool cleanLane = request.lane == QLatin1String("clean");
    if (!request.lane.isEmpty() && !cleanLane && request.lane != QLatin1String("standard"))
        return Error{QStringLiteral("invalid-lane"), QStringLiteral("unknown lane %1").arg(request.lane)};
    if (cleanLane && request.verdict != Verdict::Approve)
        return Error{QStringLiteral("invalid-lane"), QStringLiteral("the clean lane only approves")};

    const Database& db = m_store->db();
    try {
        Transaction tx(db);
        // The claim is checked and the attempt decided under one row lock (PostgreSQL; SQLite's
        // BEGIN IMMEDIATE already excludes other writers), so a claim taken over meanwhile
        // cannot slip between the check and the write.
        Sql lockRow(tx.connection(), QStringLiteral("SELECT claim_token FROM attempts WHERE id = :id%1")
                                         .arg(db.dialect() == SqlDialect::PostgreSQL ? QStringLiteral(" FOR UPDATE") : QString()));
        lockRow.bind(QStringLiteral(":id"), request.attemptId).exec();
        const QString currentToken = lockRow.next() ? lockRow.value(0).toString() : QString();
        const auto attempt = AttemptRepository(db).find(request.attemptId);
        if (!attempt)
            return Error{QStringLiteral("not-found"), QStringLiteral("attempt %1 does not exist").arg(request.attemptId)};
        if (attempt->state != AttemptState::Pending)
            return Error{QStringLiteral("already-decided"), QStringLiteral("attempt %1 is already %2").arg(attempt->externalId, toString(attempt->state))};
        // Leases are judged by the real clock (m_clock back-dates only the decision's stamp).
        const QDateTime leaseNow = utcNow();
        const QDateTime now = m_clock ? m_clock() : leaseNow;
        const bool leaseValid = attempt->claimedBy != 0 && attempt->leaseUntil.isValid() && attempt->leaseUntil > leaseNow;
        const bool heldByMe = leaseValid && attempt->claimedBy == who.userId;
        const bool lostMine = !claimToken.isEmpty()
                                  ? !(heldByMe && currentToken == claimToken)
                                  : attempt->claimedBy == who.userId && !leaseValid;
        if (lostMine)
            return Error{QStringLiteral("lease-lost"),
                         QStringLiteral("your claim on attempt %1 expired or was taken over; nothing was saved. "
                                        "Claim it again to decide it")
                             .arg(attempt->externalId)};
        if (leaseValid && !heldByMe)
            return Error{QStringLiteral("claimed-by-other"), QStringLiteral("attempt %1 is being reviewed by someone else").arg(attempt->externalId)};
        const auto student = StudentRepository(db).find(attempt->studentId);
        if (!student)
            return Error{QStringLiteral("not-found"), QStringLiteral("student of attempt %1 does not exist").arg(attempt->externalId)};

        Decision decision;
        decision.attemptId = attempt->id;
        decision.verdict = request.verdict;
        decision.reasons = request.reasons;
        decision.note = request.note.trimmed();
        decision.reviewerId = who.userId;
        decision.decidedAt = now;
        decision.lane = cleanLane ? QStringLiteral("clean") : QStringLiteral("standard");
        decision.id = DecisionRepository(db).insert(decision);
        step(QStringLiteral("decision"));

        const AttemptState newState = request.verdict == Verdict::Approve ? AttemptState::Approved : AttemptState::Rejected;
        Sql update(tx.connection(), QStringLiteral("UPDATE attempts SET state = :s, claimed_by = NULL, lease_until = NULL, claim_token = NULL, "
                                                   "updated_at = :now WHERE id = :id AND state = 'pending'"));
        update.bind(QStringLiteral(":s"), toString(newState))
            .bind(QStringLiteral(":now"), toDbTime(now))
            .bind(QStringLiteral(":id"), attempt->id)
            .exec();
        if (update.numRowsAffected() != 1)
            throw StoreError(QStringLiteral("already-decided"), QStringLiteral("attempt %1 changed while deciding").arg(attempt->externalId));
        step(QStringLiteral("attempt"));

        const QJsonArray reasons = QJsonArray::fromStringList(request.reasons);
        AuditEvent event;
        event.at = now;
        event.actorId = who.userId;
        event.actor = who.username;
        event.action = QStringLiteral("decision.") + toString(request.verdict);
        event.objectType = QStringLiteral("attempt");
        event.objectId = QString::number(attempt->id);
        event.before = compactJson({{QStringLiteral("state"), toString(attempt->state)}});
        QJsonObject after{{QStringLiteral("state"), toString(newState)},
                          {QStringLiteral("decision"), decision.id},
                          {QStringLiteral("reasons"), reasons},
                          {QStringLiteral("note"), decision.note}};
        if (cleanLane) { // standard decisions keep their event text as it always was
            after.insert(QStringLiteral("lane"), decision.lane);
            after.insert(QStringLiteral("checklist"), QJsonArray::fromStringList(request.confirmedChecklist));
            after.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(request.acknowledgedWarnings));
        }
        event.after = compactJson(after);

        // The student's SMS: the exact text is fixed now, so what the reviewer previewed is what
        // is sent, even if templates change before the dispatcher runs.
        const SmsText sms = m_sms.compose(*student, request.verdict, request.reasons, m_catalog);
        const OutboxRepository outbox(db);
        outbox.enqueue({0, QStringLiteral("sms"), QStringLiteral("sms:decision:%1").arg(decision.id), attempt->id,
                        QJsonObject{{QStringLiteral("phone"), student->phone},
                                    {QStringLiteral("template"), request.verdict == Verdict::Approve ? QStringLiteral("approved") : QStringLiteral("rejected")},
                                    {QStringLiteral("name"), student->name},
                                    {QStringLiteral("reasons"), reasons},
                                    {QStringLiteral("text"), sms.text},
                                    {QStringLiteral("parts"), sms.parts},
                                    {QStringLiteral("decision"), decision.id}},
                        QStringLiteral("pending"), 0});
        step(QStringLiteral("outbox-sms"));

        outbox.enqueue({0, QStringLiteral("platform"), QStringLiteral("platform:decision:%1:%2").arg(attempt->externalId).arg(attempt->version),
                        attempt->id,
                        QJsonObject{{QStringLiteral("attempt"), attempt->externalId},
                                    {QStringLiteral("version"), attempt->version},
                                    {QStringLiteral("verdict"), toString(request.verdict)},
                                    {QStringLiteral("reasons"), reasons},
                                    {QStringLiteral("note"), decision.note},
                                    {QStringLiteral("decided_at"), toDbTime(now)}},
                        QStringLiteral("pending"), 0});
        step(QStringLiteral("outbox-platform"));

        // Last before the commit: the audit chain is one sequence for every desk, so its lock
        // (AuditLog::append) is held only for the append and the commit.
        AuditLog(db).append(event);
        step(QStringLiteral("audit"));

        step(QStringLiteral("commit"));
        tx.commit();
        // Ids and codes only: the log carries no student data.
        qCInfo(lcReview).noquote() << "attempt" << attempt->id << (request.verdict == Verdict::Approve ? "approved" : "rejected")
                                   << "by user" << who.userId << "as decision" << decision.id
                                   << (request.verdict == Verdict::Reject ? QStringLiteral("reasons %1").arg(request.reasons.join(QLatin1Char(','))) : QString())
                                   << (cleanLane ? "(clean lane)" : "");
        return decision.id;
    } catch (const StoreError& e) {
        qCWarning(lcReview).noquote() << "decision on attempt" << request.attemptId << "by user" << who.userId << "not saved:" << e.code();
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
