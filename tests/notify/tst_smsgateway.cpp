// The three providers over real HTTP against the stand-ins (tools/sms-gateway) on 127.0.0.1:
// every fault switch, the providers' error answers, de-duplication by idempotency key.
#include "GatewayProcess.h"
#include "TestSupport.h"

#include "core/notify/SmsComposer.h"
#include "core/notify/SmsDispatcher.h"
#include "core/notify/SmsOutbox.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QtTest>

using namespace pd;

class TestSmsGateway : public QObject {
    Q_OBJECT

    std::unique_ptr<test::GatewayProcess> m_gateway;
    std::unique_ptr<test::TempStore> m_temp;
    Session m_reviewer;
    QDateTime m_now;
    int m_students = 0;

    SmsProviderConfig config(const QString& provider, const QString& secret = QLatin1String(test::GatewayProcess::kSecret))
    {
        SmsProviderConfig c;
        c.kind = *smsProviderKindFromString(provider);
        c.endpoint = m_gateway->endpoint(provider);
        c.signName = QStringLiteral("示例大学");
        c.sdkAppId = QStringLiteral("1400000000");
        const bool tencent = c.kind == SmsProviderKind::Tencent;
        c.templateCodes = {{QStringLiteral("approved"), tencent ? QStringLiteral("100001") : QStringLiteral("SMS_100001")},
                           {QStringLiteral("rejected"), tencent ? QStringLiteral("100002") : QStringLiteral("SMS_100002")}};
        c.timeoutMs = 400;
        c.credentials = {QLatin1String(test::GatewayProcess::kKeyId), secret};
        return c;
    }

    std::unique_ptr<SmsDispatcher> dispatcher(const QString& provider, const QString& secret = QLatin1String(test::GatewayProcess::kSecret))
    {
        SmsDispatchPolicy p;
        p.owner = QStringLiteral("it");
        p.backoffBaseMs = 1000;
        p.leaseMs = 5000;
        p.lookupDelayMs = 1000;
        return std::make_unique<SmsDispatcher>(m_temp->store(), config(provider, secret), p);
    }

    // One decision; gives its SMS outbox id.
    Id decide(Verdict verdict = Verdict::Approve, const QString& phone = {})
    {
        const auto sample = test::addSampleAttempt(*m_temp->store(), QStringLiteral("20269%1").arg(++m_students, 2, 10, QLatin1Char('0')), 1);
        if (!phone.isEmpty())
            Sql(m_temp->store()->db(), QStringLiteral("UPDATE students SET phone = :p WHERE id = :id"))
                .bind(QStringLiteral(":p"), phone)
                .bind(QStringLiteral(":id"), sample.studentId)
                .exec();
        const QStringList reasons = verdict == Verdict::Reject ? QStringList{ReasonCatalog::builtIn().reasons().front().id} : QStringList{};
        DecisionService service(m_temp->store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
        const auto d = service.decide(m_reviewer, {sample.attemptId, verdict, reasons, {}});
        if (!d)
            qFatal("decide: %s", qPrintable(d.error().message));
        return SmsOutbox(m_temp->store()->db()).forStudent(sample.studentId).front().id;
    }

    SmsRecord record(Id id) { return *SmsOutbox(m_temp->store()->db()).find(id); }

    int deliveriesOf(const QString& provider, const QString& key)
    {
        return m_gateway->stats().value(QStringLiteral("by_key")).toObject().value(provider + QLatin1Char(':') + key).toInt();
    }

    static void providers()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("aliyun") << QStringLiteral("aliyun");
        QTest::newRow("tencent") << QStringLiteral("tencent");
        QTest::newRow("generic") << QStringLiteral("generic");
    }

private slots:
    void initTestCase() { m_gateway = std::make_unique<test::GatewayProcess>(QStringList{QStringLiteral("--hold-ms"), QStringLiteral("1500")}); }
    void cleanupTestCase() { m_gateway.reset(); }

    void init()
    {
        m_gateway->reset();
        m_temp = std::make_unique<test::TempStore>();
        m_reviewer = test::addUser(m_temp->store(), QStringLiteral("rev"), Role::Reviewer);
        m_now = QDateTime::currentDateTimeUtc();
        setClockForTesting([this] { return m_now; });
    }
    void cleanup()
    {
        setClockForTesting({});
        m_temp.reset();
    }

