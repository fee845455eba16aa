#pragma once

#include "core/domain/Types.h"
#include "core/notify/SmsOutbox.h"
#include "core/util/Result.h"

#include <memory>
#include <vector>

namespace pd {

class Store;

// What the hotline does with a student's SMS: look at them and resend the last one.
// Permission (checked here, in the core): hotline agents and supervisors. Reviewers decide
// and administrators manage accounts; neither talks to students, so neither may resend.
class SmsHotline {
public:
    explicit SmsHotline(std::shared_ptr<const Store> store) : m_store(std::move(store)) {}

    static bool mayResend(Role role) { return role == Role::HotlineAgent || role == Role::Supervisor; }

    // The student's SMS, newest first (decision messages and resends).
    // Error codes: forbidden, store-*.
    Result<std::vector<SmsRecord>> history(const Session& who, Id studentId) const;

    // Enqueues a copy of the student's last SMS (same text) through the outbox, to the
    // student's CURRENT phone number, with idempotency key "sms:resend:<original id>:<n>"
    // (original = the decision's message, n = 1, 2, …) and resend_of = the original; audits
    // "sms.resend" in the same transaction. Gives the new outbox id.
    // Error codes: forbidden, not-found (no such student or no SMS yet), resend-pending (a
    // resend of that message is still waiting to be sent), store-*.
    Result<Id> resendLastSms(const Session& who, Id studentId) const;

private:
    std::shared_ptr<const Store> m_store;
};

} // namespace pd
