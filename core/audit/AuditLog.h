#pragma once

#include "core/domain/Types.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace pd {

class Database;

struct AuditEvent {
    Id id = 0;
    QDateTime at;
    Id actorId = 0; // 0 for the system itself (e.g. the demo seeder)
    QString actor;  // username at the time of the event
    QString action; // e.g. "login", "decision.approve"
    QString objectType;
    QString objectId;
    QString before; // compact JSON or empty
    QString after;
    QString prevHash;
    QString hash;
};

// Append-only, hash-chained audit trail. append() must run inside the caller's Transaction so
// the event commits or rolls back with the change it records; the chain makes any later edit,
// deletion, insertion or reordering detectable.
class AuditLog {
public:
    explicit AuditLog(const Database& db) : m_db(db) {}

    static QString genesisHash();
    // SHA-256 hex over the previous hash and a canonical serialisation of the event.
    static QString hashOf(const AuditEvent& e, const QString& prevHash);

    Id append(AuditEvent e) const;
    std::vector<AuditEvent> forObject(const QString& objectType, const QString& objectId) const;
    int count() const;

    struct Verification {
        bool ok = true;
        int events = 0;
        Id firstBadEvent = 0;
        QString problem;
    };
    // Walks the chain from the start; the first row whose stored prev_hash or hash does not
    // match is reported.
    Verification verify() const;

private:
    const Database& m_db;
};

} // namespace pd