    void deliversOnceWithTheProvidersId_data() { providers(); }
    void deliversOnceWithTheProvidersId()
    {
        QFETCH(QString, provider);
        const Id approved = decide(Verdict::Approve);
        const Id rejected = decide(Verdict::Reject);
        const SmsDispatchStats s = dispatcher(provider)->drain();
        QCOMPARE(s.sent, 2);
        QCOMPARE(s.duplicates, 0);
        for (Id id : {approved, rejected}) {
            const SmsRecord r = record(id);
            QCOMPARE(r.state, QStringLiteral("sent"));
            QCOMPARE(r.provider, provider);
            QCOMPARE(deliveriesOf(provider, r.idempotencyKey), 1);
            QVERIFY(!r.providerMessageId.isEmpty());
        }
        // What the stand-in received is what the reviewer previewed.
        const QJsonArray deliveries = m_gateway->stats().value(QStringLiteral("deliveries")).toArray();
        QCOMPARE(deliveries.size(), 2);
        const QJsonObject second = deliveries.at(1).toObject();
        QCOMPARE(second.value(QStringLiteral("message_id")).toString(), record(rejected).providerMessageId);
        if (provider == QLatin1String("generic"))
            QCOMPARE(second.value(QStringLiteral("text")).toString(), record(rejected).payload.value(QStringLiteral("text")).toString());
        else if (provider == QLatin1String("aliyun"))
            QCOMPARE(second.value(QStringLiteral("template")).toString(), QStringLiteral("SMS_100002"));
        else
            QCOMPARE(second.value(QStringLiteral("params")).toArray().size(), 2); // name, reasons
    }

