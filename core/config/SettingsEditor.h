#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace pd {

class SettingsModel;
class Store;

struct SettingChange {
    QString key;
    QVariant value;     // the new value; for a secret the secret itself (goes to the keychain only)
    bool reset = false; // back to the system value or the default (non-secret keys)
};

struct SettingsApplyReport {
    QStringList changed;       // non-secret keys whose value changed (each audited)
    QStringList secretsStored; // secret keys written to the desktop keychain (audited as "changed")
    QList<Error> secretProblems; // secrets that could not be stored (keychain-unavailable …): the message names the variable to set instead
};

// Changes the desk's settings and audits every change in the store's audit log, in the same
// transaction as the write of the user's file (the file is written last before the commit, so a
// write failure leaves neither). Audit event: action setting.change / setting.reset, object
// "setting" KEY, before/after {"value": …, "source": …}. Secrets go to the desktop keychain and
// are audited as setting.secret.change with after = "changed" — never a secret value.
// Only administrators change settings (the first-run wizard runs before anyone can sign in and
// is recorded as the system actor "setup:<OS user>").
// Error codes: forbidden, setting-unknown, setting-invalid, setting-locked, settings-write, store-*.
class SettingsEditor {
public:
    SettingsEditor(SettingsModel& settings, std::shared_ptr<const Store> store);

    static bool mayEdit(Role role) { return role == Role::Administrator; }

    Result<SettingsApplyReport> apply(const Session& who, const QList<SettingChange>& changes) const;
    Result<SettingsApplyReport> applyFirstRun(const QList<SettingChange>& changes) const;

private:
    Result<SettingsApplyReport> applyAs(Id actorId, const QString& actor, const QList<SettingChange>& changes) const;
    void storeSecrets(Id actorId, const QString& actor, const QList<SettingChange>& secrets, SettingsApplyReport* report) const;

    SettingsModel& m_settings;
    std::shared_ptr<const Store> m_store;
};

} // namespace pd
