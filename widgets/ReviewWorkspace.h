#pragma once

#include "core/domain/Types.h"
#include "core/review/ClaimService.h"
#include "core/review/DecisionService.h"
#include "core/review/ReviewQueue.h"
#include "core/review/SubmissionLoader.h"
#include "core/util/Result.h"
#include "core/review/ClaimService.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTableView;
class QToolButton;

namespace pd {

class CompareController;
class DecisionPanel;
class DecisionService;
class FaceMatchPanel;
class PaintProbe;
class PreScreenService;
struct PreparedSubmission;
class QueueCountsBar;
class SubmissionPrefetcher;
class ReviewSplitter;
class RuleFlagsPanel;
struct FaceReportView;
class PhotoPane;
class QueueModel;
class ReasonCatalog;
class SmsComposer;
class Store;
class StoreWorker;

// The reviewer's workspace (issue 15): the queue on the left (folded away below 1600 px), the
// student and the three photos (submitted | enrollment | ID card, the submitted one the largest)
// side by side with most of the window, and a side column with the claim, the face chips and
// comparisons, the rule flags and the decision panel (see ReviewSplitter, docs/review.md).
// Keyboard: A approve, R reject, 1–28 toggle reasons (two digits within 700 ms), J/K and
// PageDown/PageUp next/previous submission, N claim the next unclaimed one, F5 refresh, Esc
// back to the queue.
// Team mode: opening a pending submission claims it (core/review/ClaimService) with a lease that
// is renewed every lease/3 while it stays open; moving on (J/K, another row, N) releases it and
// remembers it as skipped, closing the window releases it, and on start-up a claim this user
// still holds is opened again. A submission another reviewer holds opens read-only with a
// notice; the queue marks it with a lock. Every claim call runs on the StoreWorker.
// Never wait (issue 8): the SubmissionPrefetcher keeps the open submission, the next four and the
// previous one ready (photos decoded at the panes' size, face results and chips, rules), so J/K
// paints from memory while the claim runs on the worker; submissionShown() says when everything
// of the new submission is on screen. The queue pages by keyset and its counts (per state, per
// deadline bucket) are computed on a reader thread, never on the UI thread.
class ReviewWorkspace : public QWidget {
    Q_OBJECT

public:
    static constexpr int kDigitWindowMs = 700;

    ReviewWorkspace(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);
    ~ReviewWorkspace() override;

