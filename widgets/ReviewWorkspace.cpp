#include "widgets/ReviewWorkspace.h"

#include "core/notify/SmsTemplates.h"
#include "core/hotline/Masking.h"
#include "core/notify/SmsComposer.h"
#include "core/prescreen/PreScreenService.h"
#include "widgets/RuleFlagsPanel.h"
#include "widgets/WhenFinished.h"
#include "core/review/ClaimService.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/review/ReviewQueue.h"
#include "core/store/Repositories.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"
#include "widgets/CompareController.h"
#include "widgets/DecisionPanel.h"
#include "widgets/ErrorTexts.h"
#include "widgets/FaceMatchPanel.h"
#include "widgets/PaintProbe.h"
#include "widgets/PhotoPane.h"
#include "widgets/QueueCountsBar.h"
#include "widgets/QueueModel.h"
#include "widgets/ReviewKeys.h"
#include "widgets/ReviewSplitter.h"
#include "widgets/ShortcutOverlay.h"
#include "widgets/StoreWorker.h"
#include "widgets/SubmissionPrefetcher.h"

#include <QComboBox>
#include <QEvent>
#include <QFocusEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pd {

namespace {
// Restyling re-polishes the widget and invalidates the layout: only when the style changes.
void setStyleIfChanged(QWidget* widget, const QString& style)
{
    if (widget->styleSheet() != style)
        widget->setStyleSheet(style);
}

QString stateName(AttemptState s)
{
    switch (s) {
    case AttemptState::Pending:
        return ReviewWorkspace::tr("pending");
    case AttemptState::Approved:
        return ReviewWorkspace::tr("approved");
    case AttemptState::Rejected:
        return ReviewWorkspace::tr("rejected");
    }
    return {};
}
} // namespace

// What the worker brings back when a submission is opened: the attempt as it is now (the
// prefetched content may be a few seconds old) and, for a pending one, the outcome of claiming
// it plus the current locks (for the holder's name when it failed).
struct ReviewWorkspace::Opened {
    Result<Attempt> attempt = Error{};
    std::optional<Result<Claim>> claim;
    std::optional<ClaimLocks> locks;
};

