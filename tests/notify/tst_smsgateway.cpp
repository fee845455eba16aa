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
        QTest::addColumn<bool>("replay"); // the first try got through although its answer was lost
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
        QFETCH(bool, replay);
        const Id id = decide();
        // QNetworkAccessManager itself re-sends, once and with the same bytes, a request whose
        // kept-alive connection closed without an answer; the dispatcher sees the second drop.
        const bool dropped = fault.startsWith(QLatin1String("drop"));
        m_gateway->fault(provider, fault, dropped ? 2 : 1);
        auto d = dispatcher(provider);
        SmsDispatchStats s = d->drain();
        QCOMPARE(s.deferred, 1);
        SmsRecord r = record(id);
        QCOMPARE(r.state, QStringLiteral("pending"));
        QVERIFY2(r.lastError.startsWith(code), qPrintable(r.lastError));
        QCOMPARE(deliveriesOf(provider, r.idempotencyKey), replay ? 1 : 0);

        // Past the back-off; a leftover queued drop may cost one more round.
        SmsDispatchStats rest;
        for (int round = 0; round < 3 && record(id).state != QLatin1String("sent"); ++round) {
            m_now = m_now.addSecs(5);
            rest += d->drain();
        }
        QCOMPARE(rest.sent, 1);
        QCOMPARE(rest.duplicates, replay ? 1 : 0);
        r = record(id);
        QCOMPARE(r.state, QStringLiteral("sent"));
        QVERIFY(r.tries >= 2);
        QCOMPARE(deliveriesOf(provider, r.idempotencyKey), 1); // the student got it exactly once
        QCOMPARE(m_gateway->stats().value(QStringLiteral("replays")).toInt() > 0, replay);
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
