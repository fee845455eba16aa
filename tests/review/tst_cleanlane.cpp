// The clean lane in the core (core/review/CleanLane, CleanLaneSettings): which pending attempts
// it selects (rules and face matches from stored analysis rows), claims, the supervisor switch,
// individual approvals (decision, audit event, SMS and platform outbox rows each), per-item
// failures (lease lost, no longer clean) and second-review sampling of its decisions.
// The analysis rows are written here as the pre-screen writes them, so every verdict is under
// the test's control; tst_gui_cleanlane runs the real pre-screen on photos that pass.

#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsComposer.h"
#include "core/prescreen/PreScreenService.h"
#include "core/review/ClaimService.h"
#include "core/review/CleanLane.h"
#include "core/review/CleanLaneSettings.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/supervision/SecondReview.h"
#include "core/util/Time.h"
#include "core/vision/rules/RuleReportJson.h"
#include "core/vision/rules/RuleTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace pd;

namespace {

const AnalysisVersions kVersions{QStringLiteral("test-model:1"), QStringLiteral("test-rules@1/test-model:1")};

QString text(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// A rules row with every rule passing (checklist rules not applicable), then `overrides`.
QJsonObject rulesRow(const QHash<QString, rules::Verdict>& overrides, Id enrollmentId, Id idCardId)
{
    rules::RuleReport report;
    report.configName = QStringLiteral("test-rules");
    report.configVersion = 1;
    for (const QString& id : rules::allRuleIds()) {
        rules::RuleResult r;
        r.id = id;
        r.kind = *rules::ruleKind(id);
        r.verdict = r.kind == rules::RuleKind::Checklist ? rules::Verdict::NotApplicable : rules::Verdict::Pass;
        if (overrides.contains(id))
            r.verdict = overrides.value(id);
        report.results.push_back(r);
    }
    QJsonObject o = rules::ruleReportToJson(report);
    o.insert(QStringLiteral("enrollment_photo_id"), enrollmentId ? QJsonValue(enrollmentId) : QJsonValue());
    o.insert(QStringLiteral("id_card_photo_id"), idCardId ? QJsonValue(idCardId) : QJsonValue());
    return o;
}

QJsonObject matchRow(const QString& enrollmentBand, const QString& idBand, Id enrollmentId, Id idCardId)
{
    auto match = [](const QString& band, double d) {
        return band.isEmpty() ? QJsonValue() : QJsonValue(QJsonObject{{QStringLiteral("band"), band}, {QStringLiteral("distance"), d}});
    };
    return QJsonObject{{QStringLiteral("matches"), QJsonObject{{QStringLiteral("enrollment"), match(enrollmentBand, 0.35)},
                                                               {QStringLiteral("id_card"), match(idBand, 0.41)}}},
                       {QStringLiteral("enrollment_photo_id"), enrollmentId ? QJsonValue(enrollmentId) : QJsonValue()},
                       {QStringLiteral("id_card_photo_id"), idCardId ? QJsonValue(idCardId) : QJsonValue()}};
}

struct Refs {
    Id submitted = 0, enrollment = 0, idCard = 0;
};

Refs refsOf(const Store& store, Id attemptId)
{
    const PhotoRepository photos(store.db());
    const auto attempt = AttemptRepository(store.db()).find(attemptId);
    Refs r;
    r.submitted = photos.submittedFor(attemptId)->id;
    r.enrollment = photos.referenceFor(attempt->studentId, PhotoRole::Enrollment)->id;
    r.idCard = photos.referenceFor(attempt->studentId, PhotoRole::IdCard)->id;
    return r;
}

void putRow(const Store& store, Id photoId, const QString& kind, const QString& version, const QJsonObject& row)
{
    Sql(store.db(), QStringLiteral("INSERT INTO analysis_results (photo_id, kind, producer_version, result, created_at) "
                                   "VALUES (:p, :k, :v, :r, :t) ON CONFLICT (photo_id, kind, producer_version) "
                                   "DO UPDATE SET result = excluded.result"))
        .bind(QStringLiteral(":p"), photoId)
        .bind(QStringLiteral(":k"), kind)
        .bind(QStringLiteral(":v"), version)
        .bind(QStringLiteral(":r"), text(row))
        .bind(QStringLiteral(":t"), toDbTime(utcNow()))
        .exec();
}

// Stores an analysis of the attempt as the pre-screen would.
void analyse(const Store& store, Id attemptId, const QHash<QString, rules::Verdict>& overrides = {},
             const QString& enrollmentBand = QStringLiteral("match"), const QString& idBand = QStringLiteral("match"))
{
    const Refs r = refsOf(store, attemptId);
    putRow(store, r.submitted, kFaceMatchResultKind, kVersions.modelId, matchRow(enrollmentBand, idBand, r.enrollment, r.idCard));
    putRow(store, r.submitted, kRulesResultKind, kVersions.rulesVersion, rulesRow(overrides, r.enrollment, r.idCard));
}

int count(const Store& store, const QString& sql, Id id = 0)
{
    Sql q(store.db(), sql);
    if (sql.contains(QLatin1String(":id")))
        q.bind(QStringLiteral(":id"), id);
    return q.scalar().toInt();
}

QList<Id> idsOf(const CleanLaneSelection& page)
{
    QList<Id> ids;
    for (const CleanLaneItem& i : page.items)
        ids << i.attemptId;
    return ids;
}

} // namespace

class TestCleanLane : public QObject {
    Q_OBJECT

