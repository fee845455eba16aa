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
    run(m_connection, db.dialect() == SqlDialect::SQLite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    m_open = true;
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
