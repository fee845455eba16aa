// Every settings change is audited in the store (key, before/after; secrets only "changed"), in
// the same transaction as the write of the user's file; only administrators change settings.

#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/config/Keychain.h"
#include "core/config/SettingsEditor.h"
#include "core/config/SettingsModel.h"
#include "core/notify/SmsCredentials.h"
#include "core/notify/SmsTemplates.h"
#include "core/store/Sql.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

namespace {
QByteArray fileText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::vector<AuditEvent> settingEvents(const Store& store)
{
    std::vector<AuditEvent> events;
    Sql q(store.db(), QStringLiteral("SELECT ") + AuditLog::selectColumns()
                          + QStringLiteral(" FROM audit_events WHERE object_type = 'setting' ORDER BY id"));
    q.exec();
    while (q.next())
        events.push_back(AuditLog::fromRow(q));
    return events;
}
} // namespace

class TestSettingsAudit : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void administratorChangesAreAudited();
    void onlyAdministrators();
    void refusedChangesLeaveNothing();
    void secretsGoToTheKeychainAndAreAuditedAsChanged();
    void secretsWithoutKeychainSayWhereToPutThem();
    void firstRunIsAuditedAsSetup();
    void signNameSignsTheComposedText();

private:
    SettingsLocations locations() const
    {
        return {m_dir->filePath(QStringLiteral("etc/photodesk.conf")), m_dir->filePath(QStringLiteral("user/photodesk.conf"))};
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettingsAudit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    Keychain::useMemoryForTesting(false);
}

void TestSettingsAudit::cleanup()
{
    Keychain::useMemoryForTesting(false);
    SmsTemplates::setSignNameOverride({});
}

void TestSettingsAudit::administratorChangesAreAudited()
{
    test::TempStore temp;
    const Session admin = test::addUser(temp.store(), QStringLiteral("admin"), Role::Administrator);
    SettingsModel settings(locations());
    SettingsEditor editor(settings, temp.store());
    auto applied = editor.apply(admin, {{QLatin1String(SettingKey::SchoolName), QStringLiteral("示例大学")},
                                        {QLatin1String(SettingKey::PlatformUrl), QStringLiteral("https://platform.example.edu.cn")},
                                        {QLatin1String(SettingKey::SyncIntervalMinutes), 15}});
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
    QCOMPARE(applied->changed.size(), 3);
    QCOMPARE(settings.text(QLatin1String(SettingKey::SchoolName)), QStringLiteral("示例大学"));
    QVERIFY(fileText(locations().userFile).contains("platform.example.edu.cn"));

    auto events = settingEvents(*temp.store());
    QCOMPARE(int(events.size()), 3);
    const AuditEvent& url = events[1];
    QCOMPARE(url.action, QStringLiteral("setting.change"));
    QCOMPARE(url.objectId, QStringLiteral("platform/url"));
    QCOMPARE(url.actor, QStringLiteral("admin"));
    QCOMPARE(url.actorId, admin.userId);
    QCOMPARE(QJsonDocument::fromJson(url.before.toUtf8()).object().value(QStringLiteral("source")).toString(), QStringLiteral("default"));
    QCOMPARE(QJsonDocument::fromJson(url.after.toUtf8()).object().value(QStringLiteral("value")).toString(),
             QStringLiteral("https://platform.example.edu.cn"));
    QCOMPARE(QJsonDocument::fromJson(events[2].after.toUtf8()).object().value(QStringLiteral("value")).toInt(), 15);

    // Unchanged values are not events; a reset is one, with what applies afterwards.
    QVERIFY(editor.apply(admin, {{QLatin1String(SettingKey::SchoolName), QStringLiteral("示例大学")}}).ok());
    QCOMPARE(int(settingEvents(*temp.store()).size()), 3);
    SettingChange reset;
    reset.key = QLatin1String(SettingKey::SyncIntervalMinutes);
    reset.reset = true;
    QVERIFY(editor.apply(admin, {reset}).ok());
    events = settingEvents(*temp.store());
    QCOMPARE(int(events.size()), 4);
    QCOMPARE(events[3].action, QStringLiteral("setting.reset"));
    QCOMPARE(QJsonDocument::fromJson(events[3].after.toUtf8()).object().value(QStringLiteral("value")).toInt(), 5);
    QCOMPARE(settings.integer(QLatin1String(SettingKey::SyncIntervalMinutes)), 5);
    QVERIFY(AuditLog(temp.store()->db()).verify().ok);
}

