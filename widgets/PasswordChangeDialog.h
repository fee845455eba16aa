#pragma once

#include "core/domain/Types.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace pd {

class Store;

// Shown right after a login with an initial or reset password (Session::mustChangePassword):
// the user sets their own password before working. AuthService checks the old password,
// enforces the rules and audits the change; the dialog only collects the three fields.
class PasswordChangeDialog : public QDialog {
    Q_OBJECT

public:
    PasswordChangeDialog(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);

    QString errorText() const;

public slots:
    void accept() override;

private:
    std::shared_ptr<Store> m_store;
    Session m_session;
    QLabel* m_intro;
    QLineEdit* m_old;
    QLineEdit* m_new;
    QLineEdit* m_repeat;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace pd
