#include "widgets/ExportPage.h"

#include "core/export/ExportPlanner.h"
#include "core/export/ExportService.h"
#include "widgets/ErrorTexts.h"
#include "widgets/ExportLeftOutModel.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {
// The combo boxes' "any" entry carries no data; a real value (even the empty cohort) carries
// a string.
void fillChoices(QComboBox* box, const QStringList& values, const QString& anyText, const QString& emptyText)
{
    const QVariant current = box->currentData();
    box->clear();
    box->addItem(anyText);
    for (const QString& v : values)
        box->addItem(v.isEmpty() ? emptyText : v, v);
    const int index = current.isValid() ? box->findData(current) : 0;
    box->setCurrentIndex(index < 0 ? 0 : index);
}
} // namespace

ExportPage::ExportPage(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QWidget(parent), m_store(std::move(store)), m_session(std::move(session)), m_worker(std::make_unique<StoreWorker>(m_store))
{
    setObjectName(QStringLiteral("exportPage"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_cohortLabel = new QLabel(this);
    m_cohort = new QComboBox(this);
    m_cohort->setObjectName(QStringLiteral("exportCohort"));
    m_majorLabel = new QLabel(this);
    m_major = new QComboBox(this);
    m_major->setObjectName(QStringLiteral("exportMajor"));
    m_fromOn = new QCheckBox(this);
    m_fromOn->setObjectName(QStringLiteral("exportFromOn"));
    m_from = new QDateEdit(QDate::currentDate().addMonths(-1), this);
    m_from->setObjectName(QStringLiteral("exportFrom"));
    m_toOn = new QCheckBox(this);
    m_toOn->setObjectName(QStringLiteral("exportToOn"));
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("exportTo"));
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setEnabled(false);
    }
    m_stateLabel = new QLabel(this);
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("exportState"));
    m_keyLabel = new QLabel(this);
    m_key = new QComboBox(this);
    m_key->setObjectName(QStringLiteral("exportKey"));
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_destinationLabel = new QLabel(this);
    m_destination = new QLineEdit(this);
    m_destination->setObjectName(QStringLiteral("exportDestination"));
    m_pickFolder = new QPushButton(this);
    m_pickFolder->setObjectName(QStringLiteral("exportPickFolder"));
    m_pickZip = new QPushButton(this);
    m_pickZip->setObjectName(QStringLiteral("exportPickZip"));
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("exportStart"));
    m_export->setDefault(true);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("exportCancel"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("exportResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_leftOut = new ExportLeftOutModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("exportLeftOut"));
    m_table->setModel(m_leftOut);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* dates = new QHBoxLayout;
    dates->addWidget(m_fromOn);
    dates->addWidget(m_from);
    dates->addSpacing(12);
    dates->addWidget(m_toOn);
    dates->addWidget(m_to);
    dates->addStretch(1);
    auto* destination = new QHBoxLayout;
    destination->addWidget(m_destination, 1);
    destination->addWidget(m_pickFolder);
    destination->addWidget(m_pickZip);
    auto* form = new QFormLayout;
    form->addRow(m_cohortLabel, m_cohort);
    form->addRow(m_majorLabel, m_major);
    form->addRow(QString(), dates);
    form->addRow(m_stateLabel, m_state);
    form->addRow(m_keyLabel, m_key);
    form->addRow(m_destinationLabel, destination);
    auto* run = new QHBoxLayout;
    run->addWidget(m_preview, 1);
    run->addWidget(m_export);
    run->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addLayout(run);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_table, 1);

    m_cohortLabel->setBuddy(m_cohort);
    m_majorLabel->setBuddy(m_major);
    m_stateLabel->setBuddy(m_state);
    m_keyLabel->setBuddy(m_key);
    m_destinationLabel->setBuddy(m_destination);
    retranslate();

    for (QComboBox* box : {m_cohort, m_major, m_state, m_key})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportPage::refreshPreview);
    connect(m_fromOn, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toOn, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (QCheckBox* box : {m_fromOn, m_toOn})
        connect(box, &QCheckBox::toggled, this, &ExportPage::refreshPreview);
    for (QDateEdit* d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, &ExportPage::refreshPreview);
    connect(m_pickFolder, &QPushButton::clicked, this, &ExportPage::chooseFolder);
    connect(m_pickZip, &QPushButton::clicked, this, &ExportPage::chooseZip);
    connect(m_export, &QPushButton::clicked, this, &ExportPage::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ExportPage::cancelExport);
    reloadChoices();
}

