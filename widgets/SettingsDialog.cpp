#include "widgets/SettingsDialog.h"

#include "core/config/Keychain.h"
#include "core/config/SettingsModel.h"
#include "widgets/ErrorTexts.h"
#include "widgets/SettingsTableModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {
// Choices as a combo box, numbers as a spin box, the rest as text.
class SettingDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const SettingSpec* spec = SettingsCatalog::find(index.data(SettingsTableModel::KeyRole).toString());
        if (spec && spec->type == SettingType::Choice) {
            auto* combo = new QComboBox(parent);
            combo->setObjectName(QStringLiteral("settingChoiceEditor"));
            for (const QString& choice : spec->choices)
                combo->addItem(SettingsTableModel::choiceText(spec->key, choice), choice);
            return combo;
        }
        if (spec && spec->type == SettingType::Integer) {
            auto* spin = new QSpinBox(parent);
            spin->setObjectName(QStringLiteral("settingNumberEditor"));
            spin->setRange(spec->minimum, spec->maximum);
            return spin;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::EditRole).toString())));
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            model->setData(index, combo->currentData(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};
} // namespace

QString settingErrorText(const Error& error)
{
    const QString key = error.message.section(QLatin1Char(':'), 0, 0).section(QLatin1Char(' '), 0, 0);
    const QString what = ErrorTexts::text(error);
    if (SettingsCatalog::find(key))
        return QCoreApplication::translate("pd::SettingsDialog", "%1 (%2): %3").arg(SettingsTableModel::label(key), key, what);
    return what;
}

