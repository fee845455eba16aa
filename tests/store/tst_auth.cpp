#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

#include <QtTest>

using namespace pd;

class TestAuth : public QObject {
    Q_OBJECT
private slots:
    void hashesAreSaltedAndVerified()
    {
        const PasswordRecord a = PasswordHasher::hash(QStringLiteral("secret-1"), 1000);
        const PasswordRecord b = PasswordHasher::hash(QStringLiteral("secret-1"), 1000);
        QVERIFY(a.salt != b.salt);
        QVERIFY(a.hash != b.hash);
        QCOMPARE(a.hash.size(), 64);
        QVERIFY(PasswordHasher::verify(QStringLiteral("secret-1"), a));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("secret-2"), a));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("secret-1"), PasswordRecord{a.hash, a.salt, 999}));
        QVERIFY(PasswordHasher::kDefaultIterations >= 100000);
    }

    void loginLockOutAndAudit()
    {
        test::TempStore t;
        const Session created = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer, QStringLiteral("right-password"));
        const AuthService auth(t.store(), 1000);
        auto ok = auth.login(QStringLiteral("rev"), QStringLiteral("right-password"));
        QVERIFY(ok.ok());
        QCOMPARE(ok->userId, created.userId);
        QCOMPARE(toString(ok->role), toString(Role::Reviewer));
        QCOMPARE(auth.login(QStringLiteral("nobody"), QStringLiteral("x")).error().code, QStringLiteral("bad-credentials"));
        for (int i = 0; i < AuthService::kMaxFailures; ++i)
            QCOMPARE(auth.login(QStringLiteral("rev"), QStringLiteral("wrong")).error().code, QStringLiteral("bad-credentials"));
        // Locked now, even with the right password.
        QCOMPARE(auth.login(QStringLiteral("rev"), QStringLiteral("right-password")).error().code, QStringLiteral("locked"));
        // After the lock expires the right password works again.
        setClockForTesting([] { return QDateTime::currentDateTimeUtc().addSecs(AuthService::kLockMinutes * 60 + 5); });
        QVERIFY(auth.login(QStringLiteral("rev"), QStringLiteral("right-password")).ok());
        setClockForTesting({});
        const auto events = AuditLog(t.store()->db()).forObject(QStringLiteral("user"), QString::number(created.userId));
        QStringList actions;
        for (const auto& e : events)
            actions << e.action;
        QCOMPARE(actions.count(QStringLiteral("login")), 2);
        QCOMPARE(actions.count(QStringLiteral("login.failed")), AuthService::kMaxFailures);
        QCOMPARE(actions.count(QStringLiteral("login.refused")), 1);
        QVERIFY(AuditLog(t.store()->db()).verify().ok);
    }

    void disabledAccountCannotLogIn()
    {
        test::TempStore t;
        const Session s = test::addUser(t.store(), QStringLiteral("gone"), Role::HotlineAgent, QStringLiteral("password-1"));
        Sql(t.store()->db(), QStringLiteral("UPDATE users SET disabled = 1 WHERE id = :id")).bind(QStringLiteral(":id"), s.userId).exec();
        QCOMPARE(AuthService(t.store(), 1000).login(QStringLiteral("gone"), QStringLiteral("password-1")).error().code,
                 QStringLiteral("disabled"));
    }

    void onlyAdministratorsCreateAccounts()
    {
        test::TempStore t;
        const Session rev = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        const AuthService auth(t.store(), 1000);
        QCOMPARE(auth.createUser(rev, QStringLiteral("x"), QStringLiteral("X"), Role::Supervisor, QStringLiteral("long-enough"), true)
                     .error().code,
                 QStringLiteral("forbidden"));
        QCOMPARE(auth.createUser(AuthService::systemSession(), QStringLiteral("rev"), QStringLiteral("dup"), Role::Reviewer,
                                 QStringLiteral("long-enough"), true).error().code,
                 QStringLiteral("invalid-account"));
        QCOMPARE(UserRepository(t.store()->db()).count(), 1);
    }

    void onlyAdministratorsListAccountsInNameOrder()
    {
        test::TempStore t;
        const Session rev = test::addUser(t.store(), QStringLiteral("zhou"), Role::Reviewer);
        test::addUser(t.store(), QStringLiteral("an"), Role::HotlineAgent);
        const Session admin = test::addUser(t.store(), QStringLiteral("ma"), Role::Administrator);
        const AuthService auth(t.store(), 1000);
        QCOMPARE(auth.accounts(rev).error().code, QStringLiteral("forbidden"));
        const auto list = auth.accounts(admin);
        QVERIFY(list.ok());
        QCOMPARE(int(list->size()), 3);
        QCOMPARE(list->front().username, QStringLiteral("an"));
        QCOMPARE(list->back().username, QStringLiteral("zhou"));
        QVERIFY(list->back().role == Role::Reviewer);
        QVERIFY(!list->back().lockedUntil.isValid()); // never locked: no time
    }

    void resetForcesAPasswordChange()
    {
        test::TempStore t;
        test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer, QStringLiteral("first-password"));
        const AuthService auth(t.store(), 1000);
        const Session rev = auth.login(QStringLiteral("rev"), QStringLiteral("first-password")).value();
        QVERIFY(!rev.mustChangePassword);
        QCOMPARE(auth.resetPassword(rev, QStringLiteral("rev")).error().code, QStringLiteral("forbidden"));
        auto temporary = auth.resetPassword(AuthService::systemSession(), QStringLiteral("rev"));
        QVERIFY(temporary.ok());
        QCOMPARE(temporary->size(), 12);
        QCOMPARE(auth.login(QStringLiteral("rev"), QStringLiteral("first-password")).error().code, QStringLiteral("bad-credentials"));
        auto forced = auth.login(QStringLiteral("rev"), temporary.value());
        QVERIFY(forced.ok());
        QVERIFY(forced->mustChangePassword);
        QCOMPARE(auth.changePassword(forced.value(), temporary.value(), QStringLiteral("short")).error().code, QStringLiteral("weak-password"));
        QCOMPARE(auth.changePassword(forced.value(), QStringLiteral("wrong-old-pw"), QStringLiteral("a-new-password")).error().code,
                 QStringLiteral("bad-credentials"));
        QVERIFY(auth.changePassword(forced.value(), temporary.value(), QStringLiteral("a-new-password")).ok());
        auto after = auth.login(QStringLiteral("rev"), QStringLiteral("a-new-password"));
        QVERIFY(after.ok());
        QVERIFY(!after->mustChangePassword);
    }

    void administratorsDisableAccounts()
    {
        test::TempStore t;
        test::addUser(t.store(), QStringLiteral("agent"), Role::HotlineAgent, QStringLiteral("password-1"));
        const AuthService auth(t.store(), 1000);
        QVERIFY(auth.setDisabled(AuthService::systemSession(), QStringLiteral("agent"), true).ok());
        QCOMPARE(auth.login(QStringLiteral("agent"), QStringLiteral("password-1")).error().code, QStringLiteral("disabled"));
        QVERIFY(auth.setDisabled(AuthService::systemSession(), QStringLiteral("agent"), false).ok());
        QVERIFY(auth.login(QStringLiteral("agent"), QStringLiteral("password-1")).ok());
        QCOMPARE(auth.setDisabled(AuthService::systemSession(), QStringLiteral("nobody"), true).error().code, QStringLiteral("not-found"));
    }

    void auditChainDetectsAnEditedRow()
    {
        test::TempStore t;
        for (int i = 0; i < 3; ++i)
            test::addUser(t.store(), QStringLiteral("u%1").arg(i), Role::Reviewer);
        const AuditLog log(t.store()->db());
        QVERIFY(log.verify().ok);
        QCOMPARE(log.verify().events, 3);
        Sql(t.store()->db(), QStringLiteral("UPDATE audit_events SET actor = 'mallory' WHERE id = 2")).exec();
        const auto v = log.verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadEvent, Id(2));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
