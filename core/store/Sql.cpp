#include "core/store/Sql.h"

#include "core/store/Database.h"
#include "core/store/StoreError.h"

#include <QSqlError>
#include <QSqlField>

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
    if (connection.driverName() == QLatin1String("QPSQL")) {
        m_inlineDriver = connection.driver();
        m_query.setForwardOnly(true);
        return;
    }
    if (!m_query.prepare(statement))
        throw StoreError(codeFor(m_query.lastError()), describe(m_query, statement));
}

Sql& Sql::bind(const QString& placeholder, const QVariant& value)
{
    // QtSql binds a null QString as SQL NULL; an empty text is meant here. A deliberate NULL is
    // written as a null QVariant of the type (QVariant(QMetaType(...))).
    const QVariant v = value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull()
                           ? QVariant(QStringLiteral(""))
                           : value;
    if (m_inlineDriver)
        m_values.insert(placeholder.startsWith(QLatin1Char(':')) ? placeholder.mid(1) : placeholder, v);
    else
        m_query.bindValue(placeholder, v);
    return *this;
}

QString Sql::rendered() const
{
    // Replaces :name placeholders outside quoted text and outside PostgreSQL's :: casts.
    QString out;
    out.reserve(m_statement.size() + 64);
    const qsizetype n = m_statement.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = m_statement.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const qsizetype end = m_statement.indexOf(c, i + 1);
            const qsizetype stop = end < 0 ? n - 1 : end;
            out += QStringView(m_statement).mid(i, stop - i + 1);
            i = stop;
            continue;
        }
        if (c == QLatin1Char(':') && i + 1 < n && m_statement.at(i + 1) == QLatin1Char(':')) {
            out += QStringLiteral("::");
            ++i;
            continue;
        }
        if (c == QLatin1Char(':') && i + 1 < n && (m_statement.at(i + 1).isLetter() || m_statement.at(i + 1) == QLatin1Char('_'))) {
            qsizetype j = i + 1;
            while (j < n && (m_statement.at(j).isLetterOrNumber() || m_statement.at(j) == QLatin1Char('_')))
                ++j;
            const QString name = m_statement.mid(i + 1, j - i - 1);
            const auto it = m_values.constFind(name);
            if (it == m_values.constEnd())
                throw StoreError(QStringLiteral("store-query"),
                                 QStringLiteral("no value bound for :%1 [%2]").arg(name, m_statement.simplified().left(200)));
            QSqlField field(name, it->metaType());
            field.setValue(*it);
            out += m_inlineDriver->formatValue(field);
            i = j - 1;
            continue;
        }
        out += c;
    }
    return out;
}

Sql& Sql::exec()
{
    const bool ok = m_inlineDriver ? m_query.exec(rendered()) : m_query.exec();
    if (!ok)
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
