#pragma once

#include "core/util/Result.h"

#include <QString>

namespace pd {

class SettingsModel;

// The desktop keychain (qtkeychain: Secret Service / KWallet over D-Bus), service "PhotoDesk",
// one entry per secret setting named like its key ("platform/token", "database/password"; the
// SMS key pair is one entry "sms/<provider>", see core/notify/SmsCredentials.h). Only tried when
// a D-Bus session exists, so a headless desk never hangs on it. Blocking (a local event loop,
// at most 5 s): call from a worker thread where the UI must stay responsive.
class Keychain {
public:
    static bool available();
    // Error codes: keychain-unavailable, keychain-missing (no such entry), keychain-failed.
    static Result<QString> read(const QString& entry);
    static Status write(const QString& entry, const QString& value);

    // Tests: an in-process keychain instead of the desktop's (no D-Bus needed); off again with false.
    static void useMemoryForTesting(bool on);
};

// A secret setting's value: the command line or the environment (SettingsModel::secret), else the
// keychain entry of the same name. Error code secret-missing says where to put it. The value is
// never logged and never part of an error message.
Result<QString> loadSecret(const SettingsModel& settings, const QString& key);

} // namespace pd
