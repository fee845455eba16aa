#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsComposer.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/supervision/SecondReview.h"
#include "core/supervision/SupervisionStats.h"
#include "core/util/Time.h"

#include <QtTest>

using namespace pd;

class TestSupervision : public QObject {
    Q_OBJECT

    struct World {
        test::TempStore t;
        Session a, b, boss, agent;
        std::vector<test::SampleAttempt> attempts;
    };

    // Reviewer a approves attempts 0,1 and rejects 2; reviewer b approves 3. Attempt 4 stays
    // pending, paid 47 h ago (due within 6 h).
    static void build(World& w)
    {
        w.a = test::addUser(w.t.store(), QStringLiteral("a"), Role::Reviewer);
        w.b = test::addUser(w.t.store(), QStringLiteral("b"), Role::Reviewer);
        w.boss = test::addUser(w.t.store(), QStringLiteral("boss"), Role::Supervisor);
        w.agent = test::addUser(w.t.store(), QStringLiteral("agent"), Role::HotlineAgent);
        for (int i = 0; i < 5; ++i)
            w.attempts.push_back(test::addSampleAttempt(*w.t.store(), QStringLiteral("201901090%1").arg(i), i == 4 ? 47 : 10));
        DecisionService d(w.t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
        QVERIFY(d.decide(w.a, {w.attempts[0].attemptId, Verdict::Approve, {}, {}}).ok());
        QVERIFY(d.decide(w.a, {w.attempts[1].attemptId, Verdict::Approve, {}, {}}).ok());
        QVERIFY(d.decide(w.a, {w.attempts[2].attemptId, Verdict::Reject, {QStringLiteral("SHARPNESS")}, {}}).ok());
        QVERIFY(d.decide(w.b, {w.attempts[3].attemptId, Verdict::Approve, {}, {}}).ok());
    }

private slots:
    void sampleConfirmAndOverturn()
    {
        World w;
        build(w);
        SecondReview review(w.t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
        QCOMPARE(review.sample(w.a, 1.0, 1).error().code, QStringLiteral("forbidden"));
        QCOMPARE(review.sample(w.boss, 1.0, 1).value(), 4);
        QCOMPARE(review.sample(w.boss, 1.0, 1).value(), 0); // nothing is sampled twice
        // b sees a's three decisions, never their own.
        const auto forB = review.pendingFor(w.b).value();
        QCOMPARE(int(forB.size()), 3);
        for (const auto& item : forB)
            QCOMPARE(item.firstReviewerId, w.a.userId);
        QCOMPARE(review.pendingFor(w.agent).error().code, QStringLiteral("forbidden"));
        // Confirm the first, overturn the second (approved → rejected).
        QVERIFY(review.confirm(w.b, forB[0].id, QStringLiteral("同意")).ok());
        const int outboxBefore = OutboxRepository(w.t.store()->db()).count();
        QCOMPARE(review.overturn(w.b, forB[1].id, Verdict::Reject, {}, {}).error().code, QStringLiteral("invalid-reasons"));
        QVERIFY(review.overturn(w.b, forB[1].id, Verdict::Reject, {QStringLiteral("BACKGROUND_BLUE")}, QStringLiteral("背景偏灰")).ok());
        QCOMPARE(toString(AttemptRepository(w.t.store()->db()).find(forB[1].attemptId)->state), QStringLiteral("rejected"));
        // The first decision is untouched; the student is notified again.
        QCOMPARE(toString(DecisionRepository(w.t.store()->db()).forAttempt(forB[1].attemptId)->verdict), QStringLiteral("approve"));
        QCOMPARE(OutboxRepository(w.t.store()->db()).count(), outboxBefore + 2);
        const auto msgs = OutboxRepository(w.t.store()->db()).forAttempt(forB[1].attemptId);
        QVERIFY(msgs.back().payload.contains(QStringLiteral("overturns_decision")));
        QCOMPARE(review.confirm(w.b, forB[1].id, {}).error().code, QStringLiteral("already-decided"));
        // a cannot second-review a's own decision.
        const auto forA = review.pendingFor(w.a).value();
        QCOMPARE(int(forA.size()), 1);
        QCOMPARE(review.confirm(w.a, forB[2].id, {}).error().code, QStringLiteral("forbidden"));
        const auto events = AuditLog(w.t.store()->db()).forObject(QStringLiteral("attempt"), QString::number(forB[1].attemptId));
        QCOMPARE(events.back().action, QStringLiteral("second-review.overturn"));
        QVERIFY(AuditLog(w.t.store()->db()).verify().ok);
    }

    void ruleAgreementTable()
    {
        World w;
        build(w);
        // Rules reports for the four decided attempts: BACKGROUND_BLUE fails on attempts 0 and 2,
        // SHARPNESS on attempt 1. Attempt 2 was rejected citing SHARPNESS.
        const char* reports[] = {
            R"({"rules":[{"id":"BACKGROUND_BLUE","verdict":"fail"},{"id":"SHARPNESS","verdict":"pass"}]})",
            R"({"rules":[{"id":"BACKGROUND_BLUE","verdict":"pass"},{"id":"SHARPNESS","verdict":"fail"}]})",
            R"({"rules":[{"id":"BACKGROUND_BLUE","verdict":"fail"},{"id":"SHARPNESS","verdict":"pass"}]})",
            R"({"rules":[{"id":"BACKGROUND_BLUE","verdict":"pass"},{"id":"SHARPNESS","verdict":"pass"}]})"};
        for (int i = 0; i < 4; ++i) {
            const auto photo = PhotoRepository(w.t.store()->db()).submittedFor(w.attempts[std::size_t(i)].attemptId);
            Sql(w.t.store()->db(), QStringLiteral("INSERT INTO analysis_results (photo_id, kind, producer_version, result, created_at) "
                                                  "VALUES (:p, 'rules', 'v1', :r, 't')"))
                .bind(QStringLiteral(":p"), photo->id)
                .bind(QStringLiteral(":r"), QString::fromLatin1(reports[i]))
                .exec();
        }
        SupervisionStats stats(w.t.store());
        QCOMPARE(stats.ruleAgreement(w.a, utcNow().addDays(-1), utcNow().addDays(1)).error().code, QStringLiteral("forbidden"));
        const auto rows = stats.ruleAgreement(w.boss, utcNow().addDays(-1), utcNow().addDays(1)).value();
        QCOMPARE(int(rows.size()), 2);
        QCOMPARE(rows[0].ruleId, QStringLiteral("BACKGROUND_BLUE"));
        QCOMPARE(rows[0].flaggedNotCited, 2); // flagged twice, never cited
        QCOMPARE(rows[0].neither, 2);
        QCOMPARE(rows[1].ruleId, QStringLiteral("SHARPNESS"));
        QCOMPARE(rows[1].flaggedNotCited, 1); // attempt 1 flagged but approved
        QCOMPARE(rows[1].citedNotFlagged, 1); // attempt 2 rejected for sharpness, not flagged
        QCOMPARE(rows[1].neither, 2);
        QCOMPARE(rows[1].agreement(), 0.5);
    }

    void figures()
    {
        World w;
        build(w);
        SupervisionStats stats(w.t.store());
        const QDateTime from = utcNow().addDays(-1), to = utcNow().addDays(1);
        QCOMPARE(stats.reviewers(w.a, from, to).error().code, QStringLiteral("forbidden"));
        const auto reviewers = stats.reviewers(w.boss, from, to).value();
        QCOMPARE(int(reviewers.size()), 2);
        QCOMPARE(reviewers[0].reviewer, QStringLiteral("a"));
        QCOMPARE(reviewers[0].approved, 2);
        QCOMPARE(reviewers[0].rejected, 1);
        QVERIFY(qAbs(reviewers[0].approvalRate() - 2.0 / 3.0) < 1e-9);
        int hourlyTotal = 0;
        for (const auto& h : stats.hourly(w.boss, from, to).value())
            hourlyTotal += h.decisions;
        QCOMPARE(hourlyTotal, 4);
        const SlaFigures sla = stats.sla(w.boss, from, to).value();
        QCOMPARE(sla.decided, 4);
        QCOMPARE(sla.decidedInTime, 4);
        QCOMPARE(sla.pendingDueSoon, 1);
        QCOMPARE(sla.pendingOverdue, 0);
        const QueueAgeFigures age = stats.queueAge(w.boss).value();
        QCOMPARE(age.buckets[3], 1); // paid 47 h ago
        QCOMPARE(age.buckets[0] + age.buckets[1] + age.buckets[2] + age.buckets[4], 0);
    }
};

QTEST_GUILESS_MAIN(TestSupervision)
#include "tst_supervision.moc"