ReviewWorkspace::ReviewWorkspace(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QWidget(parent)
    , m_store(std::move(store))
    , m_session(std::move(session))
    , m_worker(std::make_unique<StoreWorker>(m_store))
    , m_reader(std::make_unique<StoreWorker>(m_store))
    , m_service(std::make_shared<DecisionService>(m_store, ReasonCatalog::builtIn(), SmsTemplates(m_store).effective()))
    , m_claims(std::make_shared<ClaimService>(m_store))
{
    setObjectName(QStringLiteral("reviewWorkspace"));

    // --- queue ---
    auto* queuePanel = new QWidget(this);
    queuePanel->setObjectName(QStringLiteral("queuePanel"));
    m_queueTitle = new QLabel(queuePanel);
    m_queueTitle->setObjectName(QStringLiteral("queueTitle"));
    QFont titleFont = m_queueTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_queueTitle->setFont(titleFont);
    m_search = new QLineEdit(queuePanel);
    m_search->setObjectName(QStringLiteral("queueSearch"));
    m_search->setClearButtonEnabled(true);
    m_stateFilter = new QComboBox(queuePanel);
    m_stateFilter->setObjectName(QStringLiteral("queueStateFilter"));
    m_stateFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (int i = 0; i < 4; ++i)
        m_stateFilter->addItem(QString());
    m_model = new QueueModel(m_store, m_reader.get(), this);
    m_view = new QTableView(queuePanel);
    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(QueueModel::ProgrammeColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(48);
    // Sorting runs in the database (QueueModel::sort); only the indexed columns sort.
    m_view->horizontalHeader()->setSortIndicator(QueueModel::TimeLeftColumn, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->setSortingEnabled(true);
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        if (column != QueueModel::TimeLeftColumn) {
            // Not a database order: the indicator goes back to the time left.
            const QSignalBlocker block(m_view->horizontalHeader());
            m_view->horizontalHeader()->setSortIndicator(QueueModel::TimeLeftColumn, m_model->filter().sort == QueueSort::DeadlineDescending
                                                                                         ? Qt::DescendingOrder
                                                                                         : Qt::AscendingOrder);
            return;
        }
        // The order changed: what is prefetched is no longer next.
        m_prefetch->setWanted({});
        syncAfterReload();
    });
    m_countsBar = new QueueCountsBar(queuePanel);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_stateFilter);
    auto* queueLayout = new QVBoxLayout(queuePanel);
    queueLayout->setContentsMargins(8, 8, 4, 8);
    queueLayout->addWidget(m_queueTitle);
    queueLayout->addLayout(filterRow);
    queueLayout->addWidget(m_countsBar);
    queueLayout->addWidget(m_view, 1);

    // --- submission: header, photos, decision ---
    auto* submission = new QWidget(this);
    submission->setObjectName(QStringLiteral("submissionPanel"));
    m_header = new QLabel(submission);
    m_header->setObjectName(QStringLiteral("submissionHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A fixed height (the name line and the deadline line, and one more for a narrow window
    // where the name line wraps): the photos under it must not move
    // (and be scaled again) from one student to the next.
    m_header->setFixedHeight(m_header->fontMetrics().height() * 4 + 4); // the name line is x-large
    m_header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_queueToggle = new QToolButton(submission);
    m_queueToggle->setObjectName(QStringLiteral("queueToggle"));
    m_queueToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_queueToggle->setFocusPolicy(Qt::TabFocus);
    m_queueToggle->setAutoRaise(true);

    m_claimBanner = new QLabel(submission);
    m_claimBanner->setObjectName(QStringLiteral("claimBanner"));
    m_claimBanner->setWordWrap(true);
    m_claimBanner->setContentsMargins(8, 2, 8, 2);
    // Beside the student, in the header's fixed height (three lines of text at most): hidden or
    // shown, short or long, it never moves the photos (which would then be scaled again).
    m_claimBanner->setFixedHeight(m_header->minimumHeight());
    m_claimBanner->setMaximumWidth(m_claimBanner->fontMetrics().averageCharWidth() * 28);
    {
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        policy.setRetainSizeWhenHidden(true);
        m_claimBanner->setSizePolicy(policy);
    }

    // --- side column: faces, rules and the decision, top to bottom ---
    auto* side = new QWidget(this);
    side->setObjectName(QStringLiteral("sidePanel"));
    m_claimBanner->hide();
    m_submitted = new PhotoPane(submission);
    m_submitted->setObjectName(QStringLiteral("submittedPhoto"));
    m_enrollment = new PhotoPane(submission);
    m_enrollment->setObjectName(QStringLiteral("enrollmentPhoto"));
    m_idCard = new PhotoPane(submission);
    m_idCard->setObjectName(QStringLiteral("idCardPhoto"));
    // The prefetcher scales ahead for the panes' size: it hears of a new size once the window
    // or a splitter has settled (not on every step of a drag), and scales what it holds again.
    m_displayTimer.setSingleShot(true);
    m_displayTimer.setInterval(250);
    connect(&m_displayTimer, &QTimer::timeout, this, [this] {
        m_prefetch->setDisplay({m_submitted->canvasSize(), m_enrollment->canvasSize(), m_idCard->canvasSize()}, devicePixelRatioF());
    });
    for (PhotoPane* pane : {m_submitted, m_enrollment, m_idCard}) {
        connect(pane, &PhotoPane::finalStatePainted, this, &ReviewWorkspace::checkPhotosShown);
        connect(pane, &PhotoPane::canvasResized, &m_displayTimer, qOverload<>(&QTimer::start));
    }
    auto* photos = new QHBoxLayout;
    photos->setSpacing(8);
    // The submitted photo, which is being judged, the largest; the two references beside it.
    photos->addWidget(m_submitted, 4);
    photos->addWidget(m_enrollment, 3);
    photos->addWidget(m_idCard, 3);

    // Face pre-screen: chips and the two comparisons, between the photos and the decision.
    m_preScreen = new PreScreenService(m_store, PreScreenServiceOptions{}, this);
    m_faces = new FaceMatchPanel(side);
    m_prefetch = new SubmissionPrefetcher(m_store, this);
    m_prefetch->setObjectName(QStringLiteral("submissionPrefetcher"));
    connect(m_prefetch, &SubmissionPrefetcher::prepared, this, [this](Id attemptId) {
        if (attemptId == m_loadingAttempt && !m_current)
            if (auto prepared = m_prefetch->peek(attemptId))
                showPrepared(*prepared);
    });
    connect(m_prefetch, &SubmissionPrefetcher::failed, this, [this](Id attemptId, const Error& e) {
        if (attemptId != m_loadingAttempt)
            return;
        m_loadingAttempt = 0;
        const QString text = tr("Submission %1 cannot be opened: %2").arg(attemptId).arg(ErrorTexts::text(e));
        for (PhotoPane* pane : {m_submitted, m_enrollment, m_idCard})
            pane->showProblem(pane == m_submitted ? text : QString());
        emit statusMessage(text);
    });
    // Results stored meanwhile, or a model now loaded: what was prepared without them is stale.
    connect(m_preScreen, &PreScreenService::attemptAnalysed, m_prefetch, &SubmissionPrefetcher::invalidate);
    connect(m_preScreen, &PreScreenService::ready, this, [this] {
        m_prefetch->setVersions({m_preScreen->modelId(), m_preScreen->rulesVersion(), m_preScreen->analyzer()});
        if (m_current)
            updatePrefetch(m_current->attempt.id);
    });
    connect(m_preScreen, &PreScreenService::attemptAnalysed, this, [this](Id attemptId) {
        if (attemptId == m_faceAttempt && !m_facesShown)
            loadFaces(attemptId, false);
    });
    connect(m_preScreen, &PreScreenService::ready, this, [this] {
        if (m_faceAttempt && !m_facesShown)
            loadFaces(m_faceAttempt, true);
    });
    connect(m_preScreen, &PreScreenService::unavailable, this, [this](const Error& e) {
        if (m_faceAttempt) {
            m_faces->showUnavailable(e.message);
            m_facesFinal = true;
        }
        checkSubmissionShown();
    });

    m_panel = new DecisionPanel(ReasonCatalog::builtIn(), SmsTemplates(m_store).effective(), side);
    connect(m_panel, &DecisionPanel::approveClicked, this, &ReviewWorkspace::approve);
    connect(m_panel, &DecisionPanel::rejectClicked, this, &ReviewWorkspace::reject);
    // Photo rules: flag list beside the photos, overlay on the submitted one, reasons pre-selected.
    m_rules = new RuleFlagsPanel(m_store, m_preScreen, m_submitted, m_panel, side);
    // "On screen" means painted after the final state was set (see submissionPainted()).
    m_facesProbe = new PaintProbe(m_faces);
    m_rulesProbe = new PaintProbe(m_rules);
    m_panelProbe = new PaintProbe(m_panel);
    for (PaintProbe* probe : {m_facesProbe, m_rulesProbe, m_panelProbe})
        connect(probe, &PaintProbe::paintedChanged, this, &ReviewWorkspace::checkSubmissionShown);
    connect(m_rules, &RuleFlagsPanel::reportShown, this, &ReviewWorkspace::checkSubmissionShown);

    // Photos column: the student, then the three photos as large as the column allows.
    auto* headerRow = new QHBoxLayout;
    headerRow->setSpacing(8);
    headerRow->addWidget(m_queueToggle, 0, Qt::AlignTop);
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_claimBanner, 0, Qt::AlignTop);
    auto* subLayout = new QVBoxLayout(submission);
    subLayout->setContentsMargins(8, 8, 8, 8);
    subLayout->setSpacing(6);
    subLayout->addLayout(headerRow);
    subLayout->addLayout(photos, 1);

    auto* sideSplit = new QSplitter(Qt::Vertical, side);
    sideSplit->setObjectName(QStringLiteral("sideSplitter"));
    sideSplit->addWidget(m_faces);
    sideSplit->addWidget(m_rules);
    sideSplit->addWidget(m_panel);
    sideSplit->setStretchFactor(0, 0);
    sideSplit->setStretchFactor(1, 0);
    sideSplit->setStretchFactor(2, 1);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(4, 4, 8, 4);
    sideLayout->addWidget(sideSplit);

    m_splitter = new ReviewSplitter(queuePanel, submission, side, sideSplit, this);
    connect(m_queueToggle, &QToolButton::clicked, this, [this] { m_splitter->setQueueCollapsed(!m_splitter->queueCollapsed()); });
    connect(m_splitter, &ReviewSplitter::queueCollapsedChanged, this, &ReviewWorkspace::updateQueueToggle);
    // Tabbing into the folded queue's search or filter unfolds it: what has the focus is seen.
    m_search->installEventFilter(this);
    m_stateFilter->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    // --- behaviour ---
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        // Until the start-up look-up (a held claim to resume?) is back, the view's own choice of
        // a current row (on focus-in) must not claim anything.
        if (current.isValid() && m_startResolved)
            openAttempt(m_model->data(current, QueueModel::AttemptIdRole).toLongLong());
    });
    connect(m_model, &QueueModel::loadFailed, this, [this](const Error& e) {
        emit statusMessage(tr("The queue cannot be loaded: %1").arg(ErrorTexts::text(e)));
    });
    auto* searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &ReviewWorkspace::applyFilter);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &ReviewWorkspace::applyFilter);
    connect(m_countsBar, &QueueCountsBar::bucketChosen, this, &ReviewWorkspace::applyFilter);
    // Counts follow decisions (here and at other desks) and the clock (buckets move with time).
    m_countsTimer.setInterval(30 * 1000);
    connect(&m_countsTimer, &QTimer::timeout, this, &ReviewWorkspace::refreshCounts);
    m_countsTimer.start();

    m_digitTimer.setSingleShot(true);
    m_digitTimer.setInterval(kDigitWindowMs);
    connect(&m_digitTimer, &QTimer::timeout, this, &ReviewWorkspace::flushDigits);
    m_headerTick.setInterval(30 * 1000);
    connect(&m_headerTick, &QTimer::timeout, this, &ReviewWorkspace::updateHeader);
    m_headerTick.start();
    // The lease is renewed well before it runs out (every third of it) while the submission
    // stays open; the lock column follows the other desks every 15 s.
    m_renewTimer.setInterval(m_claims->leaseSeconds() * 1000 / 3);
    connect(&m_renewTimer, &QTimer::timeout, this, &ReviewWorkspace::renewClaim);
    m_locksTimer.setInterval(15 * 1000);
    connect(&m_locksTimer, &QTimer::timeout, this, &ReviewWorkspace::refreshLocks);
    m_locksTimer.start();

    // Shortcuts work wherever the focus is inside the workspace, except while typing in a text
    // field (text fields claim printable keys through ShortcutOverride). Keys: widgets/ReviewKeys.
    auto shortcut = [this](const char* id, std::function<void()> run) {
        ReviewKeys::bind(this, id, Qt::WidgetWithChildrenShortcut, [run](int) { run(); });
    };
    shortcut("approve", [this] { approve(); });
    shortcut("reject", [this] { reject(); });
    shortcut("next", [this] { nextSubmission(); });
    shortcut("previous", [this] { previousSubmission(); });
    shortcut("refresh", [this] { refreshQueue(); });
    shortcut("claim-next", [this] { claimNext(); });
    shortcut("queue", [this] { m_view->setFocus(Qt::ShortcutFocusReason); });
    ReviewKeys::bind(this, "reasons", Qt::WidgetWithChildrenShortcut, [this](int key) { typeDigit(key % 10); });
    // "?" here; F1 is the window's (MainWindow), so the two never compete.
    auto* help = new QShortcut(ReviewKeys::keys("shortcuts").at(1), this);
    help->setContext(Qt::WidgetWithChildrenShortcut);
    connect(help, &QShortcut::activated, this, &ReviewWorkspace::showShortcutOverlay);
    // Compare tools over the three photos (zoom, loupe, rotation, blink, full screen).
    m_compare = new CompareController(this, m_store, m_preScreen, {m_submitted, m_enrollment, m_idCard},
                                      {[this] { return currentAttemptId(); }, [this] { nextSubmission(); }, [this] { previousSubmission(); }});
    connect(m_compare, &CompareController::statusMessage, this, &ReviewWorkspace::statusMessage);

    // Focus given to the workspace goes to the queue (focusInEvent). Not a focus proxy: a widget
    // with a proxy is a Tab stop of its own, which sent Tab from the last control straight back to
    // the queue, past the tab bar, the search field and the state filter.
    retranslate();
    showNothingOpen(QString());
    {
        const QSignalBlocker block(m_stateFilter);
        m_stateFilter->setCurrentIndex(0);
    }
    applyFilter();
}