    struct World {
        test::TempStore t;
        Session reviewer, other, boss, agent;
        std::shared_ptr<DecisionService> decisions;
        std::shared_ptr<ClaimService> claims;
        std::unique_ptr<CleanLane> lane;

        World()
        {
            reviewer = test::addUser(t.store(), QStringLiteral("lane-reviewer"), Role::Reviewer);
            other = test::addUser(t.store(), QStringLiteral("other-desk"), Role::Reviewer);
            boss = test::addUser(t.store(), QStringLiteral("boss"), Role::Supervisor);
            agent = test::addUser(t.store(), QStringLiteral("agent"), Role::HotlineAgent);
            decisions = std::make_shared<DecisionService>(t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
            claims = std::make_shared<ClaimService>(t.store());
            lane = std::make_unique<CleanLane>(t.store(), decisions, claims);
        }
        const Store& store() const { return *t.store(); }
        void enable(int pageSize)
        {
            QVERIFY(CleanLaneSettings(t.store()).save(boss, CleanLaneConfig{true, pageSize}).ok());
        }
        // `n` clean attempts, the most urgent first.
        std::vector<Id> cleanAttempts(int n, int from = 0)
        {
            std::vector<Id> ids;
            for (int i = 0; i < n; ++i) {
                const Id id = test::addSampleAttempt(store(), QStringLiteral("20210%1").arg(from + i, 5, 10, QLatin1Char('0')), 40 - i * 0.5).attemptId;
                analyse(store(), id);
                ids.push_back(id);
            }
            return ids;
        }
    };

private slots:
    void judgement();
    void selection();
    void settingIsValidatedAuditedAndEnforced();
    void approvesPageWithOneDeselected();
    void leaseHeldByAnotherDeskIsNotApproved();
    void noLongerCleanIsNotApproved();
    void secondReviewSamplesCleanLaneDecisions();
};

void TestCleanLane::judgement()
{
    using V = rules::Verdict;
    const QJsonObject match = matchRow(QStringLiteral("match"), QStringLiteral("match"), 2, 3);
    CleanLaneJudgement j = judgeForCleanLane(match, rulesRow({}, 2, 3), 2, 3);
    QVERIFY(j.clean());
    QCOMPARE(j.checklist, (QStringList{QStringLiteral("NO_HEADWEAR"), QStringLiteral("NO_JEWELRY")}));
    QVERIFY(j.warnings.isEmpty());
    QCOMPARE(j.enrollmentDistance, 0.35);

    // Warnings do not exclude; they travel with the tile.
    j = judgeForCleanLane(match, rulesRow({{QStringLiteral("POSE_FRONTAL"), V::Warn}, {QStringLiteral("EARS_VISIBLE"), V::Warn}}, 2, 3), 2, 3);
    QVERIFY(j.clean());
    QCOMPARE(j.warnings, (QStringList{QStringLiteral("POSE_FRONTAL"), QStringLiteral("EARS_VISIBLE")}));

    QCOMPARE(judgeForCleanLane(match, rulesRow({{QStringLiteral("NOT_REUSED"), V::Fail}}, 2, 3), 2, 3).exclusion, QStringLiteral("rule-fail"));
    // An assisted rule failing on hard evidence excludes as well.
    QCOMPARE(judgeForCleanLane(match, rulesRow({{QStringLiteral("NOT_EDITED"), V::Fail}}, 2, 3), 2, 3).exclusion, QStringLiteral("rule-fail"));
    QCOMPARE(judgeForCleanLane(match, rulesRow({{QStringLiteral("EYES_OPEN"), V::Error}}, 2, 3), 2, 3).exclusion, QStringLiteral("rule-error"));
    QJsonObject incomplete = rulesRow({}, 2, 3);
    QJsonArray list = incomplete.value(QStringLiteral("rules")).toArray();
    list.removeLast();
    incomplete.insert(QStringLiteral("rules"), list);
    QCOMPARE(judgeForCleanLane(match, incomplete, 2, 3).exclusion, QStringLiteral("rule-error"));
    QJsonObject unreadable{{QStringLiteral("error"), QJsonObject{{QStringLiteral("error"), QStringLiteral("corrupt")}}},
                           {QStringLiteral("enrollment_photo_id"), 2}, {QStringLiteral("id_card_photo_id"), 3}};
    QCOMPARE(judgeForCleanLane(match, unreadable, 2, 3).exclusion, QStringLiteral("rule-error"));

    QCOMPARE(judgeForCleanLane(matchRow(QStringLiteral("uncertain"), QStringLiteral("match"), 2, 3), rulesRow({}, 2, 3), 2, 3).exclusion,
             QStringLiteral("face-not-match"));
    QCOMPARE(judgeForCleanLane(matchRow(QStringLiteral("match"), QStringLiteral("mismatch"), 2, 3), rulesRow({}, 2, 3), 2, 3).exclusion,
             QStringLiteral("face-not-match"));
    QCOMPARE(judgeForCleanLane(matchRow(QStringLiteral("match"), QString(), 2, 3), rulesRow({}, 2, 3), 2, 3).exclusion,
             QStringLiteral("face-not-match"));
    QCOMPARE(judgeForCleanLane(matchRow(QStringLiteral("match"), QString(), 2, 0), rulesRow({}, 2, 0), 2, 0).exclusion,
             QStringLiteral("no-reference"));
    // A reference photo replaced after the analysis (today's ID photo is 4).
    QCOMPARE(judgeForCleanLane(match, rulesRow({}, 2, 3), 2, 4).exclusion, QStringLiteral("stale"));
    QCOMPARE(judgeForCleanLane({}, rulesRow({}, 2, 3), 2, 3).exclusion, QStringLiteral("not-screened"));
    QCOMPARE(judgeForCleanLane(match, {}, 2, 3).exclusion, QStringLiteral("not-screened"));
}

void TestCleanLane::selection()
{
    World w;
    w.enable(4);
    using V = rules::Verdict;
    auto add = [&w](const char* number, double paidHoursAgo) { return test::addSampleAttempt(w.store(), QLatin1String(number), paidHoursAgo).attemptId; };
    // Paid longest ago = most urgent. Deadlines ascend from a to h.
    const Id a = add("2021000001", 46);
    const Id failing = add("2021000002", 45);
    const Id uncertain = add("2021000003", 44);
    const Id warned = add("2021000004", 43);
    const Id unscreened = add("2021000005", 42);
    const Id held = add("2021000006", 41);
    const Id wrongVersion = add("2021000007", 40);
    const Id g = add("2021000008", 39);
    const Id h = add("2021000009", 38);
    analyse(w.store(), a);
    analyse(w.store(), failing, {{QStringLiteral("BACKGROUND_BLUE"), V::Fail}});
    analyse(w.store(), uncertain, {}, QStringLiteral("uncertain"));
    analyse(w.store(), warned, {{QStringLiteral("POSE_FRONTAL"), V::Warn}});
    analyse(w.store(), held);
    analyse(w.store(), g);
    analyse(w.store(), h);
    {
        // Rows of another rule set do not count.
        const Refs r = refsOf(w.store(), wrongVersion);
        putRow(w.store(), r.submitted, kFaceMatchResultKind, kVersions.modelId, matchRow(QStringLiteral("match"), QStringLiteral("match"), r.enrollment, r.idCard));
        putRow(w.store(), r.submitted, kRulesResultKind, QStringLiteral("older-rules@0/test-model:1"), rulesRow({}, r.enrollment, r.idCard));
    }
    // Another desk holds one clean attempt.
    QVERIFY(w.claims->claim(w.other, held).ok());

    // Not a reviewer: refused in the core.
    QCOMPARE(w.lane->nextPage(w.agent, kVersions).error().code, QStringLiteral("forbidden"));
    QCOMPARE(w.lane->nextPage(w.reviewer, {}).error().code, QStringLiteral("analysis-unavailable"));

    auto page = w.lane->nextPage(w.reviewer, kVersions);
    QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().message));
    QCOMPARE(idsOf(*page), (QList<Id>{a, warned, g, h}));
    QCOMPARE(page->pageSize, 4);
    QCOMPARE(page->heldByOthers, 1);
    QCOMPARE(page->unscreened, 2); // never analysed, and analysed with another rule set only
    QCOMPARE(page->items[1].judgement.warnings, QStringList{QStringLiteral("POSE_FRONTAL")});
    QCOMPARE(page->items[0].student.studentNumber, QStringLiteral("2021000001"));
    QVERIFY(!page->items[0].submitted.sha256.isEmpty());
    // Every tile is claimed for this desk, with a lease; the other desk's claim is untouched.
    for (const CleanLaneItem& item : page->items) {
        QVERIFY(!item.claim.token.isEmpty());
        QCOMPARE(AttemptRepository(w.store().db()).find(item.attemptId)->claimedBy, w.reviewer.userId);
    }
    QCOMPARE(AttemptRepository(w.store().db()).find(held)->claimedBy, w.other.userId);
    Q_UNUSED(unscreened);