    void transientFaultsAreRetriedAndDeliveredOnce_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("found"); // the first try got through although its answer was lost
        for (const char* p : {"aliyun", "tencent", "generic"}) {
            const QString provider = QLatin1String(p);
            const QString throttle = provider == QLatin1String("aliyun")    ? QStringLiteral("isv.BUSINESS_LIMIT_CONTROL")
                                     : provider == QLatin1String("tencent") ? QStringLiteral("LimitExceeded.PhoneNumberThirtySecondLimit")
                                                                            : QStringLiteral("throttled");
            const QString fivexx = provider == QLatin1String("aliyun")    ? QStringLiteral("ServiceUnavailable")
                                   : provider == QLatin1String("tencent") ? QStringLiteral("http-502")
                                                                          : QStringLiteral("unavailable");
            QTest::addRow("%s-timeout", p) << provider << QStringLiteral("timeout") << QStringLiteral("network-timeout") << false;
            QTest::addRow("%s-5xx", p) << provider << QStringLiteral("5xx") << fivexx << false;
            QTest::addRow("%s-throttle", p) << provider << QStringLiteral("throttle") << throttle << false;
            QTest::addRow("%s-drop", p) << provider << QStringLiteral("drop") << QStringLiteral("network-closed") << false;
            QTest::addRow("%s-drop-after", p) << provider << QStringLiteral("drop-after") << QStringLiteral("network-closed") << true;
        }
    }
    void transientFaultsAreRetriedAndDeliveredOnce()
    {
        QFETCH(QString, provider);
        QFETCH(QString, fault);
        QFETCH(QString, code);
        QFETCH(bool, found);
        const Id id = decide();
        // Each request goes out once (no silent re-send by the HTTP client), so one fault is
        // exactly one failed try.
        m_gateway->fault(provider, fault, 1);
        auto d = dispatcher(provider);
        SmsDispatchStats s = d->drain();
        QCOMPARE(s.deferred, 1);
        SmsRecord r = record(id);
        QCOMPARE(r.state, QStringLiteral("pending"));
        QVERIFY2(r.lastError.startsWith(code), qPrintable(r.lastError));
        QCOMPARE(deliveriesOf(provider, r.idempotencyKey), found ? 1 : 0);
        // Throttling is a clear "no"; the others may have got through: look up first.
        QCOMPARE(r.needsLookup, fault != QLatin1String("throttle"));

        m_now = m_now.addSecs(5);
        const SmsDispatchStats rest = d->drain();
        QCOMPARE(rest.sent, 1);
        QCOMPARE(rest.duplicates, 0);
        QCOMPARE(rest.lookups, fault != QLatin1String("throttle") ? 1 : 0);
        QCOMPARE(rest.foundByLookup, found ? 1 : 0);
        r = record(id);
        QCOMPARE(r.state, QStringLiteral("sent"));
        QVERIFY(r.tries >= 2);
        QVERIFY(!r.needsLookup);
        QCOMPARE(deliveriesOf(provider, r.idempotencyKey), 1); // the student got it exactly once
        QCOMPARE(m_gateway->stats().value(QStringLiteral("replays")).toInt(), 0); // not even offered twice
    }

    // Against a stand-in that behaves like the public Aliyun/Tencent APIs (no de-duplication):
    // each query path (found / not found / query error) of each provider.
    void lookupPathsAgainstANonDeduplicatingGateway_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("path");
        for (const char* p : {"aliyun", "tencent", "generic"})
            for (const char* path : {"found", "not-found", "query-error"})
                QTest::addRow("%s-%s", p, path) << QString::fromLatin1(p) << QString::fromLatin1(path);
    }
    void lookupPathsAgainstANonDeduplicatingGateway()
    {
        QFETCH(QString, provider);
        QFETCH(QString, path);
        auto plain = std::make_unique<test::GatewayProcess>(QStringList{QStringLiteral("--no-dedupe"), QStringLiteral("--hold-ms"), QStringLiteral("1500")});
        std::swap(m_gateway, plain);
        const auto restore = qScopeGuard([&] { std::swap(m_gateway, plain); });

        const Id id = decide(Verdict::Reject);
        const QString key = record(id).idempotencyKey;
        // found: delivered, answer lost; not-found: connection dropped before delivery.
        m_gateway->fault(provider, path == QLatin1String("not-found") ? QStringLiteral("drop") : QStringLiteral("drop-after"));
        auto d = dispatcher(provider);
        QCOMPARE(d->drain().deferred, 1);
        QVERIFY(record(id).needsLookup);
        QCOMPARE(deliveriesOf(provider, key), path == QLatin1String("not-found") ? 0 : 1);

        if (path == QLatin1String("query-error")) {
            m_gateway->fault(provider, QStringLiteral("5xx"));
            m_now = m_now.addSecs(5);
            const SmsDispatchStats s = d->drain();
            QCOMPARE(s.lookups, 1);
            QCOMPARE(s.lookupFailed, 1);
            QCOMPARE(s.sent, 0);
            const SmsRecord r = record(id);
            QCOMPARE(r.state, QStringLiteral("pending"));
            QVERIFY(r.needsLookup); // still unclear: asked again, never sent blind
            QVERIFY2(r.lastError.contains(QLatin1String("look-up")), qPrintable(r.lastError));
            QCOMPARE(deliveriesOf(provider, key), 1);
        }
        m_now = m_now.addSecs(60);
        const SmsDispatchStats s = d->drain();
        QCOMPARE(s.lookups, 1);
        QCOMPARE(s.sent, 1);
        QCOMPARE(s.foundByLookup, path == QLatin1String("not-found") ? 0 : 1);
        const SmsRecord r = record(id);
        QCOMPARE(r.state, QStringLiteral("sent"));
        QVERIFY(!r.needsLookup);
        QCOMPARE(deliveriesOf(provider, key), 1); // exactly once, without any de-duplication
        if (path != QLatin1String("not-found")) {
            QVERIFY2(r.deliveryStatus.endsWith(QLatin1String("(lookup)")), qPrintable(r.deliveryStatus));
            // Tencent's and the generic gateway's answers name the message; Aliyun's DTO has no BizId.
            if (provider != QLatin1String("aliyun"))
                QCOMPARE(r.providerMessageId, m_gateway->stats().value(QStringLiteral("deliveries")).toArray().at(0).toObject().value(QStringLiteral("message_id")).toString());
        }
        QVERIFY(m_gateway->stats().value(QStringLiteral("lookups")).toInt() >= 1);
    }

    // The look-ups are signed and checked like the sends: a wrong secret is refused.
    void lookupWithAWrongSecretFails_data() { providers(); }
    void lookupWithAWrongSecretFails()
    {
        QFETCH(QString, provider);
        auto provider_ = SmsProvider::create(config(provider, QStringLiteral("wrong-secret")));
        SmsRequest req;
        req.phone = QStringLiteral("13800138000");
        req.idempotencyKey = QStringLiteral("sms:decision:1");
        const SmsLookupResult r = provider_->lookup(req, QDateTime::currentDateTimeUtc());
        QCOMPARE(int(r.outcome), int(SmsLookupOutcome::Failed));
        const QString expected = provider == QLatin1String("aliyun")    ? QStringLiteral("SignatureDoesNotMatch")
                                 : provider == QLatin1String("tencent") ? QStringLiteral("AuthFailure.SignatureFailure")
                                                                        : QStringLiteral("bad_signature");
        QCOMPARE(r.code, expected);
    }

    void permanentFailuresAreFailedForTheHotline_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        const struct {
            const char* provider;
            const char* kind;
            const char* code;
        } rows[] = {
            {"aliyun", "invalid-number", "isv.MOBILE_NUMBER_ILLEGAL"},
            {"aliyun", "template-rejected", "isv.SMS_TEMPLATE_ILLEGAL"},
            {"aliyun", "bad-secret", "SignatureDoesNotMatch"},
            {"tencent", "invalid-number", "InvalidParameterValue.IncorrectPhoneNumber"},
            {"tencent", "template-rejected", "FailedOperation.TemplateIncorrectOrUnapproved"},
            {"tencent", "bad-secret", "AuthFailure.SignatureFailure"},
            {"generic", "invalid-number", "invalid_phone"},
            {"generic", "template-rejected", "content_rejected"},
            {"generic", "bad-secret", "bad_signature"},
        };
        for (const auto& r : rows)
            QTest::addRow("%s-%s", r.provider, r.kind) << QString::fromLatin1(r.provider) << QString::fromLatin1(r.kind) << QString::fromLatin1(r.code);
    }
    void permanentFailuresAreFailedForTheHotline()
    {
        QFETCH(QString, provider);
        QFETCH(QString, kind);
        QFETCH(QString, code);
        const QString badPhone = QStringLiteral("1230000");
        const Id id = decide(Verdict::Approve, kind == QLatin1String("invalid-number") ? badPhone : QString());
        if (kind == QLatin1String("template-rejected"))
            m_gateway->fault(provider, QStringLiteral("template-rejected"));
        const QString secret = kind == QLatin1String("bad-secret") ? QStringLiteral("wrong-secret-Xy7") : QLatin1String(test::GatewayProcess::kSecret);
        const SmsDispatchStats s = dispatcher(provider, secret)->drain();
        QCOMPARE(s.failed, 1);
        const SmsRecord r = record(id);
        QCOMPARE(r.state, QStringLiteral("failed"));
        QCOMPARE(r.tries, 1);
        QVERIFY2(r.lastError.startsWith(code), qPrintable(r.lastError));
        QVERIFY(!r.lastError.contains(secret));
        QVERIFY(!r.lastError.contains(QLatin1String(test::GatewayProcess::kSecret)));
        QVERIFY(!r.lastError.contains(badPhone));
        QCOMPARE(deliveriesOf(provider, r.idempotencyKey), 0);
        m_now = m_now.addDays(1);
        QCOMPARE(dispatcher(provider)->drain().claimed, 0);
    }

    void unreachableGatewayIsTransient()
    {
        const Id id = decide();
        SmsProviderConfig c = config(QStringLiteral("aliyun"));
        c.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1/aliyun/")); // nothing listens there
        SmsDispatcher d(m_temp->store(), c, {});
        QCOMPARE(d.drain().deferred, 1);
        QVERIFY(record(id).lastError.startsWith(QLatin1String("network-")));
    }
};

QTEST_GUILESS_MAIN(TestSmsGateway)
#include "tst_smsgateway.moc"