ReviewWorkspace::~ReviewWorkspace()
{
    // Any decision still running finishes on the worker (and commits or not, in one piece)
    // before the store goes away; its result is no longer shown.
    m_generation = ~quint64(0);
    // Closing the window or logging out gives the open submission back to the team at once
    // (queued behind any decision in flight; the worker's destructor waits for both).
    if (m_claim) {
        std::shared_ptr<ClaimService> claims = m_claims;
        const Session who = m_session;
        const Claim claim = *m_claim;
        m_worker->run([claims, who, claim] { claims->release(who, claim); });
    }
    m_worker.reset();
    m_reader.reset();
}

void ReviewWorkspace::retranslate()
{
    m_search->setPlaceholderText(tr("Search name or student no."));
    const QStringList filters{tr("Pending"), tr("Approved"), tr("Rejected"), tr("All")};
    const std::optional<AttemptState> states[] = {AttemptState::Pending, AttemptState::Approved, AttemptState::Rejected, std::nullopt};
    const QLocale locale;
    for (int i = 0; i < filters.size(); ++i)
        m_stateFilter->setItemText(i, m_counts ? tr("%1 (%2)").arg(filters[i], locale.toString(m_counts->forState(states[i]))) : filters[i]);
    m_submitted->setTitle(tr("Submitted photo"));
    m_enrollment->setTitle(tr("Enrollment photo"));
    m_idCard->setTitle(tr("ID-card photo"));
    const int pending = m_counts ? m_counts->pending : -1;
    m_queueTitle->setText(pending >= 0 ? tr("Review queue · %n pending", "", pending) : tr("Review queue"));
    updateQueueToggle();
    updateHeader();
}

void ReviewWorkspace::updateQueueToggle()
{
    const bool collapsed = m_splitter->queueCollapsed();
    m_queueToggle->setArrowType(collapsed ? Qt::RightArrow : Qt::LeftArrow);
    const int pending = m_counts ? m_counts->pending : -1;
    m_queueToggle->setText(collapsed && pending >= 0 ? tr("Queue (%1)").arg(QLocale().toString(pending)) : tr("Queue"));
    m_queueToggle->setToolTip(collapsed ? tr("Show the review queue") : tr("Hide the review queue: more room for the photos"));
}

bool ReviewWorkspace::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FocusIn && (watched == m_search || watched == m_stateFilter)) {
        const Qt::FocusReason reason = static_cast<QFocusEvent*>(event)->reason();
        if ((reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason) && m_splitter->queueCollapsed())
            m_splitter->setQueueCollapsed(false);
    }
    return QWidget::eventFilter(watched, event);
}

void ReviewWorkspace::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    m_view->setFocus(event->reason());
}

void ReviewWorkspace::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate();
        m_panel->retranslate();
        m_faces->retranslate();
        for (PhotoPane* pane : {m_submitted, m_enrollment, m_idCard})
            pane->retranslate();
    }
    QWidget::changeEvent(event);
}

void ReviewWorkspace::applyFilter()
{
    QueueFilter filter;
    switch (m_stateFilter->currentIndex()) {
    case 1:
        filter.state = AttemptState::Approved;
        break;
    case 2:
        filter.state = AttemptState::Rejected;
        break;
    case 3:
        filter.state = std::nullopt;
        break;
    default:
        filter.state = AttemptState::Pending;
    }
    filter.search = m_search->text().trimmed();
    filter.sort = m_model->filter().sort;
    // The deadline buckets count pending submissions: they narrow the pending queue only.
    m_countsBar->setEnabled(filter.state == AttemptState::Pending);
    if (filter.state != AttemptState::Pending)
        m_countsBar->setBucket(std::nullopt);
    filter.bucket = m_countsBar->bucket();
    // A queue of one state does not need its state column: the narrow queue keeps its room.
    m_view->setColumnHidden(QueueModel::StateColumn, filter.state.has_value());
    // Another queue: what was prepared for the old neighbours is dropped, queued work cancelled.
    m_prefetch->setWanted({});
    refreshCounts(); // queued on the reader before the model's own count: the title first
    m_model->setFilter(filter); // reloads
    syncAfterReload();
}

