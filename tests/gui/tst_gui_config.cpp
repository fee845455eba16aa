// The first-run wizard and the settings dialog, offscreen, against the real things: the database
// test on a SQLite file and (tst_gui_config_pg) the test PostgreSQL server, the platform test
// against photodesk-platform-sim (right and wrong token), the SMS test message through
// photodesk-sms-gateway (arrived, signed with the school's signature); saving is audited; keys
// the system file locks are read-only. With PHOTODESK_TEST_SCREENSHOT_DIR set, the pages are
// saved as PNG (in Chinese).

#include "GatewayProcess.h"
#include "SimProcess.h"
#include "GuiShot.h"
#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/config/Keychain.h"
#include "core/config/SettingsEditor.h"
#include "core/config/SettingsModel.h"
#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "widgets/FirstRunWizard.h"
#include "widgets/SettingsDialog.h"
#include "widgets/SettingsTableModel.h"
#include "widgets/UiLanguage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace pd;

namespace {
template <class T>
T* child(QWidget* parent, const char* name)
{
    T* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

void setText(QWidget* parent, const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(parent, name);
    QVERIFY2(edit, name);
    edit->clear();
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        QTest::keyClicks(edit, text); // typed, as a person would
    else
        edit->setText(text); // QTest types ASCII only
    QCOMPARE(edit->text(), text);
}

// Clicks the test button and waits for the check to end; gives the result label's text.
QString runCheck(FirstRunWizard& wizard, const char* button, const char* result, bool expectOk)
{
    QSignalSpy finished(&wizard, &FirstRunWizard::checkFinished);
    auto* b = child<QPushButton>(&wizard, button);
    if (!b || !b->isEnabled())
        return QStringLiteral("<button %1 missing or disabled>").arg(QLatin1String(button));
    QTest::mouseClick(b, Qt::LeftButton);
    if (!finished.wait(30000) && finished.isEmpty())
        return QStringLiteral("<no answer>");
    const QString text = child<QLabel>(&wizard, result)->text();
    if (finished.first().at(1).toBool() != expectOk)
        qWarning("unexpected outcome: %s", qPrintable(text));
    return finished.first().at(1).toBool() == expectOk ? text : QStringLiteral("<wrong outcome> ") + text;
}

void shoot(QWidget* w, const QString& name)
{
    QVERIFY2(test::shoot(w, name), qPrintable(name));
}
} // namespace

class TestGuiConfig : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void databaseTestSqlite();
    void databaseTestTeam();
    void platformTest();
    void smsTestMessageArrivesSigned();
    void finishSavesAndAudits();
    void lockedKeysInTheWizard();
    void settingsDialogShowsSourcesAndLocks();

private:
    SettingsLocations locations() const
    {
        return {m_dir->filePath(QStringLiteral("etc/photodesk.conf")), m_dir->filePath(QStringLiteral("user/photodesk.conf"))};
    }
    void writeSystemFile(const QByteArray& text)
    {
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("etc"))));
        QFile f(locations().systemFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestGuiConfig::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    qunsetenv("PHOTODESK_SMS_ACCESS_KEY_ID");
    qunsetenv("PHOTODESK_SMS_ACCESS_KEY_SECRET");
    qunsetenv("PHOTODESK_PLATFORM_TOKEN");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

void TestGuiConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("PHOTODESK_DATA_DIR", m_dir->filePath(QStringLiteral("data")).toUtf8());
}

void TestGuiConfig::cleanup()
{
    Keychain::useMemoryForTesting(false);
}

