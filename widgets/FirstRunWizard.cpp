#include "widgets/FirstRunWizard.h"

#include "core/config/ConnectionChecks.h"
#include "core/config/Keychain.h"
#include "core/config/SettingsModel.h"
#include "core/notify/SmsComposer.h"
#include "core/notify/SmsCredentials.h"
#include "core/review/ReasonCatalog.h"
#include "widgets/ErrorTexts.h"
#include "widgets/SettingsDialog.h"
#include "widgets/SettingsTableModel.h"
#include "widgets/SyncController.h"
#include "widgets/WhenFinished.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pd {

namespace {
// A page whose Next/Finish is enabled by a test of its fields.
class FormPage : public QWizardPage {
public:
    explicit FormPage(std::function<bool()> complete, QWidget* parent = nullptr) : QWizardPage(parent), m_complete(std::move(complete)) {}
    bool isComplete() const override { return m_complete ? m_complete() : true; }
    void changed() { emit completeChanged(); }

private:
    std::function<bool()> m_complete;
};

bool valid(const char* key, const QString& value)
{
    return SettingsCatalog::validate(QLatin1String(key), value).ok();
}

QLabel* resultLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLineEdit* lineEdit(const QString& name, QWidget* parent, bool password = false)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    if (password)
        edit->setEchoMode(QLineEdit::Password);
    return edit;
}
} // namespace

FirstRunWizard::FirstRunWizard(SettingsModel& settings, Applier applier, QWidget* parent)
    : QWizard(parent), m_settings(settings), m_applier(std::move(applier))
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    buildDatabasePage();
    buildSchoolPage();
    buildPlatformPage();
    buildSmsPage();
    buildSummaryPage();
    retranslate();
    resize(820, 640);
}

void FirstRunWizard::bindLock(QWidget* field, const char* key)
{
    if (!m_settings.isLocked(QLatin1String(key)))
        return;
    field->setEnabled(false);
    m_locked.append({field, QLatin1String(key)});
}

// ---------------------------------------------------------------- pages