void ReviewWorkspace::refreshQueue()
{
    // F5 or new data from the platform: photos or references may have changed.
    m_prefetch->invalidateAll();
    refreshCounts();
    m_model->reload();
    syncAfterReload();
}

void ReviewWorkspace::syncAfterReload()
{
    const Id keep = m_current ? m_current->attempt.id : m_loadingAttempt;
    if (!m_started) {
        // First time: resume a claim this reviewer still holds (PhotoDesk was restarted or
        // crashed), otherwise open the first submission nobody else holds.
        m_started = true;
        struct Start {
            Result<std::vector<Claim>> held;
            Result<ClaimLocks> locks;
        };
        std::shared_ptr<ClaimService> claims = m_claims;
        const Session who = m_session;
        whenFinished(this, m_worker->run([claims, who] { return Start{claims->heldBy(who), claims->heldByOthers(who)}; }),
                     [this](const Start& start) {
                         if (start.locks)
                             m_model->setLocks(*start.locks);
                         openAfterStart(start.held ? *start.held : std::vector<Claim>{});
                     });
        return;
    }
    refreshLocks();
    int row = keep ? m_model->rowOf(keep) : -1;
    if (row < 0) {
        for (int r = 0; r < m_model->rowCount() && row < 0; ++r)
            if (!m_model->lockOf(m_model->rowAt(r)->attemptId))
                row = r;
    }
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0) {
        selectRow(row);
    } else {
        m_current.reset();
        m_loadingAttempt = 0;
        showNothingOpen(m_model->filter().state == AttemptState::Pending ? tr("No submissions are waiting for review.")
                                                                           : tr("No submissions match."));
    }
}

void ReviewWorkspace::openAfterStart(const std::vector<Claim>& held)
{
    m_startResolved = true;
    if (const Id resume = std::exchange(m_resumeAt, 0); resume != 0) {
        // Where the reviewer was before the crash: its claim (if still held) is taken up again.
        for (const Claim& claim : held)
            if (claim.attemptId == resume)
                m_claim = claim;
        const int row = m_model->rowOf(resume);
        if (row >= 0)
            selectRow(row);
        else
            openAttempt(resume);
        return;
    }
    if (!held.empty()) {
        const Claim& claim = held.front();
        m_claim = claim; // claiming it again below keeps this token and extends the lease
        emit statusMessage(tr("Resumed submission %1, which you were reviewing.").arg(claim.externalId));
        const int row = m_model->rowOf(claim.attemptId);
        if (row >= 0)
            selectRow(row);
        else
            openAttempt(claim.attemptId);
        return;
    }
    // A row the reviewer picked while the start-up look-up was under way wins over the default
    // (unless another reviewer holds it: the view also picks a row by itself on focus-in).
    if (const QModelIndex picked = m_view->currentIndex(); picked.isValid()) {
        const Id pickedId = m_model->data(picked, QueueModel::AttemptIdRole).toLongLong();
        if (!m_model->lockOf(pickedId)) {
            openAttempt(pickedId);
            return;
        }
    }
    int row = -1;
    for (int r = 0; r < m_model->rowCount() && row < 0; ++r)
        if (!m_model->lockOf(m_model->rowAt(r)->attemptId))
            row = r;
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0)
        selectRow(row);
    else
        showNothingOpen(m_model->filter().state == AttemptState::Pending ? tr("No submissions are waiting for review.") : tr("No submissions match."));
}

void ReviewWorkspace::resumeAt(Id attemptId)
{
    if (attemptId == 0)
        return;
    if (!m_startResolved) {
        m_resumeAt = attemptId;
        return;
    }
    const int row = m_model->rowOf(attemptId);
    if (row >= 0)
        selectRow(row);
    else
        openAttempt(attemptId);
}

void ReviewWorkspace::setClaimLeaseSeconds(int seconds)
{
    m_claims = std::make_shared<ClaimService>(m_store, seconds);
    m_renewTimer.setInterval(qMax(1000, seconds * 1000 / 3));
}

void ReviewWorkspace::releaseClaim(bool skipped)
{
    m_renewTimer.stop();
    if (!m_claim)
        return;
    const Claim claim = *m_claim;
    m_claim.reset();
    if (skipped && !m_skipped.contains(claim.attemptId))
        m_skipped << claim.attemptId;
    std::shared_ptr<ClaimService> claims = m_claims;
    const Session who = m_session;
    // Fire and forget: releasing what one no longer holds is not an error, and the worker runs
    // it before anything queued later (a new claim, a decision).
    m_worker->run([claims, who, claim] { claims->release(who, claim); });
    emit claimChanged(0);
}

void ReviewWorkspace::renewClaim()
{
    if (!m_claim) {
        m_renewTimer.stop();
        return;
    }
    const Claim claim = *m_claim;
    std::shared_ptr<ClaimService> claims = m_claims;
    const Session who = m_session;
    whenFinished(this, m_worker->run([claims, who, claim] { return claims->renew(who, claim); }), [this, claim](const Result<Claim>& result) {
        if (!m_claim || m_claim->attemptId != claim.attemptId || m_claim->token != claim.token)
            return; // moved on meanwhile
        if (result) {
            m_claim = result.value();
            showClaimBanner();
            return;
        }
        if (result.error().code == QLatin1String("lease-lost")) {
            m_claim.reset();
            m_renewTimer.stop();
            emit claimChanged(0);
            emit statusMessage(ErrorTexts::text(result.error()));
            if (!m_deciding) // a decision in flight reports the lost lease itself
                reopen(claim.attemptId, ErrorTexts::text(result.error()));
            return;
        }
        // Store trouble: the lease is still valid for a while; the next tick tries again.
        emit statusMessage(tr("The hold on this submission could not be renewed: %1").arg(ErrorTexts::text(result.error())));
    });
}

void ReviewWorkspace::refreshLocks()
{
    std::shared_ptr<ClaimService> claims = m_claims;
    const Session who = m_session;
    whenFinished(this, m_worker->run([claims, who] { return claims->heldByOthers(who); }), [this](const Result<ClaimLocks>& result) {
        if (result)
            applyLocks(result.value());
    });
}

void ReviewWorkspace::applyLocks(const ClaimLocks& locks)
{
    m_model->setLocks(locks);
    // The reviewer who held the open submission gave it back: claim it now.
    if (m_current && !m_lockedBy.isEmpty() && !m_deciding && !locks.contains(m_current->attempt.id))
        reopen(m_current->attempt.id, QString());
}

void ReviewWorkspace::reopen(Id attemptId, const QString& notice)
{
    m_notice = notice;
    m_current.reset();
    m_loadingAttempt = 0;
    m_model->reload();
    const int row = m_model->rowOf(attemptId);
    if (row >= 0)
        selectRow(row);
    else
        openAttempt(attemptId); // not in the current filter: open it anyway
}

