#include "widgets/HotlineWorkspace.h"

#include "core/notify/SmsHotline.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Store.h"
#include "widgets/ErrorTexts.h"
#include "widgets/StoreWorker.h"
#include "widgets/StudentSearchModel.h"
#include "widgets/SubmittedPhotoDialog.h"
#include "widgets/TimelineModel.h"
#include "widgets/WhenFinished.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace pd {

HotlineWorkspace::HotlineWorkspace(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QWidget(parent)
    , m_store(std::move(store))
    , m_session(std::move(session))
    , m_worker(std::make_unique<StoreWorker>(m_store))
    , m_results(new StudentSearchModel(this))
    , m_timeline(new TimelineModel(ReasonCatalog::builtIn(), this))
{
    setObjectName(QStringLiteral("hotlineWorkspace"));

    // Left: search and results.
    m_searchLabel = new QLabel(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("hotlineSearch"));
    m_search->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_search);
    m_searchButton = new QPushButton(this);
    m_searchButton->setObjectName(QStringLiteral("hotlineSearchButton"));
    m_resultsView = new QTableView(this);
    m_resultsView->setObjectName(QStringLiteral("hotlineResults"));
    m_resultsView->setModel(m_results);
    m_resultsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultsView->verticalHeader()->hide();
    m_resultsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_resultsView->horizontalHeader()->setStretchLastSection(true);

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_searchButton);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_searchLabel);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_resultsView, 1);

    // Middle: the student, the actions, the timeline, a call note.
    m_studentHeader = new QLabel(this);
    m_studentHeader->setObjectName(QStringLiteral("hotlineStudentHeader"));
    m_studentHeader->setTextFormat(Qt::RichText);
    m_studentHeader->setWordWrap(true);
    m_studentHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_revealPhone = new QPushButton(this);
    m_revealPhone->setObjectName(QStringLiteral("revealPhoneButton"));
    m_revealId = new QPushButton(this);
    m_revealId->setObjectName(QStringLiteral("revealIdButton"));
    m_resend = new QPushButton(this);
    m_resend->setObjectName(QStringLiteral("resendSmsButton"));
    m_viewPhoto = new QPushButton(this);
    m_viewPhoto->setObjectName(QStringLiteral("viewPhotoButton"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_revealPhone);
    actions->addWidget(m_revealId);
    actions->addStretch(1);
    actions->addWidget(m_viewPhoto);
    actions->addWidget(m_resend);

    m_timelineView = new QTableView(this);
    m_timelineView->setObjectName(QStringLiteral("hotlineTimeline"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timelineView->setWordWrap(true);
    m_timelineView->setIconSize(QSize(TimelineModel::kThumbnailSide, TimelineModel::kThumbnailSide));
    m_timelineView->verticalHeader()->hide();
    m_timelineView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_timelineView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_timelineView->horizontalHeader()->setSectionResizeMode(TimelineModel::Details, QHeaderView::Stretch);

    m_noteLabel = new QLabel(this);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("callNoteEdit"));
    m_note->setMaximumHeight(80);
    m_noteLabel->setBuddy(m_note);
    m_addNote = new QPushButton(this);
    m_addNote->setObjectName(QStringLiteral("addCallNoteButton"));
    auto* noteRow = new QHBoxLayout;
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_addNote, 0, Qt::AlignBottom);

    auto* middle = new QWidget(this);
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(m_studentHeader);
    middleLayout->addLayout(actions);
    middleLayout->addWidget(m_timelineView, 1);
    middleLayout->addWidget(m_noteLabel);
    middleLayout->addLayout(noteRow);

    // Right: what agents read out to callers.
    m_info = new QTextBrowser(this);
    m_info->setObjectName(QStringLiteral("hotlineInfo"));
    m_info->setOpenLinks(false);
    m_info->setMinimumWidth(220);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("hotlineSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(middle);
    splitter->addWidget(m_info);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({460, 760, 260});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    // Typing searches after a short pause; Enter searches at once.
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(350);
    connect(&m_searchDelay, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        search(m_search->text());
    });
    connect(m_searchButton, &QPushButton::clicked, this, [this] {
        m_searchDelay.stop();
        search(m_search->text());
    });
    connect(m_resultsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (const StudentSummary* s = m_results->student(current.row()))
            openStudent(s->id);
    });
    connect(m_timelineView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HotlineWorkspace::updateButtons);
    connect(m_timelineView, &QTableView::activated, this, &HotlineWorkspace::viewSelectedSubmission);
    connect(m_viewPhoto, &QPushButton::clicked, this, &HotlineWorkspace::viewSelectedSubmission);
    connect(m_revealPhone, &QPushButton::clicked, this, &HotlineWorkspace::revealPhone);
    connect(m_revealId, &QPushButton::clicked, this, &HotlineWorkspace::revealNationalId);
    connect(m_resend, &QPushButton::clicked, this, &HotlineWorkspace::resendLastSms);
    connect(m_addNote, &QPushButton::clicked, this, &HotlineWorkspace::addCallNote);
    connect(m_note, &QPlainTextEdit::textChanged, this, &HotlineWorkspace::updateButtons);

    setFocusProxy(m_search); // a call starts with a search: the cursor waits there
    retranslate();
    updateButtons();
}

