#include "widgets/CompareController.h"

#include "core/prescreen/PreScreenService.h"
#include "core/store/Store.h"
#include "widgets/PhotoPane.h"
#include "widgets/ReviewKeys.h"
#include "widgets/ShortcutOverlay.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace pd {

// --- CompareWindow -----------------------------------------------------------------------------

CompareWindow::CompareWindow(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("compareWindow"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);
    const char* names[] = {"fullSubmittedPhoto", "fullEnrollmentPhoto", "fullIdCardPhoto"};
    for (int i = 0; i < CompareState::kPanes; ++i) {
        m_panes[std::size_t(i)] = new PhotoPane(this);
        m_panes[std::size_t(i)]->setObjectName(QLatin1String(names[i]));
        layout->addWidget(m_panes[std::size_t(i)], 1);
    }
    retranslate();
}

void CompareWindow::retranslate()
{
    setWindowTitle(tr("PhotoDesk — comparison (Esc leaves)"));
    m_panes[0]->setTitle(tr("Submitted photo"));
    m_panes[1]->setTitle(tr("Enrollment photo"));
    m_panes[2]->setTitle(tr("ID-card photo"));
}

void CompareWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CompareWindow::closeEvent(QCloseEvent* event)
{
    // Kept for the next time; the workspace gets the keyboard back.
    event->ignore();
    hide();
    emit closed();
}

// --- CompareController -------------------------------------------------------------------------

CompareController::CompareController(QWidget* host, std::shared_ptr<Store> store, PreScreenService* preScreen,
                                     std::array<PhotoPane*, CompareState::kPanes> panes, Hooks hooks)
    : QObject(host)
    , m_host(host)
    , m_store(std::move(store))
    , m_preScreen(preScreen)
    , m_panes(panes)
    , m_hooks(std::move(hooks))
    , m_worker(std::make_unique<StoreWorker>(m_store))
    , m_state(new CompareState(this))
{
    setObjectName(QStringLiteral("compareController"));
    for (int i = 0; i < CompareState::kPanes; ++i) {
        m_layers[std::size_t(i)] = new CompareLayer(m_panes[std::size_t(i)], i, m_state);
        // A photo painted in its final state may be a new submission's: look (after this event).
        connect(m_panes[std::size_t(i)], &PhotoPane::finalStatePainted, this, [this] { QMetaObject::invokeMethod(this, &CompareController::sync, Qt::QueuedConnection); });
    }
    bindKeys(m_host, Qt::WidgetWithChildrenShortcut, false);

    m_blinkTimer.setInterval(kBlinkMs);
    connect(&m_blinkTimer, &QTimer::timeout, m_state, &CompareState::flipBlink);
    connect(m_state, &CompareState::changed, this, [this] {
        if (m_state->blink() && !m_blinkTimer.isActive())
            m_blinkTimer.start();
        else if (!m_state->blink())
            m_blinkTimer.stop();
    });
    if (m_preScreen) {
        connect(m_preScreen, &PreScreenService::ready, this, [this] {
            if (m_attempt)
                loadGeometry(m_attempt);
        });
        connect(m_preScreen, &PreScreenService::attemptAnalysed, this, [this](Id attemptId) {
            if (attemptId == m_attempt)
                loadGeometry(attemptId);
        });
    }
}

CompareController::~CompareController()
{
    m_worker.reset(); // waits for a geometry load in flight, closes its connection
}

void CompareController::bindKeys(QWidget* on, Qt::ShortcutContext context, bool fullScreen)
{
    CompareState* s = m_state;
    auto bind = [on, context](const char* id, std::function<void()> run, bool repeat = false) {
        ReviewKeys::bind(on, id, context, [run](int) { run(); }, repeat);
    };
    bind("zoom-in", [s] { s->zoomIn(); }, true);
    bind("zoom-out", [s] { s->zoomOut(); }, true);
    bind("zoom-face", [s] { s->toggleFaceZoom(); });
    ReviewKeys::bind(
        on, "pan", context,
        [s](int arrow) {
            const double step = 0.08 * CompareState::kSpan / s->zoom();
            const QPointF deltas[] = {{-step, 0}, {step, 0}, {0, -step}, {0, step}};
            s->panBy(deltas[arrow]);
        },
        true);
    bind("rotate-left", [s] { s->rotate(s->activePane(), -90); });
    bind("rotate-right", [s] { s->rotate(s->activePane(), 90); });
    bind("active-photo", [s] { s->nextActivePane(); });
    bind("loupe", [s] {
        if (s->loupe() != CompareState::Loupe::Mouse) {
            s->setLoupePoint(QPointF(0, 0)); // between the eyes until the pointer moves
            s->setLoupe(CompareState::Loupe::Mouse);
        } else {
            s->setLoupe(CompareState::Loupe::Off);
        }
    });
    bind("loupe-eyes", [s] { s->setLoupe(s->loupe() == CompareState::Loupe::Eyes ? CompareState::Loupe::Off : CompareState::Loupe::Eyes); });
    bind("loupe-mouth", [s] { s->setLoupe(s->loupe() == CompareState::Loupe::Mouth ? CompareState::Loupe::Off : CompareState::Loupe::Mouth); });
    bind("loupe-ears", [this] { loupeToEars(); });
    bind("blink", [this] {
        m_state->toggleBlink();
        if (m_state->blink() && !m_state->faceZoom())
            m_state->toggleFaceZoom(); // blink compares faces: the face fills the pane
        if (m_state->blink() && !m_layers[0]->blinkAligned())
            emit statusMessage(tr("Blink needs a face with eyes in the submitted and the enrollment photo."));
    });
    bind("reset-view", [this] { resetView(); });
    bind("fullscreen", [this] { toggleFullScreen(); });
    if (fullScreen) {
        // The full-screen window is its own window: moving on and the key list work there too.
        bind("next", [this] {
            if (m_hooks.next)
                m_hooks.next();
        });
        bind("previous", [this] {
            if (m_hooks.previous)
                m_hooks.previous();
        });
        bind("queue", [this] { toggleFullScreen(); }); // Esc leaves
        bind("shortcuts", [this] {
            if (m_window)
                ShortcutOverlay::toggleOver(m_window);
        });
    }
}

