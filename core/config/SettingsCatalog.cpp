#include "core/config/SettingsCatalog.h"

#include <QRegularExpression>
#include <QUrl>

namespace pd {

namespace {

SettingSpec text(const char* key, const char* description, const QString& def = {})
{
    SettingSpec s;
    s.key = QLatin1String(key);
    s.type = SettingType::Text;
    s.defaultValue = def;
    s.description = QLatin1String(description);
    return s;
}

SettingSpec typed(const char* key, SettingType type, const char* description, const QString& def = {})
{
    SettingSpec s = text(key, description, def);
    s.type = type;
    return s;
}

SettingSpec choice(const char* key, QStringList choices, const char* description)
{
    SettingSpec s = text(key, description, choices.value(0));
    s.type = SettingType::Choice;
    s.choices = std::move(choices);
    return s;
}

SettingSpec integer(const char* key, int def, int minimum, int maximum, const char* description)
{
    SettingSpec s = text(key, description);
    s.type = SettingType::Integer;
    s.defaultValue = def;
    s.minimum = minimum;
    s.maximum = maximum;
    return s;
}

SettingSpec secret(const char* key, const char* envVar, const char* description)
{
    SettingSpec s = text(key, description);
    s.secret = true;
    s.envVar = QLatin1String(envVar);
    return s;
}

std::vector<SettingSpec> build()
{
    using K = SettingKey;
    return {
        choice(K::DatabaseMode, {QStringLiteral("embedded"), QStringLiteral("team")},
               "embedded: one SQLite file on this desk; team: a PostgreSQL server shared by every desk"),
        typed(K::DatabasePath, SettingType::Path, "SQLite file of the embedded store (empty: photodesk.sqlite in the user's data folder)"),
        typed(K::DatabaseUrl, SettingType::Url, "team store: postgresql://USER@HOST[:PORT]/NAME, without the password"),
        typed(K::DatabaseBlobDir, SettingType::Path,
              "folder of the photo files (empty: beside the SQLite file; team mode: $PHOTODESK_BLOB_DIR or ~/.local/share/photodesk/blobs)"),
        secret(K::DatabasePassword, "PHOTODESK_DB_PASSWORD", "team store password (keychain entry database/password)"),
        typed(K::PlatformUrl, SettingType::Url, "collection platform base URL, http(s) (empty: no platform sync)"),
        secret(K::PlatformToken, "PHOTODESK_PLATFORM_TOKEN", "platform access token (keychain entry platform/token)"),
        typed(K::PlatformCaFile, SettingType::Path, "PEM file of an extra CA for the platform's certificate (e.g. a campus CA)"),
        text(K::PlatformPinnedCert, "hex SHA-256 of the platform's certificate (DER) to pin; empty: CAs only"),
        integer(K::SyncIntervalMinutes, 5, 1, 24 * 60, "minutes between background platform syncs"),
        choice(K::SmsProvider, {QStringLiteral("none"), QStringLiteral("aliyun"), QStringLiteral("tencent"), QStringLiteral("generic")},
               "SMS gateway: none, aliyun, tencent or generic"),
        typed(K::SmsEndpoint, SettingType::Url, "SMS gateway URL (empty: the provider's public endpoint; required for generic)"),
        text(K::SmsRegion, "Aliyun RegionId / Tencent region (empty: the provider's default)"),
        text(K::SmsSdkAppId, "Tencent SmsSdkAppId (empty: 1400000000, the stand-in's)"),
        text(K::SmsTemplateApproved, "provider template code for approvals (empty: SMS_100001 / 100001)"),
        text(K::SmsTemplateRejected, "provider template code for rejections (empty: SMS_100002 / 100002)"),
        text(K::SmsSignName, "the school's registered SMS signature, without 【】 (empty: the one in the SMS templates)"),
        secret(K::SmsAccessKeyId, "PHOTODESK_SMS_ACCESS_KEY_ID", "SMS access key id (keychain entry sms/<provider>)"),
        secret(K::SmsAccessKeySecret, "PHOTODESK_SMS_ACCESS_KEY_SECRET", "SMS access key secret (keychain entry sms/<provider>)"),
        text(K::SchoolName, "the school's name, shown in the window title"),
        choice(K::UiLanguage, {QStringLiteral("zh_CN"), QStringLiteral("en")}, "interface language"),
        choice(K::LogLevel, {QStringLiteral("info"), QStringLiteral("debug"), QStringLiteral("warning"), QStringLiteral("error")},
               "lowest level written to the log"),
    };
}

Error invalid(const QString& key, const QString& why)
{
    return Error{QStringLiteral("setting-invalid"), QStringLiteral("%1: %2").arg(key, why)};
}

// The checks that go beyond the type.
QString extraProblem(const QString& key, const QString& value)
{
    if (value.isEmpty())
        return {};
    if (key == QLatin1String(SettingKey::DatabaseUrl)) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
            return QStringLiteral("expects postgresql://USER@HOST[:PORT]/NAME");
        if (url.host().isEmpty() || url.path().size() < 2)
            return QStringLiteral("needs a host and a database name (postgresql://USER@HOST[:PORT]/NAME)");
        if (!url.password().isEmpty())
            return QStringLiteral("must not contain the password: it goes to the desktop keychain (database/password) or $PHOTODESK_DB_PASSWORD");
        return {};
    }
    if (key == QLatin1String(SettingKey::PlatformUrl) || key == QLatin1String(SettingKey::SmsEndpoint)) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return QStringLiteral("expects an http(s) URL");
        if (!url.userInfo().isEmpty())
            return QStringLiteral("must not carry credentials in the URL");
        return {};
    }
    if (key == QLatin1String(SettingKey::PlatformPinnedCert)) {
        static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
        return hex.match(value).hasMatch() ? QString() : QStringLiteral("expects 64 hexadecimal digits (SHA-256)");
    }
    if (key == QLatin1String(SettingKey::SmsSignName)) {
        if (value.contains(QStringLiteral("【")) || value.contains(QStringLiteral("】")))
            return QStringLiteral("write the signature without 【】 (they are added)");
        if (value.size() < 2 || value.size() > 16)
            return QStringLiteral("a registered SMS signature has 2 to 16 characters");
        return {};
    }
    if (key == QLatin1String(SettingKey::SchoolName) && value.size() > 60)
        return QStringLiteral("at most 60 characters");
    return {};
}

} // namespace

