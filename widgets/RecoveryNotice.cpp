#include "widgets/RecoveryNotice.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

RecoveryNotice::RecoveryNotice(std::vector<RecoveryReport> reports, QWidget* parent) : QDockWidget(parent), m_reports(std::move(reports))
{
    setObjectName(QStringLiteral("recoveryNotice"));
    setFeatures(QDockWidget::DockWidgetClosable);
    setAllowedAreas(Qt::TopDockWidgetArea);
    setTitleBarWidget(new QWidget(this)); // the frame below carries the title and the close button
    auto* frame = new QWidget(this);
    frame->setObjectName(QStringLiteral("recoveryFrame"));
    frame->setStyleSheet(QStringLiteral("#recoveryFrame { background: #fff8e1; border-bottom: 1px solid #e0c97f; }"));
    m_title = new QLabel(frame);
    m_title->setObjectName(QStringLiteral("recoveryTitle"));
    m_text = new QLabel(frame);
    m_text->setObjectName(QStringLiteral("recoveryText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QPushButton(frame);
    m_close->setObjectName(QStringLiteral("recoveryCloseButton"));
    connect(m_close, &QPushButton::clicked, this, &QDockWidget::close);
    auto* text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_text);
    auto* layout = new QHBoxLayout(frame);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    setWidget(frame);
    retranslate();
}

QStringList RecoveryNotice::describe(const RecoveryReport& r)
{
    QStringList lines;
    const QString when = r.previous.startedAt.isValid()
                             ? QLocale().toString(r.previous.startedAt.toLocalTime(), QLocale::ShortFormat)
                             : QString();
    lines << tr("PhotoDesk did not shut down properly last time (session of %1, started %2).")
                 .arg(r.previous.username.isEmpty() ? tr("nobody signed in") : r.previous.username, when);
    if (!r.sameDatabase) {
        lines << tr("That session used another database; nothing was checked here.");
        return lines;
    }
    const QString claimed = r.claimExternalId.isEmpty() ? QString::number(r.claimAttemptId) : r.claimExternalId;
    switch (r.claim) {
    case RecoveryReport::ClaimOutcome::None: break;
    case RecoveryReport::ClaimOutcome::Resumed:
        lines << tr("Submission %1, which this desk held, is still yours: it is open again.").arg(claimed);
        break;
    case RecoveryReport::ClaimOutcome::Released:
        lines << tr("Submission %1, which this desk held for %2, was released back to the queue.").arg(claimed, r.previous.username);
        break;
    case RecoveryReport::ClaimOutcome::Expired:
        lines << tr("The hold on submission %1 had run out; it went back to the queue.").arg(claimed);
        break;
    case RecoveryReport::ClaimOutcome::TakenOver:
        lines << tr("Submission %1 is now being reviewed by %2.").arg(claimed, r.claimHolder);
        break;
    case RecoveryReport::ClaimOutcome::Decided:
        lines << tr("Submission %1, which this desk held, has been decided.").arg(claimed);
        break;
    }
    const QString decided = r.decisionExternalId.isEmpty() ? QString::number(r.decisionAttemptId) : r.decisionExternalId;
    const QString verdict = r.decisionVerdict == QLatin1String("reject") ? tr("rejection") : tr("approval");
    if (r.decision == RecoveryReport::DecisionOutcome::Landed)
        lines << tr("The %1 of submission %2 that was being saved was saved completely, with its audit record and messages.").arg(verdict, decided);
    else if (r.decision == RecoveryReport::DecisionOutcome::NotSaved)
        lines << tr("The %1 of submission %2 that was being saved was not saved (nothing of it was written): please decide it again.")
                     .arg(verdict, decided);
    if (r.smsResumed || r.platformResumed) {
        QString line = tr("Still to be delivered from that session: %n SMS", "", r.smsResumed) + tr(", %n platform message(s)", "", r.platformResumed)
                       + tr(" — sending resumes now.");
        if (r.interrupted)
            line += QLatin1Char(' ') + tr("%n were being sent at the time; the gateway is asked first, so none is sent twice.", "", r.interrupted);
        lines << line;
    }
    if (r.reopenAttemptId && r.claim != RecoveryReport::ClaimOutcome::Resumed)
        lines << tr("Reopened submission %1, where you were.").arg(r.reopenExternalId.isEmpty() ? QString::number(r.reopenAttemptId) : r.reopenExternalId);
    if (r.nothingInProgress())
        lines << tr("No work was in progress; nothing was lost.");
    return lines;
}

void RecoveryNotice::retranslate()
{
    m_title->setText(QStringLiteral("<b>%1</b>").arg(tr("Recovered after an unexpected exit").toHtmlEscaped()));
    QStringList html;
    for (const RecoveryReport& r : m_reports) {
        QStringList lines = describe(r);
        for (QString& l : lines)
            l = l.toHtmlEscaped();
        html << lines.join(QStringLiteral("<br>"));
    }
    m_text->setText(html.join(QStringLiteral("<hr>")));
    m_close->setText(tr("Close"));
}

void RecoveryNotice::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

} // namespace pd