ExportPage::~ExportPage()
{
    // A running export stops at its next chunk and removes what it wrote; the worker's
    // destructor waits for that.
    if (m_cancelFlag)
        *m_cancelFlag = true;
}

void ExportPage::retranslate()
{
    m_intro->setText(tr("Export the approved portraits for the national graduate-registration upload: one JPEG per "
                        "student in the national format (480 × 640, 24-bit colour, quality at least 60), named by the "
                        "chosen key, with a manifest and the list of what was left out. Photos that do not meet the "
                        "format are re-encoded and marked as such. Personal data leaves PhotoDesk: every export is "
                        "recorded in the audit log."));
    m_cohortLabel->setText(tr("&Cohort:"));
    m_majorLabel->setText(tr("&Major:"));
    m_fromOn->setText(tr("Decided &from"));
    m_toOn->setText(tr("&until"));
    m_stateLabel->setText(tr("&Which photos:"));
    m_keyLabel->setText(tr("File &names:"));
    m_destinationLabel->setText(tr("&Destination:"));
    m_destination->setPlaceholderText(tr("A new folder, or a new file ending in .zip"));
    m_pickFolder->setText(tr("Folder…"));
    m_pickZip->setText(tr("Zip file…"));
    m_export->setText(tr("&Export"));
    m_cancel->setText(tr("Cancel"));

    const int state = m_state->currentIndex();
    m_state->clear();
    m_state->addItem(tr("All approved"), toString(ExportState::Approved));
    m_state->addItem(tr("Not yet exported"), toString(ExportState::NotExported));
    m_state->addItem(tr("Exported before"), toString(ExportState::Exported));
    m_state->setCurrentIndex(state < 0 ? 0 : state);
    const int key = m_key->currentIndex();
    m_key->clear();
    m_key->addItem(tr("ID-card number"), toString(ExportKey::NationalId));
    m_key->addItem(tr("Student number"), toString(ExportKey::StudentNumber));
    m_key->setCurrentIndex(key < 0 ? 0 : key);
    m_leftOut->setRows(m_leftOut->rows()); // headers and reasons in the new language
}

void ExportPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reloadChoices();
    }
    QWidget::changeEvent(event);
}

ExportFilter ExportPage::filter() const
{
    ExportFilter f;
    if (m_cohort->currentData().isValid())
        f.cohort = m_cohort->currentData().toString();
    if (m_major->currentData().isValid())
        f.major = m_major->currentData().toString();
    if (m_fromOn->isChecked())
        f.from = m_from->date();
    if (m_toOn->isChecked())
        f.to = m_to->date();
    f.state = exportStateFromString(m_state->currentData().toString()).value_or(ExportState::Approved);
    return f;
}

ExportKey ExportPage::key() const
{
    return exportKeyFromString(m_key->currentData().toString()).value_or(ExportKey::NationalId);
}

void ExportPage::reloadChoices()
{
    const auto store = m_store;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, who] { return ExportPlanner(store).choices(who); }),
                 [this](const Result<ExportPlanner::Choices>& choices) {
                     if (!choices) {
                         m_preview->setText(ErrorTexts::text(choices.error()));
                         return;
                     }
                     const QSignalBlocker cohortBlocker(m_cohort);
                     const QSignalBlocker majorBlocker(m_major);
                     fillChoices(m_cohort, choices->cohorts, tr("All cohorts"), tr("Unknown cohort"));
                     fillChoices(m_major, choices->majors, tr("All majors"), tr("No major on record"));
                     emit choicesLoaded();
                     refreshPreview();
                 });
}

void ExportPage::refreshPreview()
{
    if (m_running)
        return;
    const auto store = m_store;
    const Session who = m_session;
    const ExportFilter f = filter();
    const ExportKey k = key();
    const int serial = ++m_previewSerial;
    m_preview->setText(tr("Counting…"));
    whenFinished(this, m_worker->run([store, who, f, k] { return ExportPlanner(store).plan(who, f, k); }),
                 [this, serial](const Result<ExportPlan>& plan) {
                     if (serial != m_previewSerial)
                         return; // a newer filter is being counted
                     if (!plan) {
                         m_preview->setText(ErrorTexts::text(plan.error()));
                         return;
                     }
                     const int photos = int(plan->items.size());
                     const int left = int(plan->leftOut.size());
                     m_preview->setText(tr("%n photo(s) to export", "", photos) + QStringLiteral(" · ")
                                        + tr("%n left out", "", left));
                     m_leftOut->setRows(plan->leftOut);
                     emit previewReady(photos, left);
                 });
}

