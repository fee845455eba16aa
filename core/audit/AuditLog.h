#pragma once

#include "core/domain/Types.h"

#include <QDateTime>
#include <QString>

#include <map>
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
    // '' = the main chain; otherwise the chain this event belongs to (see AuditLog::actorChain).
    QString chain;
    // Main-chain events only: the head of the actor's own chain when this event was written,
    // '<chain>@<id>:<hash>' (empty when that chain has no events yet). Set by append().
    QString anchor;

    // An event of `who` about one object (the rest is filled in by the caller and append()).
    static AuditEvent by(const Session& who, QString action, QString objectType, QString objectId)
    {
        AuditEvent e;
        e.actorId = who.userId;
        e.actor = who.username;
        e.action = std::move(action);
        e.objectType = std::move(objectType);
        e.objectId = std::move(objectId);
        return e;
    }
};

// Append-only, hash-chained audit trail. append() must run inside the caller's Transaction so
// the event commits or rolls back with the change it records; the chain makes any later edit,
// deletion, insertion or reordering detectable.
//
// There is one main chain and, beside it, one chain per actor for the frequent events that only
// concern that actor's own work (claims and releases of submissions). Why: every claim is
// audited, and with a single chain every desk's claim waited for the one chain lock that the
// decisions of all other desks hold too — twenty desks claiming at once queued behind each other
// (PostgreSQL claim p99 48–62 ms). An actor's chain is written by that actor only, so its lock is
// practically never contended. The chains stay tied together: every main-chain event of an actor
// records the head of that actor's chain (`anchor`), so deleting or editing a claim event breaks
// both its own chain and the main-chain anchor that covered it; checkpoints hold every chain head.
// The chain head at a moment, kept outside the database (a file the database cannot rewrite
// in the same breath), so that rewriting the whole tail of the chain is still detected.
struct AuditCheckpoint {
    Id lastId = 0; // the main chain's head
    QString hash;
    int events = 0;
    QDateTime writtenAt;
    struct Head {
        Id lastId = 0;
        QString hash;
    };
    // The head of every other chain (actor chains), by chain name.
    std::map<QString, Head> chains;

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
    // The chain of `actorId`'s own claim events.
    static QString actorChain(Id actorId);
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

    // The newest main-chain event's id and hash (0 / genesis for an empty log).
    std::pair<Id, QString> head() const;
    // The newest event of `chain` (0 / genesis when it has none).
    std::pair<Id, QString> head(const QString& chain) const;

private:
    const Database& m_db;
};

} // namespace pd