HotlineWorkspace::~HotlineWorkspace()
{
    // Work still running finishes on the worker before the store goes away; its result is
    // no longer shown (the watchers die with this widget).
    m_worker.reset();
}

QString HotlineWorkspace::instructionsHtml()
{
    return tr("<h3>Collection instructions</h3>"
              "<p><b>Review time:</b> every paid submission is reviewed within 48 hours of payment; the student "
              "gets the result by SMS.</p>"
              "<p><b>Hotline hours:</b> Tuesday to Sunday, 9:30–12:00 and 13:00–17:00. Closed on Mondays.</p>"
              "<p><b>After a rejection:</b> the student collects a new photo in the same mini-program, following "
              "the reasons in the SMS. The new photo is a new submission with its own 48 hours.</p>"
              "<p><b>Personal data:</b> ID numbers and phone numbers are masked. Reveal them only when the caller's "
              "identity is confirmed; every reveal is recorded.</p>");
}

void HotlineWorkspace::retranslate()
{
    m_searchLabel->setText(tr("&Find a student:"));
    m_search->setPlaceholderText(tr("Name, student no., phone or last digits of the ID number"));
    m_searchButton->setText(tr("Search"));
    m_revealPhone->setText(tr("Show &phone"));
    m_revealId->setText(tr("Show &ID number"));
    m_resend->setText(tr("&Resend last SMS"));
    m_viewPhoto->setText(tr("&View submitted photo"));
    m_viewPhoto->setToolTip(tr("The photo of the selected submission as the student sent it, with the rule flags and the SMS; "
                               "read-only, and recorded in the audit log"));
    m_noteLabel->setText(tr("Call &note:"));
    m_note->setPlaceholderText(tr("What the caller asked and what you told them"));
    m_addNote->setText(tr("&Add call note"));
    m_info->setHtml(instructionsHtml());
    updateStudentHeader();
}

void HotlineWorkspace::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HotlineWorkspace::updateButtons()
{
    const bool student = m_studentId != 0 && !m_busy;
    m_revealPhone->setEnabled(student && m_revealedPhone.isEmpty() && StudentDirectory::mayReveal(m_session.role, StudentDirectory::Field::Phone));
    m_revealId->setEnabled(student && m_revealedId.isEmpty() && StudentDirectory::mayReveal(m_session.role, StudentDirectory::Field::NationalId));
    m_resend->setEnabled(student && SmsHotline::mayResend(m_session.role) && m_timeline->count(TimelineEntry::Kind::Sms) > 0);
    m_viewPhoto->setEnabled(m_studentId != 0 && selectedAttemptId() != 0 && SubmittedPhotoViewer::mayView(m_session.role));
    m_addNote->setEnabled(student && !m_note->toPlainText().trimmed().isEmpty());
    m_note->setEnabled(m_studentId != 0);
    // Say why a button is off rather than leaving the agent guessing.
    m_revealId->setToolTip(StudentDirectory::mayReveal(m_session.role, StudentDirectory::Field::NationalId)
                               ? QString()
                               : tr("Only supervisors and administrators may see full ID numbers."));
}