void ExportPage::chooseFolder()
{
    const QString parent = QFileDialog::getExistingDirectory(this, tr("Folder in which the export folder is created"));
    if (!parent.isEmpty())
        m_destination->setText(QDir(parent).filePath(QStringLiteral("photodesk-export-%1").arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")))));
}

void ExportPage::chooseZip()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export to a zip file"), QString(), tr("Zip archives (*.zip)"), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        path += QStringLiteral(".zip");
    m_destination->setText(path);
}

void ExportPage::setRunning(bool running)
{
    m_running = running;
    for (QWidget* w : std::initializer_list<QWidget*>{m_cohort, m_major, m_fromOn, m_toOn, m_state, m_key, m_destination, m_pickFolder,
                                                      m_pickZip, m_export})
        w->setEnabled(!running);
    m_from->setEnabled(!running && m_fromOn->isChecked());
    m_to->setEnabled(!running && m_toOn->isChecked());
    m_cancel->setEnabled(running);
}

void ExportPage::startExport()
{
    if (m_running)
        return;
    const QString destination = m_destination->text().trimmed();
    if (destination.isEmpty()) {
        m_result->setText(tr("Choose a destination first: a new folder or a new .zip file."));
        return;
    }
    ExportRequest request;
    request.filter = filter();
    request.key = key();
    request.destination = destination;
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    setRunning(true);
    m_progress->setRange(0, 0); // busy until the first report gives the total
    m_result->setText(tr("Exporting…"));
    const auto store = m_store;
    const Session who = m_session;
    const auto cancel = m_cancelFlag;
    const QPointer<ExportPage> self(this);
    auto progress = [self](int done, int total) {
        // From the export's thread to the UI thread; dropped if the page is gone.
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total] {
                if (!self)
                    return;
                self->m_progress->setRange(0, std::max(total, 1));
                self->m_progress->setValue(done);
            },
            Qt::QueuedConnection);
    };
    whenFinished(this, m_worker->run([store, who, request, cancel, progress] {
                     ExportControl control;
                     control.cancel = cancel.get();
                     control.progress = progress;
                     return ExportService(store).run(who, request, control);
                 }),
                 [this](const Result<ExportOutcome>& outcome) { showOutcome(outcome); });
}

void ExportPage::cancelExport()
{
    if (m_cancelFlag && m_running) {
        *m_cancelFlag = true;
        m_cancel->setEnabled(false);
        m_result->setText(tr("Cancelling…"));
    }
}

void ExportPage::showOutcome(const Result<ExportOutcome>& outcome)
{
    setRunning(false);
    m_cancelFlag.reset();
    m_progress->setRange(0, 1);
    if (!outcome) {
        m_progress->setValue(0);
        const QString text = outcome.error().code == QLatin1String("cancelled")
                                 ? tr("The export was cancelled. Nothing was written and no photo is marked as exported.")
                                 : tr("The export did not finish: %1 Nothing was left behind.").arg(ErrorTexts::text(outcome.error()));
        m_result->setText(text);
        emit statusMessage(text);
        emit exportFinished(false);
        refreshPreview();
        return;
    }
    m_progress->setValue(1);
    const QString text = tr("Exported %n photo(s)", "", outcome->exported) + QStringLiteral(" ")
                         + tr("(%n re-encoded)", "", outcome->reencoded) + QStringLiteral(" ")
                         + tr("to %1. %n left out, listed below and in left-out.csv.", "", int(outcome->leftOut.size()))
                               .arg(QDir::toNativeSeparators(outcome->destination))
                         + QStringLiteral("\n") + tr("Manifest SHA-256: %1").arg(outcome->manifestSha256);
    m_result->setText(text);
    m_leftOut->setRows(outcome->leftOut);
    m_table->resizeColumnsToContents();
    emit statusMessage(tr("Export finished: %n photo(s).", "", outcome->exported));
    emit exportFinished(true);
}

} // namespace pd