void ReviewWorkspace::claimNext()
{
    flushDigits();
    if (m_deciding)
        return;
    QList<Id> skipped = m_skipped;
    if (m_current && !skipped.contains(m_current->attempt.id))
        skipped << m_current->attempt.id;
    const Id previous = m_current ? m_current->attempt.id : 0;
    releaseClaim(true); // queued on the worker before the claim below
    std::shared_ptr<ClaimService> claims = m_claims;
    const Session who = m_session;
    whenFinished(this, m_worker->run([claims, who, skipped] { return claims->claimNext(who, skipped); }),
                 [this, previous](const Result<std::optional<Claim>>& result) {
                     QString problem;
                     if (!result) {
                         problem = tr("No submission could be claimed: %1").arg(ErrorTexts::text(result.error()));
                     } else if (!result->has_value()) {
                         problem = m_skipped.isEmpty() ? tr("No unclaimed submission is waiting for review.")
                                                       : tr("Every other submission is held by someone or was skipped; press N again to go "
                                                            "through the skipped ones.");
                         m_skipped.clear();
                     }
                     if (!problem.isEmpty()) {
                         emit statusMessage(problem);
                         if (previous)
                             reopen(previous, problem); // stay on it, holding it again
                         return;
                     }
                     const Claim claim = **result;
                     m_claim = claim;
                     emit claimChanged(claim.attemptId);
                     emit statusMessage(tr("Claimed submission %1.").arg(claim.externalId));
                     reopen(claim.attemptId, QString());
                 });
}

void ReviewWorkspace::showClaimBanner()
{
    const QLocale locale;
    if (m_current && !m_lockedBy.isEmpty()) {
        setStyleIfChanged(m_claimBanner, QStringLiteral("QLabel { background: #fef3c7; color: #92400e; border: 1px solid #f59e0b; border-radius: 4px; }"));
        m_claimBanner->setText(m_lockedUntil.isValid()
                                   ? tr("Locked: %1 is reviewing this submission (held until %2). Read-only here.")
                                         .arg(m_lockedBy, locale.toString(m_lockedUntil.toLocalTime(), QStringLiteral("HH:mm")))
                                   : tr("Locked: %1 is reviewing this submission. Read-only here.").arg(m_lockedBy));
        m_claimBanner->show();
    } else if (m_current && m_claim && m_claim->attemptId == m_current->attempt.id) {
        setStyleIfChanged(m_claimBanner, QStringLiteral("QLabel { background: #ecfdf5; color: #065f46; border: 1px solid #a7f3d0; border-radius: 4px; }"));
        m_claimBanner->setText(tr("Claimed by you until %1 (renewed automatically while it is open).")
                                   .arg(locale.toString(m_claim->leaseUntil.toLocalTime(), QStringLiteral("HH:mm"))));
        m_claimBanner->show();
    } else {
        m_claimBanner->hide();
    }
}

void ReviewWorkspace::selectRow(int row)
{
    while (row >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    // The same attempt may already be open (selection lost by a model reset): nothing to do then.
    openAttempt(m_model->data(index, QueueModel::AttemptIdRole).toLongLong());
}

void ReviewWorkspace::nextSubmission()
{
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + 1 : 0;
    if (row >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
    if (row < m_model->rowCount())
        selectRow(row);
    else
        emit statusMessage(tr("This is the last submission in the queue."));
}

void ReviewWorkspace::previousSubmission()
{
    const int row = m_view->currentIndex().row() - 1;
    if (row >= 0)
        selectRow(row);
    else
        emit statusMessage(tr("This is the first submission in the queue."));
}

void ReviewWorkspace::showNothingOpen(const QString& message)
{
    releaseClaim(false);
    m_lockedBy.clear();
    m_claimBanner->hide();
    ++m_generation;
    m_current.reset();
    m_loadingAttempt = 0;
    m_earlyOpened.reset();
    m_claimResolved = false;
    m_photosAnnounced = false;
    m_shownAnnounced = false;
    for (PaintProbe* probe : {m_facesProbe, m_rulesProbe, m_panelProbe})
        probe->disarm();
    m_submitted->showEmpty(message);
    m_enrollment->showEmpty(QString());
    m_idCard->showEmpty(QString());
    m_panel->setStudent(std::nullopt);
    m_panel->setDecidable(false);
    m_faceAttempt = 0;
    m_facesShown = false;
    m_facesFinal = false;
    m_faces->clear();
    m_rules->clear();
    m_prefetch->setWanted({});
    updateHeader();
}

void ReviewWorkspace::openAttempt(Id attemptId)
{
    if (attemptId == 0 || attemptId == currentAttemptId() || attemptId == m_loadingAttempt)
        return;
    m_openTimer.start();
    flushDigits();
    const bool skipping = m_claim && m_claim->attemptId != attemptId; // moving on without deciding
    m_lockedBy.clear();
    m_lockedUntil = QDateTime();
    m_claimBanner->hide();
    const quint64 generation = ++m_generation;
    m_current.reset();
    m_loadingAttempt = attemptId;
    m_earlyOpened.reset();
    m_claimResolved = false;
    m_photosAnnounced = false;
    m_shownAnnounced = false;
    for (PaintProbe* probe : {m_facesProbe, m_rulesProbe, m_panelProbe})
        probe->disarm();
    m_faceAttempt = attemptId;
    m_facesShown = false;
    m_facesFinal = false;

    // Opening a pending submission claims it: the worker reads the attempt as it is now and
    // claims it, while the content is painted from what the prefetcher prepared.
    std::shared_ptr<Store> store = m_store;
    std::shared_ptr<ClaimService> claims = m_claims;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, claims, who, attemptId] {
                     Opened opened;
                     try {
                         const auto attempt = AttemptRepository(store->db()).find(attemptId);
                         if (attempt)
                             opened.attempt = *attempt;
                         else
                             opened.attempt = Error{QStringLiteral("not-found"), QStringLiteral("attempt %1 does not exist").arg(attemptId)};
                     } catch (const StoreError& e) {
                         opened.attempt = Error{e.code(), e.message()};
                     }
                     if (opened.attempt && opened.attempt->state == AttemptState::Pending) {
                         opened.claim = claims->claim(who, attemptId);
                         if (!*opened.claim) {
                             if (auto locks = claims->heldByOthers(who))
                                 opened.locks = locks.value();
                         }
                     }
                     return opened;
                 }),
                 [this, generation, attemptId](const Opened& opened) { applyOpened(attemptId, opened, generation); });
    // The skipped one is given back right after the new claim, not before: the reviewer waits
    // for one commit instead of two (holding both for a few milliseconds harms nobody).
    if (skipping)
        releaseClaim(true);

    m_panel->setStudent(std::nullopt);
    m_panel->setDecidable(false);
    m_prefetch->setDisplay({m_submitted->canvasSize(), m_enrollment->canvasSize(), m_idCard->canvasSize()}, devicePixelRatioF());
    if (const auto prepared = m_prefetch->lookup(attemptId)) {
        showPrepared(*prepared);
    } else {
        for (PhotoPane* pane : {m_submitted, m_enrollment, m_idCard})
            pane->showLoading();
        updateHeader();
        m_faces->showAnalysing();
        m_rules->showChecking(attemptId);
        m_prefetch->request(attemptId); // prepared() brings it to showPrepared
    }
    updatePrefetch(attemptId);
}

