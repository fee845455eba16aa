#pragma once

#include <QString>

namespace pd {

// What PhotoDesk writes for IT (log files, the diagnostics bundle) must carry no personal data
// and no secrets, whatever a message happens to contain. These helpers are the last line of
// defence; callers still log ids and codes, not names, numbers or photo bytes.

// Masks in free text: credentials in URLs (scheme://user:***@host), values after secret-looking
// words (token=***, password: ***), long base64/hex runs (bytes that slipped into a message),
// national ID numbers (last four characters kept, as core/hotline/Masking does), mobile phone
// numbers (first three and last four digits kept) and every other run of 7 or more digits
// (student numbers, other identifiers: last four kept). Short numbers (ids, counts) stay.
QString scrubPersonalData(const QString& text);

// True for setting keys whose values are secrets: any part of the key naming a token, secret,
// password, credential, private or access key, or API key.
bool isSecretKey(const QString& key);

} // namespace pd
