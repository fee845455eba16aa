#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace pd {

// The keys of the settings model, as written in the files ("[platform] url=…" is platform/url).
// One list, so code, the dialog, the wizard, diagnostics and docs/configuration.md agree.
struct SettingKey {
    static constexpr auto DatabaseMode = "database/mode";         // embedded | team
    static constexpr auto DatabasePath = "database/path";         // SQLite file (embedded)
    static constexpr auto DatabaseUrl = "database/url";           // postgresql://user@host[:port]/name (team)
    static constexpr auto DatabaseBlobDir = "database/blob_dir";  // photo folder
    static constexpr auto DatabasePassword = "database/password"; // secret
    static constexpr auto PlatformUrl = "platform/url";
    static constexpr auto PlatformToken = "platform/token";       // secret
    static constexpr auto PlatformCaFile = "platform/ca_file";
    static constexpr auto PlatformPinnedCert = "platform/pinned_cert_sha256";
    static constexpr auto SyncIntervalMinutes = "sync/interval_minutes";
    static constexpr auto SmsProvider = "sms/provider";           // none | aliyun | tencent | generic
    static constexpr auto SmsEndpoint = "sms/endpoint";
    static constexpr auto SmsRegion = "sms/region";
    static constexpr auto SmsSdkAppId = "sms/sdk_app_id";
    static constexpr auto SmsTemplateApproved = "sms/template_approved";
    static constexpr auto SmsTemplateRejected = "sms/template_rejected";
    static constexpr auto SmsSignName = "sms/sign_name";          // the school's registered SMS signature
    static constexpr auto SmsAccessKeyId = "sms/access_key_id";   // secret
    static constexpr auto SmsAccessKeySecret = "sms/access_key_secret"; // secret
    static constexpr auto SchoolName = "school/name";
    static constexpr auto UiLanguage = "ui/language";
    static constexpr auto LogLevel = "log/level";                 // debug | info | warning | error
};

enum class SettingType { Text, Integer, Choice, Url, Path };

struct SettingSpec {
    QString key;
    SettingType type = SettingType::Text;
    QVariant defaultValue;  // QString, or int for Integer
    bool secret = false;    // never in a settings file: the environment (envVar) or the desktop keychain
    QString envVar;         // secrets: the environment variable that supplies it
    QStringList choices;    // Choice
    int minimum = 0;        // Integer
    int maximum = 0;
    QString description;    // English, one line (docs, diagnostics; the GUI has its own translated labels)
};

// The typed catalogue of every setting: type, default, validation, secret or not.
class SettingsCatalog {
public:
    static const std::vector<SettingSpec>& all();
    static const SettingSpec* find(const QString& key);
    static bool isSecret(const QString& key);

    // The value in its stored form (QString; int for Integer), or an error naming the key:
    // setting-unknown (not in the catalogue), setting-invalid (wrong type, out of range, not a
    // choice, a URL of the wrong scheme, a database URL with a password in it …).
    static Result<QVariant> validate(const QString& key, const QVariant& raw);
};

} // namespace pd
