#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QTableView;

namespace pd {

class DecisionPanel;
class PhotoPane;
class PreScreenService;
class RuleFlagsModel;
class Store;
struct StoredRuleReport;
namespace rules {
class RuleConfig;
}

// The photo rules of the open submission: the flag list (RuleFlagsModel), a one-line summary,
// and the overlay switch (checkbox and the O key) for the submitted photo. It reads the stored
// rules result off the UI thread; when the pre-screen has not reached the submission it asks
// the service to analyse it now and shows "规则检查中…" until attemptAnalysed arrives. A report
// pre-selects the failed rules' reasons in the decision panel (while the reviewer has not
// touched them) and draws the overlay on the photo pane.
class RuleFlagsPanel : public QWidget {
    Q_OBJECT

public:
    enum class Mode { Cleared, Analysing, Unavailable, Report };

    RuleFlagsPanel(std::shared_ptr<Store> store, PreScreenService* service, PhotoPane* photo, DecisionPanel* decision,
                   QWidget* parent = nullptr);
    // Read-only (the hotline's view of a submitted photo): no pre-screen to ask and no decision
    // to pre-select; the flags are student-facing (RuleFlagsModel::setStudentFacing) and come
    // from showStored. The overlay is drawn on `photo` as in the review workspace.
    explicit RuleFlagsPanel(PhotoPane* photo, QWidget* parent = nullptr);

    void setAttempt(Id attemptId);
    // For a caller that loads the rules itself (the review workspace's prefetcher): "checking"
    // for this attempt without a load of its own, then the stored result as loaded. A result
    // that is not complete asks the pre-screen to analyse the attempt, as setAttempt does.
    void showChecking(Id attemptId);
    void showLoaded(Id attemptId, const Result<StoredRuleReport>& result);
    // Read-only: shows what is stored for the attempt as it is (complete or not); `config`
    // gives the overlay's guide bands (without it only the face and the rule regions are drawn).
    void showStored(Id attemptId, const StoredRuleReport& stored, const std::optional<rules::RuleConfig>& config);
    void clear();
    Id attemptId() const { return m_attempt; }
    Mode mode() const { return m_mode; }
    RuleFlagsModel* model() const { return m_model; }
    QString statusText() const;
    void toggleOverlay();

signals:
    void reportShown(pd::Id attemptId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void load(Id attemptId, bool analyseIfMissing);
    void show(Id attemptId, const Result<StoredRuleReport>& result, bool analyseIfMissing);
    void present(Id attemptId, const StoredRuleReport& stored, const std::optional<rules::RuleConfig>& config);
    void setMode(Mode mode, const QString& message = {});
    void retranslate();

    std::shared_ptr<Store> m_store;
    PreScreenService* m_service;
    PhotoPane* m_photo;
    DecisionPanel* m_decision;
    RuleFlagsModel* m_model;
    QLabel* m_title;
    QLabel* m_status;
    QCheckBox* m_overlay;
    QTableView* m_view;
    Id m_attempt = 0;
    Mode m_mode = Mode::Cleared;
    QString m_message; // unavailable reason
};

} // namespace pd
