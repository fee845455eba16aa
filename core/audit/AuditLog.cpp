#include "core/audit/AuditLog.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace pd {

namespace {
const QString kColumns = QStringLiteral(
    "id, at, actor_id, actor, action, object_type, object_id, before_value, after_value, prev_hash, hash");

AuditEvent readEvent(const Sql& q)
{
    AuditEvent e;
    e.id = q.value(0).toLongLong();
    e.at = fromDbTime(q.value(1).toString());
    e.actorId = q.value(2).toLongLong();
    e.actor = q.value(3).toString();
    e.action = q.value(4).toString();
    e.objectType = q.value(5).toString();
    e.objectId = q.value(6).toString();
    e.before = q.value(7).toString();
    e.after = q.value(8).toString();
    e.prevHash = q.value(9).toString();
    e.hash = q.value(10).toString();
    return e;
}
} // namespace

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString AuditLog::hashOf(const AuditEvent& e, const QString& prevHash)
{
    // Canonical form: a compact JSON array in a fixed field order. The row id is part of it so
    // that moving rows around is detected even when their contents are unchanged.
    const QJsonArray canonical{QString::number(e.id), toDbTime(e.at), QString::number(e.actorId), e.actor, e.action,
                               e.objectType, e.objectId, e.before, e.after};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(prevHash.toLatin1());
    h.addData(QByteArrayView("\n"));
    h.addData(QJsonDocument(canonical).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(h.result().toHex());
}

Id AuditLog::append(AuditEvent e) const
{
    // Must run inside the caller's write transaction: the chain head read here cannot move
    // until this row commits (SQLite: BEGIN IMMEDIATE holds the write lock).
    const QVariant head = Sql(m_db, QStringLiteral("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1")).scalar();
    e.prevHash = head.isValid() ? head.toString() : genesisHash();
    if (!e.at.isValid())
        e.at = utcNow();
    e.id = Sql(m_db, QStringLiteral("INSERT INTO audit_events (at, actor_id, actor, action, object_type, object_id, "
                                    "before_value, after_value, prev_hash, hash) "
                                    "VALUES (:at, :aid, :actor, :action, :ot, :oid, :b, :a, :p, '') RETURNING id"))
               .bind(QStringLiteral(":at"), toDbTime(e.at))
               .bind(QStringLiteral(":aid"), e.actorId ? QVariant(e.actorId) : QVariant(QMetaType(QMetaType::LongLong)))
               .bind(QStringLiteral(":actor"), e.actor)
               .bind(QStringLiteral(":action"), e.action)
               .bind(QStringLiteral(":ot"), e.objectType)
               .bind(QStringLiteral(":oid"), e.objectId)
               .bind(QStringLiteral(":b"), e.before)
               .bind(QStringLiteral(":a"), e.after)
               .bind(QStringLiteral(":p"), e.prevHash)
               .insertReturningId();
    e.hash = hashOf(e, e.prevHash);
    Sql(m_db, QStringLiteral("UPDATE audit_events SET hash = :h WHERE id = :id"))
        .bind(QStringLiteral(":h"), e.hash)
        .bind(QStringLiteral(":id"), e.id)
        .exec();
    return e.id;
}

std::vector<AuditEvent> AuditLog::forObject(const QString& objectType, const QString& objectId) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM audit_events WHERE object_type = :t AND object_id = :o ORDER BY id").arg(kColumns));
    q.bind(QStringLiteral(":t"), objectType).bind(QStringLiteral(":o"), objectId).exec();
    std::vector<AuditEvent> result;
    while (q.next())
        result.push_back(readEvent(q));
    return result;
}

int AuditLog::count() const
{
    return Sql(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_events")).scalar().toInt();
}

AuditLog::Verification AuditLog::verify() const
{
    Verification v;
    Sql q(m_db, QStringLiteral("SELECT %1 FROM audit_events ORDER BY id").arg(kColumns));
    q.exec();
    QString expectedPrev = genesisHash();
    while (q.next()) {
        const AuditEvent e = readEvent(q);
        ++v.events;
        if (!v.ok)
            continue;
        if (e.prevHash != expectedPrev) {
            v = {false, v.events, e.id, QStringLiteral("the event before this one was deleted, inserted or reordered")};
        } else if (hashOf(e, e.prevHash) != e.hash) {
            v = {false, v.events, e.id, QStringLiteral("this event was edited after it was written")};
        }
        expectedPrev = e.hash;
    }
    return v;
}

} // namespace pd
