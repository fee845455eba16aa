#include "widgets/SessionFiguresLabel.h"

#include "core/store/Store.h"
#include "core/util/Time.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

#include <QEvent>
#include <QLocale>

#include <cmath>

namespace pd {

SessionFiguresLabel::SessionFiguresLabel(std::shared_ptr<Store> store, Session session, ReviewWorkspace* workspace, QWidget* parent)
    : QLabel(parent), m_store(std::move(store)), m_session(std::move(session)), m_worker(std::make_unique<StoreWorker>(m_store))
{
    setObjectName(QStringLiteral("sessionFiguresLabel"));
    if (workspace)
        connect(workspace, &ReviewWorkspace::decided, this, &SessionFiguresLabel::refresh);
    m_tick.setInterval(60 * 1000);
    connect(&m_tick, &QTimer::timeout, this, &SessionFiguresLabel::refresh);
    m_tick.start();
    retranslate();
    refresh();
}

SessionFiguresLabel::~SessionFiguresLabel() = default;

void SessionFiguresLabel::refresh()
{
    if (m_reading) {
        m_again = true; // a decision while reading: read once more afterwards
        return;
    }
    m_reading = true;
    std::shared_ptr<Store> store = m_store;
    const Id reviewer = m_session.userId;
    whenFinished(this, m_worker->run([store, reviewer] { return reviewerDayFigures(store->db(), reviewer, utcNow()); }),
                 [this](const Result<ReviewerDayFigures>& result) {
                     m_reading = false;
                     if (result) {
                         m_figures = result.value();
                         retranslate();
                         emit figuresChanged();
                     }
                     if (std::exchange(m_again, false))
                         refresh();
                 });
}

void SessionFiguresLabel::retranslate()
{
    if (!m_figures) {
        setText(QString());
        return;
    }
    const QLocale locale;
    const ReviewerDayFigures& f = *m_figures;
    QString text = tr("Today %n decided", "", f.decidedToday);
    if (f.medianSeconds)
        text += QStringLiteral(" · ") + tr("median %1 s per decision").arg(locale.toString(qRound(*f.medianSeconds)));
    setText(text);
    setToolTip(tr("Your decisions since midnight: %1 approved, %2 rejected.\nMedian time per decision: the middle of the gaps "
                  "between your consecutive decisions today; gaps over %3 minutes count as pauses and are left out.")
                   .arg(f.approvedToday)
                   .arg(f.rejectedToday)
                   .arg(ReviewerDayFigures::kPauseSeconds / 60));
}

void SessionFiguresLabel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QLabel::changeEvent(event);
}

} // namespace pd