void ReviewWorkspace::showPrepared(const PreparedSubmission& prepared)
{
    const Id attemptId = prepared.attemptId;
    m_loadingAttempt = 0;
    m_current = prepared.bundle;
    m_panel->setStudent(prepared.bundle.student);
    m_panel->setDecidable(false); // until the claim is back (applyOpened)
    showClaimBanner();
    updateHeader();

    PhotoPane* panes[3] = {m_submitted, m_enrollment, m_idCard};
    const QString missing[3] = {tr("No submitted photo is stored for this attempt."), tr("No enrollment photo is stored for this student."),
                                tr("No ID-card photo is stored for this student.")};
    for (int slot = 0; slot < 3; ++slot) {
        const auto& record = prepared.record(slot);
        if (!record)
            panes[slot]->showProblem(missing[slot]);
        else if (!record->error.isEmpty())
            panes[slot]->showProblem(ErrorTexts::text(Error{record->error, record->error}));
        else if (const auto& photo = prepared.photos[size_t(slot)])
            panes[slot]->showPhoto(*photo);
        else
            panes[slot]->showProblem(tr("The photo cannot be shown."));
    }
    // Face results and rules as prepared, when they were read for the pre-screen's current
    // model and rule set; otherwise read now (the model was still loading).
    if (!prepared.facesModelId.isEmpty() && prepared.facesModelId == m_preScreen->modelId()) {
        showFaces(attemptId, prepared.faces, true);
    } else {
        m_faces->showAnalysing();
        loadFaces(attemptId, true);
    }
    if (!prepared.rulesVersion.isEmpty() && prepared.rulesVersion == m_preScreen->rulesVersion())
        m_rules->showLoaded(attemptId, prepared.rules);
    else
        m_rules->setAttempt(attemptId);
    if (m_earlyOpened) {
        const std::unique_ptr<Opened> opened = std::move(m_earlyOpened);
        applyOpened(attemptId, *opened, m_generation);
    }
    checkSubmissionShown();
}

void ReviewWorkspace::applyOpened(Id attemptId, const Opened& opened, quint64 generation)
{
    if (generation != m_generation) {
        // Another submission was opened meanwhile: give this one back, unless it is being
        // opened (or held) again, which shares the same token.
        const bool wanted = attemptId == m_loadingAttempt || (m_claim && m_claim->attemptId == attemptId) || currentAttemptId() == attemptId;
        if (opened.claim && *opened.claim && !wanted) {
            std::shared_ptr<ClaimService> claims = m_claims;
            const Session who = m_session;
            const Claim claim = opened.claim->value();
            m_worker->run([claims, who, claim] { claims->release(who, claim); });
        }
        return;
    }
    if (!m_current || m_current->attempt.id != attemptId) {
        // The content is still being prepared: the claim is shown right after it.
        m_earlyOpened = std::make_unique<Opened>(opened);
        return;
    }
    m_claimResolved = true;
    if (!opened.attempt) {
        const QString text = tr("Submission %1 cannot be opened: %2").arg(attemptId).arg(ErrorTexts::text(opened.attempt.error()));
        m_panel->showMessage(text, DecisionPanel::MessageKind::Error);
        emit statusMessage(text);
        checkSubmissionShown();
        return;
    }
    m_current->attempt = opened.attempt.value(); // as it is now (state, claim)
    const Attempt& attempt = m_current->attempt;
    const bool pending = attempt.state == AttemptState::Pending;
    bool decidable = pending;
    QString notice = std::exchange(m_notice, QString());
    auto noticeKind = DecisionPanel::MessageKind::Error;
    if (pending && opened.claim) {
        const Result<Claim>& claimed = *opened.claim;
        if (claimed) {
            m_claim = claimed.value();
            m_renewTimer.start();
            emit claimChanged(m_claim->attemptId);
        } else {
            decidable = false;
            if (claimed.error().code == QLatin1String("claimed-by-other")) {
                const ClaimLock* lock = nullptr;
                if (opened.locks) {
                    m_model->setLocks(*opened.locks);
                    lock = m_model->lockOf(attempt.id);
                }
                m_lockedBy = lock ? lock->holder : tr("another reviewer");
                m_lockedUntil = lock ? lock->leaseUntil : QDateTime();
                notice = tr("%1 is reviewing this submission: it is read-only here and cannot be decided. Press J for the next "
                            "one or N to claim one nobody holds.")
                             .arg(m_lockedBy);
            } else {
                notice = tr("This submission cannot be claimed: %1").arg(ErrorTexts::text(claimed.error()));
            }
        }
    }
    m_panel->setDecidable(decidable);
    if (!pending)
        m_panel->showMessage(tr("This submission was already %1; it cannot be decided again.").arg(stateName(attempt.state)),
                             DecisionPanel::MessageKind::Info);
    else if (!notice.isEmpty())
        m_panel->showMessage(notice, noticeKind);
    showClaimBanner();
    updateHeader();
    checkSubmissionShown();
}

void ReviewWorkspace::updatePrefetch(Id attemptId)
{
    // The open one (for K back to it), the next, the previous, then three more ahead.
    constexpr int kAhead = 4;
    QList<Id> wanted{attemptId};
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() && m_model->data(current, QueueModel::AttemptIdRole).toLongLong() == attemptId
                        ? current.row()
                        : m_model->rowOf(attemptId);
    if (row >= 0) {
        if (row + kAhead >= m_model->rowCount() && m_model->canFetchMore({}))
            m_model->fetchMore({}); // one keyset page
        auto add = [this, &wanted](int r) {
            if (const auto q = m_model->rowAt(r))
                wanted << q->attemptId;
        };
        add(row + 1);
        add(row - 1);
        for (int i = 2; i <= kAhead; ++i)
            add(row + i);
    }
    m_prefetch->setWanted(wanted);
}

void ReviewWorkspace::refreshCounts()
{
    if (m_counting) {
        m_countsDirty = true; // once more when the running count is back
        return;
    }
    m_counting = true;
    std::shared_ptr<Store> store = m_store;
    whenFinished(this, m_reader->run([store]() -> Result<QueueCounts> {
                     try {
                         return ReviewQueue(store->db()).counts(utcNow());
                     } catch (const StoreError& e) {
                         return Error{e.code(), e.message()};
                     }
                 }),
                 [this](const Result<QueueCounts>& result) {
                     m_counting = false;
                     if (result)
                         countsArrived(result.value());
                     else
                         emit statusMessage(tr("The queue cannot be counted: %1").arg(ErrorTexts::text(result.error())));
                     if (std::exchange(m_countsDirty, false))
                         refreshCounts();
                 });
}

