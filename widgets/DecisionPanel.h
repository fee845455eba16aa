#pragma once

#include "core/notify/SmsComposer.h"
#include "core/domain/Types.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace pd {

class ReasonCatalog;

// Approve / reject for the open submission: the rule catalog as checkable reasons numbered
// 1..N (one column, every title in full), an optional note, and the exact SMS the student will
// receive (with its length), laid out top to bottom for the review workspace's side column.
// Reject needs at least one reason; approving while reasons are checked is refused here, and
// the core refuses it again.
class DecisionPanel : public QWidget {
    Q_OBJECT

public:
    DecisionPanel(const ReasonCatalog& catalog, const SmsComposer& sms, QWidget* parent = nullptr);

    QStringList checkedReasonIds() const;
    QList<int> checkedNumbers() const;
    // Toggles the reason with this catalog number; false when there is none.
    bool toggleReason(int number);
    int reasonCount() const;
    QString note() const;

    // The submission being decided (nullopt: nothing open). Clears reasons, note and the
    // checklist; nullopt also forgets suggested reasons (a new submission is coming).
    void setStudent(const std::optional<Student>& student);

    // Reasons the photo rules flagged: checked for the reviewer, who can still change them.
    // Applied only while the reviewer has not touched the reasons of this submission (now, or
    // when the submission's student arrives). Returns whether they were applied now.
    bool setSuggestedReasons(const QStringList& ids);
    QStringList suggestedReasonIds() const { return m_suggested; }
    bool reasonsTouched() const { return m_touched; }

    // Checklist rules (kind "checklist": only a person can judge) as boxes the reviewer must
    // tick before approving; rejecting stays possible.
    QStringList checklistIds() const;
    QStringList unconfirmedChecklist() const;
    bool checklistConfirmed() const { return unconfirmedChecklist().isEmpty(); }
    void confirmChecklist(); // ticks every box (tests, scripted review)
    void setChecklistHint(const QString& id, const QString& hint); // where to look (a rule's explanation)
    void setDecidable(bool decidable);
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    enum class MessageKind { Info, Success, Error };
    void showMessage(const QString& text, MessageKind kind);
    QString messageText() const;

    void retranslate();

signals:
    void approveClicked();
    void rejectClicked();
    void reasonsChanged();

private:
    void fillReasons();
    void applySuggestions();
    void updateState();
    void updateSmsPreview();
    void updateCheckedSummary();

    const ReasonCatalog& m_catalog;
    SmsComposer m_sms; // a copy: the templates in force when this panel was made
    std::optional<Student> m_student;
    bool m_decidable = false;
    bool m_busy = false;
    bool m_touched = false;     // the reviewer changed a reason of this submission
    QStringList m_suggested;    // from the photo rules

    QLabel* m_reasonsTitle;
    QLabel* m_checkedSummary; // the numbers checked: some may be scrolled out of view
    QListWidget* m_reasons;
    QPlainTextEdit* m_note;
    QLabel* m_smsTitle;
    QLabel* m_smsLength;
    QPlainTextEdit* m_smsPreview;
    QLabel* m_message;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QLabel* m_checklistTitle;
    QList<QCheckBox*> m_checklist;
};

} // namespace pd
