#pragma once

#include "core/domain/Types.h"
#include "core/review/CleanLane.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;

namespace pd {

class CleanLaneDelegate;
class CleanLaneModel;
class PreScreenService;
class Store;
class StoreWorker;

// The reviewer's clean lane (docs/review.md): a grid of clean submissions (CleanLane), all
// selected at first. The reviewer deselects anything doubtful (click, or arrows + Space) and
// approves the rest in one action after a confirmation that names the count; each approval is
// an individual decision, its progress and outcome shown on its tile. Deselected tiles, and
// tiles not approved, go back to the normal queue. Everything store-side runs on the page's own
// store thread; photos are decoded on the thread pool. The page holds its tiles' claims only
// while it is on screen (renewed meanwhile): hiding it gives them back.
class CleanLanePage : public QWidget {
    Q_OBJECT

public:
    CleanLanePage(std::shared_ptr<Store> store, Session session, PreScreenService* preScreen, QWidget* parent = nullptr);
    ~CleanLanePage() override;

    CleanLaneModel* model() const { return m_model; }
    QListView* view() const { return m_view; }
    bool isBusy() const { return m_busy; }
    // The versions judged by (tests inject them; otherwise the pre-screen's once it is ready).
    void setAnalysisVersions(const AnalysisVersions& versions);
    // Outcome of the last approval: approved / refused counts.
    int lastApproved() const { return m_lastApproved; }
    int lastFailed() const { return m_lastFailed; }
    // What the page says now (also for tests).
    QString statusText() const;

public slots:
    // Gives back what the page holds and loads the next page.
    void loadPage();
    // Asks to confirm approving the selected tiles (the count is named), then approves.
    void requestApproval();
    void confirmApproval();
    void cancelApproval();
    void selectAll();
    void selectNone();

signals:
    void statusMessage(const QString& text);
    void backRequested();
    // Each approved tile, as the review workspace reports its own decisions.
    void decided(pd::Id attemptId, pd::Verdict verdict);
    void pageLoaded(int tiles);
    void approvalFinished(int approved, int failed);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateCounts();
    void showPage(const Result<CleanLaneSelection>& page);
    void decodeImages();
    void approveNext();
    void giveBackWaiting(bool remember);
    void renewClaims();
    AnalysisVersions versions() const;

    std::shared_ptr<Store> m_store;
    Session m_session;
    PreScreenService* m_preScreen;
    std::unique_ptr<StoreWorker> m_worker;
    std::shared_ptr<CleanLane> m_lane;
    std::shared_ptr<ClaimService> m_claims;
    AnalysisVersions m_injected;

    QLabel* m_title;
    QLabel* m_intro;
    QLabel* m_counts;
    QListView* m_view;
    CleanLaneModel* m_model;
    CleanLaneDelegate* m_delegate;
    QWidget* m_confirmBar;
    QLabel* m_confirmText;
    QPushButton* m_confirmYes;
    QPushButton* m_confirmNo;
    QPushButton* m_approve;
    QPushButton* m_nextPage;
    QPushButton* m_selectAll;
    QPushButton* m_selectNone;
    QProgressBar* m_progress;
    QLabel* m_status;

    QList<Id> m_excluded;     // sent back to the normal queue in this session: not shown again
    std::vector<int> m_queue; // rows still to approve in the running approval
    int m_total = 0;
    int m_done = 0;
    int m_lastApproved = 0;
    int m_lastFailed = 0;
    bool m_busy = false;
    bool m_loaded = false;
    quint64 m_generation = 0;
    QTimer m_renewTimer;
    QString m_lastStatus;
};

} // namespace pd
