#include "core/store/Transaction.h"

#include "core/store/Database.h"
#include "core/store/StoreError.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>

namespace pd {

namespace {
// One mutex per SQLite file for the life of the process (a handful of entries at most).
QMutex* writerLockFor(const QString& location)
{
    static QMutex guard;
    static QHash<QString, QMutex*> locks;
    const QString key = QFileInfo(location).absoluteFilePath();
    QMutexLocker lock(&guard);
    QMutex*& m = locks[key];
    if (!m)
        m = new QMutex;
    return m;
}

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
    if (!m_postgres) {
        // Threads of one process wait for the write lock on a mutex (woken at once) instead of
        // SQLite's busy handler, which polls with sleeps of up to 100 ms and starves some
        // writers under contention. Other processes still meet the busy timeout.
        m_writerLock = writerLockFor(db.location());
        m_writerLock->lock();
    }
    try {
        run(m_connection, m_postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    } catch (...) {
        if (m_writerLock)
            m_writerLock->unlock();
        throw;
    }
    m_open = true;
}

namespace {
void advisoryLock(QSqlDatabase& connection, const QString& resource)
{
    run(connection, QStringLiteral("SELECT ") + Transaction::advisoryLockCall(resource));
}
} // namespace

QString Transaction::advisoryLockCall(const QString& resource)
{
    // A stable 63-bit key for the name (FNV-1a), so every desk computes the same lock.
    quint64 h = 1469598103934665603ULL;
    for (const char c : resource.toUtf8()) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    return QStringLiteral("pg_advisory_xact_lock(%1)").arg(qint64(h & 0x7fffffffffffffffULL));
}

void Transaction::serialize(const QString& resource)
{
    if (m_postgres)
        advisoryLock(m_connection, resource);
}

void Transaction::serializeCurrent(const Database& db, const QString& resource)
{
    if (db.dialect() != SqlDialect::PostgreSQL)
        return;
    QSqlDatabase connection = db.connection();
    advisoryLock(connection, resource);
}

Transaction::~Transaction()
{
    if (m_open) {
        QSqlQuery q(m_connection);
        q.exec(QStringLiteral("ROLLBACK")); // nothing sensible to do if even the rollback fails
    }
    if (m_writerLock)
        m_writerLock->unlock();
}

void Transaction::commit()
{
    run(m_connection, QStringLiteral("COMMIT"));
    m_open = false;
    if (m_writerLock) {
        m_writerLock->unlock();
        m_writerLock = nullptr;
    }
}

} // namespace pd
