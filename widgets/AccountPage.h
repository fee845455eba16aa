#pragma once

#include "core/domain/Types.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace pd {

class AccountModel;
class AuthService;
class Store;
class StoreWorker;

// Account management for administrators: the accounts, adding one with a role and a generated
// initial password (shown once, to be changed at first login), disabling/enabling, resetting a
// password. AuthService checks the role and audits every change.
class AccountPage : public QWidget {
    Q_OBJECT

public:
    AccountPage(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);
    ~AccountPage() override;

    AccountModel* model() const { return m_model; }
    // The password shown once after an add or reset (empty otherwise).
    QString shownPassword() const { return m_shownPassword; }

public slots:
    void refresh();
    void addAccount();
    void toggleDisabled();
    void resetPassword();

signals:
    void statusMessage(const QString& text);
    void listLoaded(int accounts);
    void actionFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();
    void showPasswordOnce(const QString& username, const QString& password);
    QString selectedUsername() const;

    std::shared_ptr<Store> m_store;
    Session m_session;
    std::unique_ptr<StoreWorker> m_worker;
    std::shared_ptr<AuthService> m_auth;
    AccountModel* m_model;
    QTableView* m_view;
    QLabel* m_newLabel;
    QLineEdit* m_username;
    QLineEdit* m_displayName;
    QComboBox* m_role;
    QPushButton* m_add;
    QPushButton* m_toggle;
    QPushButton* m_reset;
    QLabel* m_password;
    QString m_shownPassword;
    bool m_busy = false;
};

} // namespace pd
