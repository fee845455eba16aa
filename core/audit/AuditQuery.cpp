#include "core/audit/AuditQuery.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace pd {

namespace {

Error forbidden(const Session& who)
{
    return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not read the audit log").arg(who.username)};
}

// The WHERE clause of a filter and its bound values. Each condition uses the id (primary key)
// order of the table, so "newest first, id < x, LIMIT n" walks the primary key backwards and
// stops after n matches.
struct Where {
    QString sql;
    QList<QPair<QString, QVariant>> values;

    void bindTo(Sql& q) const
    {
        for (const auto& [name, value] : values)
            q.bind(name, value);
    }
};

Where whereOf(const Database& db, const AuditFilter& f, Id beforeId)
{
    QStringList parts;
    Where w;
    if (beforeId > 0) {
        parts << QStringLiteral("id < :before");
        w.values.append({QStringLiteral(":before"), beforeId});
    }
    if (!f.actor.isEmpty()) {
        parts << QStringLiteral("actor = :actor");
        w.values.append({QStringLiteral(":actor"), f.actor});
    }
    if (!f.action.isEmpty()) {
        if (f.action.endsWith(QLatin1Char('.'))) {
            // A family: "decision." matches decision.approve and decision.reject. Range instead
            // of LIKE so no wildcard in the user's text can widen it.
            parts << QStringLiteral("action >= :actionLo AND action < :actionHi");
            QString hi = f.action;
            hi[hi.size() - 1] = QChar(QLatin1Char('.').unicode() + 1);
            w.values.append({QStringLiteral(":actionLo"), f.action});
            w.values.append({QStringLiteral(":actionHi"), hi});
        } else {
            parts << QStringLiteral("action = :action");
            w.values.append({QStringLiteral(":action"), f.action});
        }
    }
    if (!f.student.isEmpty()) {
        Sql s(db, QStringLiteral("SELECT id FROM students WHERE student_number = :n"));
        s.bind(QStringLiteral(":n"), f.student.trimmed());
        const QVariant id = s.scalar();
        const QString sid = id.isValid() ? QString::number(id.toLongLong()) : QStringLiteral("-1");
        parts << QStringLiteral("((object_type = 'student' AND object_id = :sid) OR (object_type = 'attempt' AND object_id IN "
                                "(SELECT CAST(id AS TEXT) FROM attempts WHERE student_id = :sidNum)))");
        w.values.append({QStringLiteral(":sid"), sid});
        w.values.append({QStringLiteral(":sidNum"), sid.toLongLong()});
    }
    if (!f.objectType.isEmpty()) {
        parts << QStringLiteral("object_type = :otype");
        w.values.append({QStringLiteral(":otype"), f.objectType});
        if (!f.objectId.isEmpty()) {
            parts << QStringLiteral("object_id = :oid");
            w.values.append({QStringLiteral(":oid"), f.objectId});
        }
    }
    if (f.from.isValid()) {
        parts << QStringLiteral("at >= :from");
        w.values.append({QStringLiteral(":from"), toDbTime(f.from)});
    }
    if (f.to.isValid()) {
        parts << QStringLiteral("at < :to");
        w.values.append({QStringLiteral(":to"), toDbTime(f.to)});
    }
    if (!parts.isEmpty())
        w.sql = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return w;
}

} // namespace

bool AuditFilter::isEmpty() const
{
    return actor.isEmpty() && action.isEmpty() && student.isEmpty() && objectType.isEmpty() && !from.isValid() && !to.isValid();
}

QJsonObject AuditFilter::toJson() const
{
    QJsonObject o;
    if (!actor.isEmpty())
        o.insert(QStringLiteral("actor"), actor);
    if (!action.isEmpty())
        o.insert(QStringLiteral("action"), action);
    if (!student.isEmpty())
        o.insert(QStringLiteral("student"), student);
    if (!objectType.isEmpty())
        o.insert(QStringLiteral("object_type"), objectType);
    if (!objectId.isEmpty())
        o.insert(QStringLiteral("object_id"), objectId);
    if (from.isValid())
        o.insert(QStringLiteral("from"), toDbTime(from));
    if (to.isValid())
        o.insert(QStringLiteral("to"), toDbTime(to));
    return o;
}

