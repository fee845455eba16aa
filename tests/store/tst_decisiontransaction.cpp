#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsComposer.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>
#include <QProcess>
#include <QtTest>

using namespace pd;

namespace {
struct Counts {
    int decisions, audit, outbox;
    QString state;
    bool operator==(const Counts&) const = default;
};

Counts countsFor(const Store& store, Id attemptId)
{
    const Database& db = store.db();
    return {Sql(db, QStringLiteral("SELECT COUNT(*) FROM decisions")).scalar().toInt(),
            Sql(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'decision.%'")).scalar().toInt(),
            Sql(db, QStringLiteral("SELECT COUNT(*) FROM outbox")).scalar().toInt(),
            toString(AttemptRepository(db).find(attemptId)->state)};
}
} // namespace

class TestDecisionTransaction : public QObject {
    Q_OBJECT

    DecisionService serviceFor(const test::TempStore& t)
    {
        return DecisionService(t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
    }

private slots:
    void approveWritesEverythingTogether()
    {
        test::TempStore t;
        const Session reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010100"), 12);
        auto id = serviceFor(t).decide(reviewer, {sample.attemptId, Verdict::Approve, {}, QStringLiteral("  好  ")});
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().message));
        const auto d = DecisionRepository(t.store()->db()).forAttempt(sample.attemptId);
        QVERIFY(d);
        QCOMPARE(toString(d->verdict), toString(Verdict::Approve));
        QCOMPARE(d->note, QStringLiteral("好"));
        QCOMPARE(d->reviewerId, reviewer.userId);
        QCOMPARE(toString(AttemptRepository(t.store()->db()).find(sample.attemptId)->state), toString(AttemptState::Approved));
        const auto events = AuditLog(t.store()->db()).forObject(QStringLiteral("attempt"), QString::number(sample.attemptId));
        QCOMPARE(int(events.size()), 1);
        QCOMPARE(events[0].action, QStringLiteral("decision.approve"));
        QCOMPARE(events[0].actor, QStringLiteral("rev"));
        QVERIFY(events[0].before.contains(QLatin1String("pending")));
        const auto outbox = OutboxRepository(t.store()->db()).forAttempt(sample.attemptId);
        QCOMPARE(int(outbox.size()), 2);
        QCOMPARE(outbox[0].channel, QStringLiteral("sms"));
        QVERIFY(outbox[0].payload.value(QStringLiteral("text")).toString().startsWith(SmsComposer::builtIn().signature()));
        QCOMPARE(outbox[1].channel, QStringLiteral("platform"));
        QCOMPARE(outbox[1].payload.value(QStringLiteral("verdict")).toString(), QStringLiteral("approve"));
        QVERIFY(AuditLog(t.store()->db()).verify().ok);
    }

    void rejectCarriesReasons()
    {
        test::TempStore t;
        const Session reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010101"), 12);
        const QStringList reasons{QStringLiteral("BACKGROUND_BLUE"), QStringLiteral("SHARPNESS")};
        QVERIFY(serviceFor(t).decide(reviewer, {sample.attemptId, Verdict::Reject, reasons, {}}).ok());
        QCOMPARE(DecisionRepository(t.store()->db()).forAttempt(sample.attemptId)->reasons, reasons);
        QCOMPARE(toString(AttemptRepository(t.store()->db()).find(sample.attemptId)->state), toString(AttemptState::Rejected));
        const auto sms = OutboxRepository(t.store()->db()).forAttempt(sample.attemptId)[0].payload.value(QStringLiteral("text")).toString();
        QVERIFY2(sms.contains(ReasonCatalog::builtIn().find(QStringLiteral("SHARPNESS"))->studentZh), qPrintable(sms));
    }

    void invalidRequestsAreRefusedBeforeWriting()
    {
        test::TempStore t;
        const Session reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        const Session agent = test::addUser(t.store(), QStringLiteral("agent"), Role::HotlineAgent);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010102"), 12);
        const auto service = serviceFor(t);
        const Counts before = countsFor(*t.store(), sample.attemptId);
        QCOMPARE(service.decide(reviewer, {sample.attemptId, Verdict::Reject, {}, {}}).error().code, QStringLiteral("invalid-reasons"));
        QCOMPARE(service.decide(reviewer, {sample.attemptId, Verdict::Reject, {QStringLiteral("NOPE")}, {}}).error().code,
                 QStringLiteral("invalid-reasons"));
        QCOMPARE(service.decide(reviewer, {sample.attemptId, Verdict::Approve, {QStringLiteral("SHARPNESS")}, {}}).error().code,
                 QStringLiteral("invalid-reasons"));
        QCOMPARE(service.decide(agent, {sample.attemptId, Verdict::Approve, {}, {}}).error().code, QStringLiteral("forbidden"));
        QCOMPARE(service.decide(reviewer, {9999, Verdict::Approve, {}, {}}).error().code, QStringLiteral("not-found"));
        QCOMPARE(countsFor(*t.store(), sample.attemptId), before);
    }

