#include "widgets/CleanLanePage.h"

#include "core/notify/SmsTemplates.h"
#include "core/prescreen/PreScreenService.h"
#include "core/review/ClaimService.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Store.h"
#include "widgets/CleanLaneModel.h"
#include "widgets/ErrorTexts.h"
#include "widgets/ReviewKeys.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

#include <QBuffer>
#include <QEvent>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pd {

namespace {
// Runs on the thread pool: the bytes of a blob decoded straight to the size they are drawn at.
QImage decodeScaled(const Store& store, const QString& sha256, const QSize& box)
{
    if (sha256.isEmpty())
        return {};
    auto bytes = store.blobs().get(sha256);
    if (!bytes)
        return {};
    QByteArray data = bytes.value();
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid())
        reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio));
    return reader.read();
}
} // namespace

CleanLanePage::CleanLanePage(std::shared_ptr<Store> store, Session session, PreScreenService* preScreen, QWidget* parent)
    : QWidget(parent)
    , m_store(std::move(store))
    , m_session(std::move(session))
    , m_preScreen(preScreen)
    , m_worker(std::make_unique<StoreWorker>(m_store))
{
    setObjectName(QStringLiteral("cleanLanePage"));
    m_claims = std::make_shared<ClaimService>(m_store);
    auto decisions = std::make_shared<DecisionService>(m_store, ReasonCatalog::builtIn(), SmsTemplates(m_store).effective());
    m_lane = std::make_shared<CleanLane>(m_store, decisions, m_claims);

    m_title = new QLabel(this);
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.15);
    m_title->setFont(tf);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setObjectName(QStringLiteral("cleanLaneIntro"));
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("cleanLaneCounts"));

    m_model = new CleanLaneModel(this);
    m_model->setObjectName(QStringLiteral("cleanLaneModel"));
    m_delegate = new CleanLaneDelegate(this);
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("cleanLaneView"));
    m_view->setViewMode(QListView::IconMode);
    m_view->setMovement(QListView::Static);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setWrapping(true);
    m_view->setUniformItemSizes(true);
    m_view->setSpacing(4);
    m_view->setSelectionMode(QAbstractItemView::NoSelection); // the tick is the selection
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setMouseTracking(false);

    m_confirmBar = new QWidget(this);
    m_confirmBar->setObjectName(QStringLiteral("cleanLaneConfirm"));
    m_confirmBar->setAutoFillBackground(true);
    m_confirmBar->setStyleSheet(QStringLiteral("#cleanLaneConfirm { background: #eff6ff; border: 1px solid #2563eb; border-radius: 4px; }"));
    m_confirmText = new QLabel(m_confirmBar);
    m_confirmText->setObjectName(QStringLiteral("cleanLaneConfirmText"));
    m_confirmText->setWordWrap(true);
    m_confirmYes = new QPushButton(m_confirmBar);
    m_confirmYes->setObjectName(QStringLiteral("cleanLaneConfirmYes"));
    m_confirmNo = new QPushButton(m_confirmBar);
    m_confirmNo->setObjectName(QStringLiteral("cleanLaneConfirmNo"));
    auto* confirmLayout = new QHBoxLayout(m_confirmBar);
    confirmLayout->addWidget(m_confirmText, 1);
    confirmLayout->addWidget(m_confirmNo);
    confirmLayout->addWidget(m_confirmYes);
    m_confirmBar->hide();

    m_approve = new QPushButton(this);
    m_approve->setObjectName(QStringLiteral("cleanLaneApprove"));
    m_approve->setMinimumHeight(m_approve->fontMetrics().height() * 2 + 6);
    m_approve->setStyleSheet(QStringLiteral(
        "QPushButton { background: #2e7d32; color: white; border: none; border-radius: 4px; font-weight: bold; padding: 6px 18px; }"
        "QPushButton:disabled { background: #c8d3c9; color: #f5f5f5; }"));
    m_nextPage = new QPushButton(this);
    m_nextPage->setObjectName(QStringLiteral("cleanLaneNextPage"));
    m_selectAll = new QPushButton(this);
    m_selectAll->setObjectName(QStringLiteral("cleanLaneSelectAll"));
    m_selectNone = new QPushButton(this);
    m_selectNone->setObjectName(QStringLiteral("cleanLaneSelectNone"));
    for (QPushButton* b : {m_nextPage, m_selectAll, m_selectNone, m_confirmNo})
        b->setFocusPolicy(Qt::TabFocus);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("cleanLaneProgress"));
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("cleanLaneStatus"));
    m_status->setWordWrap(true);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_counts);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_selectAll);
    buttons->addWidget(m_selectNone);
    buttons->addWidget(m_progress, 1);
    buttons->addStretch(0);
    buttons->addWidget(m_nextPage);
    buttons->addWidget(m_approve);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(header);
    layout->addWidget(m_intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_confirmBar);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_model, &CleanLaneModel::checkedCountChanged, this, &CleanLanePage::updateCounts);
    connect(m_approve, &QPushButton::clicked, this, &CleanLanePage::requestApproval);
    connect(m_nextPage, &QPushButton::clicked, this, &CleanLanePage::loadPage);
    connect(m_selectAll, &QPushButton::clicked, this, &CleanLanePage::selectAll);
    connect(m_selectNone, &QPushButton::clicked, this, &CleanLanePage::selectNone);
    connect(m_confirmYes, &QPushButton::clicked, this, &CleanLanePage::confirmApproval);
    connect(m_confirmNo, &QPushButton::clicked, this, &CleanLanePage::cancelApproval);
    if (m_preScreen) {
        connect(m_preScreen, &PreScreenService::ready, this, [this] {
            if (isVisible() && !m_loaded && !m_busy)
                loadPage();
        });
    }

    auto bind = [this](const char* id, std::function<void()> run) {
        ReviewKeys::bind(this, id, Qt::WidgetWithChildrenShortcut, [run](int) { run(); });
    };
    bind("lane-select-all", [this] { selectAll(); });
    bind("lane-select-none", [this] { selectNone(); });
    bind("lane-approve", [this] { m_confirmBar->isVisible() ? confirmApproval() : requestApproval(); });
    bind("lane-next-page", [this] { loadPage(); });
    bind("lane-back", [this] {
        if (m_confirmBar->isVisible())
            cancelApproval();
        else
            emit backRequested();
    });

    // The page's holds are renewed well before they run out while it is on screen.
    m_renewTimer.setInterval(m_claims->leaseSeconds() * 1000 / 3);
    connect(&m_renewTimer, &QTimer::timeout, this, &CleanLanePage::renewClaims);
    setFocusProxy(m_view);
    retranslate();
    updateCounts();
}

