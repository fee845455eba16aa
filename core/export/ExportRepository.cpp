#include "core/export/ExportRepository.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

#include <QJsonDocument>

namespace pd {

namespace {
// The cohort/major part of a selection, on the students table aliased `s`.
QString studentConditions(const ExportFilter& f)
{
    QString where;
    if (f.cohort)
        where += QStringLiteral(" AND s.cohort = :cohort");
    if (f.major)
        where += QStringLiteral(" AND s.programme = :major");
    return where;
}

void bindStudentConditions(Sql& q, const ExportFilter& f)
{
    if (f.cohort)
        q.bind(QStringLiteral(":cohort"), *f.cohort);
    if (f.major)
        q.bind(QStringLiteral(":major"), *f.major);
}

QStringList distinct(const Database& db, const QString& column)
{
    Sql q(db, QStringLiteral("SELECT DISTINCT %1 FROM students ORDER BY %1").arg(column));
    q.exec();
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    return values;
}
} // namespace

std::vector<ExportRepository::ApprovedRow> ExportRepository::approvedAttempts(const ExportFilter& filter) const
{
    Sql q(m_db, QStringLiteral(
                    "SELECT a.id, a.student_id, a.external_id, a.version, d.decided_at, COALESCE(u.username, ''), "
                    "s.student_number, s.name, s.national_id, COALESCE(p.sha256, ''), "
                    "CASE WHEN EXISTS (SELECT 1 FROM export_items ei WHERE ei.attempt_id = a.id) THEN 1 ELSE 0 END "
                    "FROM attempts a "
                    "JOIN students s ON s.id = a.student_id "
                    "JOIN decisions d ON d.attempt_id = a.id "
                    "LEFT JOIN users u ON u.id = d.reviewer_id "
                    "LEFT JOIN photos p ON p.attempt_id = a.id AND p.role = 'submitted' "
                    "WHERE a.state = 'approved'%1 "
                    "ORDER BY a.student_id, d.decided_at DESC, a.id DESC")
                    .arg(studentConditions(filter)));
    bindStudentConditions(q, filter);
    q.exec();
    std::vector<ApprovedRow> rows;
    while (q.next()) {
        ApprovedRow r;
        r.item.attemptId = q.value(0).toLongLong();
        r.item.studentId = q.value(1).toLongLong();
        r.item.externalId = q.value(2).toString();
        r.item.version = q.value(3).toInt();
        r.item.decidedAt = fromDbTime(q.value(4).toString());
        r.item.reviewer = q.value(5).toString();
        r.item.studentNumber = q.value(6).toString();
        r.item.name = q.value(7).toString();
        r.nationalId = q.value(8).toString();
        r.item.photoSha256 = q.value(9).toString();
        r.item.exportedBefore = q.value(10).toInt() != 0;
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<LeftOut> ExportRepository::studentsWithoutApproval(const ExportFilter& filter) const
{
    Sql q(m_db, QStringLiteral(
                    "SELECT s.student_number, s.name, s.national_id, "
                    "(SELECT a.state FROM attempts a WHERE a.student_id = s.id ORDER BY a.created_at DESC, a.id DESC LIMIT 1) "
                    "FROM students s WHERE EXISTS (SELECT 1 FROM attempts a WHERE a.student_id = s.id) "
                    "AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.student_id = s.id AND a.state = 'approved')%1 "
                    "ORDER BY s.student_number")
                    .arg(studentConditions(filter)));
    bindStudentConditions(q, filter);
    q.exec();
    std::vector<LeftOut> rows;
    while (q.next())
        rows.push_back({q.value(2).toString(), q.value(0).toString(), q.value(1).toString(), 0, LeftOutReason::NotApproved,
                        q.value(3).toString()});
    return rows;
}

QStringList ExportRepository::cohorts() const { return distinct(m_db, QStringLiteral("cohort")); }
QStringList ExportRepository::majors() const { return distinct(m_db, QStringLiteral("programme")); }

Id ExportRepository::insertExport(const ExportRecord& r, Id actorId) const
{
    return Sql(m_db, QStringLiteral("INSERT INTO exports (at, actor_id, actor, filter, key_kind, format, destination, exported, "
                                    "reencoded, left_out, manifest_sha256) VALUES (:at, :aid, :actor, :filter, :key, :format, "
                                    ":dest, :exported, :reencoded, :left, :sha) RETURNING id"))
        .bind(QStringLiteral(":at"), toDbTime(r.at))
        .bind(QStringLiteral(":aid"), actorId ? QVariant(actorId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral(":actor"), r.actor)
        .bind(QStringLiteral(":filter"), QString::fromUtf8(QJsonDocument(r.filter).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":key"), r.keyKind)
        .bind(QStringLiteral(":format"), r.format)
        .bind(QStringLiteral(":dest"), r.destination)
        .bind(QStringLiteral(":exported"), r.exported)
        .bind(QStringLiteral(":reencoded"), r.reencoded)
        .bind(QStringLiteral(":left"), r.leftOut)
        .bind(QStringLiteral(":sha"), r.manifestSha256)
        .insertReturningId();
}

void ExportRepository::insertItems(Id exportId, const std::vector<ExportedFile>& files) const
{
    // Rows go in batches: one statement per 200 files instead of one per file (10 000 photos
    // are 50 statements; on PostgreSQL each statement is a round trip).
    constexpr std::size_t kBatch = 200;
    for (std::size_t start = 0; start < files.size(); start += kBatch) {
        const std::size_t end = std::min(files.size(), start + kBatch);
        QStringList values;
        for (std::size_t i = start; i < end; ++i)
            values << QStringLiteral("(:e, :a%1, :k%1, :s%1, :r%1)").arg(i - start);
        Sql q(m_db, QStringLiteral("INSERT INTO export_items (export_id, attempt_id, file_key, file_sha256, reencoded) VALUES ")
                        + values.join(QStringLiteral(", ")));
        q.bind(QStringLiteral(":e"), exportId);
        for (std::size_t i = start; i < end; ++i) {
            const QString n = QString::number(i - start);
            q.bind(QStringLiteral(":a") + n, files[i].attemptId)
                .bind(QStringLiteral(":k") + n, files[i].key)
                .bind(QStringLiteral(":s") + n, files[i].sha256)
                .bind(QStringLiteral(":r") + n, files[i].reencoded ? 1 : 0);
        }
        q.exec();
    }
}

std::vector<ExportRecord> ExportRepository::recent(int limit) const
{
    Sql q(m_db, QStringLiteral("SELECT id, at, actor, filter, key_kind, format, destination, exported, reencoded, left_out, "
                               "manifest_sha256 FROM exports ORDER BY id DESC LIMIT :n"));
    q.bind(QStringLiteral(":n"), limit).exec();
    std::vector<ExportRecord> rows;
    while (q.next()) {
        ExportRecord r;
        r.id = q.value(0).toLongLong();
        r.at = fromDbTime(q.value(1).toString());
        r.actor = q.value(2).toString();
        r.filter = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        r.keyKind = q.value(4).toString();
        r.format = q.value(5).toString();
        r.destination = q.value(6).toString();
        r.exported = q.value(7).toInt();
        r.reencoded = q.value(8).toInt();
        r.leftOut = q.value(9).toInt();
        r.manifestSha256 = q.value(10).toString();
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<QDateTime> ExportRepository::exportTimes(Id attemptId) const
{
    Sql q(m_db, QStringLiteral("SELECT e.at FROM export_items ei JOIN exports e ON e.id = ei.export_id "
                               "WHERE ei.attempt_id = :a ORDER BY e.at, e.id"));
    q.bind(QStringLiteral(":a"), attemptId).exec();
    std::vector<QDateTime> times;
    while (q.next())
        times.push_back(fromDbTime(q.value(0).toString()));
    return times;
}

int ExportRepository::count() const
{
    return Sql(m_db, QStringLiteral("SELECT COUNT(*) FROM exports")).scalar().toInt();
}

} // namespace pd
