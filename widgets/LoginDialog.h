#pragma once

#include "core/domain/Types.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace pd {

class Store;
class StoreWorker;

// Sign-in: user name, password and the interface language (中文 / English, switched live).
// The password check runs on a worker thread; errors are shown in the dialog.
class LoginDialog : public QDialog {
    Q_OBJECT

public:
    explicit LoginDialog(std::shared_ptr<Store> store, QWidget* parent = nullptr);
    ~LoginDialog() override;

    // Valid after the dialog was accepted.
    const Session& session() const { return m_session; }
    QString language() const;
    void setUsername(const QString& username);
    QString errorText() const;
    bool isBusy() const { return m_busy; }

public slots:
    void accept() override;

signals:
    void languageSelected(const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void setBusy(bool busy);
    void showError(const QString& text);

    std::shared_ptr<Store> m_store;
    std::unique_ptr<StoreWorker> m_worker;
    Session m_session;
    bool m_busy = false;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_usernameLabel;
    QLabel* m_passwordLabel;
    QLabel* m_languageLabel;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QComboBox* m_language;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace pd