void FirstRunWizard::buildDatabasePage()
{
    auto* page = new FormPage([this] {
        return m_embedded->isChecked() ? !m_dbPath->text().trimmed().isEmpty() : valid(SettingKey::DatabaseUrl, m_dbUrl->text()) && !m_dbUrl->text().trimmed().isEmpty();
    });
    page->setObjectName(QStringLiteral("databasePage"));
    m_dbIntro = new QLabel(page);
    m_dbIntro->setWordWrap(true);
    m_embedded = new QRadioButton(page);
    m_embedded->setObjectName(QStringLiteral("embeddedRadio"));
    m_team = new QRadioButton(page);
    m_team->setObjectName(QStringLiteral("teamRadio"));
    auto* group = new QButtonGroup(page);
    group->addButton(m_embedded);
    group->addButton(m_team);
    const bool team = m_settings.text(QLatin1String(SettingKey::DatabaseMode)) == QLatin1String("team");
    (team ? m_team : m_embedded)->setChecked(true);

    m_dbPathLabel = new QLabel(page);
    m_dbPath = lineEdit(QStringLiteral("databasePathEdit"), page);
    m_dbPath->setText(QDir::toNativeSeparators(team ? SettingsModel::userDataDir() + QStringLiteral("/photodesk.sqlite") : m_settings.databaseLocation()));
    m_browse = new QPushButton(page);
    m_browse->setObjectName(QStringLiteral("browseDatabaseButton"));
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, m_dbPathLabel->text(), m_dbPath->text(), QStringLiteral("SQLite (*.sqlite *.db)"),
                                                          nullptr, QFileDialog::DontConfirmOverwrite);
        if (!file.isEmpty())
            m_dbPath->setText(QDir::toNativeSeparators(file));
    });
    m_dbUrlLabel = new QLabel(page);
    m_dbUrl = lineEdit(QStringLiteral("databaseUrlEdit"), page);
    m_dbUrl->setPlaceholderText(QStringLiteral("postgresql://photodesk@db.example.edu.cn:5432/photodesk"));
    m_dbUrl->setText(m_settings.text(QLatin1String(SettingKey::DatabaseUrl)));
    m_dbPasswordLabel = new QLabel(page);
    m_dbPassword = lineEdit(QStringLiteral("databasePasswordEdit"), page, true);
    m_dbTest = new QPushButton(page);
    m_dbTest->setObjectName(QStringLiteral("testDatabaseButton"));
    connect(m_dbTest, &QPushButton::clicked, this, &FirstRunWizard::testDatabase);
    m_dbResult = resultLabel(QStringLiteral("databaseTestResult"), page);

    for (QRadioButton* r : {m_embedded, m_team})
        connect(r, &QRadioButton::toggled, this, [this, page] {
            updateDatabaseMode();
            page->changed();
        });
    for (QLineEdit* e : {m_dbPath, m_dbUrl})
        connect(e, &QLineEdit::textChanged, this, [this, page] {
            m_dbResult->clear();
            page->changed();
        });
    bindLock(m_embedded, SettingKey::DatabaseMode);
    bindLock(m_team, SettingKey::DatabaseMode);
    bindLock(m_dbPath, SettingKey::DatabasePath);
    bindLock(m_browse, SettingKey::DatabasePath);
    bindLock(m_dbUrl, SettingKey::DatabaseUrl);

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_dbPath, 1);
    pathRow->addWidget(m_browse);
    auto* form = new QFormLayout;
    form->addRow(m_dbPathLabel, pathRow);
    form->addRow(m_dbUrlLabel, m_dbUrl);
    form->addRow(m_dbPasswordLabel, m_dbPassword);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_dbIntro);
    layout->addWidget(m_embedded);
    layout->addWidget(m_team);
    layout->addLayout(form);
    layout->addWidget(m_dbTest, 0, Qt::AlignLeft);
    layout->addWidget(m_dbResult);
    layout->addStretch(1);
    setPage(DatabasePage, page);
    updateDatabaseMode();
}

void FirstRunWizard::buildSchoolPage()
{
    auto* page = new FormPage([this] {
        return valid(SettingKey::SchoolName, m_school->text()) && valid(SettingKey::SmsSignName, m_sign->text());
    });
    page->setObjectName(QStringLiteral("schoolPage"));
    m_schoolIntro = new QLabel(page);
    m_schoolIntro->setWordWrap(true);
    m_schoolLabel = new QLabel(page);
    m_school = lineEdit(QStringLiteral("schoolNameEdit"), page);
    m_school->setText(m_settings.text(QLatin1String(SettingKey::SchoolName)));
    m_signLabel = new QLabel(page);
    m_sign = lineEdit(QStringLiteral("smsSignNameEdit"), page);
    m_sign->setText(m_settings.text(QLatin1String(SettingKey::SmsSignName)));
    m_signPreview = resultLabel(QStringLiteral("signaturePreview"), page);
    m_signPreview->setTextFormat(Qt::PlainText);
    m_signPreview->setStyleSheet(QStringLiteral("QLabel { background: #f4f6f8; border: 1px solid #d0d7de; border-radius: 4px; padding: 8px; }"));
    for (QLineEdit* e : {m_school, m_sign})
        connect(e, &QLineEdit::textChanged, this, [this, page] {
            updateSignaturePreview();
            page->changed();
        });
    bindLock(m_school, SettingKey::SchoolName);
    bindLock(m_sign, SettingKey::SmsSignName);
    auto* form = new QFormLayout;
    form->addRow(m_schoolLabel, m_school);
    form->addRow(m_signLabel, m_sign);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_schoolIntro);
    layout->addLayout(form);
    layout->addWidget(m_signPreview);
    layout->addStretch(1);
    setPage(SchoolPage, page);
}

