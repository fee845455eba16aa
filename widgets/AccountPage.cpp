#include "widgets/AccountPage.h"

#include "core/auth/AuthService.h"
#include "core/store/Store.h"
#include "widgets/AccountModel.h"
#include "widgets/ErrorTexts.h"
#include "widgets/MainWindow.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

AccountPage::AccountPage(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QWidget(parent)
    , m_store(std::move(store))
    , m_session(std::move(session))
    , m_worker(std::make_unique<StoreWorker>(m_store))
    , m_auth(std::make_shared<AuthService>(m_store))
    , m_model(new AccountModel(this))
{
    setObjectName(QStringLiteral("accountPage"));
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("accountList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_newLabel = new QLabel(this);
    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("accountUsername"));
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("accountDisplayName"));
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("accountRole"));
    for (Role r : {Role::Reviewer, Role::HotlineAgent, Role::Supervisor, Role::Administrator})
        m_role->addItem(QString(), int(r));
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("accountAdd"));
    m_toggle = new QPushButton(this);
    m_toggle->setObjectName(QStringLiteral("accountToggleDisabled"));
    m_reset = new QPushButton(this);
    m_reset->setObjectName(QStringLiteral("accountResetPassword"));
    m_password = new QLabel(this);
    m_password->setObjectName(QStringLiteral("accountPasswordOnce"));
    m_password->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_password->setWordWrap(true);

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_newLabel);
    addRow->addWidget(m_username);
    addRow->addWidget(m_displayName);
    addRow->addWidget(m_role);
    addRow->addWidget(m_add);
    addRow->addStretch(1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_toggle);
    actions->addWidget(m_reset);
    actions->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(addRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    layout->addWidget(m_password);

    connect(m_add, &QPushButton::clicked, this, &AccountPage::addAccount);
    connect(m_toggle, &QPushButton::clicked, this, &AccountPage::toggleDisabled);
    connect(m_reset, &QPushButton::clicked, this, &AccountPage::resetPassword);
    connect(m_username, &QLineEdit::textChanged, this, &AccountPage::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AccountPage::updateButtons);
    retranslate();
    refresh();
}

AccountPage::~AccountPage()
{
    m_worker.reset();
}

void AccountPage::retranslate()
{
    m_newLabel->setText(tr("New account:"));
    m_username->setPlaceholderText(tr("user name"));
    m_displayName->setPlaceholderText(tr("full name"));
    for (int i = 0; i < m_role->count(); ++i)
        m_role->setItemText(i, MainWindow::roleName(Role(m_role->itemData(i).toInt())));
    m_add->setText(tr("&Add"));
    m_reset->setText(tr("&Reset password"));
    updateButtons();
}

void AccountPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString AccountPage::selectedUsername() const
{
    const User* u = m_model->user(m_view->currentIndex().row());
    return u ? u->username : QString();
}

void AccountPage::updateButtons()
{
    const User* u = m_model->user(m_view->currentIndex().row());
    m_add->setEnabled(!m_busy && !m_username->text().trimmed().isEmpty());
    m_toggle->setEnabled(!m_busy && u && u->username != m_session.username); // never lock yourself out
    m_reset->setEnabled(!m_busy && u);
    m_toggle->setText(u && u->disabled ? tr("&Enable") : tr("&Disable"));
}

void AccountPage::showPasswordOnce(const QString& username, const QString& password)
{
    m_shownPassword = password;
    m_password->setText(tr("Initial password for %1: <b><tt>%2</tt></b> — hand it over now; it is not shown again and must be "
                           "changed at the first login.")
                            .arg(username.toHtmlEscaped(), password.toHtmlEscaped()));
}

void AccountPage::refresh()
{
    std::shared_ptr<AuthService> auth = m_auth;
    const Session who = m_session;
    const QString keep = selectedUsername();
    whenFinished(this, m_worker->run([auth, who] { return auth->accounts(who); }),
                 [this, keep](const Result<std::vector<User>>& result) {
                     if (!result) {
                         emit statusMessage(ErrorTexts::text(result.error()));
                         emit listLoaded(-1);
                         return;
                     }
                     m_model->setUsers(result.value());
                     m_view->resizeColumnsToContents();
                     if (const int row = m_model->rowOf(keep); row >= 0)
                         m_view->selectRow(row);
                     updateButtons();
                     emit listLoaded(m_model->rowCount());
                 });
}

void AccountPage::addAccount()
{
    const QString username = m_username->text().trimmed();
    if (m_busy || username.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    const QString displayName = m_displayName->text().trimmed().isEmpty() ? username : m_displayName->text().trimmed();
    const Role role = Role(m_role->currentData().toInt());
    const QString password = AuthService::generatePassword();
    std::shared_ptr<AuthService> auth = m_auth;
    const Session who = m_session;
    whenFinished(this, m_worker->run([auth, who, username, displayName, role, password] {
        return auth->createUser(who, username, displayName, role, password, true);
    }),
                 [this, username, password](const Result<Id>& result) {
                     m_busy = false;
                     if (!result) {
                         emit statusMessage(ErrorTexts::text(result.error()));
                     } else {
                         showPasswordOnce(username, password);
                         m_username->clear();
                         m_displayName->clear();
                         emit statusMessage(tr("Account %1 created.").arg(username));
                         refresh();
                     }
                     updateButtons();
                     emit actionFinished(result.ok());
                 });
}

void AccountPage::toggleDisabled()
{
    const User* u = m_model->user(m_view->currentIndex().row());
    if (m_busy || !u)
        return;
    m_busy = true;
    updateButtons();
    const QString username = u->username;
    const bool disable = !u->disabled;
    std::shared_ptr<AuthService> auth = m_auth;
    const Session who = m_session;
    whenFinished(this, m_worker->run([auth, who, username, disable] { return auth->setDisabled(who, username, disable); }),
                 [this, username, disable](const Status& result) {
                     m_busy = false;
                     if (!result)
                         emit statusMessage(ErrorTexts::text(result.error()));
                     else
                         emit statusMessage(disable ? tr("Account %1 disabled.").arg(username) : tr("Account %1 enabled.").arg(username));
                     refresh();
                     emit actionFinished(result.ok());
                 });
}

void AccountPage::resetPassword()
{
    const QString username = selectedUsername();
    if (m_busy || username.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    std::shared_ptr<AuthService> auth = m_auth;
    const Session who = m_session;
    whenFinished(this, m_worker->run([auth, who, username] { return auth->resetPassword(who, username); }),
                 [this, username](const Result<QString>& result) {
                     m_busy = false;
                     if (!result)
                         emit statusMessage(ErrorTexts::text(result.error()));
                     else
                         showPasswordOnce(username, result.value());
                     refresh();
                     emit actionFinished(result.ok());
                 });
}

} // namespace pd
