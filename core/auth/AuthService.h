#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <memory>
#include <vector>

namespace pd {

class Store;

// Logs people in and creates accounts. Failed attempts are counted; after kMaxFailures the
// account is locked for kLockMinutes. Every login (and failure) is audited.
class AuthService {
public:
    static constexpr int kMaxFailures = 5;
    static constexpr int kLockMinutes = 15;

    explicit AuthService(std::shared_ptr<const Store> store, int iterations = 0 /* 0 = default */);

    // Error codes: bad-credentials (unknown user or wrong password, deliberately the same),
    // locked, disabled, store-*.
    Result<Session> login(const QString& username, const QString& password) const;

    // Creates an account. `actor` is the administrator (or the system for seeding).
    Result<Id> createUser(const Session& actor, const QString& username, const QString& displayName, Role role,
                          const QString& password, bool mustChangePassword) const;

    // Every account, for the administrator's list (administrators only). Error codes: forbidden, store-*.
    Result<std::vector<User>> accounts(const Session& actor) const;
    // Administrators enable or disable an account (a disabled account cannot log in).
    Status setDisabled(const Session& actor, const QString& username, bool disabled) const;
    // Administrators reset a password: gives a new random initial password that must be
    // changed at the next login.
    Result<QString> resetPassword(const Session& actor, const QString& username) const;
    // A user changes their own password (also how a forced change is completed).
    Status changePassword(const Session& who, const QString& oldPassword, const QString& newPassword) const;

    // A random initial password (12 characters, no look-alike characters).
    static QString generatePassword();
    static Session systemSession();

private:
    std::shared_ptr<const Store> m_store;
    int m_iterations;
};

} // namespace pd