CleanLanePage::~CleanLanePage()
{
    ++m_generation;
    giveBackWaiting(false);
    m_worker.reset(); // runs the releases queued above, closes the connection
}

void CleanLanePage::setAnalysisVersions(const AnalysisVersions& versions)
{
    m_injected = versions;
}

AnalysisVersions CleanLanePage::versions() const
{
    if (!m_injected.modelId.isEmpty())
        return m_injected;
    if (!m_preScreen)
        return {};
    return AnalysisVersions{m_preScreen->modelId(), m_preScreen->rulesVersion()};
}

void CleanLanePage::retranslate()
{
    m_title->setText(tr("Clean lane"));
    m_intro->setText(tr("Submissions whose photo rules all passed (warnings are marked) and whose face matches the enrollment "
                        "and the ID-card photo. Look at each photo — headwear, jewellery and any warning are yours to judge — "
                        "and deselect anything doubtful (click, or arrows and Space): it goes back to the normal queue. "
                        "Each approval is its own decision with its own audit entry and SMS."));
    m_nextPage->setText(tr("Next page (Ctrl+N)"));
    m_selectAll->setText(tr("Select all"));
    m_selectNone->setText(tr("Select none"));
    m_confirmNo->setText(tr("Cancel (Esc)"));
    m_model->retranslate();
    updateCounts();
    m_status->setText(statusText());
}

void CleanLanePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString CleanLanePage::statusText() const
{
    return m_lastStatus;
}

void CleanLanePage::updateCounts()
{
    const int checked = m_model->checkedCount();
    const int waiting = int(m_model->waitingRows(true).size() + m_model->waitingRows(false).size());
    m_counts->setText(tr("%1 of %2 selected").arg(checked).arg(waiting));
    m_approve->setText(tr("Approve selected (%1) · Ctrl+Enter").arg(checked));
    m_approve->setEnabled(checked > 0 && !m_busy);
    m_nextPage->setEnabled(!m_busy);
    m_selectAll->setEnabled(!m_busy && waiting > 0);
    m_selectNone->setEnabled(!m_busy && waiting > 0);
    m_confirmYes->setText(tr("Approve %n submission(s)", "", checked));
    m_confirmText->setText(tr("Approve %n selected submission(s)? Each is decided on its own: its own decision, audit entry "
                              "and SMS. By approving you confirm for each photo that there is no headwear or jewellery "
                              "and that the marked warnings are acceptable. The %1 deselected go back to the normal queue.",
                              "", checked)
                               .arg(waiting - checked));
}

void CleanLanePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded && !m_busy)
        loadPage();
}

void CleanLanePage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    // Not on screen: nothing is held for nobody to look at (an approval under way finishes).
    if (!m_busy && m_loaded) {
        giveBackWaiting(false);
        m_model->clear();
        m_loaded = false;
        m_renewTimer.stop();
        m_confirmBar->hide();
    }
}