void TestSettingsAudit::onlyAdministrators()
{
    test::TempStore temp;
    SettingsModel settings(locations());
    SettingsEditor editor(settings, temp.store());
    for (Role role : {Role::Reviewer, Role::HotlineAgent, Role::Supervisor}) {
        const Session who = test::addUser(temp.store(), QStringLiteral("u%1").arg(int(role)), role);
        auto refused = editor.apply(who, {{QLatin1String(SettingKey::SchoolName), QStringLiteral("x")}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("forbidden"));
    }
    QVERIFY(settingEvents(*temp.store()).empty());
    QVERIFY(!QFile::exists(locations().userFile));
}

void TestSettingsAudit::refusedChangesLeaveNothing()
{
    test::TempStore temp;
    const Session admin = test::addUser(temp.store(), QStringLiteral("admin"), Role::Administrator);
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("etc"))));
    QFile sys(locations().systemFile);
    QVERIFY(sys.open(QIODevice::WriteOnly));
    sys.write("locked=platform/url\n[platform]\nurl=https://locked.example.edu.cn\n");
    sys.close();
    SettingsModel settings(locations());
    SettingsEditor editor(settings, temp.store());
    auto locked = editor.apply(admin, {{QLatin1String(SettingKey::SchoolName), QStringLiteral("x")},
                                       {QLatin1String(SettingKey::PlatformUrl), QStringLiteral("https://other.example.org")}});
    QCOMPARE(locked.error().code, QStringLiteral("setting-locked"));
    QVERIFY(locked.error().message.contains(QStringLiteral("platform/url")));
    auto invalid = editor.apply(admin, {{QLatin1String(SettingKey::SchoolName), QStringLiteral("x")},
                                        {QLatin1String(SettingKey::SyncIntervalMinutes), 0}});
    QCOMPARE(invalid.error().code, QStringLiteral("setting-invalid"));
    QVERIFY(invalid.error().message.contains(QStringLiteral("sync/interval_minutes")));
    QVERIFY(settingEvents(*temp.store()).empty());
    QVERIFY(!QFile::exists(locations().userFile));
    QCOMPARE(settings.text(QLatin1String(SettingKey::SchoolName)), QString());

    // A user file that cannot be written: the audit events roll back with it.
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("user/photodesk.conf/blocked"))));
    auto unwritable = editor.apply(admin, {{QLatin1String(SettingKey::SchoolName), QStringLiteral("x")}});
    QCOMPARE(unwritable.error().code, QStringLiteral("settings-write"));
    QVERIFY(settingEvents(*temp.store()).empty());
}