void HotlineWorkspace::updateStudentHeader()
{
    if (m_studentId == 0) {
        m_studentHeader->setText(tr("Search for a student and select them to see their history."));
        return;
    }
    const QString phone = m_revealedPhone.isEmpty() ? m_student.phoneMasked : m_revealedPhone;
    const QString id = m_revealedId.isEmpty() ? m_student.nationalIdMasked : m_revealedId;
    m_studentHeader->setText(tr("<b style='font-size:15px'>%1</b> &nbsp; %2 &nbsp; %3<br>ID number: <tt>%4</tt> &nbsp; Phone: <tt>%5</tt>")
                                 .arg(m_student.name.toHtmlEscaped(), m_student.studentNumber.toHtmlEscaped(),
                                      QStringLiteral("%1 · %2").arg(m_student.programme, m_student.level).toHtmlEscaped(),
                                      id.toHtmlEscaped(), phone.toHtmlEscaped()));
}

void HotlineWorkspace::fail(const Error& error)
{
    emit statusMessage(ErrorTexts::text(error));
}

void HotlineWorkspace::search(const QString& textIn)
{
    const QString text = textIn.trimmed();
    if (text.isEmpty())
        return;
    const quint64 generation = ++m_searchGeneration;
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, who, text] { return StudentDirectory(store).search(who, text); }),
                 [this, generation](const Result<std::vector<StudentSummary>>& result) {
                     if (generation != m_searchGeneration)
                         return; // the agent typed more meanwhile
                     if (!result) {
                         fail(result.error());
                         emit searchFinished(-1);
                         return;
                     }
                     m_results->setStudents(result.value());
                     emit statusMessage(tr("%n student(s) found", "", m_results->rowCount()));
                     if (m_results->rowCount() == 1)
                         m_resultsView->selectRow(0);
                     emit searchFinished(m_results->rowCount());
                 });
}

void HotlineWorkspace::openStudent(Id studentId)
{
    if (studentId == 0)
        return;
    if (studentId != m_studentId) {
        closePhotoView(); // a photo belongs to the call about its student
        m_revealedPhone.clear();
        m_revealedId.clear();
        m_timeline->clear();
        m_note->clear();
    }
    m_studentId = studentId;
    const int row = m_results->rowOf(studentId);
    if (const StudentSummary* s = m_results->student(row))
        m_student = *s;
    updateStudentHeader();
    updateButtons();

    const quint64 generation = ++m_timelineGeneration;
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, who, studentId] { return loadTimeline(store, who, studentId); }),
                 [this, generation, studentId](const Result<TimelineData>& result) {
                     if (generation != m_timelineGeneration)
                         return;
                     if (!result) {
                         fail(result.error());
                         return;
                     }
                     showTimeline(result.value());
                     emit timelineLoaded(studentId);
                 });
}

void HotlineWorkspace::showTimeline(TimelineData data)
{
    m_timeline->setTimeline(std::move(data));
    m_timelineView->resizeRowsToContents();
    if (m_timeline->rowCount() > 0)
        m_timelineView->scrollToBottom(); // the newest events are what callers ask about
    updateButtons();
}

SubmittedPhotoDialog* HotlineWorkspace::photoView() const
{
    return m_photoView;
}

Id HotlineWorkspace::selectedAttemptId() const
{
    // Call notes belong to the student, not to an attempt: they have attemptId 0.
    const TimelineEntry* e = m_timeline->entry(m_timelineView->currentIndex().row());
    return e ? e->attemptId : 0;
}

