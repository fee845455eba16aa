#pragma once

#include "core/export/ExportTypes.h"
#include "core/util/Result.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace pd {

class Store;

struct ExportRequest {
    ExportFilter filter;
    ExportKey key = ExportKey::NationalId;
    // A folder that does not exist yet, or a file name ending in .zip that does not exist yet.
    QString destination;
};

// How a caller follows and stops a running export (the GUI's progress bar and Cancel, the
// CLI's progress line on stderr). Both are used from the export's own thread.
struct ExportControl {
    std::function<void(int done, int total)> progress;
    const std::atomic_bool* cancel = nullptr;
};

// Runs an export (docs/export.md), on the calling thread — callers put it on a worker thread:
//  1. checks the role (supervisors and administrators) and the destination (must not exist);
//  2. plans it (ExportPlanner);
//  3. reads each photo from the blob folder (its SHA-256 verified), checks it against the
//     national format (NationalFormat) and, only when it does not pass, re-encodes it
//     (NationalFormatEncoder) and checks the result again; photos that cannot be read or made
//     to pass are left out with their reason;
//  4. writes <key>.jpg, manifest.csv, left-out.csv and summary.json into a temporary folder or
//     zip beside the destination;
//  5. in ONE transaction records the export, one export_items row per file (the attempts'
//     "exported" marks) and the audit event, renames the output to its final name and commits.
// A failure or a cancel at any point leaves no file under the destination name, no temporary
// files and no marks; it is logged and audited as export.failed / export.cancelled.
class ExportService {
public:
    explicit ExportService(std::shared_ptr<const Store> store);

    // Errors: forbidden, destination-exists, destination-invalid, nothing-to-export,
    // too-many-files (zip without ZIP64), write-failed, cancelled, store-*.
    Result<ExportOutcome> run(const Session& who, const ExportRequest& request, const ExportControl& control = {}) const;

    // Test hook, called with a step name ("file" with the index of the file about to be written,
    // "summary", "records", "rename", "commit"); throwing from it simulates a failure there.
    void setFaultInjector(std::function<void(const QString& step, int index)> injector) { m_faults = std::move(injector); }
    // Photos prepared at once (decoded, checked, re-encoded) by the export's own thread pool;
    // 0 = one per core.
    void setThreads(int threads) { m_threads = threads; }

private:
    std::shared_ptr<const Store> m_store;
    std::function<void(const QString&, int)> m_faults;
    int m_threads = 0;
};

} // namespace pd
