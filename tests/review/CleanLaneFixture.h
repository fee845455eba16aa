#pragma once

#include "core/domain/Types.h"

#include <QString>

#include <vector>

namespace pd {
class FaceAnalyzer;
class Store;
} // namespace pd

namespace pd::test {

// Submissions that pass every photo rule and match both reference photos FOR REAL (no stored
// result is made up): the compliant 480×640 base photos of tools/rule-variants made from
// obama_3, biden_1 and meir_1, with other photos of the same person as references —
// obama_1 / obama_2, biden_2 / biden_2 — and for meir_1 the original scan (its normalised copy
// is far enough from it for NOT_REUSED: descriptor distance 0.18 > 0.15). At most three: every
// other test portrait fails a rule (teeth, a bald crown) or has no second photo of the person.
struct CleanAttempt {
    Id studentId = 0;
    Id attemptId = 0;
    QString name;
};
std::vector<CleanAttempt> addCleanAttempts(const Store& store, const FaceAnalyzer& analyzer, int count = 3,
                                           double firstPaidHoursAgo = 40);

} // namespace pd::test
