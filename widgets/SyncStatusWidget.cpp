#include "widgets/SyncStatusWidget.h"

#include "widgets/ErrorTexts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace pd {

SyncStatusWidget::SyncStatusWidget(SyncController* controller, QWidget* parent) : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("syncStatus"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("syncProgress"));
    m_bar->setFixedWidth(150);
    m_bar->setTextVisible(true);
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_syncLabel = new QLabel(this);
    m_syncLabel->setObjectName(QStringLiteral("syncLabel"));
    m_smsLabel = new QLabel(this);
    m_smsLabel->setObjectName(QStringLiteral("smsLabel"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_bar);
    layout->addWidget(m_syncLabel);
    layout->addSpacing(10);
    layout->addWidget(m_smsLabel);

    connect(controller, &SyncController::syncStarted, this, [this] {
        m_state = SyncState::Running;
        m_done = 0;
        m_total = -1;
        m_retryText.clear();
        retranslate();
    });
    connect(controller, &SyncController::syncProgress, this, [this](int done, int total) {
        if (m_state != SyncState::Running && m_state != SyncState::Retrying)
            m_state = SyncState::Running;
        m_done = done;
        m_total = total;
        retranslate();
    });
    connect(controller, &SyncController::syncRetrying, this, [this](const QString& what, int attempt, int delayMs, const QString& reason) {
        m_state = SyncState::Retrying;
        m_retryText = tr("retry %1 in %2 s: %3").arg(attempt).arg(QLocale().toString(delayMs / 1000.0, 'f', 1), reason);
        m_syncLabel->setToolTip(what + QStringLiteral(": ") + reason);
        retranslate();
    });
    connect(controller, &SyncController::syncFinished, this, [this](const SyncReport& report) {
        m_report = report;
        m_finishedAt = QDateTime::currentDateTime();
        m_state = report.completed && report.errors == 0 ? SyncState::Done : SyncState::Failed;
        retranslate();
    });
    connect(controller, &SyncController::smsCountsChanged, this, [this](const SmsCounts& counts) {
        m_haveCounts = true;
        m_counts = counts;
        showSms();
    });
    connect(controller, &SyncController::smsProblem, this, [this](const Error& error) {
        m_smsProblem = error;
        if (error.code == QLatin1String("sms-credentials-missing"))
            m_smsBlocked = true;
        showSms();
    });
    retranslate();
}

void SyncStatusWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SyncStatusWidget::retranslate()
{
    if (!m_controller->hasPlatform()) {
        m_bar->hide();
        m_syncLabel->setText(tr("Platform: not configured"));
        m_syncLabel->setToolTip(tr("Start PhotoDesk with --platform URL (and the token in PHOTODESK_PLATFORM_TOKEN) to pull submissions."));
    } else {
        m_bar->show();
        switch (m_state) {
        case SyncState::Idle:
            m_bar->setRange(0, 1);
            m_bar->setValue(0);
            m_bar->setFormat(tr("Sync"));
            m_syncLabel->setText(tr("waiting"));
            break;
        case SyncState::Running:
        case SyncState::Retrying:
            showProgress(m_done, m_total);
            m_syncLabel->setText(m_state == SyncState::Retrying ? m_retryText : tr("syncing…"));
            m_syncLabel->setStyleSheet(m_state == SyncState::Retrying ? QStringLiteral("color: #b45309") : QString());
            break;
        case SyncState::Done:
        case SyncState::Failed:
            showFinished(m_report);
            break;
        }
    }
    showSms();
}

void SyncStatusWidget::showProgress(int done, int total)
{
    if (total < 0) {
        m_bar->setRange(0, 0); // busy: the platform has not said how many yet
        m_bar->setFormat(tr("Sync %1").arg(done));
        return;
    }
    m_bar->setRange(0, qMax(1, total));
    m_bar->setValue(total == 0 ? 1 : qMin(done, total));
    m_bar->setFormat(tr("Sync %1/%2").arg(done).arg(total));
}

void SyncStatusWidget::showFinished(const SyncReport& report)
{
    const QString at = QLocale().toString(m_finishedAt.time(), QStringLiteral("HH:mm"));
    if (m_state == SyncState::Done) {
        showProgress(report.fetched, report.fetched);
        m_syncLabel->setText(tr("synced %1 (%n new)", "", report.inserted).arg(at));
        m_syncLabel->setStyleSheet(QString());
        m_syncLabel->setToolTip(tr("%1 submissions received, %2 new, %3 updated, %4 photos downloaded.")
                                    .arg(report.fetched)
                                    .arg(report.inserted)
                                    .arg(report.updated)
                                    .arg(report.photos));
        return;
    }
    m_bar->setRange(0, qMax(1, m_total < 0 ? report.fetched : m_total));
    m_bar->setValue(qMin(report.fetched, m_bar->maximum()));
    m_bar->setFormat(tr("Sync %1/%2").arg(report.fetched).arg(m_total < 0 ? QStringLiteral("?") : QString::number(m_total)));
    m_syncLabel->setText(tr("sync incomplete at %1: %n error(s), tried again automatically", "", report.errors).arg(at));
    m_syncLabel->setStyleSheet(QStringLiteral("color: #c62828"));
    m_syncLabel->setToolTip(report.problems.join(QLatin1Char('\n')));
}

void SyncStatusWidget::showSms()
{
    if (!m_controller->hasSms()) {
        m_smsLabel->setText(tr("SMS: not configured"));
        m_smsLabel->setStyleSheet(QStringLiteral("color: #6b7280"));
        m_smsLabel->setToolTip(tr("Start PhotoDesk with --sms-provider and the key pair in the environment (docs/sms.md) to send the SMS."));
        return;
    }
    if (m_smsBlocked) {
        m_smsLabel->setText(tr("SMS: stopped (no access key)"));
        m_smsLabel->setStyleSheet(QStringLiteral("color: #c62828"));
        m_smsLabel->setToolTip(m_smsProblem ? ErrorTexts::text(*m_smsProblem) : QString());
        return;
    }
    if (!m_haveCounts) {
        m_smsLabel->setText(tr("SMS: …"));
        return;
    }
    QString text = tr("SMS: %1 waiting").arg(m_counts.pending);
    if (m_counts.failed > 0)
        text += tr(" · %1 failed").arg(m_counts.failed);
    text += tr(" · %1 sent").arg(m_counts.sent);
    m_smsLabel->setText(text);
    m_smsLabel->setStyleSheet(m_counts.failed > 0 ? QStringLiteral("color: #c62828") : QString());
    m_smsLabel->setToolTip(m_smsProblem ? tr("Last problem: %1").arg(ErrorTexts::text(*m_smsProblem)) : QString());
}

} // namespace pd
