#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QDateTime>

#include <optional>

namespace pd {

class Database;

// A reviewer's own figures for the status bar: how many submissions they decided today (local
// calendar day of the desk) and the median time a decision took.
//
// "Time per decision" is the gap between two consecutive decisions of the same reviewer; gaps
// longer than kPauseSeconds are pauses (lunch, a meeting), not work, and are left out. So the
// first decision of the day and the first after a pause have no time of their own. A batch of
// clean-lane approvals counts as what it is: many decisions in little time.
struct ReviewerDayFigures {
    static constexpr int kPauseSeconds = 10 * 60;

    int decidedToday = 0;
    int approvedToday = 0;
    int rejectedToday = 0;
    std::optional<double> medianSeconds; // nullopt: fewer than two decisions in one stretch
};

// `now` is UTC; "today" runs from local midnight to the next local midnight. Reads the
// decisions (reviewer_id, decided_at) index; any thread (uses that thread's connection).
Result<ReviewerDayFigures> reviewerDayFigures(const Database& db, Id reviewerId, const QDateTime& now);

// The median of the gaps (seconds) between consecutive times, pauses left out (exposed for tests).
std::optional<double> medianDecisionSeconds(const QList<QDateTime>& sortedTimes, int pauseSeconds = ReviewerDayFigures::kPauseSeconds);

} // namespace pd
