#pragma once

#include "core/config/SettingsEditor.h"
#include "core/domain/Types.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableView;

namespace pd {

class SettingsModel;
class SettingsTableModel;
class Store;

// File ▸ Settings… for administrators: every non-secret setting with its value and where it
// comes from (default, system file, own settings, command line); keys the system file locks are
// shown read-only. Secrets (platform token, SMS key pair, database password) are entered here
// and stored in the desktop keychain only. Saving goes through SettingsEditor: validated, the
// user's file written and each change audited, all at once.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(SettingsModel& settings, std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);

    SettingsTableModel* tableModel() const { return m_model; }
    QTableView* table() const { return m_table; }
    // Secrets entered in this dialog, saved with the rest (tests set them directly).
    void setSecret(const QString& key, const QString& value);
    // Saves the pending changes; false (with the reason shown) when refused.
    bool apply();
    const SettingsApplyReport& lastReport() const { return m_report; }

signals:
    void wizardRequested();
    // Saved: these keys changed (the application applies what it can at once).
    void applied(const QStringList& keys);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refreshSecrets();
    void askSecret(const QString& key);
    void showError(const QString& text);

    SettingsModel& m_settings;
    std::shared_ptr<Store> m_store;
    Session m_session;
    SettingsTableModel* m_model;
    QTableView* m_table;
    QLabel* m_files;
    QLabel* m_problems;
    QLabel* m_secretsTitle;
    QLabel* m_tokenStatus;
    QLabel* m_smsStatus;
    QLabel* m_dbStatus;
    QPushButton* m_tokenButton;
    QPushButton* m_smsButton;
    QPushButton* m_dbButton;
    QPushButton* m_resetButton;
    QPushButton* m_wizardButton;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QList<SettingChange> m_secrets;
    SettingsApplyReport m_report;
};

// The text of a settings error for people: the setting's label and what is wrong.
QString settingErrorText(const Error& error);

} // namespace pd
