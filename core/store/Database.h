#pragma once

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace pd {

enum class SqlDialect { SQLite, PostgreSQL };

// Where the store lives and how to reach it. One Database object is shared by every thread;
// each thread gets its own QSqlDatabase connection (QtSql connections are not thread-safe).
class Database {
public:
    // `location` is a SQLite file path (the embedded default) or a postgresql:// URL.
    explicit Database(QString location);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // This thread's connection, opened (and configured) on first use. Throws StoreError.
    QSqlDatabase connection() const;
    SqlDialect dialect() const { return m_dialect; }
    const QString& location() const { return m_location; }

    // Folder of the content-addressed photo blobs that belong to this store: for SQLite
    // `<name>.blobs` beside the database file.
    QString defaultBlobDir() const;

    // Closes this thread's connection (threads of a pool call it before they retire).
    void closeThreadConnection() const;

private:
    QSqlDatabase openConnection(const QString& name) const;

    QString m_location;
    SqlDialect m_dialect;
    quint64 m_instance;
    mutable QMutex m_mutex;
    mutable QSet<QString> m_connectionNames;
};

} // namespace pd