void FirstRunWizard::buildPlatformPage()
{
    auto* page = new FormPage([this] { return valid(SettingKey::PlatformUrl, m_platformUrl->text()); });
    page->setObjectName(QStringLiteral("platformPage"));
    m_platformIntro = new QLabel(page);
    m_platformIntro->setWordWrap(true);
    m_platformUrlLabel = new QLabel(page);
    m_platformUrl = lineEdit(QStringLiteral("platformUrlEdit"), page);
    m_platformUrl->setPlaceholderText(QStringLiteral("https://platform.example.edu.cn"));
    m_platformUrl->setText(m_settings.text(QLatin1String(SettingKey::PlatformUrl)));
    m_platformTokenLabel = new QLabel(page);
    m_platformToken = lineEdit(QStringLiteral("platformTokenEdit"), page, true);
    m_platformTest = new QPushButton(page);
    m_platformTest->setObjectName(QStringLiteral("testPlatformButton"));
    connect(m_platformTest, &QPushButton::clicked, this, &FirstRunWizard::testPlatform);
    m_platformResult = resultLabel(QStringLiteral("platformTestResult"), page);
    for (QLineEdit* e : {m_platformUrl, m_platformToken})
        connect(e, &QLineEdit::textChanged, this, [this, page] {
            m_platformResult->clear();
            m_platformTest->setEnabled(!m_platformUrl->text().trimmed().isEmpty());
            page->changed();
        });
    m_platformTest->setEnabled(!m_platformUrl->text().trimmed().isEmpty());
    bindLock(m_platformUrl, SettingKey::PlatformUrl);
    auto* form = new QFormLayout;
    form->addRow(m_platformUrlLabel, m_platformUrl);
    form->addRow(m_platformTokenLabel, m_platformToken);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_platformIntro);
    layout->addLayout(form);
    layout->addWidget(m_platformTest, 0, Qt::AlignLeft);
    layout->addWidget(m_platformResult);
    layout->addStretch(1);
    setPage(PlatformPage, page);
}

void FirstRunWizard::buildSmsPage()
{
    auto* page = new FormPage([this] {
        const QString provider = m_smsProvider->currentData().toString();
        if (!valid(SettingKey::SmsEndpoint, m_smsEndpoint->text()))
            return false;
        return provider != QLatin1String("generic") || !m_smsEndpoint->text().trimmed().isEmpty();
    });
    page->setObjectName(QStringLiteral("smsPage"));
    m_smsIntro = new QLabel(page);
    m_smsIntro->setWordWrap(true);
    m_smsProviderLabel = new QLabel(page);
    m_smsProvider = new QComboBox(page);
    m_smsProvider->setObjectName(QStringLiteral("smsProviderCombo"));
    for (const QString& choice : SettingsCatalog::find(QLatin1String(SettingKey::SmsProvider))->choices)
        m_smsProvider->addItem(QString(), choice);
    m_smsProvider->setCurrentIndex(qMax(0, m_smsProvider->findData(m_settings.text(QLatin1String(SettingKey::SmsProvider)))));
    m_smsEndpointLabel = new QLabel(page);
    m_smsEndpoint = lineEdit(QStringLiteral("smsEndpointEdit"), page);
    m_smsEndpoint->setText(m_settings.text(QLatin1String(SettingKey::SmsEndpoint)));
    m_smsKeyIdLabel = new QLabel(page);
    m_smsKeyId = lineEdit(QStringLiteral("smsKeyIdEdit"), page);
    m_smsSecretLabel = new QLabel(page);
    m_smsSecret = lineEdit(QStringLiteral("smsKeySecretEdit"), page, true);
    m_smsPhoneLabel = new QLabel(page);
    m_smsPhone = lineEdit(QStringLiteral("testPhoneEdit"), page);
    m_smsPhone->setPlaceholderText(QStringLiteral("13800138000"));
    m_smsTest = new QPushButton(page);
    m_smsTest->setObjectName(QStringLiteral("sendTestSmsButton"));
    connect(m_smsTest, &QPushButton::clicked, this, &FirstRunWizard::sendTestSms);
    m_smsResult = resultLabel(QStringLiteral("smsTestResult"), page);
    connect(m_smsProvider, &QComboBox::currentIndexChanged, this, [this, page] {
        updateSmsFields();
        page->changed();
    });
    for (QLineEdit* e : {m_smsEndpoint, m_smsKeyId, m_smsSecret, m_smsPhone})
        connect(e, &QLineEdit::textChanged, this, [this, page] {
            m_smsResult->clear();
            page->changed();
        });
    bindLock(m_smsProvider, SettingKey::SmsProvider);
    bindLock(m_smsEndpoint, SettingKey::SmsEndpoint);
    auto* form = new QFormLayout;
    form->addRow(m_smsProviderLabel, m_smsProvider);
    form->addRow(m_smsEndpointLabel, m_smsEndpoint);
    form->addRow(m_smsKeyIdLabel, m_smsKeyId);
    form->addRow(m_smsSecretLabel, m_smsSecret);
    form->addRow(m_smsPhoneLabel, m_smsPhone);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_smsIntro);
    layout->addLayout(form);
    layout->addWidget(m_smsTest, 0, Qt::AlignLeft);
    layout->addWidget(m_smsResult);
    layout->addStretch(1);
    setPage(SmsPage, page);
    updateSmsFields();
}