void ReviewWorkspace::countsArrived(const QueueCounts& counts)
{
    m_counts = counts;
    m_countsBar->setCounts(counts);
    retranslate(); // title and filter texts carry the counts
    emit pendingCountChanged(counts.pending);
    emit queueCountsChanged(counts);
}

void ReviewWorkspace::loadFaces(Id attemptId, bool analyseIfMissing)
{
    if (m_preScreen->state() == PreScreenService::State::Unavailable) {
        m_faces->showUnavailable(m_preScreen->unavailableReason().message);
        m_facesFinal = true;
        checkSubmissionShown();
        m_preScreen->analyseNow(attemptId); // tries to load the model again
        return;
    }
    const QString modelId = m_preScreen->modelId();
    if (modelId.isEmpty()) {
        // The model is still loading (on the service's thread): ready() comes back here.
        m_preScreen->analyseNow(attemptId);
        return;
    }
    std::shared_ptr<Store> store = m_store;
    std::shared_ptr<const FaceAnalyzer> analyzer = m_preScreen->analyzer();
    whenFinished(this, m_worker->run([store, attemptId, modelId, analyzer] { return loadFaceReportView(*store, attemptId, modelId, analyzer.get()); }),
                 [this, attemptId, analyseIfMissing](const Result<FaceReportView>& result) { showFaces(attemptId, result, analyseIfMissing); });
}

void ReviewWorkspace::showFaces(Id attemptId, const Result<FaceReportView>& result, bool analyseIfMissing)
{
    if (attemptId != m_faceAttempt)
        return; // another submission was opened meanwhile
    if (!result) {
        m_faces->showUnavailable(ErrorTexts::text(result.error()));
        m_facesFinal = true;
        checkSubmissionShown();
        return;
    }
    if (!result->report.complete) {
        // Not reached by the background pass yet: analyse it now, off the UI thread.
        m_faces->showAnalysing();
        if (analyseIfMissing)
            m_preScreen->analyseNow(attemptId);
        return;
    }
    m_facesShown = true;
    m_facesFinal = true;
    m_faces->showReport(result.value(), m_preScreen->bands());
    m_facesProbe->arm();
    checkSubmissionShown();
}

bool ReviewWorkspace::photosPainted() const
{
    return m_current && m_submitted->paintedFinal() && m_enrollment->paintedFinal() && m_idCard->paintedFinal();
}

void ReviewWorkspace::checkPhotosShown()
{
    if (!m_photosAnnounced && photosPainted()) {
        m_photosAnnounced = true;
        emit photosShown();
    }
    checkSubmissionShown();
}

bool ReviewWorkspace::submissionPainted() const
{
    const bool rulesFinal = m_rules->attemptId() == currentAttemptId()
                            && (m_rules->mode() == RuleFlagsPanel::Mode::Report || m_rules->mode() == RuleFlagsPanel::Mode::Unavailable);
    return m_current && m_loadingAttempt == 0 && photosPainted() && m_facesFinal && m_facesProbe->painted() && rulesFinal
           && m_rulesProbe->painted() && m_claimResolved && m_panelProbe->painted();
}

void ReviewWorkspace::checkSubmissionShown()
{
    if (!m_current || m_shownAnnounced)
        return;
    // A part counts once it has been painted after reaching its final state: arm its probe
    // when the final state is reached (a part already painted then is painted once more).
    const bool rulesFinal = m_rules->attemptId() == currentAttemptId()
                            && (m_rules->mode() == RuleFlagsPanel::Mode::Report || m_rules->mode() == RuleFlagsPanel::Mode::Unavailable);
    const std::pair<bool, PaintProbe*> parts[] = {{m_facesFinal, m_facesProbe}, {rulesFinal, m_rulesProbe}, {m_claimResolved, m_panelProbe}};
    for (const auto& [final, probe] : parts) {
        if (final && !probe->isArmed())
            probe->arm();
    }
    if (!submissionPainted())
        return;
    m_shownAnnounced = true;
    m_lastShownMs = m_openTimer.nsecsElapsed() / 1e6;
    emit submissionShown(m_current->attempt.id);
}

void ReviewWorkspace::updateHeader()
{
    if (!m_current) {
        m_header->setText(m_loadingAttempt ? tr("Loading the submission…") : QStringLiteral(" "));
        return;
    }
    const Student& s = m_current->student;
    const Attempt& a = m_current->attempt;
    const QLocale locale;
    QString timeLeft;
    if (a.state == AttemptState::Pending) {
        const qint64 secs = utcNow().secsTo(a.deadline);
        const QString color = secs < QueueModel::kUrgentHours * 3600 ? QStringLiteral("#c62828") : QStringLiteral("#1f2937");
        timeLeft = QStringLiteral("<span style='color:%1; font-weight:bold'>%2</span>")
                       .arg(color, QueueModel::timeLeftText(a.deadline, utcNow()).toHtmlEscaped());
    } else {
        timeLeft = QStringLiteral("<b>%1</b>").arg(stateName(a.state).toHtmlEscaped());
    }
    const QString sep = QStringLiteral("&nbsp;&nbsp;·&nbsp;&nbsp;");
    auto field = [](const QString& label, const QString& value) {
        // A field wraps as a whole or not at all ("ID no." never splits from its number).
        return QStringLiteral("<span style='color:#6b7280'>%1</span>&nbsp;%2")
            .arg(label.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")), value.toHtmlEscaped());
    };
    const QString line1 = QStringLiteral("<span style='font-size:x-large; font-weight:bold'>%1</span>&nbsp;&nbsp;&nbsp;%2")
                              .arg(s.name.toHtmlEscaped(),
                                   QStringList{field(tr("Student no."), s.studentNumber),
                                               field(tr("Programme"), s.level.isEmpty() ? s.programme : s.programme + QStringLiteral(" · ") + s.level),
                                               field(tr("ID no."), maskNationalId(s.nationalId)),
                                               field(tr("Phone"), maskPhone(s.phone))}
                                       .join(sep));
    const QString line2 = QStringList{field(tr("Attempt"), a.externalId),
                                      field(tr("Paid"), locale.toString(a.paidAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))),
                                      field(tr("Deadline"), locale.toString(a.deadline.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))),
                                      timeLeft}
                              .join(sep);
    const QString text = line1 + QStringLiteral("<br>") + line2;
    if (m_header->text() != text) // the same text again would lay the label out again
        m_header->setText(text);
}

void ReviewWorkspace::approve()
{
    decide(Verdict::Approve);
}

void ReviewWorkspace::reject()
{
    decide(Verdict::Reject);
}

