// The settings model: defaults < system file < user file < command line, locked keys, secrets
// kept out of the files, invalid values refused with the key named (core/config/SettingsModel).

#include "core/config/SettingsModel.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

namespace {
void writeFile(const QString& path, const QByteArray& text)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(text);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestSettings : public QObject {
    Q_OBJECT

private slots:
    void init();
    void defaultsWithoutFiles();
    void precedenceDefaultSystemUserCommandLine();
    void lockedKeys();
    void secretsNeverInFiles();
    void secretsFromEnvironment();
    void invalidValuesNameTheKey();
    void invalidValuesInFilesAreIgnored();
    void userFilePersistsUtf8();
    void changedSignal();
    void resetFallsBack();
    void hasConfiguration();
    void databaseLocation();
    void legacyImport();
    void standardLocationsFollowEnvironment();

private:
    SettingsLocations locations() const
    {
        return {m_dir->filePath(QStringLiteral("etc/photodesk.conf")), m_dir->filePath(QStringLiteral("user/photodesk.conf"))};
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("etc"))));
    qunsetenv("PHOTODESK_PLATFORM_TOKEN");
    qunsetenv("PHOTODESK_DB_PASSWORD");
}

void TestSettings::defaultsWithoutFiles()
{
    SettingsModel model(locations());
    QCOMPARE(model.text(QLatin1String(SettingKey::DatabaseMode)), QStringLiteral("embedded"));
    QCOMPARE(model.text(QLatin1String(SettingKey::UiLanguage)), QStringLiteral("zh_CN"));
    QCOMPARE(model.text(QLatin1String(SettingKey::LogLevel)), QStringLiteral("info"));
    QCOMPARE(model.text(QLatin1String(SettingKey::SmsProvider)), QStringLiteral("none"));
    QCOMPARE(model.integer(QLatin1String(SettingKey::SyncIntervalMinutes)), 5);
    QCOMPARE(toString(model.sourceOf(QLatin1String(SettingKey::PlatformUrl))), toString(SettingSource::Default));
    QVERIFY(model.problems().isEmpty());
    QVERIFY(!model.hasConfiguration());
}

void TestSettings::precedenceDefaultSystemUserCommandLine()
{
    const QString key = QLatin1String(SettingKey::PlatformUrl);
    writeFile(locations().systemFile, "[platform]\nurl=https://system.example.edu.cn\n[sync]\ninterval_minutes=10\n");
    SettingsModel model(locations());
    QCOMPARE(model.text(key), QStringLiteral("https://system.example.edu.cn"));
    QCOMPARE(toString(model.sourceOf(key)), toString(SettingSource::System));
    QCOMPARE(model.integer(QLatin1String(SettingKey::SyncIntervalMinutes)), 10);

    QVERIFY(model.set(key, QStringLiteral("https://user.example.edu.cn")).ok());
    QCOMPARE(model.text(key), QStringLiteral("https://user.example.edu.cn"));
    QCOMPARE(toString(model.sourceOf(key)), toString(SettingSource::User));
    QCOMPARE(model.layerValue(key, SettingSource::System).toString(), QStringLiteral("https://system.example.edu.cn"));

    QVERIFY(model.setOverride(key, QStringLiteral("http://127.0.0.1:9999")).ok());
    QCOMPARE(model.text(key), QStringLiteral("http://127.0.0.1:9999"));
    QCOMPARE(toString(model.sourceOf(key)), toString(SettingSource::CommandLine));
    // The command line is for this run only: never written.
    QVERIFY(!readFile(locations().userFile).contains("9999"));
    SettingsModel again(locations());
    QCOMPARE(again.text(key), QStringLiteral("https://user.example.edu.cn"));
    QCOMPARE(toString(again.sourceOf(QLatin1String(SettingKey::SyncIntervalMinutes))), toString(SettingSource::System));
}