void FirstRunWizard::buildSummaryPage()
{
    auto* page = new QWizardPage(this);
    page->setObjectName(QStringLiteral("summaryPage"));
    m_summary = new QTextBrowser(page);
    m_summary->setObjectName(QStringLiteral("summaryText"));
    m_applyError = resultLabel(QStringLiteral("applyError"), page);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_applyError);
    setPage(SummaryPage, page);
}

// ---------------------------------------------------------------- texts

void FirstRunWizard::retranslate()
{
    setWindowTitle(tr("PhotoDesk set-up"));
    setButtonText(QWizard::NextButton, tr("Next >"));
    setButtonText(QWizard::BackButton, tr("< Back"));
    setButtonText(QWizard::FinishButton, tr("Save"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));

    page(DatabasePage)->setTitle(tr("Database"));
    page(DatabasePage)->setSubTitle(tr("Where this desk keeps submissions, decisions and the audit log."));
    m_dbIntro->setText(tr("A single desk keeps everything in one file on this computer. Several desks that share one queue "
                          "use the school's PostgreSQL server."));
    m_embedded->setText(tr("Embedded: a SQLite file on this computer"));
    m_team->setText(tr("Team: the school's PostgreSQL server, shared by every desk"));
    m_dbPathLabel->setText(tr("Database file:"));
    m_browse->setText(tr("Choose…"));
    m_dbUrlLabel->setText(tr("Server URL:"));
    m_dbPasswordLabel->setText(tr("Password:"));
    m_dbPassword->setPlaceholderText(tr("kept in the desktop keychain, never in a file"));
    m_dbTest->setText(tr("Test connection"));

    page(SchoolPage)->setTitle(tr("School"));
    page(SchoolPage)->setSubTitle(tr("The school's name and the signature every SMS to students starts with."));
    m_schoolIntro->setText(tr("The SMS signature must be the one registered with the SMS provider, without the 【】 brackets "
                              "(PhotoDesk adds them). Left empty, the signature of the SMS templates is used."));
    m_schoolLabel->setText(tr("School name:"));
    m_signLabel->setText(tr("SMS signature:"));

    page(PlatformPage)->setTitle(tr("Collection platform"));
    page(PlatformPage)->setSubTitle(tr("Where submissions come from and decisions go to. Leave the address empty to work without it."));
    m_platformIntro->setText(tr("The test lists the first page of pending submissions with this token."));
    m_platformUrlLabel->setText(tr("Platform address:"));
    m_platformTokenLabel->setText(tr("Access token:"));
    m_platformToken->setPlaceholderText(tr("kept in the desktop keychain, never in a file"));
    m_platformTest->setText(tr("Test connection"));

    page(SmsPage)->setTitle(tr("SMS"));
    page(SmsPage)->setSubTitle(tr("The gateway that tells students about decisions."));
    m_smsIntro->setText(tr("The test sends one signed message to the number you enter, through the same code that sends the "
                           "students' messages."));
    m_smsProviderLabel->setText(tr("Provider:"));
    for (int i = 0; i < m_smsProvider->count(); ++i)
        m_smsProvider->setItemText(i, SettingsTableModel::choiceText(QLatin1String(SettingKey::SmsProvider), m_smsProvider->itemData(i).toString()));
    m_smsEndpointLabel->setText(tr("Gateway URL:"));
    m_smsEndpoint->setPlaceholderText(tr("empty: the provider's public address"));
    m_smsKeyIdLabel->setText(tr("Access key id:"));
    m_smsSecretLabel->setText(tr("Access key secret:"));
    m_smsKeyId->setPlaceholderText(tr("kept in the desktop keychain, never in a file"));
    m_smsSecret->setPlaceholderText(tr("kept in the desktop keychain, never in a file"));
    m_smsPhoneLabel->setText(tr("Test number:"));
    m_smsTest->setText(tr("Send test message"));

    page(SummaryPage)->setTitle(tr("Summary"));
    page(SummaryPage)->setSubTitle(tr("Saved for this desk's user; each change is recorded in the audit log."));

    for (const auto& [field, key] : std::as_const(m_locked))
        field->setToolTip(tr("Locked by the system configuration %1").arg(m_settings.locations().systemFile));
    updateSignaturePreview();
    if (currentId() == SummaryPage)
        initializePage(SummaryPage);
}

