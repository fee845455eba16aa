#include "core/supervision/SecondReview.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsComposer.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace pd {

namespace {
QString compact(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

bool mayReview(Role r) { return r == Role::Reviewer || r == Role::Supervisor; }

QStringList parseReasons(const QString& json)
{
    QStringList result;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array())
        result << v.toString();
    return result;
}
} // namespace

SecondReview::SecondReview(std::shared_ptr<const Store> store, const ReasonCatalog& catalog, const SmsComposer& sms)
    : m_store(std::move(store)), m_catalog(catalog), m_sms(sms)
{
}

Result<int> SecondReview::sample(const Session& who, double share, quint64 seed) const
{
    if (who.role != Role::Supervisor && who.role != Role::Administrator)
        return Error{QStringLiteral("forbidden"), QStringLiteral("only supervisors sample decisions")};
    if (share < 0.0 || share > 1.0)
        return Error{QStringLiteral("invalid-share"), QStringLiteral("the share must be between 0 and 1")};
    try {
        const Database& db = m_store->db();
        Transaction tx(db);
        Sql candidates(db, QStringLiteral("SELECT d.id FROM decisions d LEFT JOIN second_reviews r ON r.decision_id = d.id "
                                          "WHERE r.id IS NULL ORDER BY d.id"));
        candidates.exec();
        std::vector<Id> ids;
        while (candidates.next())
            ids.push_back(candidates.value(0).toLongLong());
        QRandomGenerator rng(seed);
        int sampled = 0;
        const QString now = toDbTime(utcNow());
        for (Id id : ids) {
            if (rng.generateDouble() >= share)
                continue;
            Sql(db, QStringLiteral("INSERT INTO second_reviews (decision_id, sampled_at, state) VALUES (:d, :t, 'pending')"))
                .bind(QStringLiteral(":d"), id)
                .bind(QStringLiteral(":t"), now)
                .exec();
            ++sampled;
        }
        AuditEvent e;
        e.actorId = who.userId;
        e.actor = who.username;
        e.action = QStringLiteral("second-review.sample");
        e.objectType = QStringLiteral("second_review");
        e.objectId = QStringLiteral("*");
        e.after = compact({{QStringLiteral("share"), share}, {QStringLiteral("sampled"), sampled}, {QStringLiteral("of"), int(ids.size())}});
        AuditLog(db).append(e);
        tx.commit();
        return sampled;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<std::vector<SecondReviewItem>> SecondReview::pendingFor(const Session& who, int limit) const
{
    if (!mayReview(who.role))
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not review decisions").arg(who.username)};
    try {
        Sql q(m_store->db(), QStringLiteral("SELECT r.id, d.id, d.attempt_id, d.verdict, d.reasons, d.reviewer_id, r.state, d.lane "
                                            "FROM second_reviews r JOIN decisions d ON d.id = r.decision_id "
                                            "WHERE r.state = 'pending' AND d.reviewer_id <> :me ORDER BY r.sampled_at, r.id LIMIT :limit"));
        q.bind(QStringLiteral(":me"), who.userId).bind(QStringLiteral(":limit"), limit).exec();
        std::vector<SecondReviewItem> items;
        while (q.next()) {
            SecondReviewItem i;
            i.id = q.value(0).toLongLong();
            i.decisionId = q.value(1).toLongLong();
            i.attemptId = q.value(2).toLongLong();
            i.firstVerdict = verdictFromString(q.value(3).toString()).value_or(Verdict::Approve);
            i.firstReasons = parseReasons(q.value(4).toString());
            i.firstReviewerId = q.value(5).toLongLong();
            i.state = q.value(6).toString();
            i.lane = q.value(7).toString();
            items.push_back(i);
        }
        return items;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Status SecondReview::confirm(const Session& who, Id itemId, const QString& note) const
{
    return conclude(who, itemId, false, Verdict::Approve, {}, note);
}

Status SecondReview::overturn(const Session& who, Id itemId, Verdict verdict, const QStringList& reasons, const QString& note) const
{
    return conclude(who, itemId, true, verdict, reasons, note);
}

Status SecondReview::conclude(const Session& who, Id itemId, bool overturn, Verdict verdict, const QStringList& reasons,
                              const QString& note) const
{
    if (!mayReview(who.role))
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not review decisions").arg(who.username)};
    if (overturn) {
        if (verdict == Verdict::Reject && reasons.isEmpty())
            return Error{QStringLiteral("invalid-reasons"), QStringLiteral("a rejection needs at least one reason")};
        if (verdict == Verdict::Approve && !reasons.isEmpty())
            return Error{QStringLiteral("invalid-reasons"), QStringLiteral("an approval cannot carry rejection reasons")};
        if (!m_catalog.unknown(reasons).isEmpty())
            return Error{QStringLiteral("invalid-reasons"), QStringLiteral("unknown reasons: %1").arg(m_catalog.unknown(reasons).join(QLatin1Char(',')))};
    }
    const Database& db = m_store->db();
    try {
        Transaction tx(db);
        Sql q(db, QStringLiteral("SELECT r.state, d.id, d.attempt_id, d.verdict, d.reasons, d.reviewer_id FROM second_reviews r "
                                 "JOIN decisions d ON d.id = r.decision_id WHERE r.id = :id"));
        q.bind(QStringLiteral(":id"), itemId).exec();
        if (!q.next())
            return Error{QStringLiteral("not-found"), QStringLiteral("no second review %1").arg(itemId)};
        if (q.value(0).toString() != QLatin1String("pending"))
            return Error{QStringLiteral("already-decided"), QStringLiteral("second review %1 is already concluded").arg(itemId)};
        if (q.value(5).toLongLong() == who.userId)
            return Error{QStringLiteral("forbidden"), QStringLiteral("nobody reviews their own decision a second time")};
        const Id decisionId = q.value(1).toLongLong();
        const Id attemptId = q.value(2).toLongLong();
        const Verdict first = verdictFromString(q.value(3).toString()).value_or(Verdict::Approve);
        if (overturn && verdict == first && parseReasons(q.value(4).toString()) == reasons)
            return Error{QStringLiteral("invalid-reasons"), QStringLiteral("an overturn must change the decision")};
        const Verdict finalVerdict = overturn ? verdict : first;
        const QDateTime now = utcNow();
        const QJsonArray reasonsJson = QJsonArray::fromStringList(overturn ? reasons : parseReasons(q.value(4).toString()));

        Sql(db, QStringLiteral("UPDATE second_reviews SET state = :s, reviewer_id = :u, verdict = :v, reasons = :r, note = :n, "
                               "decided_at = :t WHERE id = :id"))
            .bind(QStringLiteral(":s"), overturn ? QStringLiteral("overturned") : QStringLiteral("confirmed"))
            .bind(QStringLiteral(":u"), who.userId)
            .bind(QStringLiteral(":v"), toString(finalVerdict))
            .bind(QStringLiteral(":r"), QString::fromUtf8(QJsonDocument(reasonsJson).toJson(QJsonDocument::Compact)))
            .bind(QStringLiteral(":n"), note.trimmed())
            .bind(QStringLiteral(":t"), toDbTime(now))
            .bind(QStringLiteral(":id"), itemId)
            .exec();

        AuditEvent e;
        e.at = now;
        e.actorId = who.userId;
        e.actor = who.username;
        e.action = overturn ? QStringLiteral("second-review.overturn") : QStringLiteral("second-review.confirm");
        e.objectType = QStringLiteral("attempt");
        e.objectId = QString::number(attemptId);
        e.before = compact({{QStringLiteral("decision"), decisionId}, {QStringLiteral("verdict"), toString(first)}});
        e.after = compact({{QStringLiteral("second_review"), itemId}, {QStringLiteral("verdict"), toString(finalVerdict)},
                           {QStringLiteral("reasons"), reasonsJson}, {QStringLiteral("note"), note.trimmed()}});

        if (overturn) {
            const auto attempt = AttemptRepository(db).find(attemptId);
            const auto student = StudentRepository(db).find(attempt->studentId);
            const AttemptState newState = finalVerdict == Verdict::Approve ? AttemptState::Approved : AttemptState::Rejected;
            Sql(db, QStringLiteral("UPDATE attempts SET state = :s, updated_at = :t WHERE id = :id"))
                .bind(QStringLiteral(":s"), toString(newState))
                .bind(QStringLiteral(":t"), toDbTime(now))
                .bind(QStringLiteral(":id"), attemptId)
                .exec();
            const SmsText sms = m_sms.compose(*student, finalVerdict, reasons, m_catalog);
            const OutboxRepository outbox(db);
            outbox.enqueue({0, QStringLiteral("sms"), QStringLiteral("sms:second-review:%1").arg(itemId), attemptId,
                            QJsonObject{{QStringLiteral("phone"), student->phone},
                                        {QStringLiteral("template"), finalVerdict == Verdict::Approve ? QStringLiteral("approved") : QStringLiteral("rejected")},
                                        {QStringLiteral("name"), student->name},
                                        {QStringLiteral("reasons"), reasonsJson},
                                        {QStringLiteral("text"), sms.text},
                                        {QStringLiteral("parts"), sms.parts},
                                        {QStringLiteral("second_review"), itemId}},
                            QStringLiteral("pending"), 0});
            outbox.enqueue({0, QStringLiteral("platform"), QStringLiteral("platform:second-review:%1").arg(itemId), attemptId,
                            QJsonObject{{QStringLiteral("attempt"), attempt->externalId},
                                        {QStringLiteral("version"), attempt->version},
                                        {QStringLiteral("verdict"), toString(finalVerdict)},
                                        {QStringLiteral("reasons"), reasonsJson},
                                        {QStringLiteral("note"), note.trimmed()},
                                        {QStringLiteral("decided_at"), toDbTime(now)},
                                        {QStringLiteral("overturns_decision"), decisionId}},
                            QStringLiteral("pending"), 0});
        }
        AuditLog(db).append(e);
        tx.commit();
        return okStatus();
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
