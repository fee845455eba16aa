// Team mode: claims with expiring leases, and decisions that respect them. Runs against SQLite
// (tst_claims) and PostgreSQL (tst_claims_pg), including the 20-claimer concurrency test.
#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsComposer.h"
#include "core/review/ClaimService.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

#include <QMutex>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <map>

using namespace pd;

namespace {
int count(const Store& store, const QString& sql)
{
    return Sql(store.db(), sql).scalar().toInt();
}

DecisionService decisions(const test::TempStore& t)
{
    return DecisionService(t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
}

// Moves utcNow() forward for the rest of a test.
struct ClockShift {
    explicit ClockShift(qint64 seconds)
    {
        setClockForTesting([seconds] { return QDateTime::currentDateTimeUtc().addSecs(seconds); });
    }
    ~ClockShift() { setClockForTesting({}); }
};
} // namespace

class TestClaims : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qInfo("backend: %s", qPrintable(test::backendName(test::backendFromEnvironment())));
    }

    void claimNextHandsOutMostUrgentFirst()
    {
        test::TempStore t;
        const Session a = test::addUser(t.store(), QStringLiteral("a"), Role::Reviewer);
        const Session b = test::addUser(t.store(), QStringLiteral("b"), Role::Reviewer);
        const auto later = test::addSampleAttempt(*t.store(), QStringLiteral("2019020001"), 5);
        const auto urgent = test::addSampleAttempt(*t.store(), QStringLiteral("2019020002"), 40);
        const ClaimService claims(t.store(), 60);
        auto first = claims.claimNext(a);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QVERIFY(first->has_value());
        QCOMPARE(first.value()->attemptId, urgent.attemptId);
        QCOMPARE(first.value()->externalId, QStringLiteral("EXT-2019020002"));
        QVERIFY(!first.value()->token.isEmpty());
        QVERIFY(first.value()->leaseUntil > utcNow().addSecs(50));
        auto second = claims.claimNext(b);
        QCOMPARE(second.value()->attemptId, later.attemptId);
        QVERIFY(!claims.claimNext(b).value().has_value()); // nothing left
        const auto held = AttemptRepository(t.store()->db()).find(urgent.attemptId);
        QCOMPARE(held->claimedBy, a.userId);
        QCOMPARE(claims.heldBy(a).value().size(), size_t(1));
    }

    void skipMovesOnAndReleaseGivesBack()
    {
        test::TempStore t;
        const Session a = test::addUser(t.store(), QStringLiteral("a"), Role::Reviewer);
        const auto first = test::addSampleAttempt(*t.store(), QStringLiteral("2019020011"), 40);
        const auto second = test::addSampleAttempt(*t.store(), QStringLiteral("2019020012"), 20);
        const ClaimService claims(t.store(), 60);
        const Claim c1 = claims.claimNext(a).value().value();
        QCOMPARE(c1.attemptId, first.attemptId);
        QVERIFY(claims.release(a, c1).ok());
        // Skipped in this session: the next one comes, not the same again.
        const Claim c2 = claims.claimNext(a, {c1.attemptId}).value().value();
        QCOMPARE(c2.attemptId, second.attemptId);
        // Released attempts are claimable by anyone again.
        const Session b = test::addUser(t.store(), QStringLiteral("b"), Role::Reviewer);
        QCOMPARE(claims.claimNext(b).value()->attemptId, first.attemptId);
        QCOMPARE(claims.releaseAllFor(a).value(), 1);
        QCOMPARE(claims.releaseAllFor(b).value(), 1);
        QCOMPARE(count(*t.store(), QStringLiteral("SELECT COUNT(*) FROM attempts WHERE claimed_by IS NOT NULL")), 0);
    }

    void explicitClaimRespectsOthers()
    {
        test::TempStore t;
        const Session a = test::addUser(t.store(), QStringLiteral("a"), Role::Reviewer);
        const Session b = test::addUser(t.store(), QStringLiteral("b"), Role::Reviewer);
        const Session agent = test::addUser(t.store(), QStringLiteral("agent"), Role::HotlineAgent);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019020021"), 10);
        const ClaimService claims(t.store(), 60);
        const Claim mine = claims.claim(a, sample.attemptId).value();
        QCOMPARE(claims.claim(a, sample.attemptId).value().token, mine.token); // same reviewer: same claim
        const auto refused = claims.claim(b, sample.attemptId);
        QCOMPARE(refused.error().code, QStringLiteral("claimed-by-other"));
        QVERIFY2(refused.error().message.contains(QLatin1String("a")), qPrintable(refused.error().message));
        QCOMPARE(claims.claim(agent, sample.attemptId).error().code, QStringLiteral("forbidden"));
        QCOMPARE(claims.claimNext(agent).error().code, QStringLiteral("forbidden"));
        QCOMPARE(claims.claim(a, 99999).error().code, QStringLiteral("not-found"));
        QVERIFY(decisions(t).decide(a, {sample.attemptId, Verdict::Approve, {}, {}}, mine.token).ok());
        QCOMPARE(claims.claim(b, sample.attemptId).error().code, QStringLiteral("already-decided"));
        QCOMPARE(count(*t.store(), QStringLiteral("SELECT COUNT(*) FROM attempts WHERE claimed_by IS NOT NULL OR claim_token IS NOT NULL")), 0);
    }

    void othersClaimsAreLocksUntilTheirLeaseRunsOut()
    {
        test::TempStore t;
        const Session a = test::addUser(t.store(), QStringLiteral("a"), Role::Reviewer);
        const Session b = test::addUser(t.store(), QStringLiteral("b"), Role::Reviewer);
        const auto first = test::addSampleAttempt(*t.store(), QStringLiteral("2019020041"), 40);
        const auto second = test::addSampleAttempt(*t.store(), QStringLiteral("2019020042"), 20);
        const ClaimService claims(t.store(), 60);
        QVERIFY(claims.claim(a, first.attemptId).ok());
        QVERIFY(claims.claim(b, second.attemptId).ok());
        const ClaimLocks seenByB = claims.heldByOthers(b).value();
        QCOMPARE(seenByB.size(), 1); // a's claim; b's own is no lock for b
        QVERIFY(seenByB.contains(first.attemptId));
        QCOMPARE(seenByB.value(first.attemptId).holderId, a.userId);
        QVERIFY(!seenByB.value(first.attemptId).holder.isEmpty());
        QVERIFY(seenByB.value(first.attemptId).leaseUntil > utcNow());
        ClockShift shift(200); // both leases ran out: nobody is locked out any more
        QVERIFY(claims.heldByOthers(b).value().isEmpty());
    }

    void renewExtendsUntilTheLeaseIsLost()
    {
        test::TempStore t;
        const Session a = test::addUser(t.store(), QStringLiteral("a"), Role::Reviewer);
        test::addSampleAttempt(*t.store(), QStringLiteral("2019020031"), 10);
        const ClaimService claims(t.store(), 60);
        const Claim c = claims.claimNext(a).value().value();
        {
            ClockShift shift(30);
            const auto renewed = claims.renew(a, c);
            QVERIFY(renewed.ok());
            QVERIFY(renewed->leaseUntil > c.leaseUntil);
        }
        ClockShift shift(200); // walked away
        QCOMPARE(claims.renew(a, c).error().code, QStringLiteral("lease-lost"));
    }

    void decisionAfterLeaseLostIsRefusedAndWritesNothing()
    {
        test::TempStore t;
        const Session a = test::addUser(t.store(), QStringLiteral("a"), Role::Reviewer);
        const Session b = test::addUser(t.store(), QStringLiteral("b"), Role::Reviewer);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019020041"), 10);
        const ClaimService claims(t.store(), 60);
        const Claim stale = claims.claimNext(a).value().value();
        const QStringList tables{QStringLiteral("decisions"), QStringLiteral("audit_events"), QStringLiteral("outbox")};
        auto snapshot = [&] {
            QList<int> n;
            for (const QString& table : tables)
                n << count(*t.store(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
            return n;
        };
        const auto before = snapshot();
        ClockShift shift(120);
        // Expired but nobody took it: still lost (anyone could have).
        auto expired = decisions(t).decide(a, {sample.attemptId, Verdict::Approve, {}, {}}, stale.token);
        QCOMPARE(expired.error().code, QStringLiteral("lease-lost"));
        QVERIFY(expired.error().message.contains(QLatin1String("EXT-2019020041")));
        // Without a token too: the attempt still names a as holder, but the lease is gone.
        QCOMPARE(decisions(t).decide(a, {sample.attemptId, Verdict::Approve, {}, {}}).error().code, QStringLiteral("lease-lost"));
        // Taken over by b: a's decision is refused, b's goes through.
        const Claim taken = claims.claimNext(b).value().value();
        QCOMPARE(taken.attemptId, sample.attemptId);
        QCOMPARE(decisions(t).decide(a, {sample.attemptId, Verdict::Approve, {}, {}}, stale.token).error().code,
                 QStringLiteral("lease-lost"));
        QCOMPARE(decisions(t).decide(a, {sample.attemptId, Verdict::Approve, {}, {}}).error().code, QStringLiteral("claimed-by-other"));
        // Nothing from the refused decisions; the only new row is the audit event of b's claim.
        QCOMPARE(snapshot(), (QList<int>{before[0], before[1] + 1, before[2]}));
        QCOMPARE(count(*t.store(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'claim'")), 2);
        QCOMPARE(toString(AttemptRepository(t.store()->db()).find(sample.attemptId)->state), QStringLiteral("pending"));
        QVERIFY(decisions(t).decide(b, {sample.attemptId, Verdict::Reject, {QStringLiteral("SHARPNESS")}, {}}, taken.token).ok());
        QCOMPARE(count(*t.store(), QStringLiteral("SELECT COUNT(*) FROM decisions")), before[0] + 1);
    }

    void unclaimedAttemptsCanStillBeDecided()
    {
        test::TempStore t;
        const Session a = test::addUser(t.store(), QStringLiteral("a"), Role::Reviewer);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019020051"), 10);
        QVERIFY(decisions(t).decide(a, {sample.attemptId, Verdict::Approve, {}, {}}).ok());
    }

    // Twenty reviewers on twenty threads claim and decide until the queue is empty.
    void twentyClaimersNeverCollide()
    {
        test::TempStore t;
        const int reviewers = 20;
        const int attempts = 120;
        std::vector<Session> sessions;
        for (int i = 0; i < reviewers; ++i)
            sessions.push_back(test::addUser(t.store(), QStringLiteral("r%1").arg(i), Role::Reviewer));
        {
            const StudentRepository students(t.store()->db());
            const AttemptRepository repo(t.store()->db());
            for (int i = 0; i < attempts; ++i) {
                Student s{0, QStringLiteral("2020%1").arg(i, 6, 10, QLatin1Char('0')), QStringLiteral("学生%1").arg(i),
                          QStringLiteral("110101200001010000"), QStringLiteral("13800000000"), QStringLiteral("法学"), QStringLiteral("本科"), QString()};
                Attempt a;
                a.studentId = students.upsert(s);
                a.externalId = QStringLiteral("C-%1").arg(i);
                a.paidAt = utcNow().addSecs(-3600 - i * 60);
                repo.insert(a);
            }
        }
        const ClaimService claims(t.store(), 120);
        const DecisionService service = decisions(t);
        QMutex mutex;
        std::map<Id, int> claimedTimes;
        std::atomic<int> decided{0}, refused{0}, errors{0};
        QStringList problems;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < reviewers; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                const Session& me = sessions[size_t(i)];
                for (;;) {
                    auto next = claims.claimNext(me);
                    if (!next) {
                        ++errors;
                        QMutexLocker lock(&mutex);
                        problems << next.error().message;
                        continue;
                    }
                    if (!next->has_value())
                        break;
                    const Claim c = next->value();
                    {
                        QMutexLocker lock(&mutex);
                        ++claimedTimes[c.attemptId];
                    }
                    const bool reject = c.attemptId % 3 == 0;
                    auto d = service.decide(me, {c.attemptId, reject ? Verdict::Reject : Verdict::Approve,
                                                 reject ? QStringList{QStringLiteral("SHARPNESS")} : QStringList{}, {}}, c.token);
                    if (d) {
                        ++decided;
                    } else {
                        ++refused;
                        QMutexLocker lock(&mutex);
                        problems << d.error().code + QLatin1Char(' ') + d.error().message;
                    }
                }
                t.store()->db().closeThreadConnection();
            }));
        }
        for (auto& th : threads)
            th->start();
        for (auto& th : threads)
            QVERIFY(th->wait(120000));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 5).join(QLatin1Char('\n'))));
        int doubleClaims = 0;
        for (const auto& [id, n] : claimedTimes)
            doubleClaims += n > 1 ? n - 1 : 0;
        QCOMPARE(doubleClaims, 0);
        QCOMPARE(int(claimedTimes.size()), attempts);
        QCOMPARE(decided.load(), attempts);
        QCOMPARE(refused.load(), 0);
        // Zero lost decisions: every accepted decision is stored once, with its outbox rows.
        QCOMPARE(count(*t.store(), QStringLiteral("SELECT COUNT(*) FROM decisions")), attempts);
        QCOMPARE(count(*t.store(), QStringLiteral("SELECT COUNT(DISTINCT attempt_id) FROM decisions")), attempts);
        QCOMPARE(count(*t.store(), QStringLiteral("SELECT COUNT(*) FROM attempts WHERE state = 'pending'")), 0);
        QCOMPARE(count(*t.store(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'platform'")), attempts);
        QCOMPARE(count(*t.store(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'sms'")), attempts);
        QVERIFY(AuditLog(t.store()->db()).verify().ok); // the hash chain did not fork under concurrency
    }
};

QTEST_GUILESS_MAIN(TestClaims)
#include "tst_claims.moc"
