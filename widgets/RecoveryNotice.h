#pragma once

#include "core/config/RecoveryReport.h"

#include <QDockWidget>

#include <vector>

class QLabel;
class QPushButton;

namespace pd {

// The non-modal notice at the top of the main window after an unclean exit: what was found and
// what became of it (the held submission, the decision that was being saved, the messages still
// to be delivered, where the reviewer is taken back to). Closed by the reviewer.
class RecoveryNotice : public QDockWidget {
    Q_OBJECT
public:
    explicit RecoveryNotice(std::vector<RecoveryReport> reports, QWidget* parent = nullptr);

    const std::vector<RecoveryReport>& reports() const { return m_reports; }
    // The lines shown for one report, in the interface language.
    static QStringList describe(const RecoveryReport& report);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::vector<RecoveryReport> m_reports;
    QLabel* m_title;
    QLabel* m_text;
    QPushButton* m_close;
};

} // namespace pd