void TestGuiConfig::databaseTestSqlite()
{
    SettingsModel settings(locations());
    FirstRunWizard wizard(settings, {});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DatabasePage));
    QVERIFY(child<QRadioButton>(&wizard, "embeddedRadio")->isChecked());

    // A file that does not exist yet: created at the first start, never by the test.
    const QString fresh = m_dir->filePath(QStringLiteral("new/pd.sqlite"));
    setText(&wizard, "databasePathEdit", QDir::toNativeSeparators(fresh));
    QString text = runCheck(wizard, "testDatabaseButton", "databaseTestResult", true);
    QVERIFY2(text.contains(QStringLiteral("首次启动")), qPrintable(text));
    QVERIFY(!QFile::exists(fresh));

    // An existing, current store.
    test::TempStore temp(test::Backend::SQLite);
    setText(&wizard, "databasePathEdit", temp.dbPath());
    text = runCheck(wizard, "testDatabaseButton", "databaseTestResult", true);
    QVERIFY2(text.contains(QStringLiteral("SQLite 3")) && text.contains(QStringLiteral("最新")), qPrintable(text));
    shoot(&wizard, QStringLiteral("wizard-1-database-sqlite"));

    // Not a database: a clear failure, and the wizard keeps working.
    const QString notes = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile f(notes);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    setText(&wizard, "databasePathEdit", notes);
    text = runCheck(wizard, "testDatabaseButton", "databaseTestResult", false);
    QVERIFY2(text.contains(QStringLiteral("✗")), qPrintable(text));
}

void TestGuiConfig::databaseTestTeam()
{
    SettingsModel settings(locations());
    FirstRunWizard wizard(settings, {});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto* teamRadio = child<QRadioButton>(&wizard, "teamRadio");
    QTest::mouseClick(teamRadio, Qt::LeftButton, {}, QPoint(8, teamRadio->height() / 2));
    QVERIFY(teamRadio->isChecked());
    QVERIFY(child<QLineEdit>(&wizard, "databaseUrlEdit")->isVisible());
    QVERIFY(!child<QLineEdit>(&wizard, "databasePathEdit")->isVisible());
    auto* next = wizard.button(QWizard::NextButton);

    // A URL with the password in it is refused (the password has its own field).
    setText(&wizard, "databaseUrlEdit", QStringLiteral("postgresql://u:secret@127.0.0.1/pd"));
    QVERIFY(!next->isEnabled());

    if (test::backendFromEnvironment() == test::Backend::PostgreSQL) {
        // The real server: an empty database needs every migration, a migrated one none.
        test::TestDatabase empty(test::Backend::PostgreSQL);
        setText(&wizard, "databaseUrlEdit", empty.location());
        QVERIFY(next->isEnabled());
        QString text = runCheck(wizard, "testDatabaseButton", "databaseTestResult", true);
        QVERIFY2(text.contains(QStringLiteral("PostgreSQL 1")) && text.contains(QString::number(Migrator::available().size())),
                 qPrintable(text));
        shoot(&wizard, QStringLiteral("wizard-1-database-postgresql"));
        test::TempStore migrated(test::Backend::PostgreSQL);
        setText(&wizard, "databaseUrlEdit", migrated.dbPath());
        text = runCheck(wizard, "testDatabaseButton", "databaseTestResult", true);
        QVERIFY2(text.contains(QStringLiteral("最新")), qPrintable(text));
    } else {
        // No server behind the address: a failure that says so.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        setText(&wizard, "databaseUrlEdit", QStringLiteral("postgresql://photodesk@127.0.0.1:%1/photodesk").arg(port));
        setText(&wizard, "databasePasswordEdit", QStringLiteral("pw-SECRET"));
        const QString text = runCheck(wizard, "testDatabaseButton", "databaseTestResult", false);
        QVERIFY2(text.contains(QStringLiteral("无法打开数据库")) && !text.contains(QStringLiteral("pw-SECRET")), qPrintable(text));
    }
}

void TestGuiConfig::platformTest()
{
    test::SimProcess sim({QStringLiteral("--synthetic"), QStringLiteral("5")});
    QVERIFY(sim.ok());
    SettingsModel settings(locations());
    FirstRunWizard wizard(settings, {});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::PlatformPage));
    QVERIFY(!child<QPushButton>(&wizard, "testPlatformButton")->isEnabled()); // no address yet
    setText(&wizard, "platformUrlEdit", sim.url().toString());
    setText(&wizard, "platformTokenEdit", QStringLiteral("wrong-token"));
    QString text = runCheck(wizard, "testPlatformButton", "platformTestResult", false);
    QVERIFY2(text.contains(QStringLiteral("401")), qPrintable(text));
    shoot(&wizard, QStringLiteral("wizard-3-platform-wrong-token"));

    setText(&wizard, "platformTokenEdit", test::SimProcess::token());
    text = runCheck(wizard, "testPlatformButton", "platformTestResult", true);
    QVERIFY2(text.contains(QStringLiteral("5")) && text.contains(QStringLiteral("✓")), qPrintable(text));
    shoot(&wizard, QStringLiteral("wizard-3-platform-ok"));
}

