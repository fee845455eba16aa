#include "core/config/SettingsEditor.h"

#include "core/audit/AuditLog.h"
#include "core/config/Keychain.h"
#include "core/config/SettingsModel.h"
#include "core/notify/SmsProvider.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pd {

namespace {
QString valueJson(const QVariant& value, const QString& source)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("value"), QJsonValue::fromVariant(value)},
                                                       {QStringLiteral("source"), source}})
                                 .toJson(QJsonDocument::Compact));
}

QString osUser()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}
} // namespace

SettingsEditor::SettingsEditor(SettingsModel& settings, std::shared_ptr<const Store> store)
    : m_settings(settings), m_store(std::move(store))
{
}

Result<SettingsApplyReport> SettingsEditor::apply(const Session& who, const QList<SettingChange>& changes) const
{
    if (!mayEdit(who.role))
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not change the desk's settings").arg(who.username)};
    return applyAs(who.userId, who.username, changes);
}

Result<SettingsApplyReport> SettingsEditor::applyFirstRun(const QList<SettingChange>& changes) const
{
    return applyAs(0, QStringLiteral("setup:") + osUser(), changes);
}

Result<SettingsApplyReport> SettingsEditor::applyAs(Id actorId, const QString& actor, const QList<SettingChange>& changes) const
{
    SettingsApplyReport report;
    QList<QPair<QString, QVariant>> values;
    QStringList resets;
    QList<SettingChange> secrets;
    struct Audited {
        QString key, action, before, after;
    };
    QList<Audited> audited;
    for (const SettingChange& c : changes) {
        const SettingSpec* spec = SettingsCatalog::find(c.key);
        if (!spec)
            return Error{QStringLiteral("setting-unknown"), QStringLiteral("%1: no such setting").arg(c.key)};
        if (spec->secret) {
            if (!c.reset && !c.value.toString().isEmpty())
                secrets.append(c);
            continue;
        }
        if (m_settings.isLocked(c.key))
            return Error{QStringLiteral("setting-locked"),
                         QStringLiteral("%1 is locked by the system configuration %2 and cannot be changed here")
                             .arg(c.key, m_settings.locations().systemFile)};
        const QVariant before = m_settings.value(c.key);
        const QString beforeSource = toString(m_settings.sourceOf(c.key));
        if (c.reset) {
            if (m_settings.layerValue(c.key, SettingSource::User).isValid()) {
                resets << c.key;
                // What applies afterwards: the system value or the default.
                QVariant after = m_settings.layerValue(c.key, SettingSource::System);
                const QString afterSource = after.isValid() ? QStringLiteral("system") : QStringLiteral("default");
                if (!after.isValid())
                    after = m_settings.layerValue(c.key, SettingSource::Default);
                audited.append({c.key, QStringLiteral("setting.reset"), valueJson(before, beforeSource), valueJson(after, afterSource)});
            }
            continue;
        }
        auto valid = SettingsCatalog::validate(c.key, c.value);
        if (!valid)
            return valid.error();
        const bool sameAsUser = m_settings.layerValue(c.key, SettingSource::User) == valid.value();
        if (sameAsUser)
            continue;
        values.append({c.key, valid.value()});
        if (valid.value() != before || m_settings.sourceOf(c.key) != SettingSource::User)
            audited.append({c.key, QStringLiteral("setting.change"), valueJson(before, beforeSource), valueJson(valid.value(), QStringLiteral("user"))});
    }

    if (!values.isEmpty() || !resets.isEmpty()) {
        try {
            const Database& db = m_store->db();
            Transaction tx(db);
            for (const Audited& a : audited) {
                AuditEvent e;
                e.actorId = actorId;
                e.actor = actor;
                e.action = a.action;
                e.objectType = QStringLiteral("setting");
                e.objectId = a.key;
                e.before = a.before;
                e.after = a.after;
                AuditLog(db).append(e);
            }
            // Last before the commit: a file that cannot be written rolls the audit back.
            const Status written = m_settings.change(values, resets);
            if (!written)
                return written.error();
            tx.commit();
        } catch (const StoreError& e) {
            return Error{e.code(), e.message()};
        }
        for (const auto& v : values)
            report.changed << v.first;
        report.changed << resets;
    }
    storeSecrets(actorId, actor, secrets, &report);
    return report;
}

void SettingsEditor::storeSecrets(Id actorId, const QString& actor, const QList<SettingChange>& secrets, SettingsApplyReport* report) const
{
    QString smsId, smsSecret;
    QList<QPair<QStringList, Status>> outcomes;
    for (const SettingChange& c : secrets) {
        if (c.key == QLatin1String(SettingKey::SmsAccessKeyId))
            smsId = c.value.toString();
        else if (c.key == QLatin1String(SettingKey::SmsAccessKeySecret))
            smsSecret = c.value.toString();
        else
            outcomes.append({{c.key}, Keychain::write(c.key, c.value.toString())});
    }
    if (!smsId.isEmpty() || !smsSecret.isEmpty()) {
        const QStringList keys{QLatin1String(SettingKey::SmsAccessKeyId), QLatin1String(SettingKey::SmsAccessKeySecret)};
        const auto provider = smsProviderKindFromString(m_settings.text(QLatin1String(SettingKey::SmsProvider)));
        if (!provider)
            outcomes.append({keys, Error{QStringLiteral("sms-provider-missing"), QStringLiteral("choose an SMS provider before its access key")}});
        else if (smsId.isEmpty() || smsSecret.isEmpty())
            outcomes.append({keys, Error{QStringLiteral("sms-credentials-missing"), QStringLiteral("the SMS access key needs both its id and its secret")}});
        else // the entry loadSmsCredentials() reads (core/notify/SmsCredentials.h)
            outcomes.append({keys, Keychain::write(QStringLiteral("sms/") + toString(*provider),
                                                   QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), smsId},
                                                                                               {QStringLiteral("secret"), smsSecret}})
                                                                         .toJson(QJsonDocument::Compact)))});
    }
    for (const auto& [keys, status] : outcomes) {
        if (!status) {
            QStringList variables;
            for (const QString& k : keys)
                if (const SettingSpec* s = SettingsCatalog::find(k))
                    variables << s->envVar;
            report->secretProblems.append(Error{status.error().code, QStringLiteral("%1: %2; set %3 instead")
                                                                         .arg(keys.join(QStringLiteral(", ")), status.error().message,
                                                                              variables.join(QStringLiteral(" and ")))});
            continue;
        }
        try {
            const Database& db = m_store->db();
            Transaction tx(db);
            for (const QString& key : keys) {
                AuditEvent e;
                e.actorId = actorId;
                e.actor = actor;
                e.action = QStringLiteral("setting.secret.change");
                e.objectType = QStringLiteral("setting");
                e.objectId = key;
                e.after = QStringLiteral("changed");
                AuditLog(db).append(e);
            }
            tx.commit();
            report->secretsStored << keys;
        } catch (const StoreError& e) {
            report->secretProblems.append(Error{e.code(), QStringLiteral("%1 stored, but not audited: %2").arg(keys.join(QStringLiteral(", ")), e.message())});
        }
    }
}

} // namespace pd
