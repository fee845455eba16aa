// The SMS outbox and dispatcher without a network: leases, retries, permanent failures,
// back-off, the hotline's resend, credentials, template overrides, secrets kept out of
// errors and logs. (Real HTTP against the stand-ins: tst_smsgateway; crashes: tst_smscrash.)
#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsComposer.h"
#include "core/notify/SmsCredentials.h"
#include "core/notify/SmsDispatcher.h"
#include "core/notify/SmsHotline.h"
#include "core/notify/SmsOutbox.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

#include <QMutex>
#include <QSignalSpy>
#include <QtTest>

using namespace pd;

namespace {

// A provider double: answers from a script, remembers what it was asked.
struct ScriptedProvider final : SmsProvider {
    std::shared_ptr<QList<SmsSendResult>> script;
    std::shared_ptr<QList<SmsRequest>> seen;
    std::shared_ptr<QList<SmsLookupResult>> lookups; // empty: NotFound
    std::shared_ptr<QList<SmsRequest>> looked;
    SmsLookupResult lookup(const SmsRequest& r, const QDateTime&) override
    {
        looked->append(r);
        if (lookups->isEmpty()) {
            SmsLookupResult nf;
            nf.outcome = SmsLookupOutcome::NotFound;
            return nf;
        }
        return lookups->takeFirst();
    }
    SmsProviderKind kind() const override { return SmsProviderKind::Generic; }
    SmsSendResult send(const SmsRequest& r) override
    {
        seen->append(r);
        if (script->isEmpty())
            return {SmsOutcome::Accepted, QStringLiteral("id-%1").arg(seen->size()), QStringLiteral("accepted"), {}, 200, false, 0};
        return script->takeFirst();
    }
};

SmsSendResult result(SmsOutcome o, const QString& code, const QString& message = {}, bool duplicate = false)
{
    SmsSendResult r;
    r.outcome = o;
    r.code = code;
    r.message = message;
    r.duplicate = duplicate;
    if (o == SmsOutcome::Accepted)
        r.providerMessageId = QStringLiteral("mid-") + code;
    return r;
}

SmsSendResult unclearTimeout()
{
    SmsSendResult r = result(SmsOutcome::Transient, QStringLiteral("network-timeout"), QStringLiteral("no answer within 300 ms"));
    r.unclear = true;
    return r;
}
SmsLookupResult lookupResult(SmsLookupOutcome o, const QString& id = {}, const QString& code = {})
{
    SmsLookupResult r;
    r.outcome = o;
    r.providerMessageId = id;
    r.status = o == SmsLookupOutcome::Found ? QStringLiteral("SUCCESS") : QString();
    r.code = code;
    return r;
}

QMutex g_logMutex;
QStringList g_log;
void captureMessages(QtMsgType, const QMessageLogContext&, const QString& msg)
{
    QMutexLocker lock(&g_logMutex);
    g_log << msg;
}

} // namespace

