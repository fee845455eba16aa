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
#include <QStringList>

#include <algorithm>

namespace pd {

QString AuditLog::selectColumns()
{
    return QStringLiteral("id, at, actor_id, actor, action, object_type, object_id, before_value, after_value, prev_hash, hash, "
                          "chain, anchor");
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
    e.chain = q.value(11).toString();
    e.anchor = q.value(12).toString();
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
    QJsonArray canonical{QString::number(e.id), toDbTime(e.at), QString::number(e.actorId), e.actor, e.action,
                         e.objectType, e.objectId, e.before, e.after};
    // Only events written since actor chains exist carry these two; leaving them out otherwise
    // keeps every earlier event's hash as it was.
    if (!e.chain.isEmpty() || !e.anchor.isEmpty()) {
        canonical.append(e.chain);
        canonical.append(e.anchor);
    }
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(prevHash.toLatin1());
    h.addData(QByteArrayView("\n"));
    h.addData(QJsonDocument(canonical).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(h.result().toHex());
}

QString AuditLog::actorChain(Id actorId)
{
    return QStringLiteral("actor:%1").arg(actorId);
}

Id AuditLog::append(AuditEvent e) const
{
    // Must run inside the caller's write transaction: the chain head read here cannot move
    // until this row commits (SQLite: BEGIN IMMEDIATE holds the write lock; PostgreSQL: an
    // advisory lock per chain held to the end of the transaction, so two desks never fork a
    // chain). The lock is taken before the row gets its id, so within a chain ids grow in
    // chain order — verify() relies on it.
    const bool postgres = m_db.dialect() == SqlDialect::PostgreSQL;
    const QString lockName = e.chain.isEmpty() ? QStringLiteral("audit_events") : QStringLiteral("audit_events:") + e.chain;
    Id presetId = 0;
    if (postgres) {
        // Lock, then draw the id, in one round trip (MATERIALIZED keeps that order); knowing the
        // id before the INSERT lets the row be written with its hash at once. Round trips are
        // what a claim's latency is made of when twenty desks share two cores.
        presetId = Sql(m_db, QStringLiteral("WITH l AS MATERIALIZED (SELECT %1) "
                                            "SELECT nextval(pg_get_serial_sequence('audit_events', 'id')) FROM l")
                                 .arg(Transaction::advisoryLockCall(lockName)))
                       .scalar()
                       .toLongLong();
    }
    // The chain's head and, for a main-chain event of an actor, the head of the actor's own
    // chain as committed now (its lock is not needed: an anchor only has to name an event that
    // exists, not the very newest) — both in one statement.
    const QString headOf = QStringLiteral("(SELECT %1 FROM audit_events WHERE chain = %2 ORDER BY id DESC LIMIT 1)");
    const bool anchored = e.chain.isEmpty() && e.actorId != 0;
    const QString own = anchored ? actorChain(e.actorId) : QString();
    Sql heads(m_db, anchored ? QStringLiteral("SELECT %1, %2, %3").arg(headOf.arg(QStringLiteral("hash"), QStringLiteral(":c")),
                                                                        headOf.arg(QStringLiteral("id"), QStringLiteral(":own")),
                                                                        headOf.arg(QStringLiteral("hash"), QStringLiteral(":own2")))
                             : QStringLiteral("SELECT %1").arg(headOf.arg(QStringLiteral("hash"), QStringLiteral(":c"))));
    heads.bind(QStringLiteral(":c"), e.chain);
    if (anchored)
        heads.bind(QStringLiteral(":own"), own).bind(QStringLiteral(":own2"), own);
    heads.exec();
    heads.next();
    const QVariant prev = heads.value(0);
    e.prevHash = prev.isNull() || prev.toString().isEmpty() ? genesisHash() : prev.toString();
    e.anchor.clear();
    if (anchored && !heads.value(1).isNull() && heads.value(1).toLongLong() != 0)
        e.anchor = QStringLiteral("%1@%2:%3").arg(own).arg(heads.value(1).toLongLong()).arg(heads.value(2).toString());
    if (!e.at.isValid())
        e.at = utcNow();

    auto bindFields = [&e](Sql& insert) {
        insert.bind(QStringLiteral(":at"), toDbTime(e.at))
            .bind(QStringLiteral(":aid"), e.actorId ? QVariant(e.actorId) : QVariant(QMetaType(QMetaType::LongLong)))
            .bind(QStringLiteral(":actor"), e.actor)
            .bind(QStringLiteral(":action"), e.action)
            .bind(QStringLiteral(":ot"), e.objectType)
            .bind(QStringLiteral(":oid"), e.objectId)
            .bind(QStringLiteral(":b"), e.before)
            .bind(QStringLiteral(":a"), e.after)
            .bind(QStringLiteral(":p"), e.prevHash)
            .bind(QStringLiteral(":chain"), e.chain)
            .bind(QStringLiteral(":anchor"), e.anchor);
    };
    if (postgres) {
        e.id = presetId;
        e.hash = hashOf(e, e.prevHash);
        Sql insert(m_db, QStringLiteral("INSERT INTO audit_events (id, at, actor_id, actor, action, object_type, object_id, "
                                        "before_value, after_value, prev_hash, hash, chain, anchor) "
                                        "VALUES (:id, :at, :aid, :actor, :action, :ot, :oid, :b, :a, :p, :h, :chain, :anchor)"));
        bindFields(insert);
        insert.bind(QStringLiteral(":id"), e.id).bind(QStringLiteral(":h"), e.hash).exec();
        return e.id;
    }
    // SQLite: the id comes from the INSERT (in-process calls cost next to nothing).
    Sql insert(m_db, QStringLiteral("INSERT INTO audit_events (at, actor_id, actor, action, object_type, object_id, "
                                    "before_value, after_value, prev_hash, hash, chain, anchor) "
                                    "VALUES (:at, :aid, :actor, :action, :ot, :oid, :b, :a, :p, '', :chain, :anchor) RETURNING id"));
    bindFields(insert);
    e.id = insert.insertReturningId();
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
    return head(QString());
}

std::pair<Id, QString> AuditLog::head(const QString& chain) const
{
    Sql q(m_db, QStringLiteral("SELECT id, hash FROM audit_events WHERE chain = :c ORDER BY id DESC LIMIT 1"));
    q.bind(QStringLiteral(":c"), chain).exec();
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
    Sql q(m_db, QStringLiteral("SELECT e.chain, e.id, e.hash FROM audit_events e "
                               "JOIN (SELECT chain, MAX(id) AS id FROM audit_events WHERE chain <> '' GROUP BY chain) h "
                               "ON h.id = e.id"));
    q.exec();
    while (q.next())
        c.chains[q.value(0).toString()] = {q.value(1).toLongLong(), q.value(2).toString()};
    return c.save(path, error);
}

namespace {
// '<chain>@<id>:<hash>' → its parts; false when malformed.
bool parseAnchor(const QString& anchor, QString* chain, Id* id, QString* hash)
{
    const qsizetype at = anchor.lastIndexOf(QLatin1Char('@'));
    const qsizetype colon = anchor.indexOf(QLatin1Char(':'), at + 1);
    if (at <= 0 || colon < 0)
        return false;
    bool ok = false;
    *chain = anchor.left(at);
    *id = anchor.mid(at + 1, colon - at - 1).toLongLong(&ok);
    *hash = anchor.mid(colon + 1);
    return ok && hash->size() == 64;
}
} // namespace

AuditLog::Verification AuditLog::verify(const std::optional<AuditCheckpoint>& checkpoint) const
{
    Verification v;
    auto fail = [&v](Id id, const QString& problem) {
        if (v.ok) {
            v.ok = false;
            v.firstBadEvent = id;
            v.problem = problem;
        }
    };
    struct ChainState {
        QString expectedPrev = AuditLog::genesisHash();
        Id previousId = 0;
    };
    std::map<QString, ChainState> chains; // '' = the main chain
    struct AnchorCheck {
        QString chain;
        QString hash;
        Id anchoredBy = 0;
    };
    std::map<Id, AnchorCheck> anchors; // anchored event id → what the main chain says about it
    std::map<QString, bool> checkpointRowSeen;

    Sql q(m_db, QStringLiteral("SELECT %1 FROM audit_events ORDER BY id").arg(selectColumns()));
    q.exec();
    while (q.next()) {
        const AuditEvent e = fromRow(q);
        ++v.events;
        ChainState& state = chains[e.chain];
        const QString where = e.chain.isEmpty() ? QString() : QStringLiteral(" of chain %1").arg(e.chain);
        if (v.ok) {
            if (e.prevHash != state.expectedPrev) {
                // Ids are one sequence for all chains, so a gap says something only on the main
                // chain of a log without actor chains; the message stays cautious otherwise.
                fail(e.id, e.chain.isEmpty() && chains.size() == 1 && e.id != state.previousId + 1
                               ? QStringLiteral("events %1 to %2 before this one are missing (deleted)").arg(state.previousId + 1).arg(e.id - 1)
                               : QStringLiteral("the event%1 before this one was deleted, inserted or moved").arg(where));
            } else if (hashOf(e, e.prevHash) != e.hash) {
                fail(e.id, QStringLiteral("this event was changed after it was written"));
            } else if (!e.anchor.isEmpty()) {
                QString chain, hash;
                Id anchoredId = 0;
                if (!e.chain.isEmpty() || !parseAnchor(e.anchor, &chain, &anchoredId, &hash) || anchoredId >= e.id)
                    fail(e.id, QStringLiteral("this event's anchor is malformed"));
                else
                    anchors[anchoredId] = {chain, hash, e.id};
            }
        }
        if (checkpoint) {
            const bool main = e.chain.isEmpty();
            const auto head = checkpoint->chains.find(e.chain);
            const Id checkpointId = main ? checkpoint->lastId : (head != checkpoint->chains.end() ? head->second.lastId : 0);
            if (checkpointId != 0 && e.id == checkpointId) {
                checkpointRowSeen[e.chain] = true;
                if (e.hash != (main ? checkpoint->hash : head->second.hash))
                    fail(e.id, QStringLiteral("this event does not match the checkpoint of %1").arg(toDbTime(checkpoint->writtenAt)));
            }
        }
        state.expectedPrev = e.hash;
        state.previousId = e.id;
    }
    // Each anchor must name an event that exists, on that chain, with that hash.
    if (v.ok && !anchors.empty()) {
        std::vector<Id> ids;
        ids.reserve(anchors.size());
        for (const auto& [id, check] : anchors)
            ids.push_back(id);
        std::map<Id, std::pair<QString, QString>> found;
        constexpr size_t kBatch = 500;
        for (size_t i = 0; i < ids.size(); i += kBatch) {
            QStringList list;
            for (size_t j = i; j < std::min(ids.size(), i + kBatch); ++j)
                list << QString::number(ids[j]);
            Sql rows(m_db, QStringLiteral("SELECT id, chain, hash FROM audit_events WHERE id IN (%1)").arg(list.join(QLatin1Char(','))));
            rows.exec();
            while (rows.next())
                found[rows.value(0).toLongLong()] = {rows.value(1).toString(), rows.value(2).toString()};
        }
        for (const auto& [id, check] : anchors) {
            const auto it = found.find(id);
            if (it == found.end())
                fail(check.anchoredBy, QStringLiteral("event %1 of chain %2, which this event vouches for, is missing").arg(id).arg(check.chain));
            else if (it->second.first != check.chain || it->second.second != check.hash)
                fail(check.anchoredBy, QStringLiteral("event %1 of chain %2, which this event vouches for, was changed").arg(id).arg(check.chain));
        }
    }
    if (checkpoint) {
        if (checkpoint->lastId != 0 && !checkpointRowSeen[QString()])
            fail(checkpoint->lastId, QStringLiteral("event %1, the head at the checkpoint of %2, is missing")
                                         .arg(checkpoint->lastId)
                                         .arg(toDbTime(checkpoint->writtenAt)));
        for (const auto& [chain, head] : checkpoint->chains)
            if (head.lastId != 0 && !checkpointRowSeen[chain])
                fail(head.lastId, QStringLiteral("event %1, the head of chain %2 at the checkpoint of %3, is missing")
                                      .arg(head.lastId)
                                      .arg(chain, toDbTime(checkpoint->writtenAt)));
    }
    return v;
}

QByteArray AuditCheckpoint::toJson() const
{
    QJsonObject heads;
    for (const auto& [chain, head] : chains)
        heads.insert(chain, QJsonObject{{QStringLiteral("last_id"), QString::number(head.lastId)}, {QStringLiteral("hash"), head.hash}});
    QJsonObject o{{QStringLiteral("last_id"), QString::number(lastId)},
                  {QStringLiteral("hash"), hash},
                  {QStringLiteral("events"), events},
                  {QStringLiteral("written_at"), toDbTime(writtenAt)}};
    if (!heads.isEmpty())
        o.insert(QStringLiteral("chains"), heads);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
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
    const QJsonObject heads = o.value(QStringLiteral("chains")).toObject();
    for (auto it = heads.begin(); it != heads.end(); ++it) {
        const QJsonObject h = it.value().toObject();
        AuditCheckpoint::Head head;
        head.lastId = h.value(QStringLiteral("last_id")).toString().toLongLong(&ok);
        head.hash = h.value(QStringLiteral("hash")).toString();
        if (!ok || head.hash.size() != 64)
            return std::nullopt;
        c.chains[it.key()] = head;
    }
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
