#include "core/hotline/SubmittedPhotoViewer.h"

#include "core/audit/AuditLog.h"
#include "core/hotline/StudentDirectory.h"
#include "core/notify/SmsHotline.h"
#include "core/notify/SmsOutbox.h"
#include "core/store/Repositories.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace pd {

namespace {
std::vector<SentSms> smsOf(const Database& db, const Attempt& attempt, bool withDelivery)
{
    std::vector<SentSms> result;
    for (const SmsRecord& r : SmsOutbox(db).forStudent(attempt.studentId)) {
        if (r.attemptId != attempt.id)
            continue;
        SentSms s;
        s.id = r.id;
        s.text = r.payload.value(QStringLiteral("text")).toString();
        s.state = r.state;
        if (withDelivery) {
            s.deliveryStatus = r.deliveryStatus;
            if (r.state != QLatin1String("sent"))
                s.lastError = r.lastError;
        }
        s.createdAt = r.createdAt;
        s.sentAt = r.sentAt;
        s.resend = r.resendOf != 0;
        result.push_back(s);
    }
    std::reverse(result.begin(), result.end()); // forStudent is newest first
    return result;
}
} // namespace

bool SubmittedPhotoViewer::mayView(Role role)
{
    return StudentDirectory::mayReveal(role, StudentDirectory::Field::Phone);
}

Result<SubmittedPhotoView> SubmittedPhotoViewer::open(const Session& who, Id attemptId) const
{
    if (!mayView(who.role))
        return Error{QStringLiteral("forbidden"),
                     QStringLiteral("%1 (%2) may not view submitted photos in the hotline").arg(who.username, toString(who.role))};
    try {
        const Database& db = m_store->db();
        Transaction tx(db);
        const auto attempt = AttemptRepository(db).find(attemptId);
        if (!attempt)
            return Error{QStringLiteral("not-found"), QStringLiteral("attempt %1 does not exist").arg(attemptId)};
        // Only the submitted photo is looked up: the reference photos never leave the store here.
        const auto photo = PhotoRepository(db).submittedFor(attemptId);
        if (!photo)
            return Error{QStringLiteral("no-photo"), QStringLiteral("attempt %1 has no submitted photo").arg(attemptId)};
        if (photo->byteSize > kMaxBytes)
            return Error{QStringLiteral("photo-oversize"),
                         QStringLiteral("photo %1 has %2 bytes, over the limit of %3").arg(photo->id).arg(photo->byteSize).arg(kMaxBytes)};
        auto bytes = m_store->blobs().get(photo->sha256);
        if (!bytes)
            return bytes.error();

        SubmittedPhotoView view;
        view.attemptId = attempt->id;
        view.studentId = attempt->studentId;
        view.externalId = attempt->externalId;
        view.attemptState = attempt->state;
        view.photo = *photo;
        view.bytes = std::move(bytes).value();
        view.decision = DecisionRepository(db).forAttempt(attemptId);
        if (view.decision)
            view.decision->note.clear(); // the reviewer's note was not sent to the student
        auto flags = loadNewestRuleReport(*m_store, attemptId, view.decision ? view.decision->decidedAt : QDateTime());
        if (!flags)
            return flags.error();
        view.rules = std::move(flags).value();
        view.sms = smsOf(db, *attempt, SmsHotline::mayResend(who.role));

        AuditEvent e = AuditEvent::by(who, QStringLiteral("photo.view"), QStringLiteral("attempt"), QString::number(attemptId));
        e.after = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("student"), attempt->studentId},
                                                              {QStringLiteral("photo"), photo->id},
                                                              {QStringLiteral("role"), toString(PhotoRole::Submitted)}})
                                        .toJson(QJsonDocument::Compact));
        AuditLog(db).append(e);
        tx.commit();
        return view;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
