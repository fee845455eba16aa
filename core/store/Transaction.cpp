#include "core/store/Transaction.h"

#include "core/store/Database.h"
#include "core/store/StoreError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace pd {

namespace {
void run(QSqlDatabase& db, const QString& statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement))
        throw StoreError(QStringLiteral("store-transaction"),
                         QStringLiteral("%1 failed: %2").arg(statement, q.lastError().text()));
}
} // namespace

Transaction::Transaction(const Database& db) : m_connection(db.connection())
{
    m_postgres = db.dialect() == SqlDialect::PostgreSQL;
    run(m_connection, m_postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    m_open = true;
}

void Transaction::serialize(const QString& resource)
{
    if (!m_postgres)
        return;
    // A stable 63-bit key for the name (FNV-1a), so every desk computes the same lock.
    quint64 h = 1469598103934665603ULL;
    for (const char c : resource.toUtf8()) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    run(m_connection, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(qint64(h & 0x7fffffffffffffffULL)));
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    QSqlQuery q(m_connection);
    q.exec(QStringLiteral("ROLLBACK")); // nothing sensible to do if even the rollback fails
}

void Transaction::commit()
{
    run(m_connection, QStringLiteral("COMMIT"));
    m_open = false;
}

} // namespace pd
