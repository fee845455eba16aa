// The three SmsProvider implementations: Aliyun SendSms (2017-05-25, RPC signature v1),
// Tencent Cloud SendSms (2021-01-11, TC3-HMAC-SHA256) and the generic JSON gateway.
#include "core/notify/SmsProvider.h"

#include "core/notify/SmsSigning.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

namespace pd {

QString toString(SmsProviderKind k)
{
    switch (k) {
    case SmsProviderKind::Aliyun: return QStringLiteral("aliyun");
    case SmsProviderKind::Tencent: return QStringLiteral("tencent");
    case SmsProviderKind::Generic: return QStringLiteral("generic");
    }
    return {};
}

std::optional<SmsProviderKind> smsProviderKindFromString(const QString& s)
{
    for (auto k : {SmsProviderKind::Aliyun, SmsProviderKind::Tencent, SmsProviderKind::Generic})
        if (toString(k) == s)
            return k;
    return std::nullopt;
}

QUrl SmsProviderConfig::defaultEndpoint(SmsProviderKind kind)
{
    switch (kind) {
    case SmsProviderKind::Aliyun: return QUrl(QStringLiteral("https://dysmsapi.aliyuncs.com/"));
    case SmsProviderKind::Tencent: return QUrl(QStringLiteral("https://sms.tencentcloudapi.com/"));
    case SmsProviderKind::Generic: return {}; // a school's own gateway has no default
    }
    return {};
}

SmsOutcome classifyHttpStatus(int status)
{
    if (status >= 200 && status < 300)
        return SmsOutcome::Accepted;
    if (status == 408 || status == 425 || status == 429 || status >= 500 || status == 0)
        return SmsOutcome::Transient;
    return SmsOutcome::Permanent;
}

SmsOutcome classifyAliyunCode(const QString& code)
{
    if (code == QLatin1String("OK"))
        return SmsOutcome::Accepted;
    // Throttling and the provider's own trouble pass; so do a reused nonce or a skewed clock
    // (the next try signs afresh) and an empty balance (someone tops it up).
    static const QStringList transient = {
        QStringLiteral("isv.BUSINESS_LIMIT_CONTROL"), QStringLiteral("isv.DAY_LIMIT_CONTROL"),
        QStringLiteral("isv.AMOUNT_NOT_ENOUGH"),      QStringLiteral("isv.OUT_OF_SERVICE"),
        QStringLiteral("isp.SYSTEM_ERROR"),           QStringLiteral("SignatureNonceUsed"),
        QStringLiteral("InvalidTimeStamp.Expired"),   QStringLiteral("ServiceUnavailable"),
        QStringLiteral("InternalError"),
    };
    if (transient.contains(code) || code.startsWith(QLatin1String("Throttling")) || code.startsWith(QLatin1String("isp.")))
        return SmsOutcome::Transient;
    // Invalid number, template or signature rejected, bad credentials: retrying cannot help.
    if (code.startsWith(QLatin1String("isv.")) || code == QLatin1String("SignatureDoesNotMatch")
        || code.startsWith(QLatin1String("InvalidAccessKeyId")) || code.startsWith(QLatin1String("MissingParameter"))
        || code.startsWith(QLatin1String("InvalidParameter")) || code.startsWith(QLatin1String("Forbidden")))
        return SmsOutcome::Permanent;
    return SmsOutcome::Transient;
}

SmsOutcome classifyTencentCode(const QString& code)
{
    if (code == QLatin1String("Ok"))
        return SmsOutcome::Accepted;
    if (code.startsWith(QLatin1String("LimitExceeded")) || code.startsWith(QLatin1String("RequestLimitExceeded"))
        || code.startsWith(QLatin1String("InternalError")) || code.startsWith(QLatin1String("ResourceUnavailable"))
        || code == QLatin1String("AuthFailure.SignatureExpire") || code == QLatin1String("FailedOperation.InsufficientBalanceInSmsPackage"))
        return SmsOutcome::Transient;
    if (code.startsWith(QLatin1String("AuthFailure")) || code.startsWith(QLatin1String("InvalidParameter"))
        || code.startsWith(QLatin1String("FailedOperation")) || code.startsWith(QLatin1String("UnauthorizedOperation"))
        || code.startsWith(QLatin1String("UnsupportedOperation")) || code.startsWith(QLatin1String("MissingParameter")))
        return SmsOutcome::Permanent;
    return SmsOutcome::Transient;
}

namespace {

// One HTTP exchange with a hard deadline, run in a local event loop on the calling thread.
struct HttpAnswer {
    bool networkError = false;
    QString networkCode; // network-timeout, network-refused, network-closed, network-error
    QString networkMessage;
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // lower-case names
};

class HttpClient {
public:
    HttpAnswer exchange(const QByteArray& method, QNetworkRequest request, const QByteArray& body, int timeoutMs)
    {
        if (!m_nam) {
            m_nam = std::make_unique<QNetworkAccessManager>();
            m_nam->setAutoDeleteReplies(false);
        }
        const QHostAddress host(request.url().host());
        if (host.isLoopback() || request.url().host() == QLatin1String("localhost"))
            m_nam->setProxy(QNetworkProxy::NoProxy); // the stand-ins: never through a proxy
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        std::unique_ptr<QNetworkReply> reply(method == "GET" ? m_nam->get(request)
                                                             : m_nam->sendCustomRequest(request, method, body));
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        bool timedOut = false;
        QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
            timedOut = true;
            reply->abort();
        });
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        deadline.start(timeoutMs);
        if (!reply->isFinished())
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        deadline.stop();

