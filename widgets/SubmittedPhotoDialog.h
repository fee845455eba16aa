#pragma once

#include "core/hotline/SubmittedPhotoViewer.h"
#include "core/vision/rules/RuleConfig.h"
#include "widgets/PhotoPane.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace pd {

class RuleFlagsPanel;
class Store;

// What the worker hands the dialog: the core's view with its bytes already decoded (and
// dropped), and the rule configuration for the overlay's guide bands (absent when it cannot be
// loaded: the overlay then has the face and the regions only).
struct SubmittedPhotoDisplay {
    SubmittedPhotoView view; // view.bytes is empty
    DecodedPhoto photo;
    std::optional<rules::RuleConfig> ruleConfig;
};

// Runs on a store worker thread: opens the photo through the core (role checked, audited),
// decodes it and scales it for a canvas of this size, then drops the file's bytes.
Result<SubmittedPhotoDisplay> loadSubmittedPhoto(const std::shared_ptr<const Store>& store, const Session& who, Id attemptId,
                                                 QSize canvas, qreal devicePixelRatio);

// The hotline's read-only look at one attempt as the student experienced it: the submitted
// photo with the stored rule flags drawn on it (PhotoPane and a read-only RuleFlagsPanel, as in
// the review workspace), the reasons of the decision as sent and the SMS with their delivery
// state. No enrollment or ID-card photo, no decision controls. Deletes itself when closed, so
// the decoded photo does not outlive the view.
class SubmittedPhotoDialog : public QDialog {
    Q_OBJECT

public:
    explicit SubmittedPhotoDialog(Id attemptId, QWidget* parent = nullptr);

    Id attemptId() const { return m_attemptId; }
    void showLoading();
    void showResult(const Result<SubmittedPhotoDisplay>& result);
    // The size the photo is drawn in (for loadSubmittedPhoto).
    QSize canvasSize() const;

    PhotoPane* photoPane() const { return m_photo; }
    RuleFlagsPanel* ruleFlags() const { return m_flags; }
    QString sentText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QString sentHtml() const;

    Id m_attemptId;
    std::optional<SubmittedPhotoView> m_view; // without bytes; for retranslating the texts
    QLabel* m_header;
    PhotoPane* m_photo;
    RuleFlagsPanel* m_flags;
    QLabel* m_sentTitle;
    QTextBrowser* m_sent;
    QLabel* m_auditNote;
    QPushButton* m_close;
};

} // namespace pd
