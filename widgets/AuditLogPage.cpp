#include "widgets/AuditLogPage.h"

#include "core/audit/AuditQuery.h"
#include "core/store/Store.h"
#include "widgets/AuditLogModel.h"
#include "widgets/ErrorTexts.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pd {

namespace {
const QDate kNoDate(2000, 1, 1); // the date edits' "any" value

QString prettyJson(const QString& compact)
{
    if (compact.isEmpty())
        return QStringLiteral("—");
    const QJsonDocument doc = QJsonDocument::fromJson(compact.toUtf8());
    if (doc.isNull())
        return compact;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

void setupDateEdit(QDateEdit* edit)
{
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoDate);
    edit->setDate(kNoDate);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
}
} // namespace

AuditLogPage::AuditLogPage(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QWidget(parent)
    , m_store(std::move(store))
    , m_session(std::move(session))
    , m_worker(std::make_unique<StoreWorker>(m_store))
{
    setObjectName(QStringLiteral("auditLogPage"));
    m_model = new AuditLogModel(m_store, m_session, m_worker.get(), this);

    m_actorLabel = new QLabel(this);
    m_actor = new QComboBox(this);
    m_actor->setObjectName(QStringLiteral("auditActorFilter"));
    m_actor->setEditable(true);
    m_actor->setMinimumContentsLength(10);
    m_actionLabel = new QLabel(this);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_action->setEditable(true);
    m_action->setMinimumContentsLength(16);
    m_studentLabel = new QLabel(this);
    m_student = new QLineEdit(this);
    m_student->setObjectName(QStringLiteral("auditStudentFilter"));
    m_student->setClearButtonEnabled(true);
    m_fromLabel = new QLabel(this);
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("auditFromFilter"));
    setupDateEdit(m_from);
    m_toLabel = new QLabel(this);
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("auditToFilter"));
    setupDateEdit(m_to);
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("auditApplyFilter"));
    m_apply->setDefault(true);
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("auditClearFilter"));
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("auditExportButton"));
    m_verify = new QPushButton(this);
    m_verify->setObjectName(QStringLiteral("auditVerifyButton"));

    auto* filters = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{m_actorLabel, m_actor, m_actionLabel, m_action, m_studentLabel, m_student,
                                                      m_fromLabel, m_from, m_toLabel, m_to, m_apply, m_clear})
        filters->addWidget(w);
    filters->addStretch(1);
    filters->addWidget(m_export);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("auditBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("auditCount"));
    auto* bannerRow = new QHBoxLayout;
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_verify);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // Fixed row heights and column widths: measuring a million rows' contents would defeat
    // the lazy loading.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AuditLogModel::IdColumn, 80);
    m_view->setColumnWidth(AuditLogModel::Time, 170);
    m_view->setColumnWidth(AuditLogModel::Actor, 110);
    m_view->setColumnWidth(AuditLogModel::Action, 170);

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("auditDetail"));
    m_detail->setMinimumWidth(320);

    auto* tableBox = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_count);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(tableBox);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bannerRow);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_apply, &QPushButton::clicked, this, &AuditLogPage::applyFilter);
    connect(m_clear, &QPushButton::clicked, this, &AuditLogPage::clearFilter);
    connect(m_student, &QLineEdit::returnPressed, this, &AuditLogPage::applyFilter);
    connect(m_verify, &QPushButton::clicked, this, &AuditLogPage::verify);
    connect(m_export, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditLogPage::showDetails);
    connect(m_model, &AuditLogModel::totalCounted, this, &AuditLogPage::updateCount);
    connect(m_model, &AuditLogModel::pageLoaded, this, [this] {
        updateCount();
        if (m_pendingSelection)
            selectEvent(m_pendingSelection);
    });
    connect(m_model, &AuditLogModel::modelReset, this, [this] {
        showDetails();
        updateCount();
    });
    connect(m_model, &AuditLogModel::failed, this, [this](const Error& e) { emit statusMessage(ErrorTexts::text(e)); });

    retranslate();
    m_model->setFilter({});
    loadFilterChoices(); // after the first page: DISTINCT over the whole log is the slow query here
    verify();
}

AuditLogPage::~AuditLogPage()
{
    // The model's pending pages refer to the worker; let them finish first.
    m_worker.reset();
}

QString AuditLogPage::checkpointPath() const
{
    if (m_store->db().dialect() != SqlDialect::SQLite)
        return {};
    return QFileInfo(m_store->db().location()).absoluteDir().filePath(QStringLiteral("audit.checkpoint"));
}

