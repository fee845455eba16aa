#include "core/config/SettingsModel.h"

#include "core/util/Paths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>

namespace pd {

namespace {
constexpr auto kLockedKey = "locked";

QString problem(const QString& file, const QString& key, const QString& why)
{
    return QStringLiteral("%1: %2: %3").arg(file, key, why);
}

// A value as the files hold it (QSettings INI writes everything as text).
QVariant fileForm(const QVariant& v)
{
    return v.typeId() == QMetaType::Int ? QVariant(QString::number(v.toInt())) : v;
}
} // namespace

QString toString(SettingSource s)
{
    switch (s) {
    case SettingSource::Default: return QStringLiteral("default");
    case SettingSource::System: return QStringLiteral("system");
    case SettingSource::User: return QStringLiteral("user");
    case SettingSource::CommandLine: return QStringLiteral("command-line");
    case SettingSource::Environment: return QStringLiteral("environment");
    }
    return {};
}

SettingsLocations SettingsLocations::standard()
{
    SettingsLocations l;
    l.systemFile = qEnvironmentVariable("PHOTODESK_SYSTEM_CONFIG", QStringLiteral("/etc/photodesk/photodesk.conf"));
    QString dir = qEnvironmentVariable("PHOTODESK_CONFIG_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/photodesk");
    l.userFile = dir + QStringLiteral("/photodesk.conf");
    return l;
}

QString SettingsModel::userDataDir()
{
    return pd::userDataDir();
}

SettingsModel::SettingsModel(SettingsLocations locations, QObject* parent) : QObject(parent), m_locations(std::move(locations))
{
    reload();
}

SettingsModel::Layer SettingsModel::readFile(const QString& path, bool system, QStringList* problems, QSet<QString>* locked) const
{
    Layer layer;
    if (path.isEmpty() || !QFileInfo::exists(path))
        return layer;
    layer.exists = true;
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError) {
        problems->append(problem(path, QStringLiteral("*"), QStringLiteral("the file cannot be read (format error); all of it is ignored")));
        return layer;
    }
    for (const QString& key : file.allKeys()) {
        const QVariant raw = file.value(key);
        if (key == QLatin1String(kLockedKey)) {
            if (!system) {
                problems->append(problem(path, key, QStringLiteral("only the system file can lock settings; ignored")));
                continue;
            }
            const QStringList names = raw.typeId() == QMetaType::QStringList ? raw.toStringList() : raw.toString().split(QLatin1Char(','));
            for (QString name : names) {
                name = name.trimmed();
                if (name.isEmpty())
                    continue;
                if (!SettingsCatalog::find(name))
                    problems->append(problem(path, name, QStringLiteral("locked, but there is no such setting")));
                else
                    locked->insert(name);
            }
            continue;
        }
        // QSettings takes "# name = value" (a commented-out line of a conf file) for a key.
        const QString leaf = key.section(QLatin1Char('/'), -1);
        if (leaf.startsWith(QLatin1Char('#')) || leaf.startsWith(QLatin1Char(';')))
            continue;
        const SettingSpec* spec = SettingsCatalog::find(key);
        if (!spec) {
            problems->append(problem(path, key, QStringLiteral("no such setting; ignored")));
            continue;
        }
        if (spec->secret) {
            problems->append(problem(path, key,
                                     QStringLiteral("a secret written in clear is ignored: store it in the desktop keychain or set %1")
                                         .arg(spec->envVar)));
            continue;
        }
        auto valid = SettingsCatalog::validate(key, raw);
        if (!valid) {
            problems->append(QStringLiteral("%1: %2 (ignored)").arg(path, valid.error().message));
            continue;
        }
        layer.values.insert(key, valid.value());
    }
    return layer;
}