void ReviewWorkspace::decide(Verdict verdict)
{
    flushDigits();
    if (m_deciding)
        return;
    if (!m_current || m_current->attempt.state != AttemptState::Pending) {
        emit statusMessage(tr("No pending submission is open."));
        return;
    }
    if (!m_lockedBy.isEmpty()) {
        const QString text = tr("%1 is reviewing this submission: it cannot be decided here.").arg(m_lockedBy);
        m_panel->showMessage(text, DecisionPanel::MessageKind::Error);
        emit statusMessage(text);
        return;
    }
    if (!m_claim || m_claim->attemptId != m_current->attempt.id) {
        const QString text = tr("You do not hold this submission, so it cannot be decided. Press F5 to reload it.");
        m_panel->showMessage(text, DecisionPanel::MessageKind::Error);
        emit statusMessage(text);
        return;
    }
    DecisionRequest request;
    request.attemptId = m_current->attempt.id;
    request.verdict = verdict;
    request.reasons = m_panel->checkedReasonIds();
    request.note = m_panel->note();
    if (verdict == Verdict::Approve && !request.reasons.isEmpty()) {
        QStringList numbers;
        for (int n : m_panel->checkedNumbers())
            numbers << QString::number(n);
        m_panel->showMessage(tr("Not approved: rejection reasons %1 are checked. Uncheck them to approve, or press R to reject.")
                                 .arg(numbers.join(QStringLiteral(", "))),
                             DecisionPanel::MessageKind::Error);
        return;
    }
    if (verdict == Verdict::Approve && !m_panel->checklistConfirmed()) {
        m_panel->showMessage(tr("Not approved: tick the checklist items first (only a person can judge them)."),
                             DecisionPanel::MessageKind::Error);
        return;
    }
    if (verdict == Verdict::Reject && request.reasons.isEmpty()) {
        m_panel->showMessage(tr("Choose at least one reason (type its number) before rejecting."), DecisionPanel::MessageKind::Error);
        return;
    }
    m_deciding = true;
    m_panel->setBusy(true);
    const int row = m_model->rowOf(request.attemptId);
    std::shared_ptr<DecisionService> service = m_service;
    const Session who = m_session;
    const QString token = m_claim->token; // refused (lease-lost) if the hold was lost meanwhile
    emit decisionStarted(request.attemptId, request.verdict);
    whenFinished(this, m_worker->run([service, who, request, token] { return service->decide(who, request, token); }),
                 [this, request, row](const Result<Id>& result) { decisionFinished(request, result, row); });
}

void ReviewWorkspace::decisionFinished(const DecisionRequest& request, const Result<Id>& result, int decidedRow)
{
    m_deciding = false;
    m_panel->setBusy(false);
    const QString name = m_current && m_current->attempt.id == request.attemptId ? m_current->student.name : QString::number(request.attemptId);
    if (!result) {
        m_panel->showMessage(ErrorTexts::text(result.error()), DecisionPanel::MessageKind::Error);
        emit statusMessage(tr("%1: the decision was not saved. %2").arg(name, ErrorTexts::text(result.error())));
        const QString code = result.error().code;
        if (code == QLatin1String("lease-lost") || code == QLatin1String("claimed-by-other")) {
            // Nothing was written. Show the submission as it is now: claimed again by this
            // desk when nobody else took it, read-only otherwise.
            m_claim.reset();
            m_renewTimer.stop();
            emit claimChanged(0);
            reopen(request.attemptId, tr("The decision was not saved: %1").arg(ErrorTexts::text(result.error())));
            return;
        }
        if (code != QLatin1String("already-decided") && code != QLatin1String("not-found"))
            return;
    } else {
        emit statusMessage(request.verdict == Verdict::Approve
                               ? tr("Approved %1; the SMS is queued.").arg(name)
                               : tr("Rejected %1 with %n reason(s); the SMS is queued.", "", int(request.reasons.size())).arg(name));
        emit decided(request.attemptId, request.verdict);
    }

    // The hold ends with the decision. Refresh the queue and open the next pending submission
    // at the same place.
    m_renewTimer.stop();
    if (m_claim) {
        m_claim.reset();
        emit claimChanged(0);
    }
    const QDateTime decidedDeadline = m_current && m_current->attempt.id == request.attemptId ? m_current->attempt.deadline : QDateTime();
    m_current.reset();
    m_prefetch->invalidate(request.attemptId); // decided: no longer what it was
    if (result && m_counts) {
        // Counted again on the reader below; meanwhile the figures move at once.
        QueueCounts counts = *m_counts;
        --counts.pending;
        ++(request.verdict == Verdict::Approve ? counts.approved : counts.rejected);
        if (decidedDeadline.isValid()) {
            const qint64 left = counts.at.secsTo(decidedDeadline);
            int& bucket = left < 0 ? counts.overdue : left < 6 * 3600 ? counts.within6h : left < 24 * 3600 ? counts.within24h : counts.later;
            bucket = qMax(0, bucket - 1);
        }
        countsArrived(counts);
    }
    m_model->reload();
    refreshCounts();
    auto findPending = [this](int from) {
        for (int r = qMax(0, from);; ++r) {
            if (r >= m_model->rowCount()) {
                if (!m_model->canFetchMore({}))
                    return -1;
                m_model->fetchMore({});
                if (r >= m_model->rowCount())
                    return -1;
            }
            if (m_model->rowAt(r)->state == AttemptState::Pending && !m_model->lockOf(m_model->rowAt(r)->attemptId))
                return r;
        }
    };
    int next = findPending(decidedRow);
    if (next < 0)
        next = findPending(0);
    if (next >= 0)
        selectRow(next);
    else
        showNothingOpen(tr("No more submissions are waiting for review."));
}

void ReviewWorkspace::typeDigit(int digit)
{
    const int count = m_panel->reasonCount();
    auto toggle = [this](int number) {
        if (!m_panel->toggleReason(number))
            emit statusMessage(m_current ? tr("There is no reason number %1.").arg(number) : tr("No pending submission is open."));
    };
    if (m_pendingDigit >= 0) {
        m_digitTimer.stop();
        const int first = m_pendingDigit;
        m_pendingDigit = -1;
        const int combined = first * 10 + digit;
        if (combined >= 1 && combined <= count) {
            toggle(combined);
            return;
        }
        toggle(first); // "2" then "9" with 28 reasons: 2, then 9 starts anew
    }
    if (digit == 0)
        return;
    if (digit * 10 > count) {
        toggle(digit); // no two-digit number starts with this digit: no need to wait
        return;
    }
    m_pendingDigit = digit;
    m_digitTimer.start();
}

void ReviewWorkspace::flushDigits()
{
    if (m_pendingDigit < 0)
        return;
    m_digitTimer.stop();
    const int number = m_pendingDigit;
    m_pendingDigit = -1;
    if (!m_panel->toggleReason(number))
        emit statusMessage(tr("There is no reason number %1.").arg(number));
}

void ReviewWorkspace::showShortcutOverlay()
{
    ShortcutOverlay::toggleOver(this);
}

} // namespace pd
