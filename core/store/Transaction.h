#pragma once

#include <QSqlDatabase>

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
    QSqlDatabase connection() const { return m_connection; }

private:
    QSqlDatabase m_connection;
    bool m_open = false;
};

} // namespace pd