Result<std::vector<AuditEvent>> AuditQuery::page(const Session& who, const AuditFilter& filter, Id beforeId, int limit) const
{
    if (!mayRead(who.role))
        return forbidden(who);
    try {
        const Database& db = m_store->db();
        const Where w = whereOf(db, filter, beforeId);
        Sql q(db, QStringLiteral("SELECT %1 FROM audit_events%2 ORDER BY id DESC LIMIT %3").arg(AuditLog::selectColumns(), w.sql).arg(qMax(1, limit)));
        w.bindTo(q);
        q.exec();
        std::vector<AuditEvent> events;
        events.reserve(size_t(qMax(1, limit)));
        while (q.next())
            events.push_back(AuditLog::fromRow(q));
        return events;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<int> AuditQuery::count(const Session& who, const AuditFilter& filter) const
{
    if (!mayRead(who.role))
        return forbidden(who);
    try {
        const Database& db = m_store->db();
        const Where w = whereOf(db, filter, 0);
        Sql q(db, QStringLiteral("SELECT COUNT(*) FROM audit_events%1").arg(w.sql));
        w.bindTo(q);
        return q.scalar().toInt();
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

namespace {
Result<QStringList> distinctColumn(const Store& store, const QString& column)
{
    try {
        Sql q(store.db(), QStringLiteral("SELECT DISTINCT %1 FROM audit_events ORDER BY %1").arg(column));
        q.exec();
        QStringList values;
        while (q.next())
            values << q.value(0).toString();
        return values;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}
} // namespace

Result<QStringList> AuditQuery::actors(const Session& who) const
{
    if (!mayRead(who.role))
        return forbidden(who);
    return distinctColumn(*m_store, QStringLiteral("actor"));
}

Result<QStringList> AuditQuery::actions(const Session& who) const
{
    if (!mayRead(who.role))
        return forbidden(who);
    return distinctColumn(*m_store, QStringLiteral("action"));
}

QString AuditQuery::csvField(const QString& value)
{
    // RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs
    // an audit value (which may contain text a student typed) as a formula.
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1String("\""), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

Result<int> AuditQuery::exportCsv(const Session& who, const AuditFilter& filter, const QString& path,
                                  const std::function<void(int)>& progress) const
{
    if (!mayRead(who.role))
        return forbidden(who);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("export-write"), QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    try {
        file.write("\xEF\xBB\xBF");
        file.write("id,at,actor,action,object_type,object_id,before,after,hash\r\n");
        int rows = 0;
        Id before = 0;
        constexpr int kPage = 2000;
        for (;;) {
            auto page = this->page(who, filter, before, kPage);
            if (!page)
                return page.error();
            for (const AuditEvent& e : page.value()) {
                const QStringList fields{QString::number(e.id), toDbTime(e.at), e.actor, e.action, e.objectType,
                                         e.objectId, e.before, e.after, e.hash};
                QStringList quoted;
                for (const QString& f : fields)
                    quoted << csvField(f);
                file.write((quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
                ++rows;
                before = e.id;
            }
            if (progress)
                progress(rows);
            if (int(page.value().size()) < kPage)
                break;
        }
        // The export is recorded before the file becomes visible: if the audit cannot be
        // written, no unaudited file is left behind.
        const Database& db = m_store->db();
        Transaction tx(db);
        AuditEvent e;
        e.actorId = who.userId;
        e.actor = who.username;
        e.action = QStringLiteral("audit.export");
        e.objectType = QStringLiteral("audit_log");
        e.objectId = QString();
        QJsonObject after;
        after.insert(QStringLiteral("filter"), filter.toJson());
        after.insert(QStringLiteral("rows"), rows);
        after.insert(QStringLiteral("file"), QFileInfo(path).fileName());
        e.after = QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact));
        AuditLog(db).append(e);
        if (file.error() != QFileDevice::NoError || !file.commit())
            return Error{QStringLiteral("export-write"), QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
        try {
            tx.commit();
        } catch (...) {
            QFile::remove(path);
            throw;
        }
        return rows;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