void TestSettings::lockedKeys()
{
    const QString key = QLatin1String(SettingKey::PlatformUrl);
    writeFile(locations().systemFile,
              "locked = platform/url, database/mode\n[platform]\nurl=https://system.example.edu.cn\n[database]\nmode=team\n"
              "url=postgresql://photodesk@db.example.edu.cn/photodesk\n");
    QVERIFY(QDir().mkpath(QFileInfo(locations().userFile).absolutePath()));
    writeFile(locations().userFile, "[platform]\nurl=https://mine.example.org\n[ui]\nlanguage=en\n");
    SettingsModel model(locations());
    QVERIFY(model.isLocked(key));
    QVERIFY(model.isLocked(QLatin1String(SettingKey::DatabaseMode)));
    QVERIFY(!model.isLocked(QLatin1String(SettingKey::UiLanguage)));
    QCOMPARE(model.lockedKeys(), (QStringList{QStringLiteral("database/mode"), QStringLiteral("platform/url")}));
    // The user's value is ignored (and reported), the unlocked one applies.
    QCOMPARE(model.text(key), QStringLiteral("https://system.example.edu.cn"));
    QCOMPARE(toString(model.sourceOf(key)), toString(SettingSource::System));
    QCOMPARE(model.text(QLatin1String(SettingKey::UiLanguage)), QStringLiteral("en"));
    QVERIFY2(model.problems().join(QLatin1Char('\n')).contains(QStringLiteral("platform/url")), qPrintable(model.problems().join('\n')));

    const Status refused = model.set(key, QStringLiteral("https://other.example.org"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("setting-locked"));
    QVERIFY(refused.error().message.contains(key));
    QCOMPARE(model.reset(key).error().code, QStringLiteral("setting-locked"));
    // All or nothing: a batch with one locked key writes nothing.
    const Status batch = model.setValues({{QLatin1String(SettingKey::SchoolName), QStringLiteral("示例大学")}, {key, QStringLiteral("https://x.org")}});
    QCOMPARE(batch.error().code, QStringLiteral("setting-locked"));
    QVERIFY(!readFile(locations().userFile).contains("school"));
    QCOMPARE(model.databaseLocation(), QStringLiteral("postgresql://photodesk@db.example.edu.cn/photodesk"));
    // A user file cannot lock anything.
    writeFile(locations().userFile, "locked=ui/language\n");
    model.reload();
    QVERIFY(!model.isLocked(QLatin1String(SettingKey::UiLanguage)));
}

void TestSettings::secretsNeverInFiles()
{
    writeFile(locations().systemFile, "[platform]\ntoken=clear-text-token\nurl=https://p.example.edu.cn\n");
    SettingsModel model(locations());
    QCOMPARE(model.secret(QLatin1String(SettingKey::PlatformToken)), QString());
    QVERIFY(model.problems().join(QLatin1Char('\n')).contains(QStringLiteral("platform/token")));
    for (const char* key : {SettingKey::PlatformToken, SettingKey::DatabasePassword, SettingKey::SmsAccessKeyId, SettingKey::SmsAccessKeySecret}) {
        const Status refused = model.set(QLatin1String(key), QStringLiteral("s3cret"));
        QCOMPARE(refused.error().code, QStringLiteral("setting-secret"));
        QVERIFY(refused.error().message.contains(QLatin1String(key)));
    }
    QVERIFY(!readFile(locations().userFile).contains("s3cret"));
    // A password inside the database URL is refused too.
    const Status url = model.set(QLatin1String(SettingKey::DatabaseUrl), QStringLiteral("postgresql://u:pw@db.example.edu.cn/pd"));
    QCOMPARE(url.error().code, QStringLiteral("setting-invalid"));
    QVERIFY(url.error().message.contains(QStringLiteral("database/url")));
    // A secret written by hand into the user's file is dropped the next time the file is written.
    writeFile(locations().userFile, "[sms]\naccess_key_secret=by-hand\n");
    model.reload();
    QVERIFY(model.set(QLatin1String(SettingKey::SchoolName), QStringLiteral("示例大学")).ok());
    QVERIFY(!readFile(locations().userFile).contains("by-hand"));
    // The effective values never carry a secret, not even one given on the command line.
    QVERIFY(model.setOverride(QLatin1String(SettingKey::PlatformToken), QStringLiteral("cli-token-123")).ok());
    QCOMPARE(model.secret(QLatin1String(SettingKey::PlatformToken)), QStringLiteral("cli-token-123"));
    for (const EffectiveSetting& e : model.effectiveValues())
        QVERIFY2(!SettingsCatalog::isSecret(e.key), qPrintable(e.key));
    const QByteArray json = QJsonDocument(model.effectiveJson()).toJson();
    QVERIFY(!json.contains("cli-token-123"));
    QVERIFY(json.contains("\"platform/token\": \"command-line\""));
}

void TestSettings::secretsFromEnvironment()
{
    qputenv("PHOTODESK_PLATFORM_TOKEN", "env-token");
    SettingsModel model(locations());
    QCOMPARE(model.secret(QLatin1String(SettingKey::PlatformToken)), QStringLiteral("env-token"));
    QCOMPARE(toString(model.sourceOf(QLatin1String(SettingKey::PlatformToken))), toString(SettingSource::Environment));
    QCOMPARE(model.secretSource(QLatin1String(SettingKey::DatabasePassword)), QStringLiteral("not in environment"));
    QVERIFY(!QJsonDocument(model.effectiveJson()).toJson().contains("env-token"));
    qunsetenv("PHOTODESK_PLATFORM_TOKEN");
}

void TestSettings::invalidValuesNameTheKey()
{
    SettingsModel model(locations());
    struct Case {
        const char* key;
        QVariant value;
    };
    const Case cases[] = {
        {SettingKey::SyncIntervalMinutes, 0},
        {SettingKey::SyncIntervalMinutes, QStringLiteral("often")},
        {SettingKey::PlatformUrl, QStringLiteral("ftp://platform.example.edu.cn")},
        {SettingKey::PlatformUrl, QStringLiteral("https://user:pw@platform.example.edu.cn")},
        {SettingKey::SmsProvider, QStringLiteral("carrier-pigeon")},
        {SettingKey::UiLanguage, QStringLiteral("fr")},
        {SettingKey::DatabaseMode, QStringLiteral("cloud")},
        {SettingKey::DatabaseUrl, QStringLiteral("mysql://db/pd")},
        {SettingKey::DatabaseUrl, QStringLiteral("postgresql://db.example.edu.cn")},
        {SettingKey::SmsSignName, QStringLiteral("【示例大学】")},
        {SettingKey::PlatformPinnedCert, QStringLiteral("abc")},
        {SettingKey::SchoolName, QStringLiteral("two\nlines")},
    };
    for (const Case& c : cases) {
        const Status s = model.set(QLatin1String(c.key), c.value);
        QVERIFY2(!s.ok(), c.key);
        QCOMPARE(s.error().code, QStringLiteral("setting-invalid"));
        QVERIFY2(s.error().message.startsWith(QLatin1String(c.key)), qPrintable(s.error().message));
        QCOMPARE(model.setOverride(QLatin1String(c.key), c.value).error().code, QStringLiteral("setting-invalid"));
    }
    QCOMPARE(model.set(QStringLiteral("no/such"), 1).error().code, QStringLiteral("setting-unknown"));
    QVERIFY(!QFileInfo::exists(locations().userFile));
    QVERIFY(model.set(QLatin1String(SettingKey::SyncIntervalMinutes), QStringLiteral("15")).ok());
    QCOMPARE(model.value(QLatin1String(SettingKey::SyncIntervalMinutes)), QVariant(15));
}

void TestSettings::invalidValuesInFilesAreIgnored()
{
    writeFile(locations().systemFile, "# PhotoDesk\n[sync]\ninterval_minutes=-3\n[sms]\nprovider=pigeon\n# endpoint = https://x.example\n[bogus]\nkey=1\n"
                                      "[school]\nname=示例大学, 医学部\n");
    SettingsModel model(locations());
    QCOMPARE(model.integer(QLatin1String(SettingKey::SyncIntervalMinutes)), 5);
    QCOMPARE(model.text(QLatin1String(SettingKey::SmsProvider)), QStringLiteral("none"));
    // An unquoted comma makes QSettings read a list; the text is kept whole.
    QCOMPARE(model.text(QLatin1String(SettingKey::SchoolName)), QStringLiteral("示例大学, 医学部"));
    const QString problems = model.problems().join(QLatin1Char('\n'));
    QVERIFY2(problems.contains(QStringLiteral("sync/interval_minutes")), qPrintable(problems));
    QVERIFY(problems.contains(QStringLiteral("sms/provider")));
    QVERIFY(problems.contains(QStringLiteral("bogus/key")));
    QVERIFY2(!problems.contains(QLatin1Char('#')), qPrintable(problems)); // commented-out lines are comments
    QCOMPARE(model.problems().size(), 3);
}

void TestSettings::userFilePersistsUtf8()
{
    {
        SettingsModel model(locations());
        QVERIFY(model.setValues({{QLatin1String(SettingKey::SchoolName), QStringLiteral("示例大学")},
                                 {QLatin1String(SettingKey::SmsSignName), QStringLiteral("示例大学")},
                                 {QLatin1String(SettingKey::SyncIntervalMinutes), 30}})
                    .ok());
    }
    SettingsModel again(locations());
    QCOMPARE(again.text(QLatin1String(SettingKey::SchoolName)), QStringLiteral("示例大学"));
    QCOMPARE(again.integer(QLatin1String(SettingKey::SyncIntervalMinutes)), 30);
    QCOMPARE(toString(again.sourceOf(QLatin1String(SettingKey::SchoolName))), toString(SettingSource::User));
    QVERIFY(again.problems().isEmpty());
}

void TestSettings::changedSignal()
{
    SettingsModel model(locations());
    QSignalSpy spy(&model, &SettingsModel::changed);
    QVERIFY(model.set(QLatin1String(SettingKey::UiLanguage), QStringLiteral("en")).ok());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toStringList(), QStringList{QStringLiteral("ui/language")});
    QVERIFY(model.set(QLatin1String(SettingKey::UiLanguage), QStringLiteral("en")).ok());
    QCOMPARE(spy.count(), 1); // no change, no signal
    writeFile(locations().systemFile, "[log]\nlevel=debug\n");
    model.reload();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toStringList(), QStringList{QStringLiteral("log/level")});
}