    // The other desk asking now gets nothing: this desk holds the four, the fifth is its own.
    auto theirs = w.lane->nextPage(w.other, kVersions);
    QVERIFY(theirs.ok());
    QVERIFY(theirs->items.empty());
    QCOMPARE(theirs->heldByOthers, 5);
    QVERIFY(theirs->exhausted);

    // Given back and excluded for this session: the next page skips them.
    std::vector<Claim> back;
    for (const CleanLaneItem& item : page->items)
        back.push_back(item.claim);
    QVERIFY(w.lane->giveBack(w.reviewer, back).ok());
    QCOMPARE(count(w.store(), QStringLiteral("SELECT COUNT(*) FROM attempts WHERE claimed_by = :id"), w.reviewer.userId), 0);
    auto again = w.lane->nextPage(w.reviewer, kVersions, {a, warned});
    QVERIFY(again.ok());
    QCOMPARE(idsOf(*again), (QList<Id>{g, h}));
    QVERIFY(again->exhausted);
}

void TestCleanLane::settingIsValidatedAuditedAndEnforced()
{
    World w;
    const std::vector<Id> ids = w.cleanAttempts(2);
    CleanLaneSettings settings(w.t.store());
    // Off until a supervisor switches it on.
    QCOMPARE(settings.current().value(), CleanLaneConfig{});
    QVERIFY(!settings.current()->enabled);
    QCOMPARE(w.lane->nextPage(w.reviewer, kVersions).error().code, QStringLiteral("clean-lane-off"));
    // Approving is refused as well, even with claims taken through the normal queue.
    const Claim claim = w.claims->claim(w.reviewer, ids[0]).value();
    QCOMPARE(w.lane->approve(w.reviewer, kVersions, {{ids[0], claim.token}}).error().code, QStringLiteral("clean-lane-off"));
    QCOMPARE(count(w.store(), QStringLiteral("SELECT COUNT(*) FROM decisions")), 0);

    // Only supervisors and administrators change it; values are validated.
    QCOMPARE(settings.save(w.reviewer, {true, 12}).error().code, QStringLiteral("forbidden"));
    QCOMPARE(settings.save(w.agent, {true, 12}).error().code, QStringLiteral("forbidden"));
    QCOMPARE(settings.save(w.boss, {true, 3}).error().code, QStringLiteral("invalid-setting"));
    QCOMPARE(settings.save(w.boss, {true, 49}).error().code, QStringLiteral("invalid-setting"));
    QCOMPARE(CleanLaneConfig::fromJson("{\"enabled\":\"yes\"}").error().code, QStringLiteral("invalid-setting"));
    QCOMPARE(CleanLaneConfig::fromJson("{\"enabled\":true,\"page\":12}").error().code, QStringLiteral("invalid-setting"));
    QCOMPARE(CleanLaneConfig::fromJson("{\"page_size\":12.5}").error().code, QStringLiteral("invalid-setting"));
    QCOMPARE(count(w.store(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'setting.change'")), 0);

    QVERIFY(settings.save(w.boss, {true, 8}).ok());
    QCOMPARE(settings.current().value(), (CleanLaneConfig{true, 8}));
    QVERIFY(settings.save(w.boss, {false, 8}).ok());
    const auto events = AuditLog(w.store().db()).forObject(QStringLiteral("setting"), QLatin1String(CleanLaneSettings::kSettingKey));
    QCOMPARE(int(events.size()), 2);
    QCOMPARE(events[0].action, QStringLiteral("setting.change"));
    QCOMPARE(events[0].actor, QStringLiteral("boss"));
    QCOMPARE(events[0].before, QStringLiteral("{\"enabled\":false,\"page_size\":12}"));
    QCOMPARE(events[0].after, QStringLiteral("{\"enabled\":true,\"page_size\":8}"));
    QCOMPARE(events[1].before, QStringLiteral("{\"enabled\":true,\"page_size\":8}"));
    QCOMPARE(events[1].after, QStringLiteral("{\"enabled\":false,\"page_size\":8}"));
    QCOMPARE(w.lane->nextPage(w.reviewer, kVersions).error().code, QStringLiteral("clean-lane-off"));

    // A damaged stored value counts as off.
    Sql(w.store().db(), QStringLiteral("UPDATE settings SET value = '{\"enabled\":true,\"page_size\":1000}' WHERE key = :k"))
        .bind(QStringLiteral(":k"), QLatin1String(CleanLaneSettings::kSettingKey))
        .exec();
    QCOMPARE(w.lane->mayUse(w.reviewer).error().code, QStringLiteral("clean-lane-off"));
    QVERIFY(AuditLog(w.store().db()).verify().ok);
}

void TestCleanLane::approvesPageWithOneDeselected()
{
    World w;
    w.enable(12);
    const std::vector<Id> ids = w.cleanAttempts(13);
    const int auditBefore = count(w.store(), QStringLiteral("SELECT COUNT(*) FROM audit_events"));

    auto page = w.lane->nextPage(w.reviewer, kVersions);
    QVERIFY(page.ok());
    QCOMPARE(int(page->items.size()), 12);
    QVERIFY(!page->exhausted);
    QCOMPARE(idsOf(*page), QList<Id>(ids.begin(), ids.begin() + 12));

    // The reviewer deselects the fourth tile: it goes back to the normal queue.
    const Id doubtful = page->items[3].attemptId;
    std::vector<CleanLaneApproval> approvals;
    for (const CleanLaneItem& item : page->items)
        if (item.attemptId != doubtful)
            approvals.push_back({item.attemptId, item.claim.token});
    QVERIFY(w.lane->giveBack(w.reviewer, {page->items[3].claim}).ok());
    auto outcomes = w.lane->approve(w.reviewer, kVersions, approvals);
    QVERIFY(outcomes.ok());
    QCOMPARE(int(outcomes->size()), 11);
    QSet<Id> decisionIds;
    for (const CleanLaneOutcome& o : *outcomes) {
        QVERIFY2(o.ok(), qPrintable(o.error.code + QLatin1Char(' ') + o.error.message));
        decisionIds.insert(o.decisionId);
    }
    QCOMPARE(decisionIds.size(), 11); // each its own decision

    const Store& s = w.store();
    // Exactly eleven decisions, all approvals by this reviewer in the clean lane.
    QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM decisions")), 11);
    QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM decisions WHERE verdict = 'approve' AND lane = 'clean' AND reviewer_id = :id"),
                   w.reviewer.userId),
             11);
    QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM attempts WHERE state = 'approved'")), 11);
    // One audit event per decision, with the lane and what the reviewer confirmed by eye.
    QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'decision.approve'")), 11);
    for (const CleanLaneApproval& a : approvals) {
        const auto events = AuditLog(s.db()).forObject(QStringLiteral("attempt"), QString::number(a.attemptId));
        QCOMPARE(events.back().action, QStringLiteral("decision.approve"));
        const QJsonObject after = QJsonDocument::fromJson(events.back().after.toUtf8()).object();
        QCOMPARE(after.value(QStringLiteral("lane")).toString(), QStringLiteral("clean"));
        QCOMPARE(after.value(QStringLiteral("checklist")).toArray().size(), 2);
        QCOMPARE(DecisionRepository(s.db()).forAttempt(a.attemptId)->lane, QStringLiteral("clean"));
        // Its own SMS and its own platform callback.
        QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND attempt_id = :id"), a.attemptId), 1);
        QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'platform' AND attempt_id = :id"), a.attemptId), 1);
    }
    QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'sms'")), 11);
    QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'platform'")), 11);
    // Nothing for the deselected one: pending, nobody holds it, no decision, no message.
    const auto back = AttemptRepository(s.db()).find(doubtful);
    QCOMPARE(toString(back->state), QStringLiteral("pending"));
    QCOMPARE(back->claimedBy, Id(0));
    QVERIFY(!DecisionRepository(s.db()).forAttempt(doubtful));
    QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE attempt_id = :id"), doubtful), 0);
    // Audit: 12 claims + 1 release + 11 decisions, nothing else; the chain holds.
    QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM audit_events")) - auditBefore, 12 + 1 + 11);
    QVERIFY(AuditLog(s.db()).verify().ok);

    // Approving the same tiles again decides nothing twice.
    auto twice = w.lane->approve(w.reviewer, kVersions, {approvals.front()});
    QVERIFY(twice.ok());
    QVERIFY(!twice->front().ok());
    QCOMPARE(count(s, QStringLiteral("SELECT COUNT(*) FROM decisions")), 11);
}

void TestCleanLane::leaseHeldByAnotherDeskIsNotApproved()
{
    World w;
    w.enable(4);
    const std::vector<Id> ids = w.cleanAttempts(4);
    auto page = w.lane->nextPage(w.reviewer, kVersions);
    QVERIFY(page.ok());
    QCOMPARE(int(page->items.size()), 4);
    // The lease on the second tile runs out while the reviewer looks; another desk takes it.
    const Id lost = page->items[1].attemptId;
    Sql(w.store().db(), QStringLiteral("UPDATE attempts SET lease_until = :t WHERE id = :id"))
        .bind(QStringLiteral(":t"), toDbTime(utcNow().addSecs(-5)))
        .bind(QStringLiteral(":id"), lost)
        .exec();
    const Claim theirs = w.claims->claim(w.other, lost).value();

    std::vector<CleanLaneApproval> approvals;
    for (const CleanLaneItem& item : page->items)
        approvals.push_back({item.attemptId, item.claim.token});
    approvals.push_back({ids[0], QString()}); // a tile without a claim is never approved
    auto outcomes = w.lane->approve(w.reviewer, kVersions, approvals);
    QVERIFY(outcomes.ok());
    QCOMPARE(int(outcomes->size()), 5);
    int approved = 0;
    for (const CleanLaneOutcome& o : *outcomes) {
        if (o.attemptId == lost) {
            QVERIFY(!o.ok());
            QCOMPARE(o.error.code, QStringLiteral("lease-lost"));
        } else if (o.ok()) {
            ++approved;
        }
    }
    QCOMPARE(approved, 3); // the other three were not lost with it
    QCOMPARE(outcomes->back().error.code, QStringLiteral("lease-lost"));
    // The other desk still holds it, undecided, with its own token.
    const auto attempt = AttemptRepository(w.store().db()).find(lost);
    QCOMPARE(toString(attempt->state), QStringLiteral("pending"));
    QCOMPARE(attempt->claimedBy, w.other.userId);
    QVERIFY(!DecisionRepository(w.store().db()).forAttempt(lost));
    QCOMPARE(count(w.store(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE attempt_id = :id"), lost), 0);
    QVERIFY(w.decisions->decide(w.other, {lost, Verdict::Approve, {}, {}}, theirs.token).ok());
}

void TestCleanLane::noLongerCleanIsNotApproved()
{
    World w;
    w.enable(4);
    const std::vector<Id> ids = w.cleanAttempts(2);
    auto page = w.lane->nextPage(w.reviewer, kVersions);
    QVERIFY(page.ok());
    QCOMPARE(int(page->items.size()), 2);
    // The rules were evaluated again meanwhile and now fail one of them.
    analyse(w.store(), ids[1], {{QStringLiteral("SHARPNESS"), rules::Verdict::Fail}});
    auto outcomes = w.lane->approve(w.reviewer, kVersions, {{ids[0], page->items[0].claim.token}, {ids[1], page->items[1].claim.token}});
    QVERIFY(outcomes.ok());
    QVERIFY((*outcomes)[0].ok());
    QCOMPARE((*outcomes)[1].error.code, QStringLiteral("not-clean"));
    QCOMPARE(toString(AttemptRepository(w.store().db()).find(ids[1])->state), QStringLiteral("pending"));
    QCOMPARE(count(w.store(), QStringLiteral("SELECT COUNT(*) FROM decisions")), 1);
}

void TestCleanLane::secondReviewSamplesCleanLaneDecisions()
{
    World w;
    w.enable(12);
    const std::vector<Id> ids = w.cleanAttempts(6);
    // One standard decision beside the lane's.
    const Id standard = test::addSampleAttempt(w.store(), QStringLiteral("2021099999"), 10).attemptId;
    QVERIFY(w.decisions->decide(w.reviewer, {standard, Verdict::Approve, {}, {}}).ok());
    auto page = w.lane->nextPage(w.reviewer, kVersions);
    QVERIFY(page.ok());
    QCOMPARE(int(page->items.size()), 6);
    std::vector<CleanLaneApproval> approvals;
    for (const CleanLaneItem& item : page->items)
        approvals.push_back({item.attemptId, item.claim.token});
    QVERIFY(w.lane->approve(w.reviewer, kVersions, approvals).ok());

    SecondReview review(w.t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
    // A partial draw picks among all decisions regardless of lane …
    const int drawn = review.sample(w.boss, 0.5, 7).value();
    QVERIFY(drawn > 0 && drawn < 7);
    // … and a full draw takes every remaining one: the lane's decisions are eligible.
    QCOMPARE(review.sample(w.boss, 1.0, 7).value(), 7 - drawn);
    const auto items = review.pendingFor(w.other).value();
    QCOMPARE(int(items.size()), 7);
    int clean = 0;
    for (const SecondReviewItem& item : items) {
        QCOMPARE(item.lane, item.attemptId == standard ? QStringLiteral("standard") : QStringLiteral("clean"));
        clean += item.lane == QLatin1String("clean");
    }
    QCOMPARE(clean, 6);
    // A second reviewer confirms or overturns a clean-lane approval like any other.
    const SecondReviewItem& first = items.front().lane == QLatin1String("clean") ? items.front() : items.back();
    QVERIFY(review.overturn(w.other, first.id, Verdict::Reject, {QStringLiteral("HAIR_CLEAR")}, QStringLiteral("刘海遮眉")).ok());
    QCOMPARE(toString(AttemptRepository(w.store().db()).find(first.attemptId)->state), QStringLiteral("rejected"));
    QVERIFY(AuditLog(w.store().db()).verify().ok);
}

QTEST_GUILESS_MAIN(TestCleanLane)
#include "tst_cleanlane.moc"
