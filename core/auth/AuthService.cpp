#include "core/auth/AuthService.h"

#include "core/audit/AuditLog.h"
#include "core/auth/PasswordHasher.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/support/LogCategories.h"
#include "core/util/Time.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace pd {

namespace {
void audit(const Database& db, const Session& actor, const QString& action, const QString& objectId, const QJsonObject& after)
{
    AuditEvent e;
    e.actorId = actor.userId;
    e.actor = actor.username;
    e.action = action;
    e.objectType = QStringLiteral("user");
    e.objectId = objectId;
    e.after = QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact));
    AuditLog(db).append(e);
}
} // namespace

AuthService::AuthService(std::shared_ptr<const Store> store, int iterations)
    : m_store(std::move(store)), m_iterations(iterations > 0 ? iterations : PasswordHasher::kDefaultIterations)
{
}

Session AuthService::systemSession()
{
    return Session{0, QStringLiteral("system"), QStringLiteral("PhotoDesk"), Role::Administrator};
}

Result<Session> AuthService::login(const QString& username, const QString& password) const
{
    const Database& db = m_store->db();
    const Error badCredentials{QStringLiteral("bad-credentials"), QStringLiteral("unknown user or wrong password")};
    try {
        const UserRepository users(db);
        // The slow hash runs before the transaction so that logins never hold the write lock.
        const auto user = users.findByUsername(username.trimmed());
        const auto record = user ? users.passwordOf(user->id) : std::nullopt;
        const bool passwordOk = record && PasswordHasher::verify(password, *record);
        if (!user) {
            qCInfo(lcAuth) << "login refused: unknown user name";
            return badCredentials;
        }
        const QDateTime now = utcNow();
        const Session session{user->id, user->username, user->displayName, user->role};

        Transaction tx(db);
        if (user->disabled) {
            audit(db, session, QStringLiteral("login.refused"), QString::number(user->id), {{QStringLiteral("why"), QStringLiteral("disabled")}});
            tx.commit();
            qCInfo(lcAuth) << "login refused: user" << user->id << "is disabled";
            return Error{QStringLiteral("disabled"), QStringLiteral("account %1 is disabled").arg(user->username)};
        }
        if (user->lockedUntil.isValid() && user->lockedUntil > now) {
            audit(db, session, QStringLiteral("login.refused"), QString::number(user->id), {{QStringLiteral("why"), QStringLiteral("locked")}});
            tx.commit();
            qCInfo(lcAuth) << "login refused: user" << user->id << "is locked until" << toDbTime(user->lockedUntil);
            return Error{QStringLiteral("locked"), QStringLiteral("account %1 is locked until %2").arg(user->username, toDbTime(user->lockedUntil))};
        }
        if (!passwordOk) {
            const int failures = user->failedLogins + 1;
            const QDateTime lockedUntil = failures >= kMaxFailures ? now.addSecs(kLockMinutes * 60) : QDateTime();
            users.recordFailedLogin(user->id, lockedUntil.isValid() ? 0 : failures, lockedUntil);
            audit(db, session, QStringLiteral("login.failed"), QString::number(user->id),
                  {{QStringLiteral("failures"), failures}, {QStringLiteral("locked"), lockedUntil.isValid()}});
            tx.commit();
            qCInfo(lcAuth) << "login failed: wrong password for user" << user->id << "(failure" << failures << (lockedUntil.isValid() ? ", now locked)" : ")");
            return badCredentials;
        }
        users.recordSuccessfulLogin(user->id);
        audit(db, session, QStringLiteral("login"), QString::number(user->id), {{QStringLiteral("role"), toString(user->role)}});
        tx.commit();
        qCInfo(lcAuth).noquote() << "login: user" << user->id << "as" << toString(user->role);
        Session result = session;
        result.mustChangePassword = user->mustChangePassword;
        return result;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<std::vector<User>> AuthService::accounts(const Session& actor) const
{
    if (actor.role != Role::Administrator)
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not list accounts").arg(actor.username)};
    try {
        return UserRepository(m_store->db()).all();
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<Id> AuthService::createUser(const Session& actor, const QString& username, const QString& displayName, Role role,
                                   const QString& password, bool mustChangePassword) const
{
    if (actor.role != Role::Administrator)
        return Error{QStringLiteral("forbidden"), QStringLiteral("only administrators create accounts")};
    if (username.trimmed().isEmpty() || password.size() < 8)
        return Error{QStringLiteral("invalid-account"), QStringLiteral("a user name and a password of at least 8 characters are needed")};
    const PasswordRecord record = PasswordHasher::hash(password, m_iterations);
    const Database& db = m_store->db();
    try {
        Transaction tx(db);
        User u;
        u.username = username.trimmed();
        u.displayName = displayName;
        u.role = role;
        u.mustChangePassword = mustChangePassword;
        const Id id = UserRepository(db).insert(u, record);
        audit(db, actor, QStringLiteral("account.create"), QString::number(id),
              {{QStringLiteral("username"), u.username}, {QStringLiteral("role"), toString(role)}});
        tx.commit();
        return id;
    } catch (const StoreError& e) {
        if (e.code() == QLatin1String("store-constraint"))
            return Error{QStringLiteral("invalid-account"), QStringLiteral("user name %1 is taken").arg(username)};
        return Error{e.code(), e.message()};
    }
}

Status AuthService::setDisabled(const Session& actor, const QString& username, bool disabled) const
{
    if (actor.role != Role::Administrator)
        return Error{QStringLiteral("forbidden"), QStringLiteral("only administrators manage accounts")};
    const Database& db = m_store->db();
    try {
        Transaction tx(db);
        const auto user = UserRepository(db).findByUsername(username);
        if (!user)
            return Error{QStringLiteral("not-found"), QStringLiteral("no account %1").arg(username)};
        Sql(db, QStringLiteral("UPDATE users SET disabled = :d WHERE id = :id"))
            .bind(QStringLiteral(":d"), disabled ? 1 : 0)
            .bind(QStringLiteral(":id"), user->id)
            .exec();
        AuditEvent e;
        e.actorId = actor.userId;
        e.actor = actor.username;
        e.action = disabled ? QStringLiteral("account.disable") : QStringLiteral("account.enable");
        e.objectType = QStringLiteral("user");
        e.objectId = QString::number(user->id);
        e.before = QStringLiteral("{\"disabled\":%1}").arg(user->disabled ? QStringLiteral("true") : QStringLiteral("false"));
        e.after = QStringLiteral("{\"disabled\":%1}").arg(disabled ? QStringLiteral("true") : QStringLiteral("false"));
        AuditLog(db).append(e);
        tx.commit();
        return okStatus();
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<QString> AuthService::resetPassword(const Session& actor, const QString& username) const
{
    if (actor.role != Role::Administrator)
        return Error{QStringLiteral("forbidden"), QStringLiteral("only administrators manage accounts")};
    const QString password = generatePassword();
    const PasswordRecord record = PasswordHasher::hash(password, m_iterations);
    const Database& db = m_store->db();
    try {
        Transaction tx(db);
        const UserRepository users(db);
        const auto user = users.findByUsername(username);
        if (!user)
            return Error{QStringLiteral("not-found"), QStringLiteral("no account %1").arg(username)};
        users.setPassword(user->id, record, true);
        users.recordSuccessfulLogin(user->id); // clears a lock-out as well
        audit(db, actor, QStringLiteral("account.reset-password"), QString::number(user->id), {{QStringLiteral("username"), username}});
        tx.commit();
        return password;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Status AuthService::changePassword(const Session& who, const QString& oldPassword, const QString& newPassword) const
{
    if (newPassword.size() < 8)
        return Error{QStringLiteral("weak-password"), QStringLiteral("the new password needs at least 8 characters")};
    if (newPassword == oldPassword)
        return Error{QStringLiteral("weak-password"), QStringLiteral("the new password must differ from the old one")};
    const Database& db = m_store->db();
    try {
        const UserRepository users(db);
        const auto current = users.passwordOf(who.userId);
        if (!current || !PasswordHasher::verify(oldPassword, *current))
            return Error{QStringLiteral("bad-credentials"), QStringLiteral("the current password is wrong")};
        const PasswordRecord record = PasswordHasher::hash(newPassword, m_iterations);
        Transaction tx(db);
        users.setPassword(who.userId, record, false);
        audit(db, who, QStringLiteral("account.change-password"), QString::number(who.userId), {});
        tx.commit();
        return okStatus();
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

QString AuthService::generatePassword()
{
    static const QString alphabet = QStringLiteral("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString result;
    for (int i = 0; i < 12; ++i)
        result += alphabet.at(int(QRandomGenerator::system()->bounded(alphabet.size())));
    return result;
}

} // namespace pd