void CleanLanePage::giveBackWaiting(bool remember)
{
    std::vector<Claim> back;
    for (bool checked : {true, false}) {
        for (int row : m_model->waitingRows(checked)) {
            back.push_back(m_model->item(row).claim);
            if (remember && !m_excluded.contains(m_model->item(row).attemptId))
                m_excluded << m_model->item(row).attemptId;
        }
    }
    if (back.empty() || !m_worker)
        return;
    std::shared_ptr<CleanLane> lane = m_lane;
    const Session who = m_session;
    m_worker->run([lane, who, back] { lane->giveBack(who, back); });
}

void CleanLanePage::loadPage()
{
    if (m_busy)
        return;
    m_confirmBar->hide();
    giveBackWaiting(true); // skipping a page skips its tiles for this session
    const quint64 generation = ++m_generation;
    m_model->clear();
    m_loaded = false;
    const AnalysisVersions v = versions();
    if (v.modelId.isEmpty() || v.rulesVersion.isEmpty()) {
        m_lastStatus = tr("Waiting for the face model and the photo rules to load…");
        m_status->setText(m_lastStatus);
        return;
    }
    m_lastStatus = tr("Looking for clean submissions…");
    m_status->setText(m_lastStatus);
    std::shared_ptr<CleanLane> lane = m_lane;
    const Session who = m_session;
    const QList<Id> excluded = m_excluded;
    whenFinished(this, m_worker->run([lane, who, v, excluded] { return lane->nextPage(who, v, excluded); }),
                 [this, generation](const Result<CleanLaneSelection>& page) {
                     if (generation == m_generation)
                         showPage(page);
                 });
}

void CleanLanePage::showPage(const Result<CleanLaneSelection>& page)
{
    if (!page) {
        m_lastStatus = ErrorTexts::text(page.error());
        m_status->setText(m_lastStatus);
        emit statusMessage(m_lastStatus);
        updateCounts();
        return;
    }
    m_loaded = true;
    m_model->setItems(page->items);
    if (page->items.empty()) {
        m_lastStatus = page->heldByOthers > 0
                           ? tr("No clean submission is free right now (%n held by other desks).", "", page->heldByOthers)
                           : tr("No clean submission is waiting. The others need a look in the normal queue.");
    } else {
        m_lastStatus = tr("%n clean submission(s), most urgent first. Deselect anything doubtful, then approve.", "", int(page->items.size()));
        if (page->unscreened > 0)
            m_lastStatus += QLatin1Char(' ') + tr("(%n not pre-screened yet, not shown.)", "", page->unscreened);
        m_renewTimer.start();
    }
    m_status->setText(m_lastStatus);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0));
    updateCounts();
    decodeImages();
    emit pageLoaded(int(page->items.size()));
}

void CleanLanePage::decodeImages()
{
    const qreal dpr = devicePixelRatioF();
    const QSize photoBox = CleanLaneDelegate::photoSize(m_view->fontMetrics()) * dpr;
    const QSize chipBox = CleanLaneDelegate::chipSize(m_view->fontMetrics()) * dpr;
    const quint64 generation = m_generation;
    std::shared_ptr<Store> store = m_store;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const CleanLaneItem& item = m_model->item(row);
        const Id attemptId = item.attemptId;
        const QString photoSha = item.submitted.sha256;
        const QString chipSha = item.enrollmentChipSha256;
        struct Images {
            QImage photo, chip;
        };
        // Decoding never touches the UI thread; each tile appears as soon as it is ready.
        whenFinished(this, QtConcurrent::run([store, photoSha, chipSha, photoBox, chipBox, dpr] {
                         Images i{decodeScaled(*store, photoSha, photoBox), decodeScaled(*store, chipSha, chipBox)};
                         i.photo.setDevicePixelRatio(dpr);
                         i.chip.setDevicePixelRatio(dpr);
                         return i;
                     }),
                     [this, generation, attemptId](const Images& images) {
                         if (generation == m_generation)
                             m_model->setImages(attemptId, images.photo, images.chip);
                     });
    }
}

void CleanLanePage::selectAll()
{
    if (!m_busy)
        m_model->setAllChecked(true);
}

void CleanLanePage::selectNone()
{
    if (!m_busy)
        m_model->setAllChecked(false);
}

void CleanLanePage::requestApproval()
{
    if (m_busy)
        return;
    if (m_model->checkedCount() == 0) {
        m_lastStatus = tr("Nothing is selected.");
        m_status->setText(m_lastStatus);
        return;
    }
    updateCounts();
    m_confirmBar->show();
    m_confirmYes->setFocus(Qt::OtherFocusReason);
}

void CleanLanePage::cancelApproval()
{
    m_confirmBar->hide();
    m_view->setFocus(Qt::OtherFocusReason);
}

