#pragma once

#include "core/domain/Types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace pd {

class Database;

// One claimed SMS outbox row, as the dispatcher works on it.
struct SmsJob {
    Id id = 0;
    QString idempotencyKey;
    Id attemptId = 0;
    QJsonObject payload; // {phone, template, name, reasons, text, parts, decision[, resend_of]}
    int tries = 0;       // including this one
    bool reclaimed = false; // its previous lease expired while 'sending' (a dispatcher died or hung)
    bool needsLookup = false; // an earlier try's outcome is unclear (needs_lookup, or reclaimed)
    QDateTime createdAt;      // the earliest moment a try can have been made (for the look-up)
};

// An SMS as the hotline's timeline shows it.
struct SmsRecord {
    Id id = 0;
    QString idempotencyKey;
    Id attemptId = 0;
    QJsonObject payload;
    QString state; // pending, sending, sent, failed
    int tries = 0;
    QString lastError;
    QString provider;
    QString providerMessageId;
    QString deliveryStatus;
    bool needsLookup = false;
    QDateTime createdAt;
    QDateTime sentAt;
    QDateTime nextTryAt;
    Id resendOf = 0;
};

// Row-level access to the outbox's 'sms' channel (the 'platform' rows belong to the feed's
// dispatcher and are never touched here). Runs on the calling thread's connection and throws
// StoreError, like core/store/Repositories.h.
class SmsOutbox {
public:
    explicit SmsOutbox(const Database& db) : m_db(db) {}

    // In ONE write transaction: picks up to `limit` rows that are due (pending with
    // next_try_at ≤ now, or sending with an expired lease), sets them 'sending' with
    // lease_until = now + leaseMs and lease_owner = owner, counts the try.
    std::vector<SmsJob> claim(int limit, int leaseMs, const QString& owner) const;

    // Record the outcome; each only applies while `owner` still holds the row's lease
    // (returns false when another dispatcher has taken the row over since).
    bool markSent(Id id, const QString& owner, const QString& provider, const QString& providerMessageId,
                  const QString& deliveryStatus) const;
    // needsLookup: the outcome of this try is unclear, so the next one asks the provider first
    // (persisted as needs_lookup; cleared by markSent/markFailed and by a clear markRetry).
    bool markRetry(Id id, const QString& owner, const QString& error, const QDateTime& nextTryAt, bool needsLookup = false) const;
    bool markFailed(Id id, const QString& owner, const QString& error) const;

    std::optional<SmsRecord> find(Id id) const;
    std::vector<SmsRecord> forStudent(Id studentId) const; // newest first
    // Counts per state of the sms channel.
    QJsonObject counts() const;

private:
    const Database& m_db;
};

} // namespace pd
