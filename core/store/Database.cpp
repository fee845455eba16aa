#include "core/store/Database.h"

#include "core/store/StoreError.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <atomic>

namespace pd {

namespace {
std::atomic<quint64> g_nextInstance{1};

void execPragma(QSqlDatabase& db, const QString& pragma)
{
    QSqlQuery q(db);
    if (!q.exec(pragma))
        throw StoreError(QStringLiteral("store-open"),
                         QStringLiteral("%1 failed: %2").arg(pragma, q.lastError().text()));
}
} // namespace

Database::Database(QString location)
    : m_location(std::move(location))
    , m_dialect(m_location.startsWith(QLatin1String("postgresql://")) || m_location.startsWith(QLatin1String("postgres://"))
                    ? SqlDialect::PostgreSQL
                    : SqlDialect::SQLite)
    , m_instance(g_nextInstance++)
{
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    for (const QString& name : std::as_const(m_connectionNames)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QSqlDatabase Database::connection() const
{
    const QString name = QStringLiteral("photodesk-%1-%2")
                             .arg(m_instance)
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    return openConnection(name);
}

QSqlDatabase Database::openConnection(const QString& name) const
{
    QSqlDatabase db;
    if (m_dialect == SqlDialect::SQLite) {
        const QFileInfo info(m_location);
        if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath()))
            throw StoreError(QStringLiteral("store-open"),
                             QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
        db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_location);
        // Wait for a competing writer instead of failing at once with SQLITE_BUSY.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        const QUrl url(m_location);
        db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                          : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
        db.setPort(url.port(5432));
        db.setDatabaseName(url.path().mid(1));
        db.setUserName(url.userName());
        db.setPassword(url.password().isEmpty() ? qEnvironmentVariable("PHOTODESK_DB_PASSWORD") : url.password());
    }
    if (!db.open())
        throw StoreError(QStringLiteral("store-open"),
                         QStringLiteral("cannot open the store %1: %2")
                             .arg(m_dialect == SqlDialect::SQLite ? m_location : QUrl(m_location).toString(QUrl::RemovePassword),
                                  db.lastError().text()));
    if (m_dialect == SqlDialect::SQLite) {
        // WAL lets readers run beside the one writer; FULL makes a committed decision survive a
        // power cut; foreign keys are off by default in SQLite.
        execPragma(db, QStringLiteral("PRAGMA journal_mode=WAL"));
        execPragma(db, QStringLiteral("PRAGMA synchronous=FULL"));
        execPragma(db, QStringLiteral("PRAGMA foreign_keys=ON"));
    } else {
        execPragma(db, QStringLiteral("SET TIME ZONE 'UTC'"));
        // "already exists, skipping" notices of idempotent DDL are not news on a terminal.
        execPragma(db, QStringLiteral("SET client_min_messages = warning"));
    }
    QMutexLocker lock(&m_mutex);
    m_connectionNames.insert(name);
    return db;
}

QString Database::defaultBlobDir() const
{
    if (m_dialect == SqlDialect::SQLite) {
        const QFileInfo info(m_location);
        return info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".blobs");
    }
    const QString env = qEnvironmentVariable("PHOTODESK_BLOB_DIR");
    return env.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share/photodesk/blobs") : env;
}

void Database::closeThreadConnection() const
{
    const QString name = QStringLiteral("photodesk-%1-%2")
                             .arg(m_instance)
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connectionNames.remove(name))
            return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace pd
