#pragma once

#include "core/audit/AuditLog.h"
#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace pd {

class Store;

// What a supervisor narrows the audit log to. Empty fields match everything.
struct AuditFilter {
    QString actor;         // exact user name at the time of the event
    QString action;        // exact action ("decision.reject") or a family ending in '.' ("decision.")
    QString student;       // student number: events on the student and on any of their attempts
    QString objectType;    // with objectId: one object ("user", "7")
    QString objectId;
    QDateTime from;        // inclusive, UTC
    QDateTime to;          // exclusive, UTC

    bool isEmpty() const;
    QJsonObject toJson() const; // recorded in the audit.export event
};

// Read side of the audit log for the supervision workspace: newest-first pages by keyset on
// the id (a page costs the same on event 10 as on event 1 000 000, no OFFSET scans), a count,
// the distinct actors/actions for the filter boxes, and an audited CSV export.
// Supervisors and administrators only (checked here, not just by hiding the tab).
class AuditQuery {
public:
    explicit AuditQuery(std::shared_ptr<const Store> store) : m_store(std::move(store)) {}

    static bool mayRead(Role r) { return r == Role::Supervisor || r == Role::Administrator; }

    // Up to `limit` events with id < `beforeId` (0 = from the newest), newest first.
    // Error codes: forbidden, store-*.
    Result<std::vector<AuditEvent>> page(const Session& who, const AuditFilter& filter, Id beforeId, int limit) const;
    Result<int> count(const Session& who, const AuditFilter& filter) const;
    // The distinct user names and actions in the log (for the filter boxes), sorted.
    Result<QStringList> actors(const Session& who) const;
    Result<QStringList> actions(const Session& who) const;

    // Writes the filtered events (newest first, UTF-8 with BOM so spreadsheet programs read
    // Chinese correctly) to `path` atomically, then audits "audit.export" with the filter and
    // the row count. `progress(rowsWritten)` is called every few thousand rows. Gives the count.
    // Error codes: forbidden, export-write, store-*.
    Result<int> exportCsv(const Session& who, const AuditFilter& filter, const QString& path,
                          const std::function<void(int)>& progress = {}) const;

    static QString csvField(const QString& value);

private:
    std::shared_ptr<const Store> m_store;
};

} // namespace pd
