#include "widgets/LoginDialog.h"

#include "core/auth/AuthService.h"
#include "core/store/Store.h"
#include "widgets/ErrorTexts.h"
#include "widgets/StoreWorker.h"
#include "widgets/UiLanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

LoginDialog::LoginDialog(std::shared_ptr<Store> store, QWidget* parent)
    : QDialog(parent), m_store(std::move(store)), m_worker(std::make_unique<StoreWorker>(m_store))
{
    setObjectName(QStringLiteral("loginDialog"));
    setMinimumWidth(420);

    m_title = new QLabel(this);
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.6);
    tf.setBold(true);
    m_title->setFont(tf);
    m_subtitle = new QLabel(this);
    m_subtitle->setWordWrap(true);
    m_subtitle->setStyleSheet(QStringLiteral("QLabel { color: #6b7280; }"));

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const QString& code : UiLanguage::available())
        m_language->addItem(UiLanguage::nativeName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(UiLanguage::current())));
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        const QString code = m_language->currentData().toString();
        UiLanguage::install(code);
        emit languageSelected(code);
    });

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("loginButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    auto* form = new QFormLayout;
    m_usernameLabel = new QLabel(this);
    m_passwordLabel = new QLabel(this);
    m_languageLabel = new QLabel(this);
    m_usernameLabel->setBuddy(m_username);
    m_passwordLabel->setBuddy(m_password);
    m_languageLabel->setBuddy(m_language);
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_languageLabel, m_language);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addSpacing(8);
    layout->addWidget(m_buttons);

    m_username->setFocus();
    retranslate();
}

LoginDialog::~LoginDialog() = default;

QString LoginDialog::language() const
{
    return m_language->currentData().toString();
}

void LoginDialog::setUsername(const QString& username)
{
    m_username->setText(username);
    m_password->setFocus();
}

QString LoginDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("PhotoDesk — Sign in"));
    m_title->setText(tr("PhotoDesk"));
    m_subtitle->setText(tr("Graduation photo review workstation"));
    m_usernameLabel->setText(tr("&User name"));
    m_passwordLabel->setText(tr("&Password"));
    m_languageLabel->setText(tr("&Language"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_busy ? tr("Signing in…") : tr("Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void LoginDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_language->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    retranslate();
}

void LoginDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void LoginDialog::accept()
{
    if (m_busy)
        return;
    const QString username = m_username->text().trimmed();
    const QString password = m_password->text();
    if (username.isEmpty() || password.isEmpty()) {
        showError(tr("Enter your user name and password."));
        (username.isEmpty() ? m_username : m_password)->setFocus();
        return;
    }
    showError(QString());
    setBusy(true);
    std::shared_ptr<Store> store = m_store;
    auto* watcher = new QFutureWatcher<Result<Session>>(this);
    connect(watcher, &QFutureWatcher<Result<Session>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<Session> result = watcher->future().result();
        setBusy(false);
        if (!result) {
            showError(ErrorTexts::text(result.error()));
            m_password->selectAll();
            m_password->setFocus();
            return;
        }
        m_session = result.value();
        QDialog::accept();
    });
    watcher->setFuture(m_worker->run([store, username, password] { return AuthService(store).login(username, password); }));
}

} // namespace pd
