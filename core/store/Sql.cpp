#include "core/store/Sql.h"

#include "core/store/Database.h"
#include "core/store/StoreError.h"

#include <QSqlError>

namespace pd {

namespace {
QString describe(const QSqlQuery& q, const QString& statement)
{
    return QStringLiteral("%1 [%2]").arg(q.lastError().text(), statement.simplified().left(200));
}

QString codeFor(const QSqlError& e)
{
    const QString native = e.nativeErrorCode();
    // SQLite 19 / PostgreSQL 23xxx: constraint violations; SQLite 5/6: busy/locked.
    if (native == QLatin1String("19") || native.startsWith(QLatin1String("23")))
        return QStringLiteral("store-constraint");
    if (native == QLatin1String("5") || native == QLatin1String("6") || native == QLatin1String("40001")
        || native == QLatin1String("40P01"))
        return QStringLiteral("store-busy");
    return QStringLiteral("store-query");
}
} // namespace

Sql::Sql(const Database& db, const QString& statement) : Sql(db.connection(), statement) {}

Sql::Sql(QSqlDatabase connection, const QString& statement) : m_query(connection), m_statement(statement)
{
    if (!m_query.prepare(statement))
        throw StoreError(codeFor(m_query.lastError()), describe(m_query, statement));
}

Sql& Sql::bind(const QString& placeholder, const QVariant& value)
{
    m_query.bindValue(placeholder, value);
    return *this;
}

Sql& Sql::exec()
{
    if (!m_query.exec())
        throw StoreError(codeFor(m_query.lastError()), describe(m_query, m_statement));
    return *this;
}

qint64 Sql::insertReturningId()
{
    exec();
    if (!m_query.next())
        throw StoreError(QStringLiteral("store-query"), QStringLiteral("no id returned [%1]").arg(m_statement.left(200)));
    return m_query.value(0).toLongLong();
}

QVariant Sql::scalar()
{
    exec();
    return m_query.next() ? m_query.value(0) : QVariant();
}

} // namespace pd