void TestSettings::resetFallsBack()
{
    writeFile(locations().systemFile, "[ui]\nlanguage=en\n");
    SettingsModel model(locations());
    QVERIFY(model.set(QLatin1String(SettingKey::UiLanguage), QStringLiteral("zh_CN")).ok());
    QCOMPARE(toString(model.sourceOf(QLatin1String(SettingKey::UiLanguage))), toString(SettingSource::User));
    QVERIFY(model.reset(QLatin1String(SettingKey::UiLanguage)).ok());
    QCOMPARE(model.text(QLatin1String(SettingKey::UiLanguage)), QStringLiteral("en"));
    QCOMPARE(toString(model.sourceOf(QLatin1String(SettingKey::UiLanguage))), toString(SettingSource::System));
}

void TestSettings::hasConfiguration()
{
    SettingsModel model(locations());
    QVERIFY(!model.hasConfiguration());
    QVERIFY(model.set(QLatin1String(SettingKey::UiLanguage), QStringLiteral("en")).ok());
    QVERIFY(!model.hasConfiguration()); // the sign-in screen's language alone is not a set-up
    QVERIFY(model.set(QLatin1String(SettingKey::DatabaseMode), QStringLiteral("embedded")).ok());
    QVERIFY(model.hasConfiguration());
    SettingsModel systemOnly({locations().systemFile, m_dir->filePath(QStringLiteral("other/photodesk.conf"))});
    QVERIFY(!systemOnly.hasConfiguration());
    writeFile(locations().systemFile, "[school]\nname=x\n");
    systemOnly.reload();
    QVERIFY(systemOnly.hasConfiguration());
}

