#pragma once

#include "core/domain/Types.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace pd {

class Database;
class Sql;

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
// The chain head at a moment, kept outside the database (a file the database cannot rewrite
// in the same breath), so that rewriting the whole tail of the chain is still detected.
struct AuditCheckpoint {
    Id lastId = 0;
    QString hash;
    int events = 0;
    QDateTime writtenAt;

    QByteArray toJson() const;
    static std::optional<AuditCheckpoint> fromJson(const QByteArray& json);
    // Atomic write (temporary file + rename); false with `error` set on failure.
    bool save(const QString& path, QString* error = nullptr) const;
    static std::optional<AuditCheckpoint> load(const QString& path, QString* error = nullptr);
};

class AuditLog {
public:
    explicit AuditLog(const Database& db) : m_db(db) {}

    static QString genesisHash();
    // SHA-256 hex over the previous hash and a canonical serialisation of the event.
    static QString hashOf(const AuditEvent& e, const QString& prevHash);

    // The columns of an audit_events SELECT and the event such a row holds (shared with
    // AuditQuery, so the row format lives in one place).
    static QString selectColumns();
    static AuditEvent fromRow(const Sql& row);

    Id append(AuditEvent e) const;
    std::vector<AuditEvent> forObject(const QString& objectType, const QString& objectId) const;
    int count() const;

    // Writes the current head to `path` (see AuditCheckpoint).
    bool writeCheckpoint(const QString& path, QString* error = nullptr) const;

    struct Verification {
        bool ok = true;
        int events = 0;
        Id firstBadEvent = 0;
        QString problem;
    };
    // Walks the chain from the start and reports the first row that does not fit: edited
    // (its hash differs), or preceded by a deletion, insertion or reordering (its prev_hash
    // differs). With a checkpoint, a chain whose head no longer matches it is reported too
    // (e.g. the newest events were deleted or rewritten since the checkpoint).
    Verification verify(const std::optional<AuditCheckpoint>& checkpoint = std::nullopt) const;

    // The newest event's id and hash (0 / genesis for an empty log).
    std::pair<Id, QString> head() const;

private:
    const Database& m_db;
};

} // namespace pd
