#include "core/audit/AuditLog.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace pd {

QString AuditLog::selectColumns()
{
    return QStringLiteral("id, at, actor_id, actor, action, object_type, object_id, before_value, after_value, prev_hash, hash");
}

AuditEvent AuditLog::fromRow(const Sql& q)
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
    // until this row commits (SQLite: BEGIN IMMEDIATE holds the write lock; PostgreSQL: an
    // advisory lock held to the end of the transaction, so two desks never fork the chain).
    Transaction::serializeCurrent(m_db, QStringLiteral("audit_events"));
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
    Sql q(m_db, QStringLiteral("SELECT %1 FROM audit_events WHERE object_type = :t AND object_id = :o ORDER BY id").arg(selectColumns()));
    q.bind(QStringLiteral(":t"), objectType).bind(QStringLiteral(":o"), objectId).exec();
    std::vector<AuditEvent> result;
    while (q.next())
        result.push_back(fromRow(q));
    return result;
}

int AuditLog::count() const
{
    return Sql(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_events")).scalar().toInt();
}

std::pair<Id, QString> AuditLog::head() const
{
    Sql q(m_db, QStringLiteral("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1"));
    q.exec();
    if (!q.next())
        return {0, genesisHash()};
    return {q.value(0).toLongLong(), q.value(1).toString()};
}

bool AuditLog::writeCheckpoint(const QString& path, QString* error) const
{
    const auto [lastId, hash] = head();
    AuditCheckpoint c;
    c.lastId = lastId;
    c.hash = hash;
    c.events = count();
    c.writtenAt = utcNow();
    return c.save(path, error);
}

AuditLog::Verification AuditLog::verify(const std::optional<AuditCheckpoint>& checkpoint) const
{
    Verification v;
    Sql q(m_db, QStringLiteral("SELECT %1 FROM audit_events ORDER BY id").arg(selectColumns()));
    q.exec();
    QString expectedPrev = genesisHash();
    Id previousId = 0;
    bool checkpointRowSeen = false;
    auto fail = [&v](Id id, const QString& problem) {
        if (v.ok) {
            v.ok = false;
            v.firstBadEvent = id;
            v.problem = problem;
        }
    };
    while (q.next()) {
        const AuditEvent e = fromRow(q);
        ++v.events;
        if (v.ok) {
            if (e.prevHash != expectedPrev) {
                fail(e.id, e.id != previousId + 1
                               ? QStringLiteral("events %1 to %2 before this one are missing (deleted)").arg(previousId + 1).arg(e.id - 1)
                               : QStringLiteral("the event before this one was deleted, inserted or moved"));
            } else if (hashOf(e, e.prevHash) != e.hash) {
                fail(e.id, QStringLiteral("this event was changed after it was written"));
            }
        }
        if (checkpoint && e.id == checkpoint->lastId) {
            checkpointRowSeen = true;
            if (e.hash != checkpoint->hash)
                fail(e.id, QStringLiteral("this event does not match the checkpoint of %1").arg(toDbTime(checkpoint->writtenAt)));
        }
        expectedPrev = e.hash;
        previousId = e.id;
    }
    if (checkpoint && checkpoint->lastId != 0 && !checkpointRowSeen)
        fail(checkpoint->lastId, QStringLiteral("event %1, the head at the checkpoint of %2, is missing")
                                     .arg(checkpoint->lastId)
                                     .arg(toDbTime(checkpoint->writtenAt)));
    return v;
}

QByteArray AuditCheckpoint::toJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("last_id"), QString::number(lastId)},
                                     {QStringLiteral("hash"), hash},
                                     {QStringLiteral("events"), events},
                                     {QStringLiteral("written_at"), toDbTime(writtenAt)}})
        .toJson(QJsonDocument::Compact);
}

std::optional<AuditCheckpoint> AuditCheckpoint::fromJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    AuditCheckpoint c;
    bool ok = false;
    c.lastId = o.value(QStringLiteral("last_id")).toString().toLongLong(&ok);
    c.hash = o.value(QStringLiteral("hash")).toString();
    c.events = o.value(QStringLiteral("events")).toInt();
    c.writtenAt = fromDbTime(o.value(QStringLiteral("written_at")).toString());
    if (!ok || c.hash.size() != 64)
        return std::nullopt;
    return c;
}

bool AuditCheckpoint::save(const QString& path, QString* error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toJson() + '\n') < 0 || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

std::optional<AuditCheckpoint> AuditCheckpoint::load(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return std::nullopt;
    }
    auto c = fromJson(f.readAll());
    if (!c && error)
        *error = QStringLiteral("%1 is not a PhotoDesk audit checkpoint").arg(path);
    return c;
}

} // namespace pd
