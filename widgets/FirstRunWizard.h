#pragma once

#include "core/config/SettingsEditor.h"
#include "core/util/Result.h"

#include <QWizard>

#include <functional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTextBrowser;

namespace pd {

class SettingsModel;

// The administrator's set-up of a desk, shown at the first start (no configuration yet) and from
// File ▸ Set-up wizard… later:
//   1. database: embedded (SQLite file) or team (PostgreSQL URL + password), with a test that
//      really opens it and says the schema version and the migrations the first start applies;
//   2. school name and the SMS signature (the 【…】 every message starts with; a preview);
//   3. collection platform URL and token, tested by listing the first page of submissions;
//   4. SMS provider, gateway and access key, tested by a signed message to a number entered here;
//   5. a summary of what is saved where (secrets: the desktop keychain, never a file).
// Every test runs on a worker thread. Keys the system file locks are shown but cannot be changed.
// Finish hands the changes to `applier` (SettingsEditor: validated, written, audited) and stays
// open, with the reason, when that fails.
class FirstRunWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { DatabasePage, SchoolPage, PlatformPage, SmsPage, SummaryPage };
    using Applier = std::function<Result<SettingsApplyReport>(const QList<SettingChange>&)>;

    FirstRunWizard(SettingsModel& settings, Applier applier, QWidget* parent = nullptr);

    // What Finish saves: the values on the pages (locked keys left out) and the secrets typed in.
    QList<SettingChange> changes() const;
    // The store the pages name (SQLite path or postgresql:// URL without password) and the password typed in.
    QString databaseLocation() const;
    QString databasePassword() const;
    const SettingsApplyReport& lastReport() const { return m_report; }
    bool isChecking() const { return m_running > 0; }

public slots:
    void testDatabase();
    void testPlatform();
    void sendTestSms();

signals:
    // A connection test ended ("database", "platform", "sms").
    void checkFinished(const QString& check, bool ok);

protected:
    void initializePage(int id) override;
    void accept() override;
    void changeEvent(QEvent* event) override;

private:
    void buildDatabasePage();
    void buildSchoolPage();
    void buildPlatformPage();
    void buildSmsPage();
    void buildSummaryPage();
    void retranslate();
    void updateDatabaseMode();
    void updateSignaturePreview();
    void updateSmsFields();
    // A field whose key the system file locks: shown, disabled, saying why.
    void bindLock(QWidget* field, const char* key);
    void showResult(QLabel* label, bool ok, const QString& text);
    QString signName() const;

    SettingsModel& m_settings;
    Applier m_applier;
    SettingsApplyReport m_report;
    int m_running = 0;

    QLabel* m_dbIntro;
    QRadioButton* m_embedded;
    QRadioButton* m_team;
    QLabel* m_dbPathLabel;
    QLineEdit* m_dbPath;
    QPushButton* m_browse;
    QLabel* m_dbUrlLabel;
    QLineEdit* m_dbUrl;
    QLabel* m_dbPasswordLabel;
    QLineEdit* m_dbPassword;
    QPushButton* m_dbTest;
    QLabel* m_dbResult;

    QLabel* m_schoolIntro;
    QLabel* m_schoolLabel;
    QLineEdit* m_school;
    QLabel* m_signLabel;
    QLineEdit* m_sign;
    QLabel* m_signPreview;

    QLabel* m_platformIntro;
    QLabel* m_platformUrlLabel;
    QLineEdit* m_platformUrl;
    QLabel* m_platformTokenLabel;
    QLineEdit* m_platformToken;
    QPushButton* m_platformTest;
    QLabel* m_platformResult;

    QLabel* m_smsIntro;
    QLabel* m_smsProviderLabel;
    QComboBox* m_smsProvider;
    QLabel* m_smsEndpointLabel;
    QLineEdit* m_smsEndpoint;
    QLabel* m_smsKeyIdLabel;
    QLineEdit* m_smsKeyId;
    QLabel* m_smsSecretLabel;
    QLineEdit* m_smsSecret;
    QLabel* m_smsPhoneLabel;
    QLineEdit* m_smsPhone;
    QPushButton* m_smsTest;
    QLabel* m_smsResult;

    QTextBrowser* m_summary;
    QLabel* m_applyError;
    QList<QPair<QWidget*, QString>> m_locked;
};

} // namespace pd