void AuditLogPage::retranslate()
{
    m_actorLabel->setText(tr("User:"));
    m_actionLabel->setText(tr("Action:"));
    m_studentLabel->setText(tr("Student no.:"));
    m_student->setPlaceholderText(tr("any"));
    m_fromLabel->setText(tr("From:"));
    m_toLabel->setText(tr("To:"));
    m_from->setSpecialValueText(tr("any"));
    m_to->setSpecialValueText(tr("any"));
    m_apply->setText(tr("&Filter"));
    m_clear->setText(tr("&Clear"));
    m_export->setText(tr("&Export CSV…"));
    m_verify->setText(tr("&Verify chain"));
    if (m_actor->count() > 0)
        m_actor->setItemText(0, tr("(all users)"));
    if (m_action->count() > 0)
        m_action->setItemText(0, tr("(all actions)"));
    if (m_hasVerification)
        showVerification(m_lastVerification, false);
    updateCount();
    showDetails();
}

void AuditLogPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AuditLogPage::loadFilterChoices()
{
    m_actor->clear();
    m_actor->addItem(tr("(all users)"), QString());
    m_action->clear();
    m_action->addItem(tr("(all actions)"), QString());
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    using Choices = std::pair<Result<QStringList>, Result<QStringList>>;
    whenFinished(this, m_worker->run([store, who] {
        AuditQuery q(store);
        return Choices{q.actors(who), q.actions(who)};
    }),
                 [this](const Choices& choices) {
                     if (choices.first)
                         for (const QString& a : choices.first.value())
                             m_actor->addItem(a, a);
                     if (choices.second)
                         for (const QString& a : choices.second.value())
                             m_action->addItem(QStringLiteral("%1 — %2").arg(a, AuditLogModel::actionText(a)), a);
                 });
}

AuditFilter AuditLogPage::currentFilter() const
{
    AuditFilter f;
    // An edited text that is not one of the items is taken as typed (the action as a raw
    // action name or family such as "decision.").
    auto comboValue = [](const QComboBox* box) {
        const int i = box->findText(box->currentText());
        return i >= 0 ? box->itemData(i).toString() : box->currentText().trimmed();
    };
    f.actor = comboValue(m_actor);
    f.action = comboValue(m_action);
    f.student = m_student->text().trimmed();
    // Dates are the supervisor's local calendar days; the log is in UTC.
    if (m_from->date() != kNoDate)
        f.from = QDateTime(m_from->date(), QTime(0, 0)).toUTC();
    if (m_to->date() != kNoDate)
        f.to = QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC();
    return f;
}

void AuditLogPage::applyFilter()
{
    m_pendingSelection = 0;
    m_model->setFilter(currentFilter());
}

void AuditLogPage::resetFilterWidgets()
{
    m_actor->setCurrentIndex(0);
    m_action->setCurrentIndex(0);
    m_student->clear();
    m_from->setDate(kNoDate);
    m_to->setDate(kNoDate);
}

void AuditLogPage::clearFilter()
{
    resetFilterWidgets();
    applyFilter();
}

void AuditLogPage::updateCount()
{
    const int loaded = m_model->rowCount();
    if (m_model->total() < 0)
        m_count->setText(tr("%n event(s) loaded, counting…", "", loaded));
    else if (m_model->startBelow() > 0)
        m_count->setText(tr("Showing from event %1 downwards; %n event(s) in the log", "", m_model->total()).arg(m_model->startBelow() - 1));
    else
        m_count->setText(tr("%1 of %n event(s) loaded", "", m_model->total()).arg(loaded));
}

