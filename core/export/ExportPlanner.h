#pragma once

#include "core/export/ExportTypes.h"
#include "core/util/Result.h"

#include <QStringList>

#include <memory>

namespace pd {

class Store;

// Decides what an export contains and what it leaves out, and why, from the store alone (no
// file is read but a stat of each photo's blob). The preview count on the supervision page and
// the export itself use the same plan.
//
// Per student only the latest approved attempt is exported (older approvals are listed as
// superseded); two students whose key is the same are both left out, since the upload matches
// photos by that key and a wrong match is worse than a missing photo.
class ExportPlanner {
public:
    explicit ExportPlanner(std::shared_ptr<const Store> store);

    // Supervisors and administrators only: personal data leaves the system.
    static bool mayExport(Role role);
    static Error forbidden(const Session& who);

    // Errors: forbidden, store-*.
    Result<ExportPlan> plan(const Session& who, const ExportFilter& filter, ExportKey key) const;

    // The values the filter's cohort and major choices offer.
    struct Choices {
        QStringList cohorts; // '' = unknown cohort, when some students have none
        QStringList majors;
    };
    Result<Choices> choices(const Session& who) const;

    // '' when `key` may name a file; otherwise key-missing or key-invalid. ID-card numbers are
    // 18 characters (17 digits and a digit or X) or the old 15 digits; student numbers are
    // letters, digits, '-' and '_' (so no key can climb out of the export folder).
    static QString keyProblem(ExportKey kind, const QString& key);
    // The key as it names the file (trimmed; an ID card's check letter upper-case).
    static QString normalisedKey(ExportKey kind, const QString& raw);

private:
    std::shared_ptr<const Store> m_store;
};

} // namespace pd