void TestSettingsAudit::secretsGoToTheKeychainAndAreAuditedAsChanged()
{
    Keychain::useMemoryForTesting(true);
    test::TempStore temp;
    const Session admin = test::addUser(temp.store(), QStringLiteral("admin"), Role::Administrator);
    SettingsModel settings(locations());
    SettingsEditor editor(settings, temp.store());
    auto applied = editor.apply(admin, {{QLatin1String(SettingKey::SmsProvider), QStringLiteral("aliyun")},
                                        {QLatin1String(SettingKey::PlatformToken), QStringLiteral("tok-SECRET-1")},
                                        {QLatin1String(SettingKey::SmsAccessKeyId), QStringLiteral("kid-SECRET-2")},
                                        {QLatin1String(SettingKey::SmsAccessKeySecret), QStringLiteral("ksec-SECRET-3")}});
    QVERIFY(applied.ok());
    QVERIFY2(applied->secretProblems.isEmpty(), qPrintable(applied->secretProblems.value(0).message));
    QCOMPARE(applied->secretsStored.size(), 3);
    QCOMPARE(Keychain::read(QStringLiteral("platform/token")).value(), QStringLiteral("tok-SECRET-1"));
    QCOMPARE(loadSecret(settings, QLatin1String(SettingKey::PlatformToken)).value(), QStringLiteral("tok-SECRET-1"));
    const QJsonObject pair = QJsonDocument::fromJson(Keychain::read(QStringLiteral("sms/aliyun")).value().toUtf8()).object();
    QCOMPARE(pair.value(QStringLiteral("id")).toString(), QStringLiteral("kid-SECRET-2"));

    const auto events = settingEvents(*temp.store());
    QCOMPARE(int(events.size()), 4); // sms/provider + three secrets
    for (const AuditEvent& e : events) {
        QVERIFY(!e.before.contains(QStringLiteral("SECRET")) && !e.after.contains(QStringLiteral("SECRET")));
        if (SettingsCatalog::isSecret(e.objectId)) {
            QCOMPARE(e.action, QStringLiteral("setting.secret.change"));
            QCOMPARE(e.after, QStringLiteral("changed"));
            QCOMPARE(e.before, QString());
        }
    }
    QVERIFY(!fileText(locations().userFile).contains("SECRET"));
}

void TestSettingsAudit::secretsWithoutKeychainSayWhereToPutThem()
{
    test::TempStore temp;
    const Session admin = test::addUser(temp.store(), QStringLiteral("admin"), Role::Administrator);
    SettingsModel settings(locations());
    SettingsEditor editor(settings, temp.store());
    auto applied = editor.apply(admin, {{QLatin1String(SettingKey::PlatformToken), QStringLiteral("tok-SECRET")}});
    QVERIFY(applied.ok());
    QCOMPARE(applied->secretProblems.size(), 1);
    QCOMPARE(applied->secretProblems[0].code, QStringLiteral("keychain-unavailable"));
    QVERIFY(applied->secretProblems[0].message.contains(QStringLiteral("PHOTODESK_PLATFORM_TOKEN")));
    QVERIFY(!applied->secretProblems[0].message.contains(QStringLiteral("tok-SECRET")));
    QVERIFY(settingEvents(*temp.store()).empty()); // nothing changed, nothing audited
    const auto missing = loadSecret(settings, QLatin1String(SettingKey::PlatformToken));
    QCOMPARE(missing.error().code, QStringLiteral("secret-missing"));
}

void TestSettingsAudit::firstRunIsAuditedAsSetup()
{
    test::TempStore temp;
    SettingsModel settings(locations());
    SettingsEditor editor(settings, temp.store());
    QVERIFY(editor.applyFirstRun({{QLatin1String(SettingKey::DatabaseMode), QStringLiteral("embedded")},
                                  {QLatin1String(SettingKey::DatabasePath), temp.dbPath()}})
                .ok());
    const auto events = settingEvents(*temp.store());
    QCOMPARE(int(events.size()), 2);
    QVERIFY(events[0].actor.startsWith(QStringLiteral("setup:")));
    QCOMPARE(events[0].actorId, Id(0));
    QVERIFY(settings.hasConfiguration());
}

void TestSettingsAudit::signNameSignsTheComposedText()
{
    test::TempStore temp;
    SmsTemplates templates(temp.store());
    QCOMPARE(templates.effective().signature(), QStringLiteral("【示例大学】"));
    SmsTemplates::setSignNameOverride(QStringLiteral("北方理工大学"));
    const SmsComposer composer = templates.effective();
    QCOMPARE(composer.signature(), QStringLiteral("【北方理工大学】"));
    QCOMPARE(composer.signName(), QStringLiteral("北方理工大学"));
    SmsTemplates::setSignNameOverride({});
    QCOMPARE(templates.effective().signName(), QStringLiteral("示例大学"));
}

QTEST_GUILESS_MAIN(TestSettingsAudit)
#include "tst_settingsaudit.moc"
