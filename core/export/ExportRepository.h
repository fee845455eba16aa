#pragma once

#include "core/export/ExportTypes.h"

#include <QStringList>

#include <vector>

namespace pd {

class Database;

// The export's SQL (migration 0041): what may be exported, what was, and the record of each
// export. Runs on the calling thread's connection, inside its transaction if one is open;
// throws StoreError.
class ExportRepository {
public:
    explicit ExportRepository(const Database& db) : m_db(db) {}

    // An approved attempt of a student in the cohort/major selection (dates and state are
    // applied by the planner, after it picked each student's latest approval).
    struct ApprovedRow {
        ExportItem item; // key left empty
        QString nationalId;
    };
    // Every approved attempt of the selection, per student newest decision first.
    std::vector<ApprovedRow> approvedAttempts(const ExportFilter& filter) const;

    // Students of the selection that have attempts but none approved; `detail` = the newest
    // attempt's state (pending, rejected), `key` = the national id as stored.
    std::vector<LeftOut> studentsWithoutApproval(const ExportFilter& filter) const;

    // Distinct values for the filter's choices (cohort: '' included when some are unknown).
    QStringList cohorts() const;
    QStringList majors() const;

    struct ExportedFile {
        Id attemptId = 0;
        QString key;
        QString sha256;
        bool reencoded = false;
    };
    // The record of a finished export and its files (call inside the export's transaction).
    Id insertExport(const ExportRecord& record, Id actorId) const;
    void insertItems(Id exportId, const std::vector<ExportedFile>& files) const;

    std::vector<ExportRecord> recent(int limit) const;
    // When an attempt went out (oldest first).
    std::vector<QDateTime> exportTimes(Id attemptId) const;
    int count() const;

private:
    const Database& m_db;
};

} // namespace pd