        HttpAnswer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        for (const auto& [name, value] : reply->rawHeaderPairs())
            a.headers.insert(name.toLower(), value);
        if (timedOut) {
            a.networkError = true;
            a.networkCode = QStringLiteral("network-timeout");
            a.networkMessage = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
            a.status = 0;
        } else if (a.status == 0 && reply->error() != QNetworkReply::NoError) {
            a.networkError = true;
            switch (reply->error()) {
            case QNetworkReply::ConnectionRefusedError: a.networkCode = QStringLiteral("network-refused"); break;
            case QNetworkReply::RemoteHostClosedError: a.networkCode = QStringLiteral("network-closed"); break;
            case QNetworkReply::TimeoutError:
            case QNetworkReply::OperationCanceledError: a.networkCode = QStringLiteral("network-timeout"); break;
            default: a.networkCode = QStringLiteral("network-error"); break;
            }
            a.networkMessage = reply->errorString();
        }
        return a;
    }

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

SmsSendResult networkFailure(const HttpAnswer& a)
{
    SmsSendResult r;
    r.outcome = SmsOutcome::Transient;
    r.code = a.networkCode;
    r.message = a.networkMessage;
    return r;
}

int retryAfter(const HttpAnswer& a)
{
    return a.headers.value("retry-after").toInt();
}

bool replayed(const HttpAnswer& a)
{
    return a.headers.value("x-photodesk-replay") == "1";
}

QString hostHeader(const QUrl& url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return url.port(defaultPort) == defaultPort ? url.host() : QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
}

QString templateCode(const SmsProviderConfig& c, const SmsRequest& r)
{
    return c.templateCodes.value(r.templateKind);
}

// ---------------------------------------------------------------- Aliyun

class AliyunProvider final : public SmsProvider {
public:
    explicit AliyunProvider(SmsProviderConfig c) : m_config(std::move(c)) {}
    SmsProviderKind kind() const override { return SmsProviderKind::Aliyun; }

    SmsSendResult send(const SmsRequest& request) override
    {
        const smssign::Params params = {
            {QStringLiteral("AccessKeyId"), m_config.credentials.keyId},
            {QStringLiteral("Action"), QStringLiteral("SendSms")},
            {QStringLiteral("Format"), QStringLiteral("JSON")},
            {QStringLiteral("OutId"), request.idempotencyKey},
            {QStringLiteral("PhoneNumbers"), request.phone},
            {QStringLiteral("RegionId"), m_config.region.isEmpty() ? QStringLiteral("cn-hangzhou") : m_config.region},
            {QStringLiteral("SignName"), m_config.signName},
            {QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1")},
            {QStringLiteral("SignatureNonce"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("SignatureVersion"), QStringLiteral("1.0")},
            {QStringLiteral("TemplateCode"), templateCode(m_config, request)},
            {QStringLiteral("TemplateParam"), QString::fromUtf8(QJsonDocument(request.templateParams).toJson(QJsonDocument::Compact))},
            {QStringLiteral("Timestamp"), QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))},
            {QStringLiteral("Version"), QStringLiteral("2017-05-25")},
        };
        const QString signature = smssign::aliyunSignature("GET", params, m_config.credentials.secret);
        QUrl url = m_config.effectiveEndpoint();
        const QByteArray query = "Signature=" + smssign::aliyunPercentEncode(signature) + '&' + smssign::aliyunCanonicalQuery(params);
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
        QNetworkRequest req(url);
        req.setRawHeader("Accept", "application/json");
        const HttpAnswer a = m_http.exchange("GET", req, {}, m_config.timeoutMs);
        if (a.networkError)
            return networkFailure(a);

        SmsSendResult r;
        r.httpStatus = a.status;
        r.retryAfterSeconds = retryAfter(a);
        r.duplicate = replayed(a);
        const QJsonObject o = QJsonDocument::fromJson(a.body).object();
        r.code = o.value(QStringLiteral("Code")).toString();
        r.message = o.value(QStringLiteral("Message")).toString();
        r.providerMessageId = o.value(QStringLiteral("BizId")).toString();
        if (r.code.isEmpty()) {
            r.outcome = a.status >= 200 && a.status < 300 ? SmsOutcome::Transient : classifyHttpStatus(a.status);
            r.code = QStringLiteral("http-%1").arg(a.status);
            r.message = QStringLiteral("unreadable answer from the gateway");
        } else {
            r.outcome = classifyAliyunCode(r.code);
            if (r.outcome == SmsOutcome::Accepted && r.providerMessageId.isEmpty())
                r.outcome = SmsOutcome::Transient;
        }
        return r;
    }

private:
    SmsProviderConfig m_config;
    HttpClient m_http;
};

// ---------------------------------------------------------------- Tencent

class TencentProvider final : public SmsProvider {
public:
    explicit TencentProvider(SmsProviderConfig c) : m_config(std::move(c)) {}
    SmsProviderKind kind() const override { return SmsProviderKind::Tencent; }

