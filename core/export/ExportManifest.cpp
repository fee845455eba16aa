#include "core/export/ExportManifest.h"

#include "core/audit/AuditQuery.h"

#include <QJsonObject>

namespace pd {

const QString ExportManifest::kManifestName = QStringLiteral("manifest.csv");
const QString ExportManifest::kLeftOutName = QStringLiteral("left-out.csv");
const QString ExportManifest::kSummaryName = QStringLiteral("summary.json");

namespace {
// Local time with its UTC offset ("2025-06-01T16:00:00+08:00"): what a school reads, unambiguous.
QString localIso(const QDateTime& t)
{
    const QDateTime local = t.toLocalTime();
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

QByteArray csv(const QStringList& header, const std::vector<QStringList>& rows)
{
    QByteArray out("\xEF\xBB\xBF");
    auto line = [&out](const QStringList& fields) {
        QStringList quoted;
        for (const QString& f : fields)
            quoted << AuditQuery::csvField(f);
        out += quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
    };
    line(header);
    for (const QStringList& r : rows)
        line(r);
    return out;
}
} // namespace

QByteArray ExportManifest::manifestCsv(const std::vector<ManifestRow>& rows)
{
    std::vector<QStringList> lines;
    lines.reserve(rows.size());
    for (const ManifestRow& r : rows)
        lines.push_back({r.item.key, r.item.name, r.item.studentNumber, r.item.externalId,
                         localIso(r.item.decidedAt), r.item.reviewer, r.sha256,
                         r.reencodeSteps.isEmpty() ? QStringLiteral("0") : QStringLiteral("1"),
                         r.reencodeSteps.join(QLatin1Char(' '))});
    return csv({QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("student_number"), QStringLiteral("attempt"),
                QStringLiteral("decided_at"), QStringLiteral("reviewer"), QStringLiteral("sha256"), QStringLiteral("reencoded"),
                QStringLiteral("reencode_steps")},
               lines);
}

QByteArray ExportManifest::leftOutCsv(const std::vector<LeftOut>& rows)
{
    std::vector<QStringList> lines;
    lines.reserve(rows.size());
    for (const LeftOut& r : rows)
        lines.push_back({r.key, r.studentNumber, r.name, r.attemptId ? QString::number(r.attemptId) : QString(), r.reason, r.detail});
    return csv({QStringLiteral("key"), QStringLiteral("student_number"), QStringLiteral("name"), QStringLiteral("attempt_id"),
                QStringLiteral("reason"), QStringLiteral("detail")},
               lines);
}

QJsonObject ExportManifest::reasonCounts(const std::vector<LeftOut>& rows)
{
    QJsonObject counts;
    for (const LeftOut& r : rows)
        counts.insert(r.reason, counts.value(r.reason).toInt() + 1);
    return counts;
}

} // namespace pd
