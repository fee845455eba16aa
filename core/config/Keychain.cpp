#include "core/config/Keychain.h"

#include "core/config/SettingsModel.h"

#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace pd {

namespace {
const QString kService = QStringLiteral("PhotoDesk");
constexpr int kTimeoutMs = 5000;

struct MemoryKeychain {
    QMutex mutex;
    bool on = false;
    QHash<QString, QString> entries;
};
MemoryKeychain& memory()
{
    static MemoryKeychain m;
    return m;
}

// Runs a keychain job to completion (or the time limit) in a local event loop.
bool runJob(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QTimer limit;
    limit.setSingleShot(true);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&limit, &QTimer::timeout, &loop, &QEventLoop::quit);
    limit.start(kTimeoutMs);
    job.start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return finished;
}
} // namespace

void Keychain::useMemoryForTesting(bool on)
{
    QMutexLocker lock(&memory().mutex);
    memory().on = on;
    memory().entries.clear();
}

bool Keychain::available()
{
    {
        QMutexLocker lock(&memory().mutex);
        if (memory().on)
            return true;
    }
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

Result<QString> Keychain::read(const QString& entry)
{
    {
        QMutexLocker lock(&memory().mutex);
        if (memory().on) {
            if (!memory().entries.contains(entry))
                return Error{QStringLiteral("keychain-missing"), QStringLiteral("the desktop keychain has no entry %1").arg(entry)};
            return memory().entries.value(entry);
        }
    }
    if (!available())
        return Error{QStringLiteral("keychain-unavailable"), QStringLiteral("there is no desktop session with a keychain")};
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(entry);
    if (!runJob(job))
        return Error{QStringLiteral("keychain-unavailable"), QStringLiteral("the desktop keychain did not answer")};
    if (job.error() == QKeychain::EntryNotFound)
        return Error{QStringLiteral("keychain-missing"), QStringLiteral("the desktop keychain has no entry %1").arg(entry)};
    if (job.error() != QKeychain::NoError)
        return Error{QStringLiteral("keychain-failed"), QStringLiteral("the desktop keychain failed: %1").arg(job.errorString())};
    return job.textData();
}

Status Keychain::write(const QString& entry, const QString& value)
{
    {
        QMutexLocker lock(&memory().mutex);
        if (memory().on) {
            memory().entries.insert(entry, value);
            return okStatus();
        }
    }
    if (!available())
        return Error{QStringLiteral("keychain-unavailable"), QStringLiteral("there is no desktop session with a keychain")};
    QKeychain::WritePasswordJob job(kService);
    job.setKey(entry);
    job.setTextData(value);
    if (!runJob(job))
        return Error{QStringLiteral("keychain-unavailable"), QStringLiteral("the desktop keychain did not answer")};
    if (job.error() != QKeychain::NoError)
        return Error{QStringLiteral("keychain-failed"), QStringLiteral("the keychain refused the entry: %1").arg(job.errorString())};
    return okStatus();
}

Result<QString> loadSecret(const SettingsModel& settings, const QString& key)
{
    const SettingSpec* spec = SettingsCatalog::find(key);
    if (!spec || !spec->secret)
        return Error{QStringLiteral("setting-unknown"), QStringLiteral("%1 is not a secret setting").arg(key)};
    if (const QString value = settings.secret(key); !value.isEmpty())
        return value;
    const QString howTo = QStringLiteral("set %1 or store it in the desktop keychain (service PhotoDesk, entry %2)").arg(spec->envVar, key);
    auto stored = Keychain::read(key);
    if (stored && !stored.value().isEmpty())
        return stored;
    return Error{QStringLiteral("secret-missing"),
                 QStringLiteral("%1 is not set (%2); %3").arg(key, stored ? QStringLiteral("empty keychain entry") : stored.error().message, howTo)};
}

} // namespace pd
