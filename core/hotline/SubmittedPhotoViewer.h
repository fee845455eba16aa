#pragma once

#include "core/domain/Types.h"
#include "core/prescreen/PreScreenService.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace pd {

class Store;

// One SMS written for the attempt, as the hotline may read it: the text exactly as composed
// and sent, and how far it got. No phone number (the outbox payload has it; the hotline shows
// it masked unless revealed, which is a reveal of its own).
struct SentSms {
    Id id = 0;
    QString text;
    QString state;          // pending, sending, sent, failed
    QString deliveryStatus; // provider's report ("DELIVERED", …); only for roles that may read SMS history
    QString lastError;      // of a message not sent (yet); same roles
    QDateTime createdAt;
    QDateTime sentAt;
    bool resend = false;    // a hotline resend of an earlier message
};

// What the student saw of one attempt, for the agent explaining a rejection: the submitted
// photo (only that one: never the enrollment or ID-card photo), the rule flags stored for it,
// the decision's reasons as sent and the SMS. Read-only.
struct SubmittedPhotoView {
    Id attemptId = 0;
    Id studentId = 0;
    QString externalId;
    AttemptState attemptState = AttemptState::Pending;
    Photo photo;      // metadata of the submitted photo
    QByteArray bytes; // its bytes, verified against the SHA-256 (callers drop them once decoded)
    std::optional<Decision> decision; // reasons as decided = as put into the SMS; no reviewer note
    StoredRuleReport rules;           // rules.report is empty when the rules never ran on it
    std::vector<SentSms> sms;         // oldest first
};

// Opens an attempt's submitted photo for the hotline. Permission (checked here, in the core)
// follows the hotline's reveal of a phone number: hotline agents, supervisors and
// administrators; reviewers are refused (they see photos in the review workspace, where their
// work is audited by its decisions). Every successful view appends "photo.view" to the audit
// log (who, attempt, student, photo) in the transaction that read what it returns.
class SubmittedPhotoViewer {
public:
    // Larger than anything the platform client downloads (10 MB): a photo beyond this is not
    // read into memory at all.
    static constexpr qint64 kMaxBytes = 20 * 1024 * 1024;

    explicit SubmittedPhotoViewer(std::shared_ptr<const Store> store) : m_store(std::move(store)) {}

    static bool mayView(Role role);

    // Error codes: forbidden, not-found (no such attempt), no-photo (the attempt has no
    // submitted photo), photo-oversize, blob-missing, blob-corrupt, blob-invalid, store-*.
    // Nothing is audited when an error is returned.
    Result<SubmittedPhotoView> open(const Session& who, Id attemptId) const;

private:
    std::shared_ptr<const Store> m_store;
};

} // namespace pd
