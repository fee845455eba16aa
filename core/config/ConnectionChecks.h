#pragma once

#include "core/feed/PlatformClient.h"
#include "core/notify/SmsProvider.h"
#include "core/util/Result.h"

#include <QString>

namespace pd {

// The first-run wizard's and the settings dialog's connection tests. Each really does the thing
// (opens the database, lists the platform's first page, sends a signed SMS through the provider
// code the dispatcher uses) and blocks the calling thread: run them on a worker thread.

struct DatabaseProbe {
    QString location;          // as shown to people: never with a password
    bool team = false;         // PostgreSQL
    bool exists = true;        // SQLite: false = a new file will be created on first start
    QString server;            // "SQLite 3.40.1", "PostgreSQL 15.5"
    int schemaVersion = 0;     // 0: empty database
    int latestVersion = 0;     // what this PhotoDesk brings
    int migrationsNeeded = 0;  // migrations applied on first start
};
// Opens `location` (SQLite file or postgresql:// URL; `password` for the team server, never
// part of the location) without migrating anything and reads the schema version.
// Error codes: store-open (cannot connect, authenticate or read), store-too-new (newer schema
// than this program), database-folder (a new SQLite file's folder cannot be created).
Result<DatabaseProbe> probeDatabase(const QString& location, const QString& password = {});

struct PlatformProbe {
    int pending = -1;      // pending submissions the platform reports (-1: it did not say)
    int firstPageItems = 0;
    qint64 elapsedMs = 0;
};
// One GET of the first page of pending submissions (page size 1, no retries), so a wrong token
// answers at once with platform-auth, a dead address with platform-unreachable, a slow one with
// platform-timeout, a certificate problem with tls-error / tls-pin.
Result<PlatformProbe> probePlatform(PlatformConfig config);

struct SmsTestResult {
    QString messageId;  // the provider's id of the accepted message
    QString text;       // what was sent, signature included
    bool duplicate = false;
};
// A signed test message to `phone` through SmsProvider (the dispatcher's code path): the approval
// template with the name 测试, text "【SIGN】…测试短信…". Error codes: sms-phone-invalid,
// sms-credentials-missing, sms-rejected (the provider refused: message = its code and text),
// sms-unavailable (network, timeout, 5xx, throttling). The phone is masked in every message.
Result<SmsTestResult> sendTestSms(const SmsProviderConfig& config, const QString& phone);

} // namespace pd
