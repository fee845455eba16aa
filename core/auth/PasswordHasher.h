#pragma once

#include "core/store/Repositories.h"

#include <QString>

namespace pd {

// Salted PBKDF2-HMAC-SHA256 (QPasswordDigestor). The iteration count is stored with each hash
// so it can be raised later without breaking existing accounts.
class PasswordHasher {
public:
    static constexpr int kDefaultIterations = 210000; // OWASP 2023 figure for PBKDF2-SHA256

    static PasswordRecord hash(const QString& password, int iterations = kDefaultIterations);
    // Constant-time comparison of the derived key.
    static bool verify(const QString& password, const PasswordRecord& record);
};

} // namespace pd
