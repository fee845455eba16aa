#pragma once

// Row-level access to the store, one small class per table. They run on the calling thread's
// connection and take part in whatever Transaction that thread has open; they throw
// StoreError. Services (core/review, core/auth, core/demo) compose them into use cases.

#include "core/domain/Types.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace pd {

class Database;

class StudentRepository {
public:
    explicit StudentRepository(const Database& db) : m_db(db) {}
    // Inserts or updates by student number; gives the id.
    Id upsert(const Student& s) const;
    std::optional<Student> find(Id id) const;
    std::optional<Student> findByNumber(const QString& studentNumber) const;

private:
    const Database& m_db;
};

class AttemptRepository {
public:
    explicit AttemptRepository(const Database& db) : m_db(db) {}
    // Inserts a new attempt (deadline = paidAt + 48 h); gives the id. Throws store-constraint
    // when the external id exists.
    Id insert(const Attempt& a) const;
    std::optional<Attempt> find(Id id) const;
    std::optional<Attempt> findByExternalId(const QString& externalId) const;
    std::vector<Attempt> forStudent(Id studentId) const;
    int countInState(AttemptState s) const;

private:
    const Database& m_db;
};

class PhotoRepository {
public:
    explicit PhotoRepository(const Database& db) : m_db(db) {}
    Id insert(const Photo& p) const;
    std::optional<Photo> submittedFor(Id attemptId) const;
    // The student's newest reference photo of that role (enrollment or id_card).
    std::optional<Photo> referenceFor(Id studentId, PhotoRole role) const;
    std::vector<Photo> forStudent(Id studentId) const;

private:
    const Database& m_db;
};

class DecisionRepository {
public:
    explicit DecisionRepository(const Database& db) : m_db(db) {}
    Id insert(const Decision& d) const;
    std::optional<Decision> forAttempt(Id attemptId) const;
    int count() const;

private:
    const Database& m_db;
};

struct PasswordRecord {
    QString hash; // hex PBKDF2-HMAC-SHA256
    QString salt; // hex
    int iterations = 0;
};

class UserRepository {
public:
    explicit UserRepository(const Database& db) : m_db(db) {}
    Id insert(const User& u, const PasswordRecord& password) const;
    std::optional<User> find(Id id) const;
    std::optional<User> findByUsername(const QString& username) const;
    // Every account, ordered by user name (password hashes are not part of User).
    std::vector<User> all() const;
    std::optional<PasswordRecord> passwordOf(Id userId) const;
    void recordFailedLogin(Id userId, int failedLogins, const QDateTime& lockedUntil) const;
    void recordSuccessfulLogin(Id userId) const;
    void setPassword(Id userId, const PasswordRecord& password, bool mustChange) const;
    int count() const;

private:
    const Database& m_db;
};

struct OutboxMessage {
    Id id = 0;
    QString channel; // "sms" or "platform"
    QString idempotencyKey;
    Id attemptId = 0;
    QJsonObject payload;
    QString state; // pending, sending, sent, failed
    int tries = 0;
};

class OutboxRepository {
public:
    explicit OutboxRepository(const Database& db) : m_db(db) {}
    Id enqueue(const OutboxMessage& m) const;
    std::vector<OutboxMessage> forAttempt(Id attemptId) const;
    int count() const;

private:
    const Database& m_db;
};

} // namespace pd
