#include "core/review/ReviewerFigures.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"

#include <algorithm>

namespace pd {

std::optional<double> medianDecisionSeconds(const QList<QDateTime>& sortedTimes, int pauseSeconds)
{
    std::vector<double> gaps;
    for (qsizetype i = 1; i < sortedTimes.size(); ++i) {
        const double gap = sortedTimes[i - 1].msecsTo(sortedTimes[i]) / 1000.0;
        if (gap >= 0 && gap <= pauseSeconds)
            gaps.push_back(gap);
    }
    if (gaps.empty())
        return std::nullopt;
    std::sort(gaps.begin(), gaps.end());
    const size_t n = gaps.size();
    return n % 2 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2.0;
}

Result<ReviewerDayFigures> reviewerDayFigures(const Database& db, Id reviewerId, const QDateTime& now)
{
    // Local midnight to local midnight, as UTC text (the stored form).
    const QDate today = now.toLocalTime().date();
    const QDateTime from = QDateTime(today, QTime(0, 0), Qt::LocalTime).toUTC();
    const QDateTime to = QDateTime(today.addDays(1), QTime(0, 0), Qt::LocalTime).toUTC();
    try {
        Sql q(db, QStringLiteral("SELECT decided_at, verdict FROM decisions WHERE reviewer_id = :r AND decided_at >= :from "
                                 "AND decided_at < :to ORDER BY decided_at"));
        q.bind(QStringLiteral(":r"), reviewerId).bind(QStringLiteral(":from"), toDbTime(from)).bind(QStringLiteral(":to"), toDbTime(to)).exec();
        ReviewerDayFigures figures;
        QList<QDateTime> times;
        while (q.next()) {
            times << fromDbTime(q.value(0).toString());
            ++figures.decidedToday;
            if (verdictFromString(q.value(1).toString()) == Verdict::Reject)
                ++figures.rejectedToday;
            else
                ++figures.approvedToday;
        }
        figures.medianSeconds = medianDecisionSeconds(times);
        return figures;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