class TestSmsDispatcher : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempStore> m_temp;
    Session m_reviewer;
    std::shared_ptr<QList<SmsSendResult>> m_script;
    std::shared_ptr<QList<SmsRequest>> m_seen;
    std::shared_ptr<QList<SmsLookupResult>> m_lookups;
    std::shared_ptr<QList<SmsRequest>> m_looked;
    QDateTime m_now;

    const Database& db() const { return m_temp->store()->db(); }

    Id decide(const QString& studentNumber, Verdict verdict, const QStringList& reasons = {})
    {
        const auto sample = test::addSampleAttempt(*m_temp->store(), studentNumber, 1);
        DecisionService service(m_temp->store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
        const auto id = service.decide(m_reviewer, {sample.attemptId, verdict, reasons, {}});
        if (!id)
            qFatal("decide failed: %s", qPrintable(id.error().message));
        return sample.studentId;
    }

    std::unique_ptr<SmsDispatcher> dispatcher(SmsDispatchPolicy policy = {})
    {
        if (policy.owner.isEmpty())
            policy.owner = QStringLiteral("test-dispatcher");
        SmsProviderConfig config;
        config.kind = SmsProviderKind::Generic;
        config.credentials = {QStringLiteral("id"), QStringLiteral("S3cr3t-never-shown")};
        auto d = std::make_unique<SmsDispatcher>(m_temp->store(), config, policy);
        auto script = m_script;
        auto seen = m_seen;
        auto lookups = m_lookups;
        auto looked = m_looked;
        d->setProviderFactory([script, seen, lookups, looked] {
            auto p = std::make_unique<ScriptedProvider>();
            p->script = script;
            p->seen = seen;
            p->lookups = lookups;
            p->looked = looked;
            return p;
        });
        return d;
    }

    QString stateOf(Id outboxId) const
    {
        return Sql(db(), QStringLiteral("SELECT state FROM outbox WHERE id = :id")).bind(QStringLiteral(":id"), outboxId).scalar().toString();
    }

    bool needsLookup(Id outboxId) const
    {
        return Sql(db(), QStringLiteral("SELECT needs_lookup FROM outbox WHERE id = :id")).bind(QStringLiteral(":id"), outboxId).scalar().toInt() != 0;
    }

    Id smsIdOfStudent(Id studentId) const { return SmsOutbox(db()).forStudent(studentId).front().id; }

private slots:
    void init()
    {
        m_temp = std::make_unique<test::TempStore>();
        m_reviewer = test::addUser(m_temp->store(), QStringLiteral("rev"), Role::Reviewer);
        m_script = std::make_shared<QList<SmsSendResult>>();
        m_seen = std::make_shared<QList<SmsRequest>>();
        m_lookups = std::make_shared<QList<SmsLookupResult>>();
        m_looked = std::make_shared<QList<SmsRequest>>();
        m_now = QDateTime::currentDateTimeUtc();
        setClockForTesting([this] { return m_now; });
    }

    void cleanup()
    {
        setClockForTesting({});
        m_temp.reset();
    }

    void claimTakesOnlyDueSmsRowsWithALease()
    {
        decide(QStringLiteral("2026001"), Verdict::Approve);
        decide(QStringLiteral("2026002"), Verdict::Reject, {QStringLiteral("FILE_SIZE")});
        QCOMPARE(OutboxRepository(db()).count(), 4); // 2 sms + 2 platform
        const SmsOutbox outbox(db());
        auto first = outbox.claim(10, 60000, QStringLiteral("a"));
        QCOMPARE(int(first.size()), 2);
        for (const SmsJob& j : first) {
            QVERIFY(j.idempotencyKey.startsWith(QLatin1String("sms:decision:")));
            QCOMPARE(j.tries, 1);
            QVERIFY(!j.reclaimed);
            QCOMPARE(stateOf(j.id), QStringLiteral("sending"));
        }
        QVERIFY(outbox.claim(10, 60000, QStringLiteral("b")).empty()); // leased
        m_now = m_now.addSecs(61);
        auto again = outbox.claim(10, 60000, QStringLiteral("b"));
        QCOMPARE(int(again.size()), 2); // expired leases are reclaimable
        QVERIFY(again.front().reclaimed);
        QCOMPARE(again.front().tries, 2);
        // The first owner lost the lease: its late result is not recorded.
        QVERIFY(!outbox.markSent(first.front().id, QStringLiteral("a"), QStringLiteral("generic"), QStringLiteral("x"), QStringLiteral("ok")));
        QVERIFY(outbox.markSent(again.front().id, QStringLiteral("b"), QStringLiteral("generic"), QStringLiteral("x"), QStringLiteral("ok")));
        // platform rows untouched
        QCOMPARE(Sql(db(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'platform' AND state = 'pending' AND tries = 0")).scalar().toInt(), 2);
    }

    void acceptedIsRecordedWithProviderId()
    {
        const Id student = decide(QStringLiteral("2026003"), Verdict::Reject, {QStringLiteral("FILE_SIZE")});
        auto d = dispatcher();
        QSignalSpy sent(d.get(), &SmsDispatcher::messageSent);
        const SmsDispatchStats s = d->drain();
        QCOMPARE(s.sent, 1);
        QCOMPARE(sent.size(), 1);
        const SmsRecord r = SmsOutbox(db()).forStudent(student).front();
        QCOMPARE(r.state, QStringLiteral("sent"));
        QCOMPARE(r.providerMessageId, QStringLiteral("id-1"));
        QCOMPARE(r.provider, QStringLiteral("generic"));
        QCOMPARE(r.deliveryStatus, QStringLiteral("accepted"));
        QVERIFY(r.sentAt.isValid());
        // What the provider was asked: the exact composed text, the key, the template variables.
        const SmsRequest& req = m_seen->front();
        QCOMPARE(req.text, r.payload.value(QStringLiteral("text")).toString());
        QCOMPARE(req.idempotencyKey, r.idempotencyKey);
        QCOMPARE(req.templateKind, QStringLiteral("rejected"));
        QVERIFY(!req.templateParams.value(QStringLiteral("reasons")).toString().isEmpty());
        QVERIFY(req.text.contains(req.templateParams.value(QStringLiteral("reasons")).toString()));
    }

    void duplicateAnswerCountsAsSent()
    {
        const Id student = decide(QStringLiteral("2026004"), Verdict::Approve);
        m_script->append(result(SmsOutcome::Accepted, QStringLiteral("duplicate"), {}, true));
        const SmsDispatchStats s = dispatcher()->drain();
        QCOMPARE(s.sent, 1);
        QCOMPARE(s.duplicates, 1);
        QCOMPARE(SmsOutbox(db()).forStudent(student).front().state, QStringLiteral("sent"));
    }

    void transientFailureIsRetriedWithBackoff()
    {
        const Id student = decide(QStringLiteral("2026005"), Verdict::Approve);
        m_script->append(result(SmsOutcome::Transient, QStringLiteral("isv.BUSINESS_LIMIT_CONTROL"), QStringLiteral("触发分钟级流控")));
        auto d = dispatcher();
        QSignalSpy deferred(d.get(), &SmsDispatcher::messageDeferred);
        QCOMPARE(d->drain().deferred, 1);
        QCOMPARE(deferred.size(), 1);
        SmsRecord r = SmsOutbox(db()).forStudent(student).front();
        QCOMPARE(r.state, QStringLiteral("pending"));
        QCOMPARE(r.tries, 1);
        QVERIFY(r.lastError.startsWith(QLatin1String("isv.BUSINESS_LIMIT_CONTROL")));
        QVERIFY(r.nextTryAt > m_now.addMSecs(2000)); // ≥ half of the 5 s base
        QCOMPARE(d->drain().claimed, 0);             // not due yet
        m_now = m_now.addSecs(6);
        QCOMPARE(d->drain().sent, 1);
        r = SmsOutbox(db()).forStudent(student).front();
        QCOMPARE(r.state, QStringLiteral("sent"));
        QCOMPARE(r.tries, 2);
        QVERIFY(r.lastError.isEmpty());
    }

    void permanentFailureIsFailedForTheHotline()
    {
        const Id student = decide(QStringLiteral("2026006"), Verdict::Approve);
        m_script->append(result(SmsOutcome::Permanent, QStringLiteral("isv.MOBILE_NUMBER_ILLEGAL"), QStringLiteral("非法手机号")));
        auto d = dispatcher();
        QSignalSpy failed(d.get(), &SmsDispatcher::messageFailed);
        QCOMPARE(d->drain().failed, 1);
        QCOMPARE(failed.size(), 1);
        const SmsRecord r = SmsOutbox(db()).forStudent(student).front();
        QCOMPARE(r.state, QStringLiteral("failed"));
        QCOMPARE(r.lastError, QStringLiteral("isv.MOBILE_NUMBER_ILLEGAL: 非法手机号"));
        m_now = m_now.addDays(1);
        QCOMPARE(d->drain().claimed, 0); // never retried
    }

    // ---- look-up before re-sending after an unclear outcome (providers that do not de-duplicate)

    void unclearOutcomeIsLookedUpAndFoundNeverResent()
    {
        const Id sms = smsIdOfStudent(decide(QStringLiteral("2026101"), Verdict::Approve));
        m_script->append(unclearTimeout());
        SmsDispatchPolicy policy;
        policy.lookupDelayMs = 20000;
        auto d = dispatcher(policy);
        QCOMPARE(d->drain().deferred, 1);
        QVERIFY(needsLookup(sms));
        QVERIFY(SmsOutbox(db()).find(sms)->nextTryAt >= m_now.addSecs(20)); // at least the look-up delay
        // A restart in between: the flag is in the row, not in memory.
        d.reset();
        m_now = m_now.addSecs(60);
        m_lookups->append(lookupResult(SmsLookupOutcome::Found, QStringLiteral("serial-1")));
        auto again = dispatcher(policy);
        QSignalSpy sentAgain(again.get(), &SmsDispatcher::messageSent);
        const SmsDispatchStats s = again->drain();
        QCOMPARE(s.lookups, 1);
        QCOMPARE(s.foundByLookup, 1);
        QCOMPARE(s.sent, 1);
        QCOMPARE(m_seen->size(), 1); // only the first, unclear try was ever sent
        QCOMPARE(m_looked->front().idempotencyKey, SmsOutbox(db()).find(sms)->idempotencyKey);
        const SmsRecord r = *SmsOutbox(db()).find(sms);
        QCOMPARE(r.state, QStringLiteral("sent"));
        QCOMPARE(r.providerMessageId, QStringLiteral("serial-1"));
        QCOMPARE(r.deliveryStatus, QStringLiteral("SUCCESS (lookup)"));
        QVERIFY(!needsLookup(sms));
        QCOMPARE(sentAgain.size(), 1);
        QCOMPARE(sentAgain.front().at(2).toBool(), true); // an earlier try got through
    }

    void unclearOutcomeNotFoundIsSentAndClearsTheFlag()
    {
        const Id sms = smsIdOfStudent(decide(QStringLiteral("2026102"), Verdict::Approve));
        m_script->append(unclearTimeout());
        SmsDispatchPolicy policy;
        policy.lookupDelayMs = 1000;
        auto d = dispatcher(policy);
        d->drain();
        m_now = m_now.addSecs(60);
        const SmsDispatchStats s = d->drain(); // look-up: not found → send
        QCOMPARE(s.lookups, 1);
        QCOMPARE(s.foundByLookup, 0);
        QCOMPARE(s.sent, 1);
        QCOMPARE(m_seen->size(), 2);
        QCOMPARE(stateOf(sms), QStringLiteral("sent"));
        QVERIFY(!needsLookup(sms));
    }

    void failedLookupNeverSendsBlind()
    {
        const Id sms = smsIdOfStudent(decide(QStringLiteral("2026103"), Verdict::Approve));
        m_script->append(unclearTimeout());
        m_lookups->append(lookupResult(SmsLookupOutcome::Failed, {}, QStringLiteral("network-timeout")));
        m_lookups->append(lookupResult(SmsLookupOutcome::Failed, {}, QStringLiteral("Throttling.User")));
        SmsDispatchPolicy policy;
        policy.lookupDelayMs = 1000;
        policy.maxTries = 3;
        auto d = dispatcher(policy);
        d->drain();
        for (int i = 0; i < 2; ++i) {
            m_now = m_now.addSecs(3600);
            const SmsDispatchStats s = d->drain();
            QCOMPARE(s.lookups, 1);
            QCOMPARE(s.lookupFailed, 1);
            QCOMPARE(s.sent, 0);
            QCOMPARE(m_seen->size(), 1); // never a blind re-send
            QVERIFY(needsLookup(sms));
        }
        // Out of tries: failed for the hotline, saying that the outcome is unknown.
        const SmsRecord r = *SmsOutbox(db()).find(sms);
        QCOMPARE(r.state, QStringLiteral("failed"));
        QVERIFY2(r.lastError.contains(QLatin1String("outcome unknown")), qPrintable(r.lastError));
        QVERIFY2(r.lastError.contains(QLatin1String("Throttling.User")), qPrintable(r.lastError));
    }

    void reclaimedLeaseIsLookedUpFirst()
    {
        const Id sms = smsIdOfStudent(decide(QStringLiteral("2026104"), Verdict::Approve));
        // A dispatcher claimed it and died (no outcome recorded).
        QCOMPARE(int(SmsOutbox(db()).claim(5, 1000, QStringLiteral("dead")).size()), 1);
        m_now = m_now.addSecs(5);
        m_lookups->append(lookupResult(SmsLookupOutcome::Found, QStringLiteral("biz-9")));
        const SmsDispatchStats s = dispatcher()->drain();
        QCOMPARE(s.reclaimed, 1);
        QCOMPARE(s.lookups, 1);
        QCOMPARE(s.foundByLookup, 1);
        QCOMPARE(m_seen->size(), 0);
        QCOMPARE(stateOf(sms), QStringLiteral("sent"));
    }

    void clearTransientFailureNeedsNoLookup()
    {
        const Id sms = smsIdOfStudent(decide(QStringLiteral("2026105"), Verdict::Approve));
        m_script->append(result(SmsOutcome::Transient, QStringLiteral("isv.BUSINESS_LIMIT_CONTROL")));
        auto d = dispatcher();
        d->drain();
        QVERIFY(!needsLookup(sms));
        m_now = m_now.addSecs(3600);
        const SmsDispatchStats s = d->drain();
        QCOMPARE(s.lookups, 0);
        QCOMPARE(s.sent, 1);
    }

    void givesUpAfterMaxTries()
    {
        const Id student = decide(QStringLiteral("2026007"), Verdict::Approve);
        for (int i = 0; i < 3; ++i)
            m_script->append(result(SmsOutcome::Transient, QStringLiteral("network-timeout")));
        SmsDispatchPolicy policy;
        policy.maxTries = 3;
        auto d = dispatcher(policy);
        for (int i = 0; i < 3; ++i) {
            d->drain();
            m_now = m_now.addSecs(3600);
        }
        const SmsRecord r = SmsOutbox(db()).forStudent(student).front();
        QCOMPARE(r.state, QStringLiteral("failed"));
        QCOMPARE(r.tries, 3);
        QVERIFY2(r.lastError.startsWith(QLatin1String("gave up after 3 tries")), qPrintable(r.lastError));
    }

    void backoffGrowsIsCappedAndJittered()
    {
        SmsDispatchPolicy p;
        p.backoffBaseMs = 1000;
        p.backoffCapMs = 60000;
        QSet<qint64> distinct;
        for (int i = 0; i < 50; ++i) {
            const qint64 first = SmsDispatcher::backoffMs(p, 1);
            QVERIFY(first >= 500 && first <= 1000);
            distinct.insert(first);
            const qint64 fourth = SmsDispatcher::backoffMs(p, 4);
            QVERIFY(fourth >= 4000 && fourth <= 8000);
            const qint64 late = SmsDispatcher::backoffMs(p, 40);
            QVERIFY(late >= 30000 && late <= 60000);
        }
        QVERIFY(distinct.size() > 5); // jitter spreads retries of a burst
        QCOMPARE(SmsDispatcher::backoffMs(p, 1, 120), qint64(120000)); // Retry-After wins when longer
    }

    void codesAreClassified()
    {
        QCOMPARE(classifyAliyunCode(QStringLiteral("OK")), SmsOutcome::Accepted);
        QCOMPARE(classifyAliyunCode(QStringLiteral("isv.BUSINESS_LIMIT_CONTROL")), SmsOutcome::Transient);
        QCOMPARE(classifyAliyunCode(QStringLiteral("Throttling.User")), SmsOutcome::Transient);
        QCOMPARE(classifyAliyunCode(QStringLiteral("isp.SYSTEM_ERROR")), SmsOutcome::Transient);
        QCOMPARE(classifyAliyunCode(QStringLiteral("isv.MOBILE_NUMBER_ILLEGAL")), SmsOutcome::Permanent);
        QCOMPARE(classifyAliyunCode(QStringLiteral("isv.SMS_TEMPLATE_ILLEGAL")), SmsOutcome::Permanent);
        QCOMPARE(classifyAliyunCode(QStringLiteral("SignatureDoesNotMatch")), SmsOutcome::Permanent);
        QCOMPARE(classifyTencentCode(QStringLiteral("Ok")), SmsOutcome::Accepted);
        QCOMPARE(classifyTencentCode(QStringLiteral("LimitExceeded.PhoneNumberThirtySecondLimit")), SmsOutcome::Transient);
        QCOMPARE(classifyTencentCode(QStringLiteral("RequestLimitExceeded")), SmsOutcome::Transient);
        QCOMPARE(classifyTencentCode(QStringLiteral("InternalError")), SmsOutcome::Transient);
        QCOMPARE(classifyTencentCode(QStringLiteral("InvalidParameterValue.IncorrectPhoneNumber")), SmsOutcome::Permanent);
        QCOMPARE(classifyTencentCode(QStringLiteral("FailedOperation.TemplateIncorrectOrUnapproved")), SmsOutcome::Permanent);
        QCOMPARE(classifyTencentCode(QStringLiteral("AuthFailure.SignatureFailure")), SmsOutcome::Permanent);
        QCOMPARE(classifyHttpStatus(503), SmsOutcome::Transient);
        QCOMPARE(classifyHttpStatus(429), SmsOutcome::Transient);
        QCOMPARE(classifyHttpStatus(400), SmsOutcome::Permanent);
        QCOMPARE(maskPhone(QStringLiteral("13800001234")), QStringLiteral("138****1234"));
    }

    void runsOnItsOwnThreadWithSignals()
    {
        decide(QStringLiteral("2026008"), Verdict::Approve);
        SmsDispatchPolicy policy;
        policy.pollIntervalMs = 50;
        auto d = dispatcher(policy);
        QSignalSpy sent(d.get(), &SmsDispatcher::messageSent);
        QSignalSpy running(d.get(), &SmsDispatcher::runningChanged);
        d->start();
        QVERIFY(d->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 5000);
        decide(QStringLiteral("2026009"), Verdict::Approve);
        d->wake();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, 5000);
        d->stop();
        QVERIFY(!d->isRunning());
        QCOMPARE(running.size(), 2);
        QCOMPARE(SmsOutbox(db()).counts().value(QStringLiteral("sent")).toInt(), 2);
    }

    void resendIsPermissionCheckedAuditedAndKeyed()
    {
        const Id student = decide(QStringLiteral("2026010"), Verdict::Reject, {QStringLiteral("FILE_SIZE")});
        const Id original = smsIdOfStudent(student);
        const Session hotline = test::addUser(m_temp->store(), QStringLiteral("hot"), Role::HotlineAgent);
        const Session supervisor = test::addUser(m_temp->store(), QStringLiteral("sup"), Role::Supervisor);
        const Session admin = test::addUser(m_temp->store(), QStringLiteral("adm"), Role::Administrator);
        const SmsHotline service(m_temp->store());

        QCOMPARE(service.resendLastSms(m_reviewer, student).error().code, QStringLiteral("forbidden"));
        QCOMPARE(service.resendLastSms(admin, student).error().code, QStringLiteral("forbidden"));
        QCOMPARE(service.resendLastSms(hotline, 999999).error().code, QStringLiteral("not-found"));

        // The student's phone was corrected after the decision: the resend goes to the new one.
        Sql(db(), QStringLiteral("UPDATE students SET phone = '13911112222' WHERE id = :id")).bind(QStringLiteral(":id"), student).exec();
        const auto first = service.resendLastSms(hotline, student);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(service.resendLastSms(hotline, student).error().code, QStringLiteral("resend-pending"));

        auto rec = SmsOutbox(db()).find(first.value());
        QVERIFY(rec);
        QCOMPARE(rec->idempotencyKey, QStringLiteral("sms:resend:%1:1").arg(original));
        QCOMPARE(rec->resendOf, original);
        QCOMPARE(rec->state, QStringLiteral("pending"));
        const auto orig = SmsOutbox(db()).find(original);
        QCOMPARE(rec->payload.value(QStringLiteral("text")), orig->payload.value(QStringLiteral("text")));
        QCOMPARE(rec->payload.value(QStringLiteral("phone")).toString(), QStringLiteral("13911112222"));

        const auto events = AuditLog(db()).forObject(QStringLiteral("student"), QString::number(student));
        QCOMPARE(int(events.size()), 1);
        QCOMPARE(events.front().action, QStringLiteral("sms.resend"));
        QCOMPARE(events.front().actor, QStringLiteral("hot"));
        QVERIFY(events.front().after.contains(QStringLiteral("139****2222")));
        QVERIFY(!events.front().after.contains(QStringLiteral("13911112222"))); // masked in the audit trail
        QVERIFY(AuditLog(db()).verify().ok);

        // Once delivered, the next resend is number 2 of the same original.
        QCOMPARE(dispatcher()->drain().sent, 2);
        const auto second = service.resendLastSms(supervisor, student);
        QVERIFY(second.ok());
        QCOMPARE(SmsOutbox(db()).find(second.value())->idempotencyKey, QStringLiteral("sms:resend:%1:2").arg(original));

        auto history = service.history(hotline, student);
        QVERIFY(history.ok());
        QCOMPARE(int(history.value().size()), 3);
        QCOMPARE(service.history(m_reviewer, student).error().code, QStringLiteral("forbidden"));
    }

    void resendWithoutAnySmsIsNotFound()
    {
        const auto sample = test::addSampleAttempt(*m_temp->store(), QStringLiteral("2026011"), 1);
        const Session hotline = test::addUser(m_temp->store(), QStringLiteral("hot"), Role::HotlineAgent);
        QCOMPARE(SmsHotline(m_temp->store()).resendLastSms(hotline, sample.studentId).error().code, QStringLiteral("not-found"));
    }

    void credentialsComeFromTheEnvironmentAndErrorsNameNoSecret()
    {
        qputenv(kSmsKeyIdVariable, "env-id");
        qputenv(kSmsKeySecretVariable, "env-secret-value");
        auto c = loadSmsCredentials(SmsProviderKind::Aliyun);
        QVERIFY(c.ok());
        QCOMPARE(c->keyId, QStringLiteral("env-id"));
        QCOMPARE(c->secret, QStringLiteral("env-secret-value"));

        qunsetenv(kSmsKeyIdVariable);
        auto half = loadSmsCredentials(SmsProviderKind::Aliyun);
        QVERIFY(!half.ok());
        QCOMPARE(half.error().code, QStringLiteral("sms-credentials-missing"));
        QVERIFY(!half.error().message.contains(QStringLiteral("env-secret-value")));

        qunsetenv(kSmsKeySecretVariable);
        const QByteArray dbus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // headless, as in CI: no keychain, a clear error at once
        QElapsedTimer t;
        t.start();
        auto none = loadSmsCredentials(SmsProviderKind::Tencent);
        QVERIFY(t.elapsed() < 1000);
        QCOMPARE(none.error().code, QStringLiteral("sms-credentials-missing"));
        QVERIFY(none.error().message.contains(QLatin1String(kSmsKeyIdVariable)));
        QVERIFY(none.error().message.contains(QStringLiteral("keychain")));
        QCOMPARE(storeSmsCredentialsInKeychain(SmsProviderKind::Tencent, {QStringLiteral("a"), QStringLiteral("b")}).error().code,
                 QStringLiteral("keychain-unavailable"));
        if (!dbus.isEmpty())
            qputenv("DBUS_SESSION_BUS_ADDRESS", dbus);
    }

    void secretNeverReachesTheOutboxOrTheLog()
    {
        const Id student = decide(QStringLiteral("2026012"), Verdict::Approve);
        // A gateway that (wrongly) echoes the secret and the phone back in its error message.
        const QString phone = SmsOutbox(db()).forStudent(student).front().payload.value(QStringLiteral("phone")).toString();
        m_script->append(result(SmsOutcome::Permanent, QStringLiteral("AuthFailure"),
                                QStringLiteral("bad key S3cr3t-never-shown for %1").arg(phone)));
        g_log.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("photodesk.sms.debug=true"));
        const auto previous = qInstallMessageHandler(captureMessages);
        dispatcher()->drain();
        qInstallMessageHandler(previous);
        const SmsRecord r = SmsOutbox(db()).forStudent(student).front();
        QCOMPARE(r.state, QStringLiteral("failed"));
        QVERIFY2(!r.lastError.contains(QStringLiteral("S3cr3t")), qPrintable(r.lastError));
        QVERIFY2(!r.lastError.contains(phone), qPrintable(r.lastError));
        QVERIFY(!g_log.isEmpty());
        for (const QString& line : std::as_const(g_log)) {
            QVERIFY2(!line.contains(QStringLiteral("S3cr3t")), qPrintable(line));
            QVERIFY2(!line.contains(phone), qPrintable(line));
        }
        // Nowhere in the database either.
        Sql all(db(), QStringLiteral("SELECT payload || last_error || provider_ref || delivery_status FROM outbox"));
        all.exec();
        while (all.next())
            QVERIFY(!all.value(0).toString().contains(QStringLiteral("S3cr3t")));
    }

    void templateOverrideIsValidatedSavedAndLoaded()
    {
        const QString file = m_temp->dir() + QStringLiteral("/data/sms-templates.json");
        auto builtIn = SmsComposer::effective(file);
        QVERIFY(builtIn.ok());
        QCOMPARE(builtIn->signature(), SmsComposer::builtIn().signature());

        QCOMPARE(SmsComposer::saveOverride(file, "{not json").error().code, QStringLiteral("templates-invalid"));
        QByteArray edited = SmsComposer::builtIn().toJson();
        edited.replace("【示例大学】", "【北方大学】");
        QVERIFY(SmsComposer::saveOverride(file, edited).ok());
        auto loaded = SmsComposer::effective(file);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->signature(), QStringLiteral("【北方大学】"));
        Student s;
        s.name = QStringLiteral("张三");
        QVERIFY(loaded->compose(s, Verdict::Approve, {}, ReasonCatalog::builtIn()).text.startsWith(QStringLiteral("【北方大学】张三")));

        QByteArray broken = edited;
        broken.replace("{name}", "{nom}");
        QCOMPARE(SmsComposer::saveOverride(file, broken).error().code, QStringLiteral("templates-invalid"));
        QCOMPARE(SmsComposer::effective(file)->signature(), QStringLiteral("【北方大学】")); // the old file stays
        // A file broken by hand is reported, not silently replaced by the built-in templates.
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(broken);
        f.close();
        QCOMPARE(SmsComposer::effective(file).error().code, QStringLiteral("templates-invalid"));
        QVERIFY(SmsComposer::removeOverride(file).ok());
        QCOMPARE(SmsComposer::effective(file)->signature(), SmsComposer::builtIn().signature());
    }

    void templateParamsMatchTheComposedText()
    {
        const auto& catalog = ReasonCatalog::builtIn();
        const QStringList ids{catalog.reasons().at(0).id, catalog.reasons().at(1).id};
        Student s;
        s.name = QStringLiteral("李四");
        const SmsText text = SmsComposer::builtIn().compose(s, Verdict::Reject, ids, catalog);
        const QJsonObject params = SmsComposer::builtIn().templateParams(s.name, ids, catalog);
        QCOMPARE(params.value(QStringLiteral("name")).toString(), s.name);
        QVERIFY(text.text.contains(params.value(QStringLiteral("reasons")).toString()));
        QVERIFY(!SmsComposer::builtIn().templateParams(s.name, {}, catalog).contains(QStringLiteral("reasons")));
    }
};

QTEST_GUILESS_MAIN(TestSmsDispatcher)
#include "tst_smsdispatcher.moc"