void SettingsModel::reload()
{
    QStringList problems;
    QSet<QString> locked;
    Layer system = readFile(m_locations.systemFile, true, &problems, &locked);
    QSet<QString> ignoredLocks;
    Layer user = readFile(m_locations.userFile, false, &problems, &ignoredLocks);
    for (const QString& key : std::as_const(locked)) {
        if (user.values.contains(key)) {
            problems.append(problem(m_locations.userFile, key,
                                    QStringLiteral("locked by %1: the user's value is ignored").arg(m_locations.systemFile)));
            user.values.remove(key);
        }
    }
    QHash<QString, QVariant> before;
    {
        QMutexLocker lock(&m_mutex);
        before = snapshotLocked();
        m_system = std::move(system);
        m_user = std::move(user);
        m_locked = std::move(locked);
        m_problems = std::move(problems);
    }
    emitDifferences(before);
}

QStringList SettingsModel::problems() const
{
    QMutexLocker lock(&m_mutex);
    return m_problems;
}

bool SettingsModel::hasConfiguration() const
{
    QMutexLocker lock(&m_mutex);
    if (m_system.exists)
        return true;
    // The language picked at the sign-in screen alone does not make a configured desk.
    for (auto it = m_user.values.constBegin(); it != m_user.values.constEnd(); ++it)
        if (it.key() != QLatin1String(SettingKey::UiLanguage))
            return true;
    return false;
}

QVariant SettingsModel::effectiveLocked(const QString& key, SettingSource* source) const
{
    const SettingSpec* spec = SettingsCatalog::find(key);
    auto from = [source](SettingSource s, const QVariant& v) {
        if (source)
            *source = s;
        return v;
    };
    if (!spec)
        return from(SettingSource::Default, {});
    if (auto it = m_overrides.constFind(key); it != m_overrides.constEnd())
        return from(SettingSource::CommandLine, *it);
    if (spec->secret) {
        const QString env = qEnvironmentVariable(qPrintable(spec->envVar));
        if (!env.isEmpty())
            return from(SettingSource::Environment, env);
        return from(SettingSource::Default, QString());
    }
    if (!m_locked.contains(key))
        if (auto it = m_user.values.constFind(key); it != m_user.values.constEnd())
            return from(SettingSource::User, *it);
    if (auto it = m_system.values.constFind(key); it != m_system.values.constEnd())
        return from(SettingSource::System, *it);
    return from(SettingSource::Default, spec->defaultValue);
}

QVariant SettingsModel::value(const QString& key) const
{
    QMutexLocker lock(&m_mutex);
    return effectiveLocked(key, nullptr);
}

SettingSource SettingsModel::sourceOf(const QString& key) const
{
    QMutexLocker lock(&m_mutex);
    SettingSource s = SettingSource::Default;
    effectiveLocked(key, &s);
    return s;
}

bool SettingsModel::isLocked(const QString& key) const
{
    QMutexLocker lock(&m_mutex);
    return m_locked.contains(key);
}

QStringList SettingsModel::lockedKeys() const
{
    QMutexLocker lock(&m_mutex);
    QStringList keys(m_locked.cbegin(), m_locked.cend());
    keys.sort();
    return keys;
}

QVariant SettingsModel::layerValue(const QString& key, SettingSource layer) const
{
    QMutexLocker lock(&m_mutex);
    switch (layer) {
    case SettingSource::Default:
        if (const SettingSpec* s = SettingsCatalog::find(key))
            return s->defaultValue;
        return {};
    case SettingSource::System: return m_system.values.value(key);
    case SettingSource::User: return m_user.values.value(key);
    case SettingSource::CommandLine: return m_overrides.value(key);
    case SettingSource::Environment:
        if (const SettingSpec* s = SettingsCatalog::find(key); s && !s->envVar.isEmpty() && qEnvironmentVariableIsSet(qPrintable(s->envVar)))
            return qEnvironmentVariable(qPrintable(s->envVar));
        return {};
    }
    return {};
}

Status SettingsModel::set(const QString& key, const QVariant& value)
{
    return setValues({{key, value}});
}