void FirstRunWizard::updateDatabaseMode()
{
    const bool team = m_team->isChecked();
    for (QWidget* w : std::initializer_list<QWidget*>{m_dbPathLabel, m_dbPath, m_browse})
        w->setVisible(!team);
    for (QWidget* w : std::initializer_list<QWidget*>{m_dbUrlLabel, m_dbUrl, m_dbPasswordLabel, m_dbPassword})
        w->setVisible(team);
    m_dbResult->clear();
}

QString FirstRunWizard::signName() const
{
    const QString typed = m_sign->text().trimmed();
    return typed.isEmpty() ? SmsComposer::builtIn().signName() : typed;
}

void FirstRunWizard::updateSignaturePreview()
{
    Student student;
    student.name = tr("Zhang San");
    auto composer = SmsComposer::builtIn().withSignName(signName());
    const SmsComposer& c = composer ? composer.value() : SmsComposer::builtIn();
    const SmsText text = c.compose(student, Verdict::Approve, {}, ReasonCatalog::builtIn(), QStringLiteral("zh"));
    m_signPreview->setText(tr("Example SMS (%n character(s)):", "", text.characters) + QLatin1Char('\n') + text.text);
}

void FirstRunWizard::updateSmsFields()
{
    const QString provider = m_smsProvider->currentData().toString();
    const bool none = provider == QLatin1String("none");
    for (QWidget* w : std::initializer_list<QWidget*>{m_smsEndpoint, m_smsKeyId, m_smsSecret, m_smsPhone, m_smsTest})
        w->setEnabled(!none);
    if (m_settings.isLocked(QLatin1String(SettingKey::SmsEndpoint)))
        m_smsEndpoint->setEnabled(false);
    m_smsResult->clear();
}