void TestGuiConfig::smsTestMessageArrivesSigned()
{
    test::GatewayProcess gateway;
    SettingsModel settings(locations());
    FirstRunWizard wizard(settings, {});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::SchoolPage));
    setText(&wizard, "schoolNameEdit", QStringLiteral("北方理工大学"));
    setText(&wizard, "smsSignNameEdit", QStringLiteral("北方理工大学"));
    QTRY_VERIFY(child<QLabel>(&wizard, "signaturePreview")->text().contains(QStringLiteral("【北方理工大学】")));
    shoot(&wizard, QStringLiteral("wizard-2-school"));
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::SmsPage));
    auto* provider = child<QComboBox>(&wizard, "smsProviderCombo");
    QVERIFY(!child<QPushButton>(&wizard, "sendTestSmsButton")->isEnabled()); // provider "none"
    provider->setCurrentIndex(provider->findData(QStringLiteral("generic")));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // generic needs its URL
    setText(&wizard, "smsEndpointEdit", gateway.endpoint(QStringLiteral("generic")).toString());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    setText(&wizard, "smsKeyIdEdit", QLatin1String(test::GatewayProcess::kKeyId));
    setText(&wizard, "smsKeySecretEdit", QStringLiteral("not-the-secret"));
    setText(&wizard, "testPhoneEdit", QStringLiteral("13800138000"));
    QString text = runCheck(wizard, "sendTestSmsButton", "smsTestResult", false);
    QVERIFY2(text.contains(QStringLiteral("拒绝")) && !text.contains(QStringLiteral("not-the-secret")), qPrintable(text));
    QCOMPARE(gateway.stats().value(QStringLiteral("deliveries")).toArray().size(), 0);

    setText(&wizard, "smsKeySecretEdit", QLatin1String(test::GatewayProcess::kSecret));
    text = runCheck(wizard, "sendTestSmsButton", "smsTestResult", true);
    QVERIFY2(text.contains(QStringLiteral("【北方理工大学】")), qPrintable(text));
    shoot(&wizard, QStringLiteral("wizard-4-sms-sent"));
    // At the stand-in (which checked the request signature): one message, signed by the school.
    const QJsonArray deliveries = gateway.stats().value(QStringLiteral("deliveries")).toArray();
    QCOMPARE(deliveries.size(), 1);
    QCOMPARE(deliveries.at(0).toObject().value(QStringLiteral("phone")).toString(), QStringLiteral("13800138000"));
    QVERIFY(deliveries.at(0).toObject().value(QStringLiteral("text")).toString().startsWith(QStringLiteral("【北方理工大学】")));

    // Aliyun through its stand-in: the SignName is the school's signature.
    provider->setCurrentIndex(provider->findData(QStringLiteral("aliyun")));
    setText(&wizard, "smsEndpointEdit", gateway.endpoint(QStringLiteral("aliyun")).toString());
    setText(&wizard, "smsKeyIdEdit", QLatin1String(test::GatewayProcess::kKeyId));
    setText(&wizard, "smsKeySecretEdit", QLatin1String(test::GatewayProcess::kSecret));
    setText(&wizard, "testPhoneEdit", QStringLiteral("13900139000"));
    text = runCheck(wizard, "sendTestSmsButton", "smsTestResult", true);
    QVERIFY2(text.contains(QStringLiteral("✓")), qPrintable(text));
    const QJsonObject aliyun = gateway.stats().value(QStringLiteral("deliveries")).toArray().last().toObject();
    QCOMPARE(aliyun.value(QStringLiteral("sign_name")).toString(), QStringLiteral("北方理工大学"));

    setText(&wizard, "testPhoneEdit", QStringLiteral("123"));
    text = runCheck(wizard, "sendTestSmsButton", "smsTestResult", false);
    QVERIFY2(text.contains(QStringLiteral("11")), qPrintable(text));
}