    void secondDecisionIsRefused()
    {
        test::TempStore t;
        const Session a = test::addUser(t.store(), QStringLiteral("a"), Role::Reviewer);
        const Session b = test::addUser(t.store(), QStringLiteral("b"), Role::Reviewer);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010103"), 12);
        QVERIFY(serviceFor(t).decide(a, {sample.attemptId, Verdict::Approve, {}, {}}).ok());
        QCOMPARE(serviceFor(t).decide(b, {sample.attemptId, Verdict::Reject, {QStringLiteral("SHARPNESS")}, {}}).error().code,
                 QStringLiteral("already-decided"));
        QCOMPARE(DecisionRepository(t.store()->db()).count(), 1);
    }

    void attemptClaimedByAnotherIsRefused()
    {
        test::TempStore t;
        const Session a = test::addUser(t.store(), QStringLiteral("a"), Role::Reviewer);
        const Session b = test::addUser(t.store(), QStringLiteral("b"), Role::Reviewer);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010104"), 12);
        Sql(t.store()->db(), QStringLiteral("UPDATE attempts SET claimed_by = :u, lease_until = '2999-01-01T00:00:00.000Z' WHERE id = :id"))
            .bind(QStringLiteral(":u"), a.userId)
            .bind(QStringLiteral(":id"), sample.attemptId)
            .exec();
        QCOMPARE(serviceFor(t).decide(b, {sample.attemptId, Verdict::Approve, {}, {}}).error().code, QStringLiteral("claimed-by-other"));
        QVERIFY(serviceFor(t).decide(a, {sample.attemptId, Verdict::Approve, {}, {}}).ok());
    }

    void failureAtAnyStepWritesNothing_data()
    {
        QTest::addColumn<QString>("step");
        for (const char* s : {"decision", "attempt", "audit", "outbox-sms", "outbox-platform", "commit"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void failureAtAnyStepWritesNothing()
    {
        QFETCH(QString, step);
        test::TempStore t;
        const Session reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010105"), 12);
        const Counts before = countsFor(*t.store(), sample.attemptId);
        auto service = serviceFor(t);
        service.setFaultInjector([step](const QString& at) {
            if (at == step)
                throw StoreError(QStringLiteral("store-io"), QStringLiteral("injected failure at ") + at);
        });
        auto result = service.decide(reviewer, {sample.attemptId, Verdict::Reject, {QStringLiteral("SHARPNESS")}, {}});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("store-io"));
        QCOMPARE(countsFor(*t.store(), sample.attemptId), before);
        QVERIFY(AuditLog(t.store()->db()).verify().ok);
        // The same decision succeeds once the fault is gone: nothing half-written blocks it.
        service.setFaultInjector({});
        QVERIFY(service.decide(reviewer, {sample.attemptId, Verdict::Reject, {QStringLiteral("SHARPNESS")}, {}}).ok());
    }

    void processCrashMidDecisionLosesNothingHalfWritten_data()
    {
        QTest::addColumn<QString>("step");
        for (const char* s : {"decision", "audit", "outbox-platform", "commit"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void processCrashMidDecisionLosesNothingHalfWritten()
    {
        QFETCH(QString, step);
        test::TempStore t;
        test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010106"), 12);
        const Counts before = countsFor(*t.store(), sample.attemptId);
        QProcess helper;
        helper.start(QCoreApplication::applicationDirPath() + QStringLiteral("/decision-crash-helper"),
                     {t.dbPath(), QString::number(sample.attemptId), step});
        QVERIFY(helper.waitForFinished(30000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit); // it really died mid-transaction
        QCOMPARE(countsFor(*t.store(), sample.attemptId), before);
        QVERIFY(AuditLog(t.store()->db()).verify().ok);
        // And when it does not crash, the same helper commits the whole decision.
        helper.start(QCoreApplication::applicationDirPath() + QStringLiteral("/decision-crash-helper"),
                     {t.dbPath(), QString::number(sample.attemptId), QStringLiteral("none")});
        QVERIFY(helper.waitForFinished(30000));
        QCOMPARE(helper.exitCode(), 0);
        const Counts after = countsFor(*t.store(), sample.attemptId);
        QCOMPARE(after.decisions, before.decisions + 1);
        QCOMPARE(after.audit, before.audit + 1);
        QCOMPARE(after.outbox, before.outbox + 2);
        QCOMPARE(after.state, QStringLiteral("rejected"));
    }
};

QTEST_GUILESS_MAIN(TestDecisionTransaction)
#include "tst_decisiontransaction.moc"