    QueueModel* queueModel() const { return m_model; }
    QTableView* queueView() const { return m_view; }
    DecisionPanel* decisionPanel() const { return m_panel; }
    FaceMatchPanel* faceMatchPanel() const { return m_faces; }
    RuleFlagsPanel* ruleFlagsPanel() const { return m_rules; }
    // The face pre-screen of this store: the main window starts its background pass after
    // login; the workspace asks it for the open submission when no result is stored yet.
    PreScreenService* preScreen() const { return m_preScreen; }
    // Zoom, loupe, rotation, blink and full-screen comparison of the three photos.
    CompareController* compare() const { return m_compare; }
    // The attempt shown (0: none) and whether its photos are all in their final state on screen.
    Id currentAttemptId() const { return m_current ? m_current->attempt.id : 0; }
    bool photosPainted() const;
    // Everything of the open submission is on screen in its final state: the three photos, the
    // face panel, the rule flags and the decision panel (claimed and decidable, or read-only).
    bool submissionPainted() const;
    // Milliseconds from the request to open the current submission to submissionPainted().
    double lastShownMs() const { return m_lastShownMs; }
    SubmissionPrefetcher* prefetcher() const { return m_prefetch; }
    QueueCountsBar* queueCountsBar() const { return m_countsBar; }
    // The latest counts (per state, per deadline bucket); nullopt until the first count is back.
    const std::optional<QueueCounts>& queueCounts() const { return m_counts; }
    bool isDeciding() const { return m_deciding; }
    // This desk's hold on the open submission (nullopt: none, e.g. read-only or decided).
    const std::optional<Claim>& claim() const { return m_claim; }
    // Who holds the open submission when it is someone else (empty: nobody else).
    QString lockedBy() const { return m_lockedBy; }
    // For tests: a shorter lease (and so a faster renewal).
    void setClaimLeaseSeconds(int seconds);
    // Crash recovery: at start-up open `attemptId` (where the reviewer was) instead of the default,
    // resuming a claim still held on it; at once when the start-up has already been resolved.
    void resumeAt(Id attemptId);

public slots:
    void approve();
    void reject();
    void nextSubmission();
    void previousSubmission();
    void refreshQueue();
    // Claims the most urgent submission nobody holds (skipping the ones passed over) and opens it.
    void claimNext();
    // Reloads the lock column (who else holds what), off the UI thread.
    void refreshLocks();
    // Counts the queue per state and deadline bucket again, off the UI thread.
    void refreshCounts();
    // Feeds one typed digit into the reason-number buffer.
    void typeDigit(int digit);
    // Every key of the window, from the one key table (also F1 in the main window).
    void showShortcutOverlay();

signals:
    void statusMessage(const QString& text);
    void pendingCountChanged(int pending);
    // All three photo panes of the newly opened submission have painted their final state.
    void photosShown();
    // Everything of the newly opened submission is on screen (see submissionPainted()).
    void submissionShown(pd::Id attemptId);
    void queueCountsChanged(const pd::QueueCounts& counts);
    void decided(pd::Id attemptId, pd::Verdict verdict);
    // This desk now holds `attemptId` (0: holds nothing).
    void claimChanged(pd::Id attemptId);
    // A decision for `attemptId` is about to be written (the crash-recovery marker notes it first).
    void decisionStarted(pd::Id attemptId, pd::Verdict verdict);

protected:
    void changeEvent(QEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void updateQueueToggle();
    void applyFilter();
    void syncAfterReload();
    void openAttempt(Id attemptId);
    void showNothingOpen(const QString& message);
    struct Opened;
    void showPrepared(const PreparedSubmission& prepared);
    void applyOpened(Id attemptId, const Opened& opened, quint64 generation);
    void updatePrefetch(Id attemptId);
    void checkSubmissionShown();
    void countsArrived(const QueueCounts& counts);
    void reopen(Id attemptId, const QString& notice);
    void releaseClaim(bool skipped);
    void renewClaim();
    void applyLocks(const ClaimLocks& locks);
    void showClaimBanner();
    void openAfterStart(const std::vector<Claim>& held);
    void updateHeader();
    void decide(Verdict verdict);
    void decisionFinished(const DecisionRequest& request, const Result<Id>& result, int decidedRow);
    void selectRow(int row);
    void flushDigits();
    void checkPhotosShown();
    void loadFaces(Id attemptId, bool analyseIfMissing);
    void showFaces(Id attemptId, const Result<FaceReportView>& result, bool analyseIfMissing);

    std::shared_ptr<Store> m_store;
    Session m_session;
    std::unique_ptr<StoreWorker> m_worker;
    std::unique_ptr<StoreWorker> m_reader; // counts and totals: never in the way of claims
    std::shared_ptr<DecisionService> m_service;
    std::shared_ptr<ClaimService> m_claims;

    QueueModel* m_model;
    QLabel* m_queueTitle;
    QLineEdit* m_search;
    QComboBox* m_stateFilter;
    QTableView* m_view;
    QLabel* m_header;
    QLabel* m_claimBanner;
    PhotoPane* m_submitted;
    PhotoPane* m_enrollment;
    PhotoPane* m_idCard;
    DecisionPanel* m_panel;
    FaceMatchPanel* m_faces;
    RuleFlagsPanel* m_rules;
    PreScreenService* m_preScreen;
    ReviewSplitter* m_splitter;
    QToolButton* m_queueToggle;
    CompareController* m_compare = nullptr;
    QueueCountsBar* m_countsBar;
    SubmissionPrefetcher* m_prefetch;
    PaintProbe* m_facesProbe;
    PaintProbe* m_rulesProbe;
    PaintProbe* m_panelProbe;

    std::optional<SubmissionBundle> m_current; // photo bytes dropped once decoded
    Id m_loadingAttempt = 0;
    Id m_faceAttempt = 0;       // the attempt the face panel is for
    bool m_facesShown = false;  // its stored result is on screen
    bool m_facesFinal = false;  // … or why there is none (unavailable)
    quint64 m_generation = 0;
    bool m_deciding = false;
    std::optional<Claim> m_claim;
    QString m_lockedBy;       // the open submission is held by this other reviewer (read-only)
    QDateTime m_lockedUntil;
    QString m_notice;         // shown in the decision panel once the reopened submission is on screen
    QList<Id> m_skipped;      // passed over in this session: claimNext hands out others first
    bool m_started = false;   // the first refresh resumes a held claim
    bool m_startResolved = false; // … and has decided what to open
    Id m_resumeAt = 0;            // … unless crash recovery names the submission to reopen
    QTimer m_renewTimer;
    QTimer m_locksTimer;
    bool m_photosAnnounced = false;
    bool m_claimResolved = false;         // the claim of the open submission is back and shown
    std::unique_ptr<Opened> m_earlyOpened; // the claim came back before the content
    QElapsedTimer m_openTimer;
    bool m_shownAnnounced = false;
    double m_lastShownMs = -1;
    std::optional<QueueCounts> m_counts;
    bool m_counting = false;
    bool m_countsDirty = false;
    QTimer m_countsTimer;
    int m_pendingDigit = -1;
    QTimer m_digitTimer;
    QTimer m_headerTick;
    QTimer m_displayTimer; // the photo panes changed size: tell the prefetcher once they settle
};

} // namespace pd