void AuditLogPage::showDetails()
{
    const AuditEvent* e = m_model->event(m_view->currentIndex().row());
    if (!e) {
        m_detail->setHtml(tr("<p>Select an event to see its details.</p>"));
        return;
    }
    QString html = QStringLiteral("<table cellspacing='4'>");
    auto row = [&html](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    row(tr("Event"), QString::number(e->id));
    row(tr("Time (UTC)"), e->at.toUTC().toString(Qt::ISODateWithMs));
    row(tr("User"), e->actorId ? QStringLiteral("%1 (#%2)").arg(e->actor).arg(e->actorId) : e->actor);
    row(tr("Action"), QStringLiteral("%1 (%2)").arg(AuditLogModel::actionText(e->action), e->action));
    row(tr("Object"), QStringLiteral("%1 %2").arg(e->objectType, e->objectId));
    html += QStringLiteral("</table>");
    if (e->id == m_model->flagged() && m_hasVerification)
        html += QStringLiteral("<p style='color:#842029'><b>%1</b></p>").arg(problemText(m_lastVerification.problem).toHtmlEscaped());
    html += QStringLiteral("<h4>%1</h4><pre>%2</pre>").arg(tr("Before"), prettyJson(e->before).toHtmlEscaped());
    html += QStringLiteral("<h4>%1</h4><pre>%2</pre>").arg(tr("After"), prettyJson(e->after).toHtmlEscaped());
    html += QStringLiteral("<p style='color:gray'><small>%1<br><tt>%2</tt><br>%3<br><tt>%4</tt></small></p>")
                .arg(tr("Hash"), e->hash, tr("Previous hash"), e->prevHash);
    m_detail->setHtml(html);
}

QString AuditLogPage::problemText(const QString& problem)
{
    static const QRegularExpression missingRange(QStringLiteral("^events (\\d+) to (\\d+) before this one are missing"));
    static const QRegularExpression checkpointHead(QStringLiteral("^event (\\d+), the head at the checkpoint of (.+), is missing"));
    static const QRegularExpression checkpointMismatch(QStringLiteral("^this event does not match the checkpoint of (.+)$"));
    if (problem.startsWith(QLatin1String("this event was changed")))
        return tr("This event was changed after it was written.");
    if (problem.startsWith(QLatin1String("the event before this one was deleted")))
        return tr("The event before this one was deleted, inserted or moved.");
    if (const auto m = missingRange.match(problem); m.hasMatch())
        return tr("Events %1 to %2 before this one are missing (deleted).").arg(m.captured(1), m.captured(2));
    if (const auto m = checkpointHead.match(problem); m.hasMatch())
        return tr("Event %1, the newest at the checkpoint of %2, is missing.").arg(m.captured(1), m.captured(2));
    if (const auto m = checkpointMismatch.match(problem); m.hasMatch())
        return tr("This event does not match the checkpoint of %1.").arg(m.captured(1));
    return problem;
}

void AuditLogPage::verify()
{
    if (m_verifying)
        return;
    m_verifying = true;
    m_verify->setEnabled(false);
    m_banner->setStyleSheet(QStringLiteral("background:#fff3cd; color:#664d03; border-radius:4px;"));
    m_banner->setText(tr("Verifying the audit chain…"));
    const QString checkpointFile = checkpointPath();
    std::shared_ptr<Store> store = m_store;
    using Outcome = std::pair<AuditLog::Verification, bool>;
    // Its own thread, not the page's store worker: a long verification must not hold up
    // paging through the log meanwhile.
    QFuture<Outcome> future = QtConcurrent::run([store, checkpointFile] {
        std::optional<AuditCheckpoint> checkpoint;
        if (!checkpointFile.isEmpty() && QFileInfo::exists(checkpointFile))
            checkpoint = AuditCheckpoint::load(checkpointFile);
        Outcome outcome{AuditLog(store->db()).verify(checkpoint), checkpoint.has_value()};
        store->db().closeThreadConnection(); // pool threads come and go
        return outcome;
    });
    whenFinished(this, future, [this](const Outcome& outcome) {
        m_verifying = false;
        m_verify->setEnabled(true);
        m_lastVerification = outcome.first;
        m_hasVerification = true;
        showVerification(outcome.first, outcome.second);
        emit verified(outcome.first.ok, outcome.first.firstBadEvent);
    });
}

void AuditLogPage::showVerification(const AuditLog::Verification& v, bool hadCheckpoint)
{
    if (v.ok) {
        m_banner->setStyleSheet(QStringLiteral("background:#d1e7dd; color:#0f5132; border-radius:4px;"));
        m_banner->setText(tr("Audit chain intact (%n event(s))", "", v.events));
        m_model->setFlagged(0);
        return;
    }
    m_banner->setStyleSheet(QStringLiteral("background:#f8d7da; color:#842029; border-radius:4px; font-weight:bold;"));
    m_banner->setText(tr("Audit chain broken at event %1: %2").arg(v.firstBadEvent).arg(problemText(v.problem)));
    m_model->setFlagged(v.firstBadEvent);
    if (hadCheckpoint || v.firstBadEvent > 0) {
        // Show the event in context: start the list a few events above it, unfiltered.
        m_pendingSelection = v.firstBadEvent;
        if (m_model->rowOfId(v.firstBadEvent) >= 0 && m_model->filter().isEmpty())
            selectEvent(v.firstBadEvent);
        else {
            resetFilterWidgets(); // the boxes must say what the list shows: everything
            m_model->setFilter({}, v.firstBadEvent + 10);
        }
    }
}

void AuditLogPage::selectEvent(Id id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    m_pendingSelection = 0;
    const QModelIndex index = m_model->index(row, 0);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void AuditLogPage::exportCsv(const QString& pathIn)
{
    if (m_exporting)
        return;
    QString path = pathIn;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Export audit log"),
                                            QDir::home().filePath(QStringLiteral("audit-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate))),
                                            tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
    }
    m_exporting = true;
    m_export->setEnabled(false);
    emit statusMessage(tr("Exporting…"));
    const AuditFilter filter = m_model->filter();
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, who, filter, path] { return AuditQuery(store).exportCsv(who, filter, path); }),
                 [this, path](const Result<int>& result) {
                     m_exporting = false;
                     m_export->setEnabled(true);
                     if (!result)
                         emit statusMessage(ErrorTexts::text(result.error()));
                     else
                         emit statusMessage(tr("%n event(s) exported to %1", "", result.value()).arg(QDir::toNativeSeparators(path)));
                     emit exported(result.ok(), result ? result.value() : 0);
                 });
}

} // namespace pd
