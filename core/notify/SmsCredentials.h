#pragma once

#include "core/notify/SmsProvider.h"
#include "core/util/Result.h"

namespace pd {

// Where the SMS access key comes from, in this order:
//  1. the environment: PHOTODESK_SMS_ACCESS_KEY_ID and PHOTODESK_SMS_ACCESS_KEY_SECRET
//     (tests, CI, the demo, servers without a desktop session);
//  2. the desktop keychain (qtkeychain: Secret Service / KWallet), service "PhotoDesk",
//     key "sms/<provider>", holding {"id": …, "secret": …} — only tried when a D-Bus
//     session exists, so a headless run never hangs on it;
//  3. otherwise an error "sms-credentials-missing" that says how to provide them.
// The secret is never logged and never part of an error message.
Result<SmsCredentials> loadSmsCredentials(SmsProviderKind provider);

// For the settings dialog (later): stores the key pair in the desktop keychain.
// Error codes: keychain-unavailable, keychain-failed.
Status storeSmsCredentialsInKeychain(SmsProviderKind provider, const SmsCredentials& credentials);

inline constexpr const char* kSmsKeyIdVariable = "PHOTODESK_SMS_ACCESS_KEY_ID";
inline constexpr const char* kSmsKeySecretVariable = "PHOTODESK_SMS_ACCESS_KEY_SECRET";

} // namespace pd
