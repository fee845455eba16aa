#include "widgets/PasswordChangeDialog.h"

#include "core/auth/AuthService.h"
#include "core/store/Store.h"
#include "widgets/ErrorTexts.h"
#include "widgets/WhenFinished.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pd {

PasswordChangeDialog::PasswordChangeDialog(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QDialog(parent), m_store(std::move(store)), m_session(std::move(session))
{
    setObjectName(QStringLiteral("passwordChangeDialog"));
    setWindowTitle(tr("Choose a new password"));
    m_intro = new QLabel(tr("You signed in with an initial or reset password. Choose your own password before you start."), this);
    m_intro->setWordWrap(true);
    m_old = new QLineEdit(this);
    m_old->setObjectName(QStringLiteral("oldPasswordEdit"));
    m_new = new QLineEdit(this);
    m_new->setObjectName(QStringLiteral("newPasswordEdit"));
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("repeatPasswordEdit"));
    for (QLineEdit* e : {m_old, m_new, m_repeat})
        e->setEchoMode(QLineEdit::Password);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("passwordChangeError"));
    m_error->setStyleSheet(QStringLiteral("color:#b02020"));
    m_error->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Change password"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Log out"));

    auto* form = new QFormLayout;
    form->addRow(tr("Current password:"), m_old);
    form->addRow(tr("New password:"), m_new);
    form->addRow(tr("Repeat new password:"), m_repeat);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasswordChangeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PasswordChangeDialog::reject);
}

QString PasswordChangeDialog::errorText() const
{
    return m_error->text();
}

void PasswordChangeDialog::accept()
{
    if (m_new->text() != m_repeat->text()) {
        m_error->setText(tr("The two new passwords differ."));
        return;
    }
    if (m_new->text() == m_old->text()) {
        m_error->setText(tr("The new password must differ from the current one."));
        return;
    }
    // PBKDF2 with a high iteration count takes a noticeable moment: off the UI thread.
    m_buttons->setEnabled(false);
    m_error->setText(tr("Changing…"));
    std::shared_ptr<Store> store = m_store;
    const Session who = m_session;
    const QString oldPassword = m_old->text();
    const QString newPassword = m_new->text();
    whenFinished(this, QtConcurrent::run([store, who, oldPassword, newPassword] {
        const Status s = AuthService(store).changePassword(who, oldPassword, newPassword);
        store->db().closeThreadConnection();
        return s;
    }),
                 [this](const Status& changed) {
                     m_buttons->setEnabled(true);
                     if (!changed) {
                         m_error->setText(ErrorTexts::text(changed.error()));
                         return;
                     }
                     m_error->clear();
                     QDialog::accept();
                 });
}

} // namespace pd