Status SettingsModel::setValues(const QList<QPair<QString, QVariant>>& values)
{
    return change(values, {});
}

Status SettingsModel::reset(const QString& key)
{
    return change({}, {key});
}

Status SettingsModel::change(const QList<QPair<QString, QVariant>>& values, const QStringList& resets)
{
    QHash<QString, QVariant> updates;
    QSet<QString> removals;
    {
        QMutexLocker lock(&m_mutex);
        auto writable = [this](const QString& key) -> Status {
            const SettingSpec* spec = SettingsCatalog::find(key);
            if (!spec)
                return Error{QStringLiteral("setting-unknown"), QStringLiteral("%1: no such setting").arg(key)};
            if (spec->secret)
                return Error{QStringLiteral("setting-secret"),
                             QStringLiteral("%1 is a secret and is never written to a settings file: store it in the desktop keychain or set %2")
                                 .arg(key, spec->envVar)};
            if (m_locked.contains(key))
                return Error{QStringLiteral("setting-locked"),
                             QStringLiteral("%1 is locked by the system configuration %2 and cannot be changed here")
                                 .arg(key, m_locations.systemFile)};
            return okStatus();
        };
        for (const auto& [key, raw] : values) {
            if (Status ok = writable(key); !ok)
                return ok;
            auto valid = SettingsCatalog::validate(key, raw);
            if (!valid)
                return valid.error();
            updates.insert(key, valid.value());
        }
        for (const QString& key : resets) {
            if (Status ok = writable(key); !ok)
                return ok;
            removals.insert(key);
        }
    }
    return writeUser(updates, removals);
}

Status SettingsModel::writeUser(const QHash<QString, QVariant>& updates, const QSet<QString>& removals)
{
    const QString path = m_locations.userFile;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{QStringLiteral("settings-write"), QStringLiteral("cannot create the folder of %1").arg(path)};
    QHash<QString, QVariant> before;
    {
        QMutexLocker lock(&m_mutex);
        before = snapshotLocked();
        QSettings file(path, QSettings::IniFormat);
        for (auto it = updates.constBegin(); it != updates.constEnd(); ++it)
            file.setValue(it.key(), fileForm(it.value()));
        for (const QString& key : removals)
            file.remove(key);
        // A secret someone wrote into the file by hand does not stay there once we write it.
        for (const QString& key : file.allKeys())
            if (SettingsCatalog::isSecret(key))
                file.remove(key);
        file.sync(); // QSettings writes INI files through QSaveFile: a crash leaves the old file
        if (file.status() != QSettings::NoError)
            return Error{QStringLiteral("settings-write"), QStringLiteral("cannot write %1").arg(path)};
        for (auto it = updates.constBegin(); it != updates.constEnd(); ++it)
            m_user.values.insert(it.key(), it.value());
        for (const QString& key : removals)
            m_user.values.remove(key);
        m_user.exists = true;
    }
    emitDifferences(before);
    return okStatus();
}

Status SettingsModel::setOverride(const QString& key, const QVariant& value)
{
    const SettingSpec* spec = SettingsCatalog::find(key);
    if (!spec)
        return Error{QStringLiteral("setting-unknown"), QStringLiteral("%1: no such setting").arg(key)};
    QVariant stored = value;
    if (!spec->secret) {
        auto valid = SettingsCatalog::validate(key, value);
        if (!valid)
            return valid.error();
        stored = valid.value();
    }
    QHash<QString, QVariant> before;
    {
        QMutexLocker lock(&m_mutex);
        before = snapshotLocked();
        m_overrides.insert(key, stored);
    }
    emitDifferences(before);
    return okStatus();
}