void TestGuiConfig::finishSavesAndAudits()
{
    Keychain::useMemoryForTesting(true);
    test::TempStore temp(test::Backend::SQLite);
    SettingsModel settings(locations());
    std::shared_ptr<Store> store = temp.store();
    FirstRunWizard wizard(settings, [&](const QList<SettingChange>& changes) { return SettingsEditor(settings, store).applyFirstRun(changes); });
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    setText(&wizard, "databasePathEdit", temp.dbPath());
    wizard.next();
    setText(&wizard, "schoolNameEdit", QStringLiteral("北方理工大学"));
    setText(&wizard, "smsSignNameEdit", QStringLiteral("北方理工"));
    wizard.next();
    setText(&wizard, "platformUrlEdit", QStringLiteral("https://platform.example.edu.cn"));
    setText(&wizard, "platformTokenEdit", QStringLiteral("tok-SECRET"));
    wizard.next();
    auto* provider = child<QComboBox>(&wizard, "smsProviderCombo");
    provider->setCurrentIndex(provider->findData(QStringLiteral("tencent")));
    setText(&wizard, "smsKeyIdEdit", QStringLiteral("kid-SECRET"));
    setText(&wizard, "smsKeySecretEdit", QStringLiteral("ksec-SECRET"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::SummaryPage));
    const QString summary = child<QTextBrowser>(&wizard, "summaryText")->toPlainText();
    QVERIFY2(summary.contains(QStringLiteral("北方理工大学")) && !summary.contains(QStringLiteral("SECRET")), qPrintable(summary));
    shoot(&wizard, QStringLiteral("wizard-5-summary"));
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    QVERIFY(wizard.lastReport().secretProblems.isEmpty());

    QCOMPARE(settings.text(QLatin1String(SettingKey::SchoolName)), QStringLiteral("北方理工大学"));
    QCOMPARE(settings.text(QLatin1String(SettingKey::SmsProvider)), QStringLiteral("tencent"));
    QCOMPARE(settings.databaseLocation(), temp.dbPath());
    QVERIFY(settings.hasConfiguration());
    QFile file(locations().userFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("SECRET"));
    QCOMPARE(Keychain::read(QStringLiteral("platform/token")).value(), QStringLiteral("tok-SECRET"));

    Sql q(store->db(), QStringLiteral("SELECT action, object_id, after_value FROM audit_events WHERE object_type = 'setting' ORDER BY id"));
    q.exec();
    QStringList keys;
    while (q.next()) {
        keys << q.value(1).toString();
        QVERIFY(!q.value(2).toString().contains(QStringLiteral("SECRET")));
    }
    for (const char* key : {"database/path", "school/name", "sms/sign_name", "platform/url", "sms/provider", "platform/token", "sms/access_key_id"})
        QVERIFY2(keys.contains(QLatin1String(key)), qPrintable(keys.join(QLatin1Char(' '))));
    QVERIFY(AuditLog(store->db()).verify().ok);
}

void TestGuiConfig::lockedKeysInTheWizard()
{
    writeSystemFile("locked = platform/url, school/name\n[platform]\nurl=https://platform.example.edu.cn\n[school]\nname=示例大学\n");
    SettingsModel settings(locations());
    FirstRunWizard wizard(settings, {});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    auto* school = child<QLineEdit>(&wizard, "schoolNameEdit");
    QCOMPARE(school->text(), QStringLiteral("示例大学"));
    QVERIFY(!school->isEnabled());
    QVERIFY(school->toolTip().contains(locations().systemFile));
    wizard.next();
    QVERIFY(!child<QLineEdit>(&wizard, "platformUrlEdit")->isEnabled());
    for (const SettingChange& c : wizard.changes())
        QVERIFY2(c.key != QLatin1String("platform/url") && c.key != QLatin1String("school/name"), qPrintable(c.key));
}