SettingsDialog::SettingsDialog(SettingsModel& settings, std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_store(std::move(store)), m_session(std::move(session))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_files = new QLabel(this);
    m_files->setObjectName(QStringLiteral("settingsFiles"));
    m_files->setWordWrap(true);
    m_files->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_model = new SettingsTableModel(m_settings, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("settingsTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new SettingDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(SettingsTableModel::SettingColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SettingsTableModel::ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SettingsTableModel::SourceColumn, QHeaderView::ResizeToContents);
    connect(m_model, &SettingsTableModel::invalidValue, this, &SettingsDialog::showError);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("settingsProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #9a5b00;"));

    auto* secrets = new QGridLayout;
    m_secretsTitle = new QLabel(this);
    m_tokenStatus = new QLabel(this);
    m_tokenStatus->setObjectName(QStringLiteral("platformTokenStatus"));
    m_smsStatus = new QLabel(this);
    m_smsStatus->setObjectName(QStringLiteral("smsKeysStatus"));
    m_dbStatus = new QLabel(this);
    m_dbStatus->setObjectName(QStringLiteral("databasePasswordStatus"));
    m_tokenButton = new QPushButton(this);
    m_tokenButton->setObjectName(QStringLiteral("platformTokenButton"));
    m_smsButton = new QPushButton(this);
    m_smsButton->setObjectName(QStringLiteral("smsKeysButton"));
    m_dbButton = new QPushButton(this);
    m_dbButton->setObjectName(QStringLiteral("databasePasswordButton"));
    connect(m_tokenButton, &QPushButton::clicked, this, [this] { askSecret(QLatin1String(SettingKey::PlatformToken)); });
    connect(m_smsButton, &QPushButton::clicked, this, [this] {
        askSecret(QLatin1String(SettingKey::SmsAccessKeyId));
        askSecret(QLatin1String(SettingKey::SmsAccessKeySecret));
    });
    connect(m_dbButton, &QPushButton::clicked, this, [this] { askSecret(QLatin1String(SettingKey::DatabasePassword)); });
    secrets->addWidget(m_secretsTitle, 0, 0, 1, 3);
    secrets->addWidget(m_tokenStatus, 1, 0);
    secrets->addWidget(m_tokenButton, 1, 2);
    secrets->addWidget(m_smsStatus, 2, 0);
    secrets->addWidget(m_smsButton, 2, 2);
    secrets->addWidget(m_dbStatus, 3, 0);
    secrets->addWidget(m_dbButton, 3, 2);
    secrets->setColumnStretch(1, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_resetButton = m_buttons->addButton(QString(), QDialogButtonBox::ResetRole);
    m_resetButton->setObjectName(QStringLiteral("resetSettingButton"));
    m_wizardButton = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_wizardButton->setObjectName(QStringLiteral("wizardButton"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Ok), &QPushButton::clicked, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    connect(m_resetButton, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid() && !m_model->markReset(current.row()))
            showError(tr("%1 is locked by the system configuration and cannot be changed here.")
                          .arg(SettingsTableModel::label(m_model->keyAt(current.row()))));
    });
    connect(m_wizardButton, &QPushButton::clicked, this, &SettingsDialog::wizardRequested);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_files);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problems);
    layout->addLayout(secrets);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    const bool mayEdit = SettingsEditor::mayEdit(m_session.role);
    m_table->setEditTriggers(mayEdit ? m_table->editTriggers() : QAbstractItemView::NoEditTriggers);
    for (QPushButton* b : {m_tokenButton, m_smsButton, m_dbButton, m_resetButton, m_wizardButton, m_buttons->button(QDialogButtonBox::Apply)})
        b->setEnabled(mayEdit);
    connect(&m_settings, &SettingsModel::changed, this, &SettingsDialog::refreshSecrets);
    retranslate();
    resize(980, 720);
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    const SettingsLocations& where = m_settings.locations();
    const QString system = QFileInfo::exists(where.systemFile) ? tr("System file: %1").arg(where.systemFile)
                                                               : tr("System file: %1 (none)").arg(where.systemFile);
    QString files = system + QLatin1Char('\n') + tr("Your settings: %1").arg(where.userFile);
    if (const QStringList locked = m_settings.lockedKeys(); !locked.isEmpty()) {
        QStringList labels;
        for (const QString& key : locked)
            labels << SettingsTableModel::label(key);
        files += QLatin1Char('\n') + tr("Locked by the system file (read-only here): %1").arg(labels.join(QStringLiteral("、")));
    }
    m_files->setText(files);
    const QStringList problems = m_settings.problems();
    m_problems->setVisible(!problems.isEmpty());
    m_problems->setText(tr("Ignored in the settings files:") + QLatin1Char('\n') + problems.join(QLatin1Char('\n')));
    m_secretsTitle->setText(tr("<b>Secrets</b> — never written to a settings file: kept in the desktop keychain or given in the environment."));
    m_tokenButton->setText(tr("Set platform token…"));
    m_smsButton->setText(tr("Set SMS access key…"));
    m_dbButton->setText(tr("Set database password…"));
    m_resetButton->setText(tr("Back to default"));
    m_wizardButton->setText(tr("Set-up wizard…"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Apply)->setText(tr("Apply"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    refreshSecrets();
}

void SettingsDialog::refreshSecrets()
{
    auto status = [this](const QString& key) {
        for (const SettingChange& c : std::as_const(m_secrets))
            if (c.key == key)
                return tr("new value entered (saved to the keychain)");
        const SettingSource source = m_settings.sourceOf(key);
        if (!m_settings.secret(key).isEmpty())
            return source == SettingSource::CommandLine ? tr("given on the command line") : tr("set in the environment");
        const QString variable = key == QLatin1String(SettingKey::SmsAccessKeySecret)
                                     ? QStringLiteral("PHOTODESK_SMS_ACCESS_KEY_ID / _SECRET")
                                     : SettingsCatalog::find(key)->envVar;
        return Keychain::available() ? tr("in the desktop keychain, or not set") : tr("not set (no desktop keychain here: use %1)").arg(variable);
    };
    m_tokenStatus->setText(tr("Platform access token: %1").arg(status(QLatin1String(SettingKey::PlatformToken))));
    m_smsStatus->setText(tr("SMS access key: %1").arg(status(QLatin1String(SettingKey::SmsAccessKeySecret))));
    m_dbStatus->setText(tr("Team database password: %1").arg(status(QLatin1String(SettingKey::DatabasePassword))));
}

void SettingsDialog::setSecret(const QString& key, const QString& value)
{
    for (qsizetype i = m_secrets.size() - 1; i >= 0; --i)
        if (m_secrets.at(i).key == key)
            m_secrets.removeAt(i);
    if (!value.isEmpty())
        m_secrets.append({key, value, false});
    refreshSecrets();
}

void SettingsDialog::askSecret(const QString& key)
{
    bool ok = false;
    const QString value = QInputDialog::getText(this, SettingsTableModel::label(key), SettingsTableModel::label(key), QLineEdit::Password,
                                                QString(), &ok);
    if (ok)
        setSecret(key, value);
}

void SettingsDialog::showError(const QString& text)
{
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setText(text);
}

bool SettingsDialog::apply()
{
    QList<SettingChange> changes = m_model->pendingChanges();
    changes += m_secrets;
    if (changes.isEmpty()) {
        m_message->clear();
        return true;
    }
    auto result = SettingsEditor(m_settings, m_store).apply(m_session, changes);
    if (!result) {
        showError(settingErrorText(result.error()));
        return false;
    }
    m_report = result.value();
    m_model->clearPending();
    m_secrets.clear();
    refreshSecrets();
    QStringList lines;
    lines << tr("Saved: %n change(s), each recorded in the audit log.", "", int(m_report.changed.size() + m_report.secretsStored.size()));
    for (const Error& e : std::as_const(m_report.secretProblems))
        lines << tr("Not stored: %1").arg(e.message);
    bool restart = false;
    for (const QString& key : std::as_const(m_report.changed))
        restart = restart || key.startsWith(QLatin1String("database/"));
    if (restart)
        lines << tr("The database settings apply the next time PhotoDesk starts.");
    m_message->setStyleSheet(m_report.secretProblems.isEmpty() ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #9a5b00;"));
    m_message->setText(lines.join(QLatin1Char('\n')));
    emit applied(m_report.changed + m_report.secretsStored);
    return true;
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace pd
