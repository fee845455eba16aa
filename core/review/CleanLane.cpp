#include "core/review/CleanLane.h"

#include "core/prescreen/PreScreenService.h"
#include "core/review/CleanLaneSettings.h"
#include "core/review/DecisionService.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"
#include "core/vision/rules/RuleReportJson.h"
#include "core/vision/rules/RuleTypes.h"

#include <QJsonDocument>
#include <QSet>

namespace pd {

namespace {

QJsonObject parseObject(const QVariant& v)
{
    if (!v.isValid() || v.isNull())
        return {};
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

// The row was made with today's reference photos (a replaced reference makes it stale).
bool sameReferences(const QJsonObject& row, Id enrollmentId, Id idCardId)
{
    auto same = [&](const char* key, Id photoId) {
        const QJsonValue v = row.value(QLatin1String(key));
        return photoId ? v.toInteger() == photoId : v.isNull() || v.isUndefined();
    };
    return same("enrollment_photo_id", enrollmentId) && same("id_card_photo_id", idCardId);
}

bool mayReview(Role r)
{
    return r == Role::Reviewer || r == Role::Supervisor;
}

// One pending attempt as the scan reads it.
struct Candidate {
    CleanLaneItem item;
    Id claimedBy = 0;
    QDateTime leaseUntil;
    Id idCardPhotoId = 0;
    QJsonObject faceMatch;
    QJsonObject rules;
    bool screened = false;
};

const QString kCandidateSql = QStringLiteral(
    "SELECT a.id, a.external_id, a.deadline, a.claimed_by, a.lease_until, "
    "s.id, s.name, s.student_number, s.programme, s.level, "
    "p.id, p.sha256, p.file_name, p.byte_size, fm.result, ru.result, "
    "(SELECT MAX(e.id) FROM photos e WHERE e.student_id = a.student_id AND e.role = 'enrollment'), "
    "(SELECT MAX(i.id) FROM photos i WHERE i.student_id = a.student_id AND i.role = 'id_card') "
    "FROM attempts a JOIN students s ON s.id = a.student_id "
    "JOIN photos p ON p.attempt_id = a.id AND p.role = 'submitted' "
    "LEFT JOIN analysis_results fm ON fm.photo_id = p.id AND fm.kind = :fk AND fm.producer_version = :fv "
    "LEFT JOIN analysis_results ru ON ru.photo_id = p.id AND ru.kind = :rk AND ru.producer_version = :rv ");

Candidate readCandidate(const Sql& q)
{
    Candidate c;
    CleanLaneItem& it = c.item;
    it.attemptId = q.value(0).toLongLong();
    it.externalId = q.value(1).toString();
    it.deadline = fromDbTime(q.value(2).toString());
    c.claimedBy = q.value(3).toLongLong();
    c.leaseUntil = fromDbTime(q.value(4).toString());
    it.student.id = q.value(5).toLongLong();
    it.student.name = q.value(6).toString();
    it.student.studentNumber = q.value(7).toString();
    it.student.programme = q.value(8).toString();
    it.student.level = q.value(9).toString();
    it.submitted.id = q.value(10).toLongLong();
    it.submitted.studentId = it.student.id;
    it.submitted.attemptId = it.attemptId;
    it.submitted.role = PhotoRole::Submitted;
    it.submitted.sha256 = q.value(11).toString();
    it.submitted.fileName = q.value(12).toString();
    it.submitted.byteSize = q.value(13).toLongLong();
    c.faceMatch = parseObject(q.value(14));
    c.rules = parseObject(q.value(15));
    c.screened = !q.value(14).isNull() && !q.value(15).isNull();
    it.enrollmentPhotoId = q.value(16).toLongLong();
    c.idCardPhotoId = q.value(17).toLongLong();
    it.judgement = judgeForCleanLane(c.faceMatch, c.rules, it.enrollmentPhotoId, c.idCardPhotoId);
    return c;
}

void bindVersions(Sql& q, const AnalysisVersions& v)
{
    q.bind(QStringLiteral(":fk"), kFaceMatchResultKind)
        .bind(QStringLiteral(":fv"), v.modelId)
        .bind(QStringLiteral(":rk"), kRulesResultKind)
        .bind(QStringLiteral(":rv"), v.rulesVersion);
}

QString chipOf(const Database& db, Id photoId, const QString& modelId)
{
    if (!photoId)
        return {};
    Sql q(db, QStringLiteral("SELECT result FROM analysis_results WHERE photo_id = :p AND kind = :k AND producer_version = :m"));
    q.bind(QStringLiteral(":p"), photoId).bind(QStringLiteral(":k"), kFacesResultKind).bind(QStringLiteral(":m"), modelId).exec();
    return q.next() ? parseObject(q.value(0)).value(QStringLiteral("chip_sha256")).toString() : QString();
}

} // namespace

CleanLaneJudgement judgeForCleanLane(const QJsonObject& faceMatch, const QJsonObject& rules, Id enrollmentId, Id idCardId)
{
    CleanLaneJudgement j;
    auto exclude = [&j](const char* code) {
        j.exclusion = QLatin1String(code);
        return j;
    };
    if (faceMatch.isEmpty() || rules.isEmpty())
        return exclude("not-screened");
    if (!enrollmentId || !idCardId)
        return exclude("no-reference");
    if (!sameReferences(faceMatch, enrollmentId, idCardId) || !sameReferences(rules, enrollmentId, idCardId))
        return exclude("stale");
    const QJsonObject matches = faceMatch.value(QStringLiteral("matches")).toObject();
    const QJsonObject enrollment = matches.value(QStringLiteral("enrollment")).toObject();
    const QJsonObject idCard = matches.value(QStringLiteral("id_card")).toObject();
    j.enrollmentDistance = enrollment.value(QStringLiteral("distance")).toDouble(-1);
    j.idCardDistance = idCard.value(QStringLiteral("distance")).toDouble(-1);
    if (enrollment.value(QStringLiteral("band")).toString() != QLatin1String("match")
        || idCard.value(QStringLiteral("band")).toString() != QLatin1String("match"))
        return exclude("face-not-match");
    if (rules.contains(QStringLiteral("error")))
        return exclude("rule-error");
    const auto report = rules::ruleReportFromJson(rules);
    if (!report)
        return exclude("rule-error");
    // Every rule of the standard must have been judged: a report that lacks one is not "all pass".
    QSet<QString> seen;
    bool failed = false;
    bool error = false;
    for (const rules::RuleResult& r : report->results) {
        seen.insert(r.id);
        switch (r.verdict) {
        case rules::Verdict::Fail:
            failed = true;
            break;
        case rules::Verdict::Error:
            error = true;
            break;
        case rules::Verdict::Warn:
            j.warnings << r.id;
            break;
        case rules::Verdict::Pass:
        case rules::Verdict::NotApplicable:
            break;
        }
        if (r.kind == rules::RuleKind::Checklist)
            j.checklist << r.id;
    }
    if (failed)
        return exclude("rule-fail");
    for (const QString& id : rules::allRuleIds())
        if (!seen.contains(id))
            error = true;
    if (error)
        return exclude("rule-error");
    return j;
}

CleanLane::CleanLane(std::shared_ptr<const Store> store, std::shared_ptr<const DecisionService> decisions,
                     std::shared_ptr<const ClaimService> claims)
    : m_store(std::move(store)), m_decisions(std::move(decisions)), m_claims(std::move(claims))
{
}

Result<int> CleanLane::mayUse(const Session& who) const
{
    if (!mayReview(who.role))
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not review submissions").arg(who.username)};
    auto config = CleanLaneSettings(m_store).current();
    if (!config)
        return config.error().code == QLatin1String("invalid-setting")
                   ? Error{QStringLiteral("clean-lane-off"), QStringLiteral("the clean-lane setting cannot be read: %1").arg(config.error().message)}
                   : config.error();
    if (!config->enabled)
        return Error{QStringLiteral("clean-lane-off"), QStringLiteral("the clean lane is switched off (a supervisor setting)")};
    return config->pageSize;
}

Result<CleanLaneSelection> CleanLane::nextPage(const Session& who, const AnalysisVersions& versions, const QList<Id>& exclude) const
{
    auto allowed = mayUse(who);
    if (!allowed)
        return allowed.error();
    if (versions.modelId.isEmpty() || versions.rulesVersion.isEmpty())
        return Error{QStringLiteral("analysis-unavailable"), QStringLiteral("the face model or the rule set is not loaded yet")};
    CleanLaneSelection page;
    page.pageSize = allowed.value();
    const QSet<Id> excluded(exclude.begin(), exclude.end());
    constexpr int kChunk = 200;
    try {
        const Database& db = m_store->db();
        QString lastDeadline;
        Id lastId = 0;
        bool first = true;
        page.exhausted = false;
        while (int(page.items.size()) < page.pageSize) {
            if (page.scanned >= kMaxScanPerPage)
                break;
            // Keyset pages over the (state, deadline) index: most urgent first, never OFFSET.
            Sql q(db, kCandidateSql
                          + (first ? QStringLiteral("WHERE a.state = 'pending' ")
                                   : QStringLiteral("WHERE a.state = 'pending' AND (a.deadline > :d OR (a.deadline = :d2 AND a.id > :id)) "))
                          + QStringLiteral("ORDER BY a.deadline, a.id LIMIT :n"));
            bindVersions(q, versions);
            if (!first)
                q.bind(QStringLiteral(":d"), lastDeadline).bind(QStringLiteral(":d2"), lastDeadline).bind(QStringLiteral(":id"), lastId);
            q.bind(QStringLiteral(":n"), kChunk).exec();
            std::vector<Candidate> chunk;
            while (q.next()) {
                chunk.push_back(readCandidate(q));
                lastDeadline = q.value(2).toString();
                lastId = chunk.back().item.attemptId;
            }
            first = false;
            if (chunk.empty()) {
                page.exhausted = true;
                break;
            }
            const QDateTime now = utcNow();
            for (Candidate& c : chunk) {
                if (int(page.items.size()) >= page.pageSize)
                    break;
                ++page.scanned;
                if (!c.screened)
                    ++page.unscreened;
                if (!c.item.judgement.clean() || excluded.contains(c.item.attemptId))
                    continue;
                if (c.claimedBy != 0 && c.leaseUntil.isValid() && c.leaseUntil > now) {
                    ++page.heldByOthers;
                    continue;
                }
                // Claimed one by one (each its own short transaction, audited): a desk that took
                // it since the scan wins, and the tile is simply not shown.
                auto claimed = m_claims->claim(who, c.item.attemptId);
                if (!claimed) {
                    const QString code = claimed.error().code;
                    if (code == QLatin1String("claimed-by-other")) {
                        ++page.heldByOthers;
                        continue;
                    }
                    if (code == QLatin1String("already-decided") || code == QLatin1String("not-found"))
                        continue;
                    // Store trouble: give back what this page holds so far, report it.
                    for (const CleanLaneItem& held : page.items)
                        m_claims->release(who, held.claim);
                    return claimed.error();
                }
                c.item.claim = claimed.value();
                c.item.enrollmentChipSha256 = chipOf(db, c.item.enrollmentPhotoId, versions.modelId);
                page.items.push_back(std::move(c.item));
            }
            if (int(chunk.size()) < kChunk && int(page.items.size()) < page.pageSize) {
                page.exhausted = true;
                break;
            }
        }
        return page;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<CleanLaneJudgement> CleanLane::judge(Id attemptId, const AnalysisVersions& versions) const
{
    try {
        Sql q(m_store->db(), kCandidateSql + QStringLiteral("WHERE a.id = :a"));
        bindVersions(q, versions);
        q.bind(QStringLiteral(":a"), attemptId).exec();
        if (!q.next())
            return Error{QStringLiteral("not-found"), QStringLiteral("attempt %1 does not exist or has no submitted photo").arg(attemptId)};
        return readCandidate(q).item.judgement;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<std::vector<CleanLaneOutcome>> CleanLane::approve(const Session& who, const AnalysisVersions& versions,
                                                         const std::vector<CleanLaneApproval>& items) const
{
    auto allowed = mayUse(who);
    if (!allowed)
        return allowed.error();
    std::vector<CleanLaneOutcome> outcomes;
    outcomes.reserve(items.size());
    for (const CleanLaneApproval& a : items) {
        CleanLaneOutcome out;
        out.attemptId = a.attemptId;
        if (a.claimToken.isEmpty()) {
            // The lane decides only what it holds: a tile without a claim is never approved.
            out.error = Error{QStringLiteral("lease-lost"), QStringLiteral("attempt %1 is not held by this desk").arg(a.attemptId)};
            outcomes.push_back(out);
            continue;
        }
        // Judged again with what is stored now: a reference replaced or a rule set changed since
        // the page was made takes the submission out of the lane.
        auto judgement = judge(a.attemptId, versions);
        if (!judgement) {
            out.error = judgement.error();
            outcomes.push_back(out);
            continue;
        }
        if (!judgement->clean()) {
            out.error = Error{QStringLiteral("not-clean"),
                              QStringLiteral("attempt %1 is no longer clean (%2)").arg(a.attemptId).arg(judgement->exclusion)};
            outcomes.push_back(out);
            continue;
        }
        DecisionRequest request;
        request.attemptId = a.attemptId;
        request.verdict = Verdict::Approve;
        request.lane = QStringLiteral("clean");
        request.confirmedChecklist = judgement->checklist;
        request.acknowledgedWarnings = judgement->warnings;
        auto decided = m_decisions->decide(who, request, a.claimToken);
        if (decided)
            out.decisionId = decided.value();
        else
            out.error = decided.error();
        outcomes.push_back(out);
    }
    return outcomes;
}

Status CleanLane::giveBack(const Session& who, const std::vector<Claim>& claims) const
{
    if (!mayReview(who.role))
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not review submissions").arg(who.username)};
    for (const Claim& c : claims) {
        if (auto released = m_claims->release(who, c); !released)
            return released.error();
    }
    return okStatus();
}

} // namespace pd
