#pragma once

#include "core/domain/Types.h"
#include "widgets/CompareView.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>
#include <memory>

namespace pd {

class PhotoPane;
class PreScreenService;
class Store;
class StoreWorker;

// The full-screen comparison: the three photos as large as the screen allows, with the same
// compare state (zoom, pan, loupe, blink, rotation) as the workspace's panes. J/K move through
// the queue from here too; Esc or F leaves.
class CompareWindow : public QWidget {
    Q_OBJECT

public:
    explicit CompareWindow(QWidget* parent);
    std::array<PhotoPane*, CompareState::kPanes> panes() const { return m_panes; }

signals:
    void closed();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    std::array<PhotoPane*, CompareState::kPanes> m_panes{};
};

// The compare tools of the review workspace (docs/review.md): zoom and pan synchronised across
// the submitted, enrollment and ID-card photos and aligned on the face (the stored face
// analysis gives each photo's eye centres), a loupe that follows the mouse or jumps to eyes,
// mouth or ears, display-only rotation, blink (submitted ⇄ enrollment aligned on the eyes by a
// similarity transform), full-screen comparison. Keys come from ReviewKeys. Face geometry is
// read on its own store thread; decoded photos are reused, never decoded or altered again.
class CompareController : public QObject {
    Q_OBJECT

public:
    struct Hooks {
        std::function<Id()> currentAttempt; // the submission on screen (0: none)
        std::function<void()> next;         // J in the full-screen view
        std::function<void()> previous;     // K
    };

    // `host`: the workspace (the keys' context); `panes`: submitted, enrollment, ID card.
    CompareController(QWidget* host, std::shared_ptr<Store> store, PreScreenService* preScreen,
                      std::array<PhotoPane*, CompareState::kPanes> panes, Hooks hooks);
    ~CompareController() override;

    CompareState* state() const { return m_state; }
    CompareLayer* layer(int pane) const { return m_layers.at(std::size_t(pane)); }
    // The face geometry loaded for the submission on screen (attemptId 0 until then).
    const AttemptFaceGeometry& geometry() const { return m_geometry; }
    CompareWindow* fullScreenWindow() const { return m_window; }
    bool isFullScreen() const { return m_window && m_window->isVisible(); }
    static constexpr int kBlinkMs = 600;

public slots:
    // Looks at what the panes show now: a new submission loads its face geometry.
    void sync();
    void toggleFullScreen();
    void resetView();

signals:
    void statusMessage(const QString& text);

private:
    void bindKeys(QWidget* on, Qt::ShortcutContext context, bool fullScreen);
    void loadGeometry(Id attemptId);
    void applyGeometry();
    void copyToWindow();
    void loupeToEars();

    QWidget* m_host;
    std::shared_ptr<Store> m_store;
    PreScreenService* m_preScreen;
    std::array<PhotoPane*, CompareState::kPanes> m_panes;
    Hooks m_hooks;
    std::unique_ptr<StoreWorker> m_worker;
    CompareState* m_state;
    std::array<CompareLayer*, CompareState::kPanes> m_layers{};
    std::array<CompareLayer*, CompareState::kPanes> m_windowLayers{};
    QPointer<CompareWindow> m_window;
    QTimer m_blinkTimer;
    Id m_attempt = 0;
    AttemptFaceGeometry m_geometry;
    bool m_loading = false;
};

} // namespace pd
