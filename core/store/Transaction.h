#pragma once

#include <QSqlDatabase>

class QMutex;

namespace pd {

class Database;

// RAII write transaction: rolls back unless commit() was called. On SQLite it takes the write
// lock at the start (BEGIN IMMEDIATE), so two writers queue up instead of deadlocking when a
// reader upgrades. Not nestable: one per thread at a time.
class Transaction {
public:
    explicit Transaction(const Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

    // Serialises this transaction with every other one that names the same resource, until
    // commit or rollback (for read-then-append sequences such as the audit hash chain). On
    // PostgreSQL a transaction-scoped advisory lock; on SQLite a no-op, since BEGIN IMMEDIATE
    // already admits one writer at a time.
    void serialize(const QString& resource);
    QSqlDatabase connection() const { return m_connection; }

    // The same lock for code that runs inside the calling thread's open transaction but has no
    // Transaction object at hand (AuditLog::append).
    static void serializeCurrent(const Database& db, const QString& resource);
    // PostgreSQL: the SQL call that takes that lock, for callers that fold it into a statement
    // of their own to save a round trip (AuditLog::append).
    static QString advisoryLockCall(const QString& resource);

private:
    QSqlDatabase m_connection;
    bool m_open = false;
    bool m_postgres = false;
    QMutex* m_writerLock = nullptr; // SQLite: writers of this process queue here, not in SQLite's busy sleep
};

} // namespace pd
