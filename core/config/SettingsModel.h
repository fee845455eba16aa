#pragma once

#include "core/config/SettingsCatalog.h"
#include "core/util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace pd {

// Where an effective value comes from, lowest first.
enum class SettingSource { Default, System, User, CommandLine, Environment };
QString toString(SettingSource s); // "default", "system", "user", "command-line", "environment"

// The two files. Tests point them elsewhere with PHOTODESK_SYSTEM_CONFIG (a file) and
// PHOTODESK_CONFIG_DIR (the folder of the user's photodesk.conf).
struct SettingsLocations {
    QString systemFile; // /etc/photodesk/photodesk.conf
    QString userFile;   // ~/.config/photodesk/photodesk.conf
    static SettingsLocations standard();
};

struct EffectiveSetting {
    QString key;
    QVariant value;
    SettingSource source = SettingSource::Default;
    bool locked = false;
};

// The desk's settings in layers: built-in defaults (SettingsCatalog) < the system file an
// administrator deploys < the user's own file < the command line (this run only, never written).
// The system file may lock keys ("locked = database/url, platform/url" in its [General] part):
// a user value for a locked key is ignored (and listed in problems()), and setting it is refused.
// Both files are INI ("[platform]\nurl=https://…"), UTF-8.
//
// Secrets (SettingSpec::secret) never live in these files: a secret found in one is ignored and
// reported, writing one is refused (setting-secret). They come from the command line (this run),
// the environment (SettingSpec::envVar) or the desktop keychain (core/config/Keychain.h).
//
// Thread-safe: reads may happen on any thread (e.g. the diagnostics export); writes and
// reload() are meant for the UI thread, which receives changed().
class SettingsModel : public QObject {
    Q_OBJECT
public:
    explicit SettingsModel(SettingsLocations locations = SettingsLocations::standard(), QObject* parent = nullptr);

    const SettingsLocations& locations() const { return m_locations; }
    // Re-reads both files (emits changed() with the keys whose effective value changed).
    void reload();
    // What was wrong in the files (invalid or unknown keys, secrets in clear, overridden locks):
    // "FILE: KEY: why". Such entries are ignored, never half-applied.
    QStringList problems() const;
    // False on a desk nobody has configured yet (neither file exists): the first-run wizard.
    bool hasConfiguration() const;

    // The effective value of a non-secret key (QString, int for integers); for a secret only
    // what the command line or the environment give (the keychain is read by Keychain.h).
    QVariant value(const QString& key) const;
    QString text(const QString& key) const { return value(key).toString(); }
    int integer(const QString& key) const { return value(key).toInt(); }
    SettingSource sourceOf(const QString& key) const;
    bool isLocked(const QString& key) const;
    QStringList lockedKeys() const;
    // The value one layer holds (invalid QVariant: none), e.g. the system value beside the user's.
    QVariant layerValue(const QString& key, SettingSource layer) const;

    // The user's file, written at once (atomically). Error codes: setting-unknown,
    // setting-invalid, setting-locked, setting-secret, settings-write. All or nothing.
    Status set(const QString& key, const QVariant& value);
    Status setValues(const QList<QPair<QString, QVariant>>& values);
    // Removes the user's value (back to the system value or the default).
    Status reset(const QString& key);
    // Both at once, in one write of the file (all or nothing).
    Status change(const QList<QPair<QString, QVariant>>& values, const QStringList& resets);
    // This run only, above every file, never written; secrets allowed (held in memory).
    Status setOverride(const QString& key, const QVariant& value);

    // Every non-secret key with its effective value and source — never a secret — for the
    // settings dialog and the diagnostics bundle.
    std::vector<EffectiveSetting> effectiveValues() const;
    // The same as {"key": {"value": …, "source": "…", "locked": bool}}, plus "secrets":
    // {"key": "command-line" | "environment" | "not in environment"} (where, never what).
    QJsonObject effectiveJson() const;

    // A secret from the command line or the environment (empty: ask the keychain).
    QString secret(const QString& key) const;
    QString secretSource(const QString& key) const;

    // The store the desk opens: database/url in team mode, else database/path or
    // <user data folder>/photodesk.sqlite (core/util/Paths.h defaultDatabasePath()).
    QString databaseLocation() const;
    // core/util/Paths.h userDataDir(): $PHOTODESK_DATA_DIR or ~/.local/share/photodesk (the
    // default database, the session markers, the logs — everything that is the user's).
    static QString userDataDir();

    // A settings file of an earlier PhotoDesk (QSettings' default location: ui/language,
    // platform/url, sms/provider, sms/endpoint): copied into the user's file once, when that
    // does not exist yet. Returns the keys taken over.
    QStringList importLegacy(const QString& legacyFile);

signals:
    void changed(const QStringList& keys);

private:
    struct Layer {
        QHash<QString, QVariant> values;
        bool exists = false;
    };
    Layer readFile(const QString& path, bool system, QStringList* problems, QSet<QString>* locked) const;
    Status writeUser(const QHash<QString, QVariant>& updates, const QSet<QString>& removals);
    QHash<QString, QVariant> snapshotLocked() const; // effective values, m_mutex held
    QVariant effectiveLocked(const QString& key, SettingSource* source) const;
    void emitDifferences(const QHash<QString, QVariant>& before);

    SettingsLocations m_locations;
    mutable QMutex m_mutex;
    Layer m_system;
    Layer m_user;
    QHash<QString, QVariant> m_overrides;
    QSet<QString> m_locked;
    QStringList m_problems;
};

} // namespace pd