void CleanLanePage::confirmApproval()
{
    if (m_busy || !m_confirmBar->isVisible())
        return;
    m_confirmBar->hide();
    m_view->setFocus(Qt::OtherFocusReason); // the grid keeps the keyboard (Esc, Ctrl+N)
    m_queue = m_model->waitingRows(true);
    if (m_queue.empty())
        return;
    // The deselected go back to the normal queue now, and do not come back in this session.
    std::vector<Claim> back;
    for (int row : m_model->waitingRows(false)) {
        const CleanLaneItem& item = m_model->item(row);
        back.push_back(item.claim);
        if (!m_excluded.contains(item.attemptId))
            m_excluded << item.attemptId;
    }
    for (const Claim& c : back)
        m_model->setStatus(c.attemptId, CleanLaneModel::Status::Returned, tr("Back in the normal queue"));
    if (!back.empty()) {
        std::shared_ptr<CleanLane> lane = m_lane;
        const Session who = m_session;
        m_worker->run([lane, who, back] { lane->giveBack(who, back); });
    }
    m_busy = true;
    m_total = int(m_queue.size());
    m_done = 0;
    m_lastApproved = 0;
    m_lastFailed = 0;
    m_progress->setRange(0, m_total);
    m_progress->setValue(0);
    m_progress->show();
    updateCounts();
    approveNext();
}

void CleanLanePage::approveNext()
{
    if (m_queue.empty()) {
        m_busy = false;
        m_progress->hide();
        m_lastStatus = m_lastFailed == 0 ? tr("Approved %n submission(s); their SMS are queued.", "", m_lastApproved)
                                         : tr("Approved %1, not approved %2 (see the tiles). Ctrl+N for the next page.")
                                               .arg(m_lastApproved)
                                               .arg(m_lastFailed);
        m_status->setText(m_lastStatus);
        emit statusMessage(m_lastStatus);
        updateCounts();
        emit approvalFinished(m_lastApproved, m_lastFailed);
        return;
    }
    const int row = m_queue.front();
    m_queue.erase(m_queue.begin());
    const CleanLaneItem item = m_model->item(row);
    m_model->setStatus(item.attemptId, CleanLaneModel::Status::Approving);
    m_lastStatus = tr("Approving %1 of %2…").arg(m_done + 1).arg(m_total);
    m_status->setText(m_lastStatus);
    std::shared_ptr<CleanLane> lane = m_lane;
    const Session who = m_session;
    const AnalysisVersions v = versions();
    const CleanLaneApproval approval{item.attemptId, item.claim.token};
    // One decision per task: the progress and each tile's outcome show as they happen.
    whenFinished(this, m_worker->run([lane, who, v, approval] { return lane->approve(who, v, {approval}); }),
                 [this, item](const Result<std::vector<CleanLaneOutcome>>& result) {
                     CleanLaneOutcome outcome;
                     outcome.attemptId = item.attemptId;
                     if (!result)
                         outcome.error = result.error();
                     else if (!result->empty())
                         outcome = result->front();
                     if (outcome.ok()) {
                         ++m_lastApproved;
                         m_model->setStatus(item.attemptId, CleanLaneModel::Status::Approved, tr("Approved, SMS queued"));
                         emit decided(item.attemptId, Verdict::Approve);
                     } else {
                         ++m_lastFailed;
                         m_model->setStatus(item.attemptId, CleanLaneModel::Status::Failed, ErrorTexts::text(outcome.error));
                         // Whatever this desk still holds of it goes back to the normal queue.
                         std::shared_ptr<CleanLane> lane = m_lane;
                         const Session who = m_session;
                         const Claim claim = item.claim;
                         m_worker->run([lane, who, claim] { lane->giveBack(who, {claim}); });
                     }
                     m_progress->setValue(++m_done);
                     approveNext();
                 });
}

void CleanLanePage::renewClaims()
{
    std::vector<Claim> held;
    for (bool checked : {true, false})
        for (int row : m_model->waitingRows(checked))
            held.push_back(m_model->item(row).claim);
    if (held.empty()) {
        m_renewTimer.stop();
        return;
    }
    std::shared_ptr<ClaimService> claims = m_claims;
    const Session who = m_session;
    const quint64 generation = m_generation;
    whenFinished(this, m_worker->run([claims, who, held] {
                     std::vector<Id> lost;
                     for (const Claim& c : held)
                         if (auto r = claims->renew(who, c); !r && r.error().code == QLatin1String("lease-lost"))
                             lost.push_back(c.attemptId);
                     return lost;
                 }),
                 [this, generation](const std::vector<Id>& lost) {
                     if (generation != m_generation)
                         return;
                     for (Id id : lost)
                         m_model->setStatus(id, CleanLaneModel::Status::Failed,
                                            ErrorTexts::text(Error{QStringLiteral("lease-lost"), QString()}));
                     if (!lost.empty())
                         updateCounts();
                 });
}

} // namespace pd