const std::vector<SettingSpec>& SettingsCatalog::all()
{
    static const std::vector<SettingSpec> specs = build();
    return specs;
}

const SettingSpec* SettingsCatalog::find(const QString& key)
{
    for (const SettingSpec& s : all())
        if (s.key == key)
            return &s;
    return nullptr;
}

bool SettingsCatalog::isSecret(const QString& key)
{
    const SettingSpec* s = find(key);
    return s && s->secret;
}

Result<QVariant> SettingsCatalog::validate(const QString& key, const QVariant& raw)
{
    const SettingSpec* spec = find(key);
    if (!spec)
        return Error{QStringLiteral("setting-unknown"), QStringLiteral("%1: no such setting").arg(key)};
    // A list is what QSettings makes of an unquoted value with commas in an INI file.
    const QString textValue = (raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(QStringLiteral(", ")) : raw.toString()).trimmed();
    switch (spec->type) {
    case SettingType::Integer: {
        bool ok = false;
        const int v = raw.typeId() == QMetaType::Int ? raw.toInt(&ok) : textValue.toInt(&ok);
        if (!ok)
            return invalid(key, QStringLiteral("expects a whole number, got \"%1\"").arg(textValue));
        if (v < spec->minimum || v > spec->maximum)
            return invalid(key, QStringLiteral("expects %1 to %2, got %3").arg(spec->minimum).arg(spec->maximum).arg(v));
        return QVariant(v);
    }
    case SettingType::Choice:
        if (!spec->choices.contains(textValue))
            return invalid(key, QStringLiteral("expects one of %1, got \"%2\"").arg(spec->choices.join(QStringLiteral(", ")), textValue));
        return QVariant(textValue);
    case SettingType::Text:
    case SettingType::Url:
    case SettingType::Path:
        if (textValue.contains(QLatin1Char('\n')))
            return invalid(key, QStringLiteral("must be one line"));
        if (const QString problem = extraProblem(key, textValue); !problem.isEmpty())
            return invalid(key, problem);
        return QVariant(textValue);
    }
    return invalid(key, QStringLiteral("unsupported type"));
}

} // namespace pd