QHash<QString, QVariant> SettingsModel::snapshotLocked() const
{
    QHash<QString, QVariant> values;
    for (const SettingSpec& spec : SettingsCatalog::all()) {
        SettingSource source = SettingSource::Default;
        const QVariant v = effectiveLocked(spec.key, &source);
        // Secrets compare by presence only: their values never leave this class this way.
        values.insert(spec.key, spec.secret ? QVariant(toString(source) + (v.toString().isEmpty() ? QString() : QStringLiteral(":set"))) : v);
    }
    return values;
}

void SettingsModel::emitDifferences(const QHash<QString, QVariant>& before)
{
    QHash<QString, QVariant> after;
    {
        QMutexLocker lock(&m_mutex);
        after = snapshotLocked();
    }
    QStringList keys;
    for (const SettingSpec& spec : SettingsCatalog::all())
        if (before.value(spec.key) != after.value(spec.key))
            keys << spec.key;
    if (!keys.isEmpty())
        emit changed(keys);
}

std::vector<EffectiveSetting> SettingsModel::effectiveValues() const
{
    QMutexLocker lock(&m_mutex);
    std::vector<EffectiveSetting> result;
    for (const SettingSpec& spec : SettingsCatalog::all()) {
        if (spec.secret)
            continue;
        EffectiveSetting e;
        e.key = spec.key;
        e.value = effectiveLocked(spec.key, &e.source);
        e.locked = m_locked.contains(spec.key);
        result.push_back(std::move(e));
    }
    return result;
}

QJsonObject SettingsModel::effectiveJson() const
{
    QJsonObject values;
    for (const EffectiveSetting& e : effectiveValues())
        values.insert(e.key, QJsonObject{{QStringLiteral("value"), QJsonValue::fromVariant(e.value)},
                                         {QStringLiteral("source"), toString(e.source)},
                                         {QStringLiteral("locked"), e.locked}});
    QJsonObject secrets;
    for (const SettingSpec& spec : SettingsCatalog::all())
        if (spec.secret)
            secrets.insert(spec.key, secretSource(spec.key));
    values.insert(QStringLiteral("secrets"), secrets);
    return values;
}

QString SettingsModel::secret(const QString& key) const
{
    QMutexLocker lock(&m_mutex);
    return SettingsCatalog::isSecret(key) ? effectiveLocked(key, nullptr).toString() : QString();
}

QString SettingsModel::secretSource(const QString& key) const
{
    QMutexLocker lock(&m_mutex);
    SettingSource source = SettingSource::Default;
    const QString v = effectiveLocked(key, &source).toString();
    return v.isEmpty() ? QStringLiteral("not in environment") : toString(source);
}

QString SettingsModel::databaseLocation() const
{
    if (text(QLatin1String(SettingKey::DatabaseMode)) == QLatin1String("team"))
        return text(QLatin1String(SettingKey::DatabaseUrl));
    const QString path = text(QLatin1String(SettingKey::DatabasePath));
    return path.isEmpty() ? defaultDatabasePath() : path;
}

QStringList SettingsModel::importLegacy(const QString& legacyFile)
{
    if (legacyFile.isEmpty() || !QFileInfo::exists(legacyFile) || QFileInfo::exists(m_locations.userFile)
        || QFileInfo(legacyFile).absoluteFilePath() == QFileInfo(m_locations.userFile).absoluteFilePath())
        return {};
    QSettings legacy(legacyFile, QSettings::IniFormat);
    QList<QPair<QString, QVariant>> values;
    for (const char* key : {SettingKey::UiLanguage, SettingKey::PlatformUrl, SettingKey::SmsProvider, SettingKey::SmsEndpoint}) {
        const QString k = QLatin1String(key);
        if (!legacy.contains(k) || isLocked(k))
            continue;
        if (auto valid = SettingsCatalog::validate(k, legacy.value(k)); valid && !valid.value().toString().isEmpty())
            values.append({k, valid.value()});
    }
    if (values.isEmpty() || !setValues(values))
        return {};
    QStringList keys;
    for (const auto& v : values)
        keys << v.first;
    return keys;
}

} // namespace pd