    SmsSendResult send(const SmsRequest& request) override
    {
        QJsonArray params;
        params.append(request.templateParams.value(QStringLiteral("name")).toString());
        if (request.templateParams.contains(QStringLiteral("reasons")))
            params.append(request.templateParams.value(QStringLiteral("reasons")).toString());
        const QString phone = request.phone.startsWith(QLatin1Char('+')) ? request.phone : QStringLiteral("+86") + request.phone;
        const QJsonObject body{
            {QStringLiteral("PhoneNumberSet"), QJsonArray{phone}},
            {QStringLiteral("SmsSdkAppId"), m_config.sdkAppId},
            {QStringLiteral("SignName"), m_config.signName},
            {QStringLiteral("TemplateId"), templateCode(m_config, request)},
            {QStringLiteral("TemplateParamSet"), params},
            {QStringLiteral("SessionContext"), request.idempotencyKey},
        };
        const QUrl url = m_config.effectiveEndpoint();
        smssign::Tc3Request sig;
        sig.method = "POST";
        sig.path = url.path(QUrl::FullyEncoded).isEmpty() ? QByteArray("/") : url.path(QUrl::FullyEncoded).toLatin1();
        sig.host = hostHeader(url).toLatin1();
        sig.payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        sig.service = QStringLiteral("sms");
        sig.timestamp = QDateTime::currentSecsSinceEpoch();

        QNetworkRequest req(url);
        req.setRawHeader("Content-Type", sig.contentType);
        req.setRawHeader("Host", sig.host);
        req.setRawHeader("X-TC-Action", "SendSms");
        req.setRawHeader("X-TC-Version", "2021-01-11");
        req.setRawHeader("X-TC-Timestamp", QByteArray::number(sig.timestamp));
        req.setRawHeader("X-TC-Region", (m_config.region.isEmpty() ? QStringLiteral("ap-guangzhou") : m_config.region).toLatin1());
        req.setRawHeader("Authorization", smssign::tc3Authorization(sig, m_config.credentials.keyId, m_config.credentials.secret));
        const HttpAnswer a = m_http.exchange("POST", req, sig.payload, m_config.timeoutMs);
        if (a.networkError)
            return networkFailure(a);

        SmsSendResult r;
        r.httpStatus = a.status;
        r.retryAfterSeconds = retryAfter(a);
        r.duplicate = replayed(a);
        const QJsonObject response = QJsonDocument::fromJson(a.body).object().value(QStringLiteral("Response")).toObject();
        if (response.isEmpty()) {
            r.outcome = a.status >= 200 && a.status < 300 ? SmsOutcome::Transient : classifyHttpStatus(a.status);
            r.code = QStringLiteral("http-%1").arg(a.status);
            r.message = QStringLiteral("unreadable answer from the gateway");
            return r;
        }
        if (response.contains(QStringLiteral("Error"))) {
            const QJsonObject e = response.value(QStringLiteral("Error")).toObject();
            r.code = e.value(QStringLiteral("Code")).toString();
            r.message = e.value(QStringLiteral("Message")).toString();
            r.outcome = classifyTencentCode(r.code);
            if (r.outcome == SmsOutcome::Accepted)
                r.outcome = SmsOutcome::Transient;
            return r;
        }
        // One status per number; we send one number.
        const QJsonObject st = response.value(QStringLiteral("SendStatusSet")).toArray().at(0).toObject();
        r.code = st.value(QStringLiteral("Code")).toString();
        r.message = st.value(QStringLiteral("Message")).toString();
        r.providerMessageId = st.value(QStringLiteral("SerialNo")).toString();
        r.outcome = r.code.isEmpty() ? SmsOutcome::Transient : classifyTencentCode(r.code);
        if (r.outcome == SmsOutcome::Accepted && r.providerMessageId.isEmpty())
            r.outcome = SmsOutcome::Transient;
        return r;
    }

private:
    SmsProviderConfig m_config;
    HttpClient m_http;
};

// ---------------------------------------------------------------- generic gateway

class GenericProvider final : public SmsProvider {
public:
    explicit GenericProvider(SmsProviderConfig c) : m_config(std::move(c)) {}
    SmsProviderKind kind() const override { return SmsProviderKind::Generic; }

