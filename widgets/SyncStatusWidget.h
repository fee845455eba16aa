#pragma once

#include "core/feed/SyncService.h"
#include "core/util/Result.h"
#include "widgets/SyncController.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace pd {

// The status bar's view of the background traffic: the platform sync as a progress bar
// ("同步 12/40", retries and errors beside it) and the SMS outbox ("短信 待发 2 · 失败 1").
class SyncStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit SyncStatusWidget(SyncController* controller, QWidget* parent = nullptr);

    QProgressBar* progressBar() const { return m_bar; }
    QLabel* syncLabel() const { return m_syncLabel; }
    QLabel* smsLabel() const { return m_smsLabel; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showProgress(int done, int total);
    void showFinished(const SyncReport& report);
    void showSms();

    SyncController* m_controller;
    QProgressBar* m_bar;
    QLabel* m_syncLabel;
    QLabel* m_smsLabel;

    enum class SyncState { Idle, Running, Retrying, Done, Failed };
    SyncState m_state = SyncState::Idle;
    int m_done = 0;
    int m_total = -1;
    QString m_retryText;
    SyncReport m_report;
    QDateTime m_finishedAt;

    bool m_haveCounts = false;
    SmsCounts m_counts;
    std::optional<Error> m_smsProblem;
    bool m_smsBlocked = false; // the dispatcher could not start (e.g. no credentials)
};

} // namespace pd
