#include "core/notify/SmsHotline.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsProvider.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QJsonDocument>

namespace pd {

namespace {
QString compactJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Error forbidden(const Session& who, const char* what)
{
    return Error{QStringLiteral("forbidden"), QStringLiteral("%1 (%2) may not %3").arg(who.username, toString(who.role), QLatin1String(what))};
}
} // namespace

Result<std::vector<SmsRecord>> SmsHotline::history(const Session& who, Id studentId) const
{
    if (!mayResend(who.role))
        return forbidden(who, "see a student's SMS");
    try {
        return SmsOutbox(m_store->db()).forStudent(studentId);
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<Id> SmsHotline::resendLastSms(const Session& who, Id studentId) const
{
    if (!mayResend(who.role))
        return forbidden(who, "resend SMS");
    const Database& db = m_store->db();
    try {
        Transaction tx(db);
        const auto student = StudentRepository(db).find(studentId);
        if (!student)
            return Error{QStringLiteral("not-found"), QStringLiteral("student %1 does not exist").arg(studentId)};
        const SmsOutbox outbox(db);
        const std::vector<SmsRecord> all = outbox.forStudent(studentId);
        if (all.empty())
            return Error{QStringLiteral("not-found"), QStringLiteral("no SMS has been written for student %1 yet").arg(student->studentNumber)};
        const SmsRecord& last = all.front();
        const Id original = last.resendOf ? last.resendOf : last.id;
        int resends = 0;
        for (const SmsRecord& r : all) {
            if (r.resendOf != original)
                continue;
            ++resends;
            if (r.state == QLatin1String("pending") || r.state == QLatin1String("sending"))
                return Error{QStringLiteral("resend-pending"),
                             QStringLiteral("a resend of this message is still waiting to be sent (outbox %1)").arg(r.id)};
        }
        const QString key = QStringLiteral("sms:resend:%1:%2").arg(original).arg(resends + 1);

        QJsonObject payload = last.payload;
        payload.insert(QStringLiteral("phone"), student->phone);
        payload.insert(QStringLiteral("resend_of"), original);
        const Id id = OutboxRepository(db).enqueue({0, QStringLiteral("sms"), key, last.attemptId, payload, QStringLiteral("pending"), 0});
        Sql(tx.connection(), QStringLiteral("UPDATE outbox SET resend_of = :o WHERE id = :id"))
            .bind(QStringLiteral(":o"), original)
            .bind(QStringLiteral(":id"), id)
            .exec();

        AuditEvent event;
        event.at = utcNow();
        event.actorId = who.userId;
        event.actor = who.username;
        event.action = QStringLiteral("sms.resend");
        event.objectType = QStringLiteral("student");
        event.objectId = QString::number(studentId);
        event.before = compactJson({{QStringLiteral("outbox"), last.id}, {QStringLiteral("state"), last.state}});
        event.after = compactJson({{QStringLiteral("outbox"), id},
                                   {QStringLiteral("key"), key},
                                   {QStringLiteral("resend_of"), original},
                                   {QStringLiteral("phone"), maskPhone(student->phone)}});
        AuditLog(db).append(event);
        tx.commit();
        return id;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