void HotlineWorkspace::viewSelectedSubmission()
{
    if (const Id attemptId = selectedAttemptId())
        viewSubmittedPhoto(attemptId);
}

void HotlineWorkspace::closePhotoView()
{
    if (m_photoView)
        m_photoView->close(); // WA_DeleteOnClose: the decoded photo goes with it
}

void HotlineWorkspace::viewSubmittedPhoto(Id attemptId)
{
    if (attemptId == 0)
        return;
    if (m_photoView && m_photoView->attemptId() == attemptId) {
        m_photoView->raise();
        m_photoView->activateWindow();
        return;
    }
    closePhotoView();
    auto* dialog = new SubmittedPhotoDialog(attemptId, this);
    m_photoView = dialog;
    dialog->show();
    dialog->showLoading();
    const QSize canvas = dialog->canvasSize();
    const qreal dpr = dialog->devicePixelRatioF();
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    QPointer<SubmittedPhotoDialog> target = dialog;
    whenFinished(this, m_worker->run([store, who, attemptId, canvas, dpr] { return loadSubmittedPhoto(store, who, attemptId, canvas, dpr); }),
                 [this, target, attemptId](const Result<SubmittedPhotoDisplay>& result) {
                     if (!result)
                         fail(result.error());
                     else
                         emit statusMessage(tr("Submitted photo shown; this has been recorded in the audit log."));
                     if (target) // closed meanwhile: the result is dropped with the watcher
                         target->showResult(result);
                     emit photoViewLoaded(attemptId, result.ok());
                 });
}

void HotlineWorkspace::reveal(StudentDirectory::Field field)
{
    if (m_studentId == 0 || m_busy)
        return;
    m_busy = true;
    updateButtons();
    const Id studentId = m_studentId;
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, who, studentId, field] { return StudentDirectory(store).reveal(who, studentId, field); }),
                 [this, studentId, field](const Result<QString>& result) {
                     m_busy = false;
                     if (!result) {
                         fail(result.error());
                     } else if (studentId == m_studentId) {
                         (field == StudentDirectory::Field::Phone ? m_revealedPhone : m_revealedId) = result.value();
                         updateStudentHeader();
                         emit statusMessage(tr("Shown in full; this has been recorded in the audit log."));
                     }
                     updateButtons();
                     emit actionFinished(result.ok());
                 });
}

void HotlineWorkspace::revealPhone()
{
    reveal(StudentDirectory::Field::Phone);
}

void HotlineWorkspace::revealNationalId()
{
    reveal(StudentDirectory::Field::NationalId);
}

void HotlineWorkspace::resendLastSms()
{
    if (m_studentId == 0 || m_busy)
        return;
    m_busy = true;
    updateButtons();
    const Id studentId = m_studentId;
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, who, studentId] { return SmsHotline(store).resendLastSms(who, studentId); }),
                 [this, studentId](const Result<Id>& result) {
                     m_busy = false;
                     if (!result && result.error().code == QLatin1String("not-found"))
                         emit statusMessage(tr("This student has no SMS to resend yet."));
                     else if (!result)
                         fail(result.error());
                     else
                         emit statusMessage(tr("The last SMS was queued again (message %1).").arg(result.value()));
                     updateButtons();
                     if (result && studentId == m_studentId)
                         openStudent(studentId);
                     emit actionFinished(result.ok());
                 });
}

void HotlineWorkspace::addCallNote()
{
    const QString note = m_note->toPlainText().trimmed();
    if (m_studentId == 0 || m_busy || note.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    const Id studentId = m_studentId;
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, who, studentId, note] { return StudentDirectory(store).addCallNote(who, studentId, note); }),
                 [this, studentId](const Result<Id>& result) {
                     m_busy = false;
                     if (!result) {
                         fail(result.error());
                     } else {
                         emit statusMessage(tr("Call note saved."));
                         if (studentId == m_studentId) {
                             m_note->clear();
                             openStudent(studentId);
                         }
                     }
                     updateButtons();
                     emit actionFinished(result.ok());
                 });
}

} // namespace pd