void TestGuiConfig::settingsDialogShowsSourcesAndLocks()
{
    writeSystemFile("locked = platform/url\n[platform]\nurl=https://platform.example.edu.cn\n[sync]\ninterval_minutes=10\n");
    test::TempStore temp(test::Backend::SQLite);
    const Session admin = test::addUser(temp.store(), QStringLiteral("admin"), Role::Administrator);
    SettingsModel settings(locations());
    QVERIFY(settings.set(QLatin1String(SettingKey::SchoolName), QStringLiteral("示例大学")).ok());
    SettingsDialog dialog(settings, temp.store(), admin);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    SettingsTableModel* model = dialog.tableModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    auto cell = [model](const char* key, int column) { return model->index(model->rowOf(QLatin1String(key)), column); };
    // Where each value comes from; the locked one is read-only.
    QCOMPARE(cell(SettingKey::PlatformUrl, SettingsTableModel::SourceColumn).data().toString(), QStringLiteral("系统配置（已锁定）"));
    QVERIFY(!(model->flags(cell(SettingKey::PlatformUrl, SettingsTableModel::ValueColumn)) & Qt::ItemIsEditable));
    QCOMPARE(cell(SettingKey::SyncIntervalMinutes, SettingsTableModel::SourceColumn).data().toString(), QStringLiteral("系统配置"));
    QCOMPARE(cell(SettingKey::SchoolName, SettingsTableModel::SourceColumn).data().toString(), QStringLiteral("用户设置"));
    QCOMPARE(cell(SettingKey::LogLevel, SettingsTableModel::SourceColumn).data().toString(), QStringLiteral("默认"));
    QVERIFY(model->flags(cell(SettingKey::SchoolName, SettingsTableModel::ValueColumn)) & Qt::ItemIsEditable);
    QVERIFY(!model->setData(cell(SettingKey::PlatformUrl, SettingsTableModel::ValueColumn), QStringLiteral("https://other.example.org")));
    auto* files = child<QLabel>(&dialog, "settingsFiles");
    QVERIFY2(files->text().contains(locations().systemFile) && files->text().contains(QStringLiteral("平台地址")), qPrintable(files->text()));
    dialog.table()->scrollTo(cell(SettingKey::PlatformUrl, 0));
    shoot(&dialog, QStringLiteral("settings-dialog-locked"));

    // An invalid value is refused, naming the setting.
    QVERIFY(!model->setData(cell(SettingKey::SyncIntervalMinutes, SettingsTableModel::ValueColumn), 0));
    QVERIFY2(child<QLabel>(&dialog, "settingsMessage")->text().contains(QStringLiteral("同步间隔")),
             qPrintable(child<QLabel>(&dialog, "settingsMessage")->text()));

    // Edits are saved together and each is audited with before/after.
    QVERIFY(model->setData(cell(SettingKey::SyncIntervalMinutes, SettingsTableModel::ValueColumn), 20));
    QVERIFY(model->setData(cell(SettingKey::LogLevel, SettingsTableModel::ValueColumn), QStringLiteral("debug")));
    QVERIFY(model->hasPendingChanges());
    QTest::mouseClick(dialog.findChild<QDialogButtonBox*>(QStringLiteral("settingsButtons"))->button(QDialogButtonBox::Apply), Qt::LeftButton);
    QVERIFY(!model->hasPendingChanges());
    QCOMPARE(settings.integer(QLatin1String(SettingKey::SyncIntervalMinutes)), 20);
    QCOMPARE(cell(SettingKey::SyncIntervalMinutes, SettingsTableModel::SourceColumn).data().toString(), QStringLiteral("用户设置"));
    Sql q(temp.store()->db(), QStringLiteral("SELECT object_id, before_value, after_value, actor FROM audit_events WHERE action = 'setting.change' ORDER BY id"));
    q.exec();
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("sync/interval_minutes"));
    QVERIFY(q.value(1).toString().contains(QStringLiteral("\"system\"")) && q.value(1).toString().contains(QStringLiteral("10")));
    QVERIFY(q.value(2).toString().contains(QStringLiteral("20")));
    QCOMPARE(q.value(3).toString(), QStringLiteral("admin"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("log/level"));
    QVERIFY(!q.next());
    QVERIFY(child<QLabel>(&dialog, "settingsMessage")->text().contains(QStringLiteral("审计")));

    // Not for other roles: the core refuses, the dialog shows it read-only.
    const Session supervisor = test::addUser(temp.store(), QStringLiteral("sup"), Role::Supervisor);
    SettingsDialog readOnly(settings, temp.store(), supervisor);
    QVERIFY(!readOnly.findChild<QPushButton*>(QStringLiteral("platformTokenButton"))->isEnabled());
    QCOMPARE(readOnly.table()->editTriggers(), QAbstractItemView::NoEditTriggers);
}

QTEST_MAIN(TestGuiConfig)
#include "tst_gui_config.moc"
