#include "core/notify/SmsOutbox.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QJsonDocument>

namespace pd {

namespace {
const QString kRecordColumns = QStringLiteral(
    "o.id, o.idempotency_key, o.attempt_id, o.payload, o.state, o.tries, o.last_error, o.provider, o.provider_ref, "
    "o.delivery_status, o.created_at, o.sent_at, o.next_try_at, o.resend_of, o.needs_lookup");

SmsRecord readRecord(const Sql& q)
{
    SmsRecord r;
    r.id = q.value(0).toLongLong();
    r.idempotencyKey = q.value(1).toString();
    r.attemptId = q.value(2).toLongLong();
    r.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    r.state = q.value(4).toString();
    r.tries = q.value(5).toInt();
    r.lastError = q.value(6).toString();
    r.provider = q.value(7).toString();
    r.providerMessageId = q.value(8).toString();
    r.deliveryStatus = q.value(9).toString();
    r.createdAt = fromDbTime(q.value(10).toString());
    r.sentAt = fromDbTime(q.value(11).toString());
    r.nextTryAt = fromDbTime(q.value(12).toString());
    r.resendOf = q.value(13).toLongLong();
    r.needsLookup = q.value(14).toInt() != 0;
    return r;
}
} // namespace

std::vector<SmsJob> SmsOutbox::claim(int limit, int leaseMs, const QString& owner) const
{
    Transaction tx(m_db);
    const QDateTime now = utcNow();
    const QString nowText = toDbTime(now);
    const QString leaseUntil = toDbTime(now.addMSecs(leaseMs));
    Sql select(tx.connection(), QStringLiteral("SELECT id, idempotency_key, attempt_id, payload, tries, state, needs_lookup, created_at FROM outbox "
                                               "WHERE channel = 'sms' AND ((state = 'pending' AND next_try_at <= :now) "
                                               "OR (state = 'sending' AND lease_until < :now2)) "
                                               "ORDER BY next_try_at, id LIMIT :n"));
    select.bind(QStringLiteral(":now"), nowText).bind(QStringLiteral(":now2"), nowText).bind(QStringLiteral(":n"), limit).exec();
    std::vector<SmsJob> candidates;
    while (select.next()) {
        SmsJob j;
        j.id = select.value(0).toLongLong();
        j.idempotencyKey = select.value(1).toString();
        j.attemptId = select.value(2).toLongLong();
        j.payload = QJsonDocument::fromJson(select.value(3).toString().toUtf8()).object();
        j.tries = select.value(4).toInt() + 1;
        j.reclaimed = select.value(5).toString() == QLatin1String("sending");
        // A reclaimed row's last try may have reached the provider before its dispatcher died.
        j.needsLookup = select.value(6).toInt() != 0 || j.reclaimed;
        j.createdAt = fromDbTime(select.value(7).toString());
        candidates.push_back(std::move(j));
    }
    std::vector<SmsJob> claimed;
    for (SmsJob& j : candidates) {
        // The same condition again: on PostgreSQL (READ COMMITTED) another dispatcher may have
        // taken the row between the SELECT and here; it then no longer matches.
        Sql update(tx.connection(), QStringLiteral("UPDATE outbox SET state = 'sending', lease_until = :lease, lease_owner = :owner, "
                                                   "tries = tries + 1, updated_at = :now WHERE id = :id AND channel = 'sms' AND "
                                                   "((state = 'pending' AND next_try_at <= :now2) OR (state = 'sending' AND lease_until < :now3))"));
        update.bind(QStringLiteral(":lease"), leaseUntil)
            .bind(QStringLiteral(":owner"), owner)
            .bind(QStringLiteral(":now"), nowText)
            .bind(QStringLiteral(":id"), j.id)
            .bind(QStringLiteral(":now2"), nowText)
            .bind(QStringLiteral(":now3"), nowText)
            .exec();
        if (update.numRowsAffected() == 1)
            claimed.push_back(std::move(j));
    }
    tx.commit();
    return claimed;
}

bool SmsOutbox::markSent(Id id, const QString& owner, const QString& provider, const QString& providerMessageId,
                         const QString& deliveryStatus) const
{
    const QString now = toDbTime(utcNow());
    Sql q(m_db, QStringLiteral("UPDATE outbox SET state = 'sent', provider = :p, provider_ref = :ref, delivery_status = :ds, "
                               "sent_at = :now, lease_until = NULL, last_error = '', needs_lookup = 0, updated_at = :now2 "
                               "WHERE id = :id AND state = 'sending' AND lease_owner = :owner"));
    q.bind(QStringLiteral(":p"), provider)
        .bind(QStringLiteral(":ref"), providerMessageId)
        .bind(QStringLiteral(":ds"), deliveryStatus)
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":now2"), now)
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":owner"), owner)
        .exec();
    return q.numRowsAffected() == 1;
}

bool SmsOutbox::markRetry(Id id, const QString& owner, const QString& error, const QDateTime& nextTryAt, bool needsLookup) const
{
    Sql q(m_db, QStringLiteral("UPDATE outbox SET state = 'pending', next_try_at = :next, lease_until = NULL, last_error = :e, "
                               "needs_lookup = :nl, updated_at = :now WHERE id = :id AND state = 'sending' AND lease_owner = :owner"));
    q.bind(QStringLiteral(":next"), toDbTime(nextTryAt))
        .bind(QStringLiteral(":nl"), needsLookup ? 1 : 0)
        .bind(QStringLiteral(":e"), error)
        .bind(QStringLiteral(":now"), toDbTime(utcNow()))
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":owner"), owner)
        .exec();
    return q.numRowsAffected() == 1;
}

bool SmsOutbox::markFailed(Id id, const QString& owner, const QString& error) const
{
    Sql q(m_db, QStringLiteral("UPDATE outbox SET state = 'failed', lease_until = NULL, last_error = :e, updated_at = :now "
                               "WHERE id = :id AND state = 'sending' AND lease_owner = :owner"));
    q.bind(QStringLiteral(":e"), error)
        .bind(QStringLiteral(":now"), toDbTime(utcNow()))
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":owner"), owner)
        .exec();
    return q.numRowsAffected() == 1;
}

std::optional<SmsRecord> SmsOutbox::find(Id id) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM outbox o WHERE o.id = :id AND o.channel = 'sms'").arg(kRecordColumns));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readRecord(q);
}

std::vector<SmsRecord> SmsOutbox::forStudent(Id studentId) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM outbox o JOIN attempts a ON a.id = o.attempt_id "
                               "WHERE a.student_id = :s AND o.channel = 'sms' ORDER BY o.id DESC")
                    .arg(kRecordColumns));
    q.bind(QStringLiteral(":s"), studentId).exec();
    std::vector<SmsRecord> result;
    while (q.next())
        result.push_back(readRecord(q));
    return result;
}

QJsonObject SmsOutbox::counts() const
{
    QJsonObject o{{QStringLiteral("pending"), 0}, {QStringLiteral("sending"), 0}, {QStringLiteral("sent"), 0}, {QStringLiteral("failed"), 0}};
    Sql q(m_db, QStringLiteral("SELECT state, COUNT(*) FROM outbox WHERE channel = 'sms' GROUP BY state"));
    q.exec();
    while (q.next())
        o.insert(q.value(0).toString(), q.value(1).toInt());
    return o;
}

} // namespace pd
