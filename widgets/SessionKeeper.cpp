#include "widgets/SessionKeeper.h"

#include "core/util/Time.h"
#include "widgets/MainWindow.h"
#include "widgets/RecoveryNotice.h"
#include "widgets/ReviewWorkspace.h"

#include <QLoggingCategory>
#include <QTabWidget>

namespace pd {

namespace {
Q_LOGGING_CATEGORY(lcRecovery, "photodesk.recovery")
}

SessionKeeper::SessionKeeper(MainWindow* window, std::shared_ptr<SessionMarker> marker)
    : QObject(window), m_window(window), m_marker(std::move(marker))
{
    SessionRecord& r = m_marker->record();
    r.userId = window->session().userId;
    r.username = window->session().username;
    r.openAttemptId = 0;
    r.claimAttemptId = 0;
    r.claimToken.clear();
    r.decidingAttemptId = 0;
    r.tab = window->workspaces()->currentWidget() ? window->workspaces()->currentWidget()->objectName() : QString();
    connect(window->workspaces(), &QTabWidget::currentChanged, this, [this] {
        QWidget* current = m_window ? m_window->workspaces()->currentWidget() : nullptr;
        m_marker->record().tab = current ? current->objectName() : QString();
        save();
    });
    if (ReviewWorkspace* review = window->reviewWorkspace()) {
        connect(review, &ReviewWorkspace::claimChanged, this, [this, review](Id attemptId) {
            SessionRecord& rec = m_marker->record();
            rec.claimAttemptId = attemptId;
            rec.claimToken = review->claim() && review->claim()->attemptId == attemptId ? review->claim()->token : QString();
            if (attemptId)
                rec.openAttemptId = attemptId;
            save();
        });
        connect(review, &ReviewWorkspace::photosShown, this, [this, review] {
            if (review->currentAttemptId() && review->currentAttemptId() != m_marker->record().openAttemptId) {
                m_marker->record().openAttemptId = review->currentAttemptId();
                save();
            }
        });
        // Written (and synced) before the decision's transaction starts: after a crash the next
        // start looks the decision up and says whether it landed.
        connect(review, &ReviewWorkspace::decisionStarted, this, [this](Id attemptId, Verdict verdict) {
            SessionRecord& rec = m_marker->record();
            rec.decidingAttemptId = attemptId;
            rec.decidingVerdict = toString(verdict);
            rec.decidingSince = utcNow();
            save();
        });
        connect(review, &ReviewWorkspace::decided, this, [this](Id attemptId) {
            if (m_marker->record().decidingAttemptId == attemptId) {
                m_marker->record().decidingAttemptId = 0;
                m_marker->record().decidingVerdict.clear();
                save();
            }
        });
    }
    save();
}

SessionKeeper::~SessionKeeper()
{
    // Signed out (or the window closed at a clean exit): the marker no longer names anyone.
    SessionRecord& r = m_marker->record();
    r.userId = 0;
    r.username.clear();
    r.openAttemptId = 0;
    r.claimAttemptId = 0;
    r.claimToken.clear();
    r.decidingAttemptId = 0;
    r.tab.clear();
    save();
}

void SessionKeeper::save()
{
    if (!m_marker->isActive())
        return;
    if (const Status saved = m_marker->save(); !saved)
        qCWarning(lcRecovery).noquote() << saved.error().code << saved.error().message;
}

std::vector<RecoveryReport> SessionKeeper::recoverLeftovers(const std::shared_ptr<Store>& store, const QString& databaseLocation,
                                                            const Session& who, const SessionMarker& marker)
{
    std::vector<RecoveryReport> reports;
    const CrashRecovery recovery(store, databaseLocation);
    for (const auto& [path, record] : marker.leftovers()) {
        if (!record.database.isEmpty() && record.database != databaseLocation) {
            if (record.updatedAt.isValid() && record.updatedAt < utcNow().addDays(-30))
                SessionMarker::discard(path);
            continue;
        }
        auto report = recovery.recover(record, who);
        if (!report) {
            // Kept for the next start: the store may be back by then.
            qCWarning(lcRecovery).noquote() << "recovery of" << path << "failed:" << report.error().code << report.error().message;
            continue;
        }
        qCWarning(lcRecovery).noquote() << report->summary();
        reports.push_back(report.value());
        SessionMarker::discard(path);
    }
    return reports;
}

void SessionKeeper::showRecovery(const std::vector<RecoveryReport>& reports)
{
    if (reports.empty() || !m_window)
        return;
    for (const RecoveryReport& r : reports) {
        if (!r.sameUser)
            continue;
        if (!r.reopenTab.isEmpty())
            if (auto* tab = m_window->workspaces()->findChild<QWidget*>(r.reopenTab); tab && m_window->workspaces()->indexOf(tab) >= 0)
                m_window->workspaces()->setCurrentWidget(tab);
        if (r.reopenAttemptId && m_window->reviewWorkspace())
            m_window->reviewWorkspace()->resumeAt(r.reopenAttemptId);
    }
    m_notice = new RecoveryNotice(reports, m_window);
    m_window->addDockWidget(Qt::TopDockWidgetArea, m_notice);
    m_notice->show();
}

} // namespace pd
