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
    // SQLite reports extended codes (primary code in the low byte): 19 constraint, 5/6
    // busy/locked. PostgreSQL SQLSTATEs: 23xxx constraint, 40001/40P01 serialisation/deadlock.
    bool numeric = false;
    const int sqlitePrimary = native.toInt(&numeric) & 0xff;
    if ((numeric && sqlitePrimary == 19) || native.startsWith(QLatin1String("23")))
        return QStringLiteral("store-constraint");
    if ((numeric && (sqlitePrimary == 5 || sqlitePrimary == 6)) || native == QLatin1String("40001")
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
    // QtSql binds a null QString as SQL NULL; an empty text is meant here. A deliberate NULL is
    // written as a null QVariant of the type (QVariant(QMetaType(...))).
    if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull()) {
        m_query.bindValue(placeholder, QStringLiteral(""));
        return *this;
    }
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
