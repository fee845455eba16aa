#include "core/export/ExportPlanner.h"

#include "core/export/ExportRepository.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"

#include <QHash>
#include <QRegularExpression>

namespace pd {

ExportPlanner::ExportPlanner(std::shared_ptr<const Store> store) : m_store(std::move(store)) {}

bool ExportPlanner::mayExport(Role role) { return role == Role::Supervisor || role == Role::Administrator; }

Error ExportPlanner::forbidden(const Session& who)
{
    return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not export photos").arg(who.username)};
}

QString ExportPlanner::normalisedKey(ExportKey kind, const QString& raw)
{
    const QString key = raw.trimmed();
    return kind == ExportKey::NationalId ? key.toUpper() : key;
}

QString ExportPlanner::keyProblem(ExportKey kind, const QString& key)
{
    static const QRegularExpression nationalId(QStringLiteral("^([0-9]{17}[0-9X]|[0-9]{15})$"));
    static const QRegularExpression studentNumber(QStringLiteral("^[0-9A-Za-z_-]{1,64}$"));
    if (key.isEmpty())
        return LeftOutReason::KeyMissing;
    const auto& pattern = kind == ExportKey::NationalId ? nationalId : studentNumber;
    return pattern.match(key).hasMatch() ? QString() : LeftOutReason::KeyInvalid;
}

namespace {
bool inDateRange(const ExportFilter& f, const QDateTime& decidedAt)
{
    const QDate day = decidedAt.toLocalTime().date();
    return (!f.from.isValid() || day >= f.from) && (!f.to.isValid() || day <= f.to);
}

bool inState(const ExportFilter& f, bool exportedBefore)
{
    switch (f.state) {
    case ExportState::Approved: return true;
    case ExportState::NotExported: return !exportedBefore;
    case ExportState::Exported: return exportedBefore;
    }
    return false;
}

LeftOut leftOut(const ExportItem& item, const QString& reason, const QString& detail)
{
    return LeftOut{item.key, item.studentNumber, item.name, item.attemptId, reason, detail};
}
} // namespace

Result<ExportPlan> ExportPlanner::plan(const Session& who, const ExportFilter& filter, ExportKey kind) const
{
    if (!mayExport(who.role))
        return forbidden(who);
    try {
        const ExportRepository repo(m_store->db());
        std::vector<ExportRepository::ApprovedRow> rows = repo.approvedAttempts(filter);

        // Latest approval per student (rows come per student, newest decision first).
        struct Candidate {
            ExportItem item;
            std::vector<ExportItem> older;
        };
        std::vector<Candidate> candidates;
        for (ExportRepository::ApprovedRow& r : rows) {
            r.item.key = normalisedKey(kind, kind == ExportKey::NationalId ? r.nationalId : r.item.studentNumber);
            if (!candidates.empty() && candidates.back().item.studentId == r.item.studentId)
                candidates.back().older.push_back(std::move(r.item));
            else
                candidates.push_back({std::move(r.item), {}});
        }

        // Keys shared by two students of the selection, whatever the dates and state: exporting
        // either of them could hand the upload the wrong person's photo under that key.
        QHash<QString, QStringList> studentsByKey;
        for (const Candidate& c : candidates)
            if (keyProblem(kind, c.item.key).isEmpty())
                studentsByKey[c.item.key] << c.item.studentNumber;

        ExportPlan plan;
        for (Candidate& c : candidates) {
            ExportItem& item = c.item;
            if (!inDateRange(filter, item.decidedAt) || !inState(filter, item.exportedBefore))
                continue;
            for (const ExportItem& o : c.older)
                plan.leftOut.push_back(leftOut(o, LeftOutReason::Superseded,
                                               item.externalId));
            if (const QString problem = keyProblem(kind, item.key); !problem.isEmpty()) {
                plan.leftOut.push_back(leftOut(item, problem, toString(kind)));
                continue;
            }
            if (const QStringList& same = studentsByKey.value(item.key); same.size() > 1) {
                QStringList others = same;
                others.removeAll(item.studentNumber);
                plan.leftOut.push_back(leftOut(item, LeftOutReason::DuplicateKey,
                                               others.join(QLatin1Char(' '))));
                continue;
            }
            if (item.photoSha256.isEmpty() || !m_store->blobs().contains(item.photoSha256)) {
                plan.leftOut.push_back(leftOut(item, LeftOutReason::PhotoMissing,
                                               item.photoSha256.isEmpty() ? QStringLiteral("no-photo-row") : QStringLiteral("blob-missing")));
                continue;
            }
            plan.items.push_back(std::move(item));
        }
        // Students still waiting for an approval are what the upload will miss; listed unless
        // the export only repeats earlier ones.
        if (filter.state != ExportState::Exported) {
            for (LeftOut& l : repo.studentsWithoutApproval(filter)) {
                l.key = normalisedKey(kind, kind == ExportKey::NationalId ? l.key : l.studentNumber);
                plan.leftOut.push_back(std::move(l));
            }
        }
        std::sort(plan.items.begin(), plan.items.end(), [](const ExportItem& a, const ExportItem& b) { return a.key < b.key; });
        return plan;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<ExportPlanner::Choices> ExportPlanner::choices(const Session& who) const
{
    if (!mayExport(who.role))
        return forbidden(who);
    try {
        const ExportRepository repo(m_store->db());
        return Choices{repo.cohorts(), repo.majors()};
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
