#include "core/supervision/SupervisionStats.h"

#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <map>

namespace pd {

namespace {
bool maySupervise(const Session& s) { return s.role == Role::Supervisor || s.role == Role::Administrator; }

Error forbidden(const Session& s)
{
    return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not see supervision figures").arg(s.username)};
}
} // namespace

Result<std::vector<ReviewerFigures>> SupervisionStats::reviewers(const Session& who, const QDateTime& from, const QDateTime& to) const
{
    if (!maySupervise(who))
        return forbidden(who);
    try {
        Sql q(m_store->db(), QStringLiteral("SELECT u.id, u.display_name, "
                                            "SUM(CASE WHEN d.verdict = 'approve' THEN 1 ELSE 0 END), "
                                            "SUM(CASE WHEN d.verdict = 'reject' THEN 1 ELSE 0 END) "
                                            "FROM decisions d JOIN users u ON u.id = d.reviewer_id "
                                            "WHERE d.decided_at >= :from AND d.decided_at < :to "
                                            "GROUP BY u.id, u.display_name ORDER BY u.display_name"));
        q.bind(QStringLiteral(":from"), toDbTime(from)).bind(QStringLiteral(":to"), toDbTime(to)).exec();
        std::vector<ReviewerFigures> result;
        while (q.next())
            result.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt()});
        return result;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<std::vector<HourlyDecisions>> SupervisionStats::hourly(const Session& who, const QDateTime& from, const QDateTime& to) const
{
    if (!maySupervise(who))
        return forbidden(who);
    try {
        // The first 13 characters of the stored UTC time are its hour ("2026-11-25T08").
        Sql q(m_store->db(), QStringLiteral("SELECT SUBSTR(d.decided_at, 1, 13) AS hour, u.display_name, COUNT(*) "
                                            "FROM decisions d JOIN users u ON u.id = d.reviewer_id "
                                            "WHERE d.decided_at >= :from AND d.decided_at < :to "
                                            "GROUP BY SUBSTR(d.decided_at, 1, 13), u.display_name ORDER BY 1, 2"));
        q.bind(QStringLiteral(":from"), toDbTime(from)).bind(QStringLiteral(":to"), toDbTime(to)).exec();
        std::vector<HourlyDecisions> result;
        while (q.next())
            result.push_back({fromDbTime(q.value(0).toString() + QStringLiteral(":00:00.000Z")), q.value(1).toString(), q.value(2).toInt()});
        return result;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<SlaFigures> SupervisionStats::sla(const Session& who, const QDateTime& from, const QDateTime& to) const
{
    if (!maySupervise(who))
        return forbidden(who);
    try {
        SlaFigures f;
        Sql decided(m_store->db(), QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN d.decided_at <= a.deadline THEN 1 ELSE 0 END) "
                                                  "FROM decisions d JOIN attempts a ON a.id = d.attempt_id "
                                                  "WHERE d.decided_at >= :from AND d.decided_at < :to"));
        decided.bind(QStringLiteral(":from"), toDbTime(from)).bind(QStringLiteral(":to"), toDbTime(to)).exec();
        if (decided.next()) {
            f.decided = decided.value(0).toInt();
            f.decidedInTime = decided.value(1).toInt();
        }
        const QDateTime now = utcNow();
        Sql pending(m_store->db(), QStringLiteral("SELECT SUM(CASE WHEN deadline < :now THEN 1 ELSE 0 END), "
                                                  "SUM(CASE WHEN deadline >= :now2 AND deadline < :soon THEN 1 ELSE 0 END) "
                                                  "FROM attempts WHERE state = 'pending'"));
        pending.bind(QStringLiteral(":now"), toDbTime(now))
            .bind(QStringLiteral(":now2"), toDbTime(now))
            .bind(QStringLiteral(":soon"), toDbTime(now.addSecs(6 * 3600)))
            .exec();
        if (pending.next()) {
            f.pendingOverdue = pending.value(0).toInt();
            f.pendingDueSoon = pending.value(1).toInt();
        }
        return f;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<QueueAgeFigures> SupervisionStats::queueAge(const Session& who) const
{
    if (!maySupervise(who))
        return forbidden(who);
    try {
        // Age buckets by deadline: a 12 h slice of the 48 h window each, then overdue.
        const QDateTime now = utcNow();
        QueueAgeFigures f;
        Sql q(m_store->db(), QStringLiteral("SELECT "
                                            "SUM(CASE WHEN deadline >= :t36 THEN 1 ELSE 0 END), "
                                            "SUM(CASE WHEN deadline >= :t24 AND deadline < :t36b THEN 1 ELSE 0 END), "
                                            "SUM(CASE WHEN deadline >= :t12 AND deadline < :t24b THEN 1 ELSE 0 END), "
                                            "SUM(CASE WHEN deadline >= :t0 AND deadline < :t12b THEN 1 ELSE 0 END), "
                                            "SUM(CASE WHEN deadline < :t0b THEN 1 ELSE 0 END) "
                                            "FROM attempts WHERE state = 'pending'"));
        const QString t0 = toDbTime(now), t12 = toDbTime(now.addSecs(12 * 3600)), t24 = toDbTime(now.addSecs(24 * 3600)),
                      t36 = toDbTime(now.addSecs(36 * 3600));
        q.bind(QStringLiteral(":t36"), t36).bind(QStringLiteral(":t36b"), t36)
            .bind(QStringLiteral(":t24"), t24).bind(QStringLiteral(":t24b"), t24)
            .bind(QStringLiteral(":t12"), t12).bind(QStringLiteral(":t12b"), t12)
            .bind(QStringLiteral(":t0"), t0).bind(QStringLiteral(":t0b"), t0)
            .exec();
        if (q.next())
            for (int i = 0; i < 5; ++i)
                f.buckets[i] = q.value(i).toInt();
        return f;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<std::vector<RuleAgreement>> SupervisionStats::ruleAgreement(const Session& who, const QDateTime& from, const QDateTime& to) const
{
    if (!maySupervise(who))
        return forbidden(who);
    try {
        // Newest rules report of each decided attempt's submitted photo (a re-analysis with a
        // newer rule set adds a row; the newest is what the reviewer saw last).
        Sql q(m_store->db(), QStringLiteral("SELECT d.id, d.reasons, r.result FROM decisions d "
                                            "JOIN photos p ON p.attempt_id = d.attempt_id AND p.role = 'submitted' "
                                            "JOIN analysis_results r ON r.photo_id = p.id AND r.kind = 'rules' "
                                            "WHERE d.decided_at >= :from AND d.decided_at < :to "
                                            "AND r.id = (SELECT MAX(r2.id) FROM analysis_results r2 WHERE r2.photo_id = p.id AND r2.kind = 'rules')"));
        q.bind(QStringLiteral(":from"), toDbTime(from)).bind(QStringLiteral(":to"), toDbTime(to)).exec();
        std::map<QString, RuleAgreement> rows;
        std::vector<std::pair<QSet<QString>, QSet<QString>>> decisions; // (flagged, cited)
        while (q.next()) {
            QSet<QString> cited;
            for (const QJsonValue& v : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array())
                cited.insert(v.toString());
            QSet<QString> flagged;
            for (const QJsonValue& v : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object().value(QStringLiteral("rules")).toArray()) {
                const QJsonObject rule = v.toObject();
                const QString id = rule.value(QStringLiteral("id")).toString();
                if (rule.value(QStringLiteral("verdict")).toString() == QLatin1String("fail"))
                    flagged.insert(id);
            }
            decisions.emplace_back(flagged, cited);
        }
        for (const auto& [flagged, cited] : decisions) {
            for (const QString& id : flagged)
                rows[id].ruleId = id;
            for (const QString& id : cited)
                rows[id].ruleId = id;
        }
        for (auto& [id, row] : rows) {
            for (const auto& [flagged, cited] : decisions) {
                const bool f = flagged.contains(id), c = cited.contains(id);
                ++(f && c ? row.flaggedAndCited : f ? row.flaggedNotCited : c ? row.citedNotFlagged : row.neither);
            }
        }
        std::vector<RuleAgreement> result;
        for (auto& [id, row] : rows)
            result.push_back(row);
        return result;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
