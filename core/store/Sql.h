#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace pd {

class Database;

// A prepared statement that throws StoreError on failure, so callers read as straight lines
// and an enclosing Transaction rolls back on any error.
//
// On PostgreSQL the statement is not sent through PREPARE (QPSQL's server-side PREPARE cannot
// take DDL and costs two extra round trips per statement): the bound values are rendered as
// literals by the driver's own escaping (QSqlDriver::formatValue) and the text runs once.
class Sql {
public:
    Sql(const Database& db, const QString& statement);
    Sql(QSqlDatabase connection, const QString& statement);

    Sql& bind(const QString& placeholder, const QVariant& value);
    Sql& exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QVariant value(const QString& column) const { return m_query.value(column); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }

    // Runs a statement ending in "RETURNING id" and gives the id.
    qint64 insertReturningId();
    // Runs the statement and gives the first column of the first row (or an invalid QVariant).
    QVariant scalar();

private:
    QString rendered() const;

    QSqlQuery m_query;
    QString m_statement;
    QSqlDriver* m_inlineDriver = nullptr; // set when values are rendered into the text (PostgreSQL)
    QHash<QString, QVariant> m_values;
};

} // namespace pd
