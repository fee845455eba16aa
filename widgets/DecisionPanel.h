#pragma once

#include "core/domain/Types.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace pd {

class ReasonCatalog;
class SmsComposer;

// Approve / reject for the open submission: the rule catalog as checkable reasons numbered
// 1..N, an optional note, and the exact SMS the student will receive (with its length).
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

    // The submission being decided (nullopt: nothing open). Clears reasons and note.
    void setStudent(const std::optional<Student>& student);
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

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fillReasons();
    void updateState();
    void updateSmsPreview();
    void layoutReasonGrid();

    const ReasonCatalog& m_catalog;
    const SmsComposer& m_sms;
    std::optional<Student> m_student;
    bool m_decidable = false;
    bool m_busy = false;

    QLabel* m_reasonsTitle;
    QListWidget* m_reasons;
    QLabel* m_noteTitle;
    QPlainTextEdit* m_note;
    QLabel* m_smsTitle;
    QLabel* m_smsLength;
    QPlainTextEdit* m_smsPreview;
    QLabel* m_message;
    QPushButton* m_approve;
    QPushButton* m_reject;
};

} // namespace pd