    SmsSendResult send(const SmsRequest& request) override
    {
        const QUrl url = m_config.effectiveEndpoint();
        const QByteArray body = QJsonDocument(QJsonObject{
                                                  {QStringLiteral("phone"), request.phone},
                                                  {QStringLiteral("text"), request.text},
                                                  {QStringLiteral("template"), request.templateKind},
                                                  {QStringLiteral("params"), request.templateParams},
                                                  {QStringLiteral("idempotency_key"), request.idempotencyKey},
                                              })
                                    .toJson(QJsonDocument::Compact);
        const QByteArray path = url.path(QUrl::FullyEncoded).isEmpty() ? QByteArray("/") : url.path(QUrl::FullyEncoded).toLatin1();
        const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const QByteArray nonce = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        QNetworkRequest req(url);
        req.setRawHeader("Content-Type", "application/json; charset=utf-8");
        req.setRawHeader("Idempotency-Key", request.idempotencyKey.toUtf8());
        req.setRawHeader("X-PhotoDesk-Key-Id", m_config.credentials.keyId.toUtf8());
        req.setRawHeader("X-PhotoDesk-Timestamp", timestamp);
        req.setRawHeader("X-PhotoDesk-Nonce", nonce);
        req.setRawHeader("X-PhotoDesk-Signature",
                         smssign::genericSignature("POST", path, timestamp, nonce, body, m_config.credentials.secret).toLatin1());
        const HttpAnswer a = m_http.exchange("POST", req, body, m_config.timeoutMs);
        if (a.networkError)
            return networkFailure(a);

        SmsSendResult r;
        r.httpStatus = a.status;
        r.retryAfterSeconds = retryAfter(a);
        const QJsonObject o = QJsonDocument::fromJson(a.body).object();
        const QString status = o.value(QStringLiteral("status")).toString();
        r.providerMessageId = o.value(QStringLiteral("message_id")).toString();
        r.duplicate = status == QLatin1String("duplicate") || a.status == 409;
        if ((a.status >= 200 && a.status < 300 && (status == QLatin1String("accepted") || r.duplicate))
            || (a.status == 409 && !r.providerMessageId.isEmpty())) {
            r.outcome = r.providerMessageId.isEmpty() ? SmsOutcome::Transient : SmsOutcome::Accepted;
            r.code = r.duplicate ? QStringLiteral("duplicate") : QStringLiteral("accepted");
            return r;
        }
        const QJsonObject e = o.value(QStringLiteral("error")).toObject();
        r.code = e.value(QStringLiteral("code")).toString();
        r.message = e.value(QStringLiteral("message")).toString();
        if (r.code.isEmpty())
            r.code = QStringLiteral("http-%1").arg(a.status);
        r.outcome = classifyHttpStatus(a.status);
        // A reused nonce (QNetworkAccessManager re-sends the same bytes after a dropped
        // connection) or a skewed clock: the next try signs afresh.
        if (r.code == QLatin1String("nonce_reused") || r.code == QLatin1String("stale_request"))
            r.outcome = SmsOutcome::Transient;
        if (r.outcome == SmsOutcome::Accepted) // 2xx without a recognisable answer
            r.outcome = SmsOutcome::Transient;
        return r;
    }

private:
    SmsProviderConfig m_config;
    HttpClient m_http;
};

} // namespace

std::unique_ptr<SmsProvider> SmsProvider::create(const SmsProviderConfig& config)
{
    switch (config.kind) {
    case SmsProviderKind::Aliyun: return std::make_unique<AliyunProvider>(config);
    case SmsProviderKind::Tencent: return std::make_unique<TencentProvider>(config);
    case SmsProviderKind::Generic: return std::make_unique<GenericProvider>(config);
    }
    return nullptr;
}

} // namespace pd