void FirstRunWizard::showResult(QLabel* label, bool ok, const QString& text)
{
    label->setText(QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
                       .arg(ok ? QStringLiteral("#1b5e20") : QStringLiteral("#b00020"), ok ? QStringLiteral("✓") : QStringLiteral("✗"),
                            text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
}

// ---------------------------------------------------------------- connection tests

QString FirstRunWizard::databaseLocation() const
{
    return m_team->isChecked() ? m_dbUrl->text().trimmed() : QDir::fromNativeSeparators(m_dbPath->text().trimmed());
}

QString FirstRunWizard::databasePassword() const
{
    return m_team->isChecked() ? m_dbPassword->text() : QString();
}

void FirstRunWizard::testDatabase()
{
    const QString location = databaseLocation();
    if (m_team->isChecked()) {
        if (auto ok = SettingsCatalog::validate(QLatin1String(SettingKey::DatabaseUrl), location); !ok || location.isEmpty()) {
            showResult(m_dbResult, false, ok ? tr("Enter the server URL.") : settingErrorText(ok.error()));
            emit checkFinished(QStringLiteral("database"), false);
            return;
        }
    }
    QString password = databasePassword();
    ++m_running;
    m_dbTest->setEnabled(false);
    m_dbResult->setText(tr("Connecting…"));
    const bool team = m_team->isChecked();
    SettingsModel* settings = &m_settings;
    whenFinished(this, QtConcurrent::run([location, password, team, settings] {
                     QString pw = password;
                     if (team && pw.isEmpty() && qEnvironmentVariableIsEmpty("PHOTODESK_DB_PASSWORD"))
                         if (auto stored = loadSecret(*settings, QLatin1String(SettingKey::DatabasePassword)))
                             pw = stored.value();
                     return probeDatabase(location, pw);
                 }),
                 [this](const Result<DatabaseProbe>& probe) {
                     --m_running;
                     m_dbTest->setEnabled(true);
                     if (!probe) {
                         QString text = ErrorTexts::text(probe.error());
                         if (probe.error().code == QLatin1String("database-folder"))
                             text = tr("The folder for the database file cannot be created or written.");
                         showResult(m_dbResult, false, text + QLatin1Char('\n') + probe.error().message);
                         emit checkFinished(QStringLiteral("database"), false);
                         return;
                     }
                     const DatabaseProbe& p = probe.value();
                     QString text;
                     if (!p.exists)
                         text = tr("The file does not exist yet: PhotoDesk creates it at the first start (%n migration(s)).", "", p.migrationsNeeded);
                     else if (p.migrationsNeeded == 0)
                         text = tr("Connected to %1. Schema version %2: up to date.").arg(p.server).arg(p.schemaVersion);
                     else
                         text = tr("Connected to %1. Schema version %2 of %3: %n migration(s) will be applied at the first start.", "",
                                   p.migrationsNeeded)
                                    .arg(p.server)
                                    .arg(p.schemaVersion)
                                    .arg(p.latestVersion);
                     showResult(m_dbResult, true, text);
                     emit checkFinished(QStringLiteral("database"), true);
                 });
}

void FirstRunWizard::testPlatform()
{
    PlatformConfig config;
    config.baseUrl = QUrl(m_platformUrl->text().trimmed());
    config.token = m_platformToken->text();
    config.timeoutMs = 10000;
    config.extraCaFile = m_settings.text(QLatin1String(SettingKey::PlatformCaFile));
    config.pinnedCertSha256 = m_settings.text(QLatin1String(SettingKey::PlatformPinnedCert));
    ++m_running;
    m_platformTest->setEnabled(false);
    m_platformResult->setText(tr("Asking the platform…"));
    SettingsModel* settings = &m_settings;
    whenFinished(this, QtConcurrent::run([config, settings]() mutable {
                     if (config.token.isEmpty())
                         if (auto stored = loadSecret(*settings, QLatin1String(SettingKey::PlatformToken)))
                             config.token = stored.value();
                     return probePlatform(config);
                 }),
                 [this, config](const Result<PlatformProbe>& probe) {
                     --m_running;
                     m_platformTest->setEnabled(true);
                     if (probe) {
                         showResult(m_platformResult, true,
                                    probe->pending >= 0 ? tr("Connected: %n submission(s) waiting on the platform (answered in %1 ms).", "",
                                                             probe->pending)
                                                              .arg(probe->elapsedMs)
                                                        : tr("Connected (answered in %1 ms).").arg(probe->elapsedMs));
                         emit checkFinished(QStringLiteral("platform"), true);
                         return;
                     }
                     const QString code = probe.error().code;
                     QString text;
                     if (code == QLatin1String("platform-auth"))
                         text = tr("The platform refused the access token (HTTP 401/403). Check the token.");
                     else if (code == QLatin1String("platform-timeout"))
                         text = tr("The platform did not answer within %1 seconds.").arg(config.timeoutMs / 1000);
                     else if (code == QLatin1String("tls-error") || code == QLatin1String("tls-pin"))
                         text = tr("The secure connection (TLS) could not be established or verified. Check the address (https), the "
                                   "certificate and the campus CA.");
                     else if (code == QLatin1String("platform-unreachable"))
                         text = tr("The platform cannot be reached at this address.");
                     else
                         text = ErrorTexts::text(probe.error());
                     showResult(m_platformResult, false, text + QLatin1Char('\n') + probe.error().message);
                     emit checkFinished(QStringLiteral("platform"), false);
                 });
}

void FirstRunWizard::sendTestSms()
{
    const auto kind = smsProviderKindFromString(m_smsProvider->currentData().toString());
    if (!kind)
        return;
    DeskServicesConfig desk;
    desk.smsEndpoint = QUrl(m_smsEndpoint->text().trimmed());
    desk.smsRegion = m_settings.text(QLatin1String(SettingKey::SmsRegion));
    desk.smsSdkAppId = m_settings.text(QLatin1String(SettingKey::SmsSdkAppId));
    desk.smsTemplateApproved = m_settings.text(QLatin1String(SettingKey::SmsTemplateApproved));
    desk.smsTemplateRejected = m_settings.text(QLatin1String(SettingKey::SmsTemplateRejected));
    SmsProviderConfig config = desk.smsProviderConfig(*kind, signName());
    config.credentials = {m_smsKeyId->text().trimmed(), m_smsSecret->text()};
    const QString phone = m_smsPhone->text().trimmed();
    ++m_running;
    m_smsTest->setEnabled(false);
    m_smsResult->setText(tr("Sending…"));
    whenFinished(this, QtConcurrent::run([config, phone]() mutable {
                     if (config.credentials.keyId.isEmpty() && config.credentials.secret.isEmpty())
                         if (auto stored = loadSmsCredentials(config.kind))
                             config.credentials = stored.value();
                     return pd::sendTestSms(config, phone);
                 }),
                 [this](const Result<SmsTestResult>& sent) {
                     --m_running;
                     m_smsTest->setEnabled(true);
                     if (sent) {
                         showResult(m_smsResult, true, tr("Sent: the gateway accepted the signed test message (id %1).").arg(sent->messageId)
                                                           + QLatin1Char('\n') + sent->text);
                         emit checkFinished(QStringLiteral("sms"), true);
                         return;
                     }
                     const QString code = sent.error().code;
                     QString text;
                     if (code == QLatin1String("sms-phone-invalid"))
                         text = tr("Enter a mainland mobile number (11 digits).");
                     else if (code == QLatin1String("sms-credentials-missing"))
                         text = tr("Enter the access key id and secret (or provide them in the environment or the keychain).");
                     else if (code == QLatin1String("sms-rejected"))
                         text = tr("The SMS gateway refused the message (access key, signature or template):");
                     else
                         text = tr("The SMS gateway could not be reached or did not answer:");
                     showResult(m_smsResult, false, text + QLatin1Char('\n') + sent.error().message);
                     emit checkFinished(QStringLiteral("sms"), false);
                 });
}

// ---------------------------------------------------------------- saving

QList<SettingChange> FirstRunWizard::changes() const
{
    QList<SettingChange> changes;
    auto add = [&](const char* key, const QVariant& value) {
        if (!m_settings.isLocked(QLatin1String(key)))
            changes.append({QLatin1String(key), value, false});
    };
    const bool team = m_team->isChecked();
    add(SettingKey::DatabaseMode, team ? QStringLiteral("team") : QStringLiteral("embedded"));
    if (team)
        add(SettingKey::DatabaseUrl, m_dbUrl->text().trimmed());
    else
        add(SettingKey::DatabasePath, QDir::fromNativeSeparators(m_dbPath->text().trimmed()));
    add(SettingKey::SchoolName, m_school->text().trimmed());
    add(SettingKey::SmsSignName, m_sign->text().trimmed());
    add(SettingKey::PlatformUrl, m_platformUrl->text().trimmed());
    const QString provider = m_smsProvider->currentData().toString();
    add(SettingKey::SmsProvider, provider);
    if (provider != QLatin1String("none"))
        add(SettingKey::SmsEndpoint, m_smsEndpoint->text().trimmed());
    auto secret = [&](const char* key, const QString& value) {
        if (!value.isEmpty())
            changes.append({QLatin1String(key), value, false});
    };
    if (team)
        secret(SettingKey::DatabasePassword, m_dbPassword->text());
    if (!m_platformUrl->text().trimmed().isEmpty())
        secret(SettingKey::PlatformToken, m_platformToken->text());
    if (provider != QLatin1String("none")) {
        secret(SettingKey::SmsAccessKeyId, m_smsKeyId->text().trimmed());
        secret(SettingKey::SmsAccessKeySecret, m_smsSecret->text());
    }
    return changes;
}

void FirstRunWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id != SummaryPage)
        return;
    m_applyError->clear();
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    for (const SettingChange& c : changes()) {
        const SettingSpec* spec = SettingsCatalog::find(c.key);
        QString value = spec->secret ? tr("(entered; stored in the desktop keychain)") : c.value.toString();
        if (!spec->secret && spec->type == SettingType::Choice)
            value = SettingsTableModel::choiceText(c.key, value);
        if (!spec->secret && value.isEmpty())
            value = tr("(not set)");
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(SettingsTableModel::label(c.key).toHtmlEscaped(), value.toHtmlEscaped());
    }
    for (const QString& key : m_settings.lockedKeys())
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(SettingsTableModel::label(key).toHtmlEscaped(),
                         tr("%1 — locked by the system configuration").arg(m_settings.text(key)).toHtmlEscaped());
    html += QStringLiteral("</table><p>") + tr("Settings file: %1").arg(m_settings.locations().userFile).toHtmlEscaped() + QStringLiteral("</p>");
    if (!Keychain::available())
        html += QStringLiteral("<p style=\"color:#9a5b00\">")
                + tr("This session has no desktop keychain: secrets entered here cannot be stored. Provide them in the environment "
                     "instead (PHOTODESK_DB_PASSWORD, PHOTODESK_PLATFORM_TOKEN, PHOTODESK_SMS_ACCESS_KEY_ID / _SECRET).")
                      .toHtmlEscaped()
                + QStringLiteral("</p>");
    m_summary->setHtml(html);
}

void FirstRunWizard::accept()
{
    if (!m_applier) {
        QWizard::accept();
        return;
    }
    auto applied = m_applier(changes());
    if (!applied) {
        showResult(m_applyError, false, tr("Not saved: %1").arg(settingErrorText(applied.error())));
        return;
    }
    m_report = applied.value();
    QWizard::accept();
}

void FirstRunWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

} // namespace pd
