#include "core/review/CleanLaneSettings.h"

#include "core/audit/AuditLog.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pd {

namespace {
const QString kEnabled = QStringLiteral("enabled");
const QString kPageSize = QStringLiteral("page_size");

Error invalid(const QString& message)
{
    return Error{QStringLiteral("invalid-setting"), message};
}

QVariant storedValue(const Database& db)
{
    return Sql(db, QStringLiteral("SELECT value FROM settings WHERE key = :k"))
        .bind(QStringLiteral(":k"), QLatin1String(CleanLaneSettings::kSettingKey))
        .scalar();
}
} // namespace

QByteArray CleanLaneConfig::toJson() const
{
    return QJsonDocument(QJsonObject{{kEnabled, enabled}, {kPageSize, pageSize}}).toJson(QJsonDocument::Compact);
}

Result<CleanLaneConfig> CleanLaneConfig::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(QStringLiteral("the clean-lane setting is not a JSON object"));
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != kEnabled && it.key() != kPageSize)
            return invalid(QStringLiteral("unknown field %1 in the clean-lane setting").arg(it.key()));
    }
    CleanLaneConfig c;
    if (o.contains(kEnabled)) {
        if (!o.value(kEnabled).isBool())
            return invalid(QStringLiteral("enabled must be true or false"));
        c.enabled = o.value(kEnabled).toBool();
    }
    if (o.contains(kPageSize)) {
        const QJsonValue v = o.value(kPageSize);
        if (!v.isDouble() || v.toDouble() != double(v.toInt()))
            return invalid(QStringLiteral("page_size must be a whole number"));
        c.pageSize = v.toInt();
    }
    if (c.pageSize < kMinPageSize || c.pageSize > kMaxPageSize)
        return invalid(QStringLiteral("page_size must be between %1 and %2").arg(kMinPageSize).arg(kMaxPageSize));
    return c;
}

Result<CleanLaneConfig> CleanLaneSettings::current() const
{
    try {
        const QVariant stored = storedValue(m_store->db());
        if (!stored.isValid() || stored.isNull())
            return CleanLaneConfig{};
        return CleanLaneConfig::fromJson(stored.toString().toUtf8());
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Status CleanLaneSettings::save(const Session& who, const CleanLaneConfig& config) const
{
    if (!mayEdit(who.role))
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not change the clean-lane setting").arg(who.username)};
    // The same validation as reading it back: nothing is stored that current() would refuse.
    auto checked = CleanLaneConfig::fromJson(config.toJson());
    if (!checked)
        return checked.error();
    const Database& db = m_store->db();
    try {
        Transaction tx(db);
        const QVariant before = storedValue(db);
        Sql(db, QStringLiteral("DELETE FROM settings WHERE key = :k")).bind(QStringLiteral(":k"), QLatin1String(kSettingKey)).exec();
        Sql(db, QStringLiteral("INSERT INTO settings (key, value, updated_at, updated_by) VALUES (:k, :v, :t, :u)"))
            .bind(QStringLiteral(":k"), QLatin1String(kSettingKey))
            .bind(QStringLiteral(":v"), QString::fromUtf8(config.toJson()))
            .bind(QStringLiteral(":t"), toDbTime(utcNow()))
            .bind(QStringLiteral(":u"), who.userId ? QVariant(who.userId) : QVariant(QMetaType(QMetaType::LongLong)))
            .exec();
        AuditEvent e;
        e.actorId = who.userId;
        e.actor = who.username;
        e.action = QStringLiteral("setting.change");
        e.objectType = QStringLiteral("setting");
        e.objectId = QLatin1String(kSettingKey);
        // Before: what was stored, or the default in force when nothing was.
        e.before = before.isValid() && !before.isNull() ? before.toString() : QString::fromUtf8(CleanLaneConfig{}.toJson());
        e.after = QString::fromUtf8(config.toJson());
        AuditLog(db).append(e);
        tx.commit();
        return okStatus();
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