void CompareController::loupeToEars()
{
    switch (m_state->loupe()) {
    case CompareState::Loupe::LeftEar:
        m_state->setLoupe(CompareState::Loupe::RightEar);
        break;
    case CompareState::Loupe::RightEar:
        m_state->setLoupe(CompareState::Loupe::Off);
        break;
    default:
        m_state->setLoupe(CompareState::Loupe::LeftEar);
    }
}

void CompareController::resetView()
{
    m_state->reset();
}

void CompareController::sync()
{
    const Id attempt = m_hooks.currentAttempt ? m_hooks.currentAttempt() : 0;
    if (attempt != m_attempt) {
        m_attempt = attempt;
        m_geometry = {};
        m_state->resetForNewPhotos(); // a turned photo is turned for that photo only
        if (attempt)
            loadGeometry(attempt);
    }
    if (isFullScreen())
        copyToWindow();
    applyGeometry();
}

void CompareController::loadGeometry(Id attemptId)
{
    const QString modelId = m_preScreen ? m_preScreen->modelId() : QString();
    if (modelId.isEmpty())
        return; // the model is loading: ready() comes back here
    std::shared_ptr<Store> store = m_store;
    whenFinished(this, m_worker->run([store, attemptId, modelId] { return loadFaceGeometry(*store, attemptId, modelId); }),
                 [this, attemptId](const Result<AttemptFaceGeometry>& result) {
                     if (attemptId != m_attempt || !result)
                         return;
                     m_geometry = result.value();
                     applyGeometry();
                 });
}

void CompareController::applyGeometry()
{
    const PhotoFaceGeometry* geometry[] = {&m_geometry.submitted, &m_geometry.enrollment, &m_geometry.idCard};
    const bool current = m_geometry.attemptId != 0 && m_geometry.attemptId == m_attempt;
    FaceFrame frames[CompareState::kPanes];
    for (int i = 0; i < CompareState::kPanes; ++i) {
        PhotoPane* pane = m_panes[std::size_t(i)];
        if (!current || pane->state() != PhotoPane::State::Image)
            continue;
        const DecodedPhoto& photo = pane->photo();
        frames[i] = FaceFrame::fromGeometry(*geometry[i], photo.originalSize.isValid() ? photo.originalSize : photo.image.size(),
                                            photo.image.cacheKey());
        m_layers[std::size_t(i)]->setFrame(frames[i]);
        if (m_windowLayers[std::size_t(i)])
            m_windowLayers[std::size_t(i)]->setFrame(frames[i]); // the mirror shares the same pixels (same cache key)
    }
    const QImage enrollment = m_panes[1]->state() == PhotoPane::State::Image ? m_panes[1]->photo().image : QImage();
    m_layers[0]->setBlinkSource(enrollment, frames[1]);
    if (m_windowLayers[0])
        m_windowLayers[0]->setBlinkSource(enrollment, frames[1]);
}

void CompareController::copyToWindow()
{
    if (!m_window)
        return;
    const auto mirrors = m_window->panes();
    for (int i = 0; i < CompareState::kPanes; ++i) {
        PhotoPane* source = m_panes[std::size_t(i)];
        PhotoPane* mirror = mirrors[std::size_t(i)];
        switch (source->state()) {
        case PhotoPane::State::Image:
            if (mirror->state() != PhotoPane::State::Image || mirror->photo().image.cacheKey() != source->photo().image.cacheKey())
                mirror->showPhoto(source->photo());
            break;
        case PhotoPane::State::Message:
            mirror->showProblem(source->message());
            break;
        case PhotoPane::State::Loading:
            mirror->showLoading();
            break;
        case PhotoPane::State::Empty:
            mirror->showEmpty(source->message());
            break;
        }
        if (i == 0) {
            mirror->setOverlay(source->overlay());
            mirror->setOverlayVisible(source->overlayVisible());
        }
    }
}

void CompareController::toggleFullScreen()
{
    if (isFullScreen()) {
        m_window->hide();
        m_host->window()->activateWindow(); // the workspace's keys work again at once
        m_host->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    if (!m_window) {
        m_window = new CompareWindow(m_host->window());
        const auto mirrors = m_window->panes();
        for (int i = 0; i < CompareState::kPanes; ++i)
            m_windowLayers[std::size_t(i)] = new CompareLayer(mirrors[std::size_t(i)], i, m_state);
        bindKeys(m_window, Qt::WindowShortcut, true);
        connect(m_window, &CompareWindow::closed, this, [this] {
            m_host->window()->activateWindow();
            m_host->setFocus(Qt::ShortcutFocusReason);
        });
    }
    copyToWindow();
    applyGeometry();
    m_window->showFullScreen();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace pd
