#include "core/notify/SmsTemplates.h"

#include "core/audit/AuditLog.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QJsonDocument>
#include <QMutex>

namespace pd {

namespace {
QVariant storedValue(const Database& db)
{
    return Sql(db, QStringLiteral("SELECT value FROM settings WHERE key = :k"))
        .bind(QStringLiteral(":k"), QLatin1String(SmsTemplates::kSettingKey))
        .scalar();
}
} // namespace

namespace {
QMutex g_signNameMutex;
QString g_signName;

SmsComposer signedWithOverride(const SmsComposer& composer, QString* problem)
{
    const QString signName = SmsTemplates::signNameOverride();
    if (signName.isEmpty())
        return composer;
    auto resigned = composer.withSignName(signName);
    if (resigned)
        return resigned.value();
    if (problem)
        *problem = resigned.error().message;
    return composer;
}
} // namespace

void SmsTemplates::setSignNameOverride(const QString& signName)
{
    QMutexLocker lock(&g_signNameMutex);
    g_signName = signName.trimmed();
}

QString SmsTemplates::signNameOverride()
{
    QMutexLocker lock(&g_signNameMutex);
    return g_signName;
}

SmsComposer SmsTemplates::effective(QString* problem) const
{
    try {
        const QVariant stored = storedValue(m_store->db());
        if (!stored.isValid())
            return signedWithOverride(SmsComposer::builtIn(), problem);
        auto parsed = SmsComposer::fromJson(stored.toString().toUtf8());
        if (parsed)
            return signedWithOverride(parsed.value(), problem);
        if (problem)
            *problem = parsed.error().message;
    } catch (const StoreError& e) {
        if (problem)
            *problem = e.message();
    }
    return signedWithOverride(SmsComposer::builtIn(), problem);
}

Result<std::pair<QByteArray, bool>> SmsTemplates::current() const
{
    try {
        const QVariant stored = storedValue(m_store->db());
        if (stored.isValid())
            return std::pair<QByteArray, bool>{stored.toString().toUtf8(), true};
        return std::pair<QByteArray, bool>{SmsComposer::builtIn().toJson(), false};
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Status SmsTemplates::save(const Session& who, const QByteArray& json) const
{
    auto parsed = SmsComposer::fromJson(json);
    if (!parsed)
        return Error{QStringLiteral("templates-invalid"), parsed.error().message};
    return write(who, &json);
}

Status SmsTemplates::reset(const Session& who) const
{
    return write(who, nullptr);
}

Status SmsTemplates::write(const Session& who, const QByteArray* json) const
{
    if (!mayEdit(who.role))
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not edit the SMS templates").arg(who.username)};
    const Database& db = m_store->db();
    try {
        Transaction tx(db);
        const QVariant before = storedValue(db);
        Sql(db, QStringLiteral("DELETE FROM settings WHERE key = :k")).bind(QStringLiteral(":k"), QLatin1String(kSettingKey)).exec();
        if (json) {
            Sql(db, QStringLiteral("INSERT INTO settings (key, value, updated_at, updated_by) VALUES (:k, :v, :t, :u)"))
                .bind(QStringLiteral(":k"), QLatin1String(kSettingKey))
                .bind(QStringLiteral(":v"), QString::fromUtf8(*json))
                .bind(QStringLiteral(":t"), toDbTime(utcNow()))
                .bind(QStringLiteral(":u"), who.userId ? QVariant(who.userId) : QVariant(QMetaType(QMetaType::LongLong)))
                .exec();
        }
        AuditEvent e;
        e.actorId = who.userId;
        e.actor = who.username;
        e.action = json ? QStringLiteral("templates.change") : QStringLiteral("templates.reset");
        e.objectType = QStringLiteral("setting");
        e.objectId = QLatin1String(kSettingKey);
        e.before = before.isValid() ? before.toString() : QStringLiteral("built-in");
        e.after = json ? QString::fromUtf8(*json) : QStringLiteral("built-in");
        AuditLog(db).append(e);
        tx.commit();
        return okStatus();
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
