#pragma once

#include "core/domain/Types.h"
#include "core/review/DecisionService.h"
#include "core/review/SubmissionLoader.h"
#include "core/util/Result.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QSplitter;
class QTableView;

namespace pd {

class DecisionPanel;
class DecisionService;
class FaceMatchPanel;
class PreScreenService;
struct FaceReportView;
class PhotoPane;
class QueueModel;
class ReasonCatalog;
class SmsComposer;
class Store;
class StoreWorker;

// The reviewer's workspace: the queue on the left, the student and the three photos
// (submitted | enrollment | ID card) side by side, the decision panel below them.
// Keyboard: A approve, R reject, 1–28 toggle reasons (two digits within 700 ms), J/K and
// PageDown/PageUp next/previous submission, F5 refresh, Esc back to the queue.
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
    // The face pre-screen of this store: the main window starts its background pass after
    // login; the workspace asks it for the open submission when no result is stored yet.
    PreScreenService* preScreen() const { return m_preScreen; }
    // The attempt shown (0: none) and whether its photos are all in their final state on screen.
    Id currentAttemptId() const { return m_current ? m_current->attempt.id : 0; }
    bool photosPainted() const;
    bool isDeciding() const { return m_deciding; }

public slots:
    void approve();
    void reject();
    void nextSubmission();
    void previousSubmission();
    void refreshQueue();
    // Feeds one typed digit into the reason-number buffer.
    void typeDigit(int digit);

signals:
    void statusMessage(const QString& text);
    void pendingCountChanged(int pending);
    // All three photo panes of the newly opened submission have painted their final state.
    void photosShown();
    void decided(pd::Id attemptId, pd::Verdict verdict);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void applyFilter();
    void syncAfterReload();
    void openAttempt(Id attemptId);
    void showNothingOpen(const QString& message);
    void showBundle(const SubmissionBundle& bundle, quint64 generation);
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
    std::shared_ptr<DecisionService> m_service;

    QueueModel* m_model;
    QLabel* m_queueTitle;
    QLineEdit* m_search;
    QComboBox* m_stateFilter;
    QTableView* m_view;
    QLabel* m_header;
    PhotoPane* m_submitted;
    PhotoPane* m_enrollment;
    PhotoPane* m_idCard;
    DecisionPanel* m_panel;
    FaceMatchPanel* m_faces;
    PreScreenService* m_preScreen;
    QSplitter* m_splitter;

    std::optional<SubmissionBundle> m_current; // photo bytes dropped once decoded
    Id m_loadingAttempt = 0;
    Id m_faceAttempt = 0;       // the attempt the face panel is for
    bool m_facesShown = false;  // its stored result is on screen
    quint64 m_generation = 0;
    bool m_deciding = false;
    bool m_photosAnnounced = false;
    int m_pendingDigit = -1;
    QTimer m_digitTimer;
    QTimer m_headerTick;
};

} // namespace pd