void TestSettings::databaseLocation()
{
    qputenv("PHOTODESK_DATA_DIR", m_dir->filePath(QStringLiteral("data")).toUtf8());
    SettingsModel model(locations());
    QCOMPARE(model.databaseLocation(), m_dir->filePath(QStringLiteral("data/photodesk.sqlite")));
    QVERIFY(model.set(QLatin1String(SettingKey::DatabasePath), QStringLiteral("/srv/pd/desk.sqlite")).ok());
    QCOMPARE(model.databaseLocation(), QStringLiteral("/srv/pd/desk.sqlite"));
    QVERIFY(model.setValues({{QLatin1String(SettingKey::DatabaseMode), QStringLiteral("team")},
                             {QLatin1String(SettingKey::DatabaseUrl), QStringLiteral("postgresql://pd@10.0.0.5:5433/photodesk")}})
                .ok());
    QCOMPARE(model.databaseLocation(), QStringLiteral("postgresql://pd@10.0.0.5:5433/photodesk"));
    qunsetenv("PHOTODESK_DATA_DIR");
}

void TestSettings::legacyImport()
{
    const QString legacy = m_dir->filePath(QStringLiteral("PhotoDesk.conf"));
    writeFile(legacy, "[ui]\nlanguage=en\n[platform]\nurl=http://127.0.0.1:4000\n[sms]\nprovider=generic\nendpoint=http://127.0.0.1:4001/generic/sms/send\n");
    SettingsModel model(locations());
    QCOMPARE(model.importLegacy(legacy).size(), 4);
    QCOMPARE(model.text(QLatin1String(SettingKey::SmsProvider)), QStringLiteral("generic"));
    QCOMPARE(toString(model.sourceOf(QLatin1String(SettingKey::PlatformUrl))), toString(SettingSource::User));
    QVERIFY(model.importLegacy(legacy).isEmpty()); // once: the user's file exists now
}

void TestSettings::standardLocationsFollowEnvironment()
{
    qputenv("PHOTODESK_SYSTEM_CONFIG", "/tmp/x/system.conf");
    qputenv("PHOTODESK_CONFIG_DIR", "/tmp/y");
    const SettingsLocations l = SettingsLocations::standard();
    QCOMPARE(l.systemFile, QStringLiteral("/tmp/x/system.conf"));
    QCOMPARE(l.userFile, QStringLiteral("/tmp/y/photodesk.conf"));
    qunsetenv("PHOTODESK_SYSTEM_CONFIG");
    qunsetenv("PHOTODESK_CONFIG_DIR");
    QCOMPARE(SettingsLocations::standard().systemFile, QStringLiteral("/etc/photodesk/photodesk.conf"));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
