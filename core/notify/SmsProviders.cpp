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
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimeZone>
#include <QUrlQuery>
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

// One HTTP/1.1 exchange with a hard deadline, run in a local event loop on the calling thread.
//
// Deliberately a plain socket and not QNetworkAccessManager: QNAM silently re-sends a request
// whose connection closed before the answer (up to twice, POST included). Against a provider
// that does not de-duplicate, that re-send is a second SMS the dispatcher never hears of.
// Here every request goes out exactly once, on its own connection ("Connection: close").
struct HttpAnswer {
    bool networkError = false;
    QString networkCode; // network-timeout, network-refused, network-closed, network-error
    QString networkMessage;
    bool requestWritten = false; // the gateway may have acted on it (an error is then unclear)
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // lower-case names
};

QString hostHeader(const QUrl& url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return url.port(defaultPort) == defaultPort ? url.host() : QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
}

// Splits a raw answer; false while it is incomplete.
bool parseHttp(const QByteArray& in, HttpAnswer& a, bool atEof)
{
    const qsizetype headerEnd = in.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = in.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine.at(0).startsWith("HTTP/"))
        return false;
    a.status = statusLine.at(1).toInt();
    a.headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            a.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const QByteArray rest = in.mid(headerEnd + 4);
    if (a.headers.value("transfer-encoding").toLower().contains("chunked")) {
        QByteArray body;
        qsizetype pos = 0;
        for (;;) {
            const qsizetype eol = rest.indexOf("\r\n", pos);
            if (eol < 0)
                return false;
            bool ok = false;
            const qsizetype size = rest.mid(pos, eol - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok)
                return false;
            if (size == 0) {
                a.body = body;
                return true;
            }
            if (rest.size() < eol + 2 + size + 2)
                return false;
            body += rest.mid(eol + 2, size);
            pos = eol + 2 + size + 2;
        }
    }
    if (a.headers.contains("content-length")) {
        const qsizetype length = a.headers.value("content-length").toLongLong();
        if (rest.size() < length)
            return false;
        a.body = rest.left(length);
        return true;
    }
    a.body = rest;
    return atEof; // no length: the body ends with the connection
}

class HttpClient {
public:
    HttpAnswer exchange(const QByteArray& method, const QNetworkRequest& request, const QByteArray& body, int timeoutMs)
    {
        const QUrl url = request.url();
        const bool tls = url.scheme() == QLatin1String("https");
        std::unique_ptr<QTcpSocket> socket;
#if QT_CONFIG(ssl)
        if (tls)
            socket = std::make_unique<QSslSocket>();
#endif
        if (!socket)
            socket = std::make_unique<QTcpSocket>();
        const QHostAddress host(url.host());
        if (host.isLoopback() || url.host() == QLatin1String("localhost"))
            socket->setProxy(QNetworkProxy::NoProxy); // the stand-ins: never through a proxy

        QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
        if (target.isEmpty())
            target = "/";
        if (url.hasQuery())
            target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
        QByteArray raw = method + ' ' + target + " HTTP/1.1\r\n";
        if (!request.hasRawHeader("Host"))
            raw += "Host: " + hostHeader(url).toLatin1() + "\r\n";
        for (const QByteArray& name : request.rawHeaderList())
            raw += name + ": " + request.rawHeader(name) + "\r\n";
        if (method != "GET")
            raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        raw += "Connection: close\r\n\r\n" + body;

        HttpAnswer a;
        QByteArray in;
        bool complete = false;
        bool timedOut = false;
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
            timedOut = true;
            loop.quit();
        });
        auto write = [&] {
            socket->write(raw);
            a.requestWritten = true;
        };
#if QT_CONFIG(ssl)
        if (tls)
            QObject::connect(static_cast<QSslSocket*>(socket.get()), &QSslSocket::encrypted, &loop, write);
        else
#endif
            QObject::connect(socket.get(), &QTcpSocket::connected, &loop, write);
        QObject::connect(socket.get(), &QTcpSocket::readyRead, &loop, [&] {
            in += socket->readAll();
            if (parseHttp(in, a, false)) {
                complete = true;
                loop.quit();
            }
        });
        QObject::connect(socket.get(), &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
        QObject::connect(socket.get(), &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
        deadline.start(timeoutMs);
        const quint16 port = quint16(url.port(tls ? 443 : 80));
#if QT_CONFIG(ssl)
        if (tls)
            static_cast<QSslSocket*>(socket.get())->connectToHostEncrypted(url.host(), port);
        else
#endif
            socket->connectToHost(url.host(), port);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        deadline.stop();
        if (!complete) {
            in += socket->readAll();
            complete = !timedOut && parseHttp(in, a, socket->state() != QAbstractSocket::ConnectedState);
        }
        const QAbstractSocket::SocketError error = socket->error();
        const QString errorText = socket->errorString();
        socket->abort();
        if (complete)
            return a;
        a.networkError = true;
        a.status = 0;
        a.body.clear();
        if (timedOut) {
            a.networkCode = QStringLiteral("network-timeout");
            a.networkMessage = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        } else if (error == QAbstractSocket::ConnectionRefusedError) {
            a.networkCode = QStringLiteral("network-refused");
            a.networkMessage = errorText;
        } else if (error == QAbstractSocket::RemoteHostClosedError || error == QAbstractSocket::UnknownSocketError) {
            a.networkCode = QStringLiteral("network-closed");
            a.networkMessage = QStringLiteral("the connection closed without a complete answer");
        } else {
            a.networkCode = QStringLiteral("network-error");
            a.networkMessage = errorText;
        }
        return a;
    }
};

SmsSendResult networkFailure(const HttpAnswer& a)
{
    SmsSendResult r;
    r.outcome = SmsOutcome::Transient;
    r.code = a.networkCode;
    r.message = a.networkMessage;
    r.unclear = a.requestWritten; // written, then no answer: it may have been delivered
    return r;
}

SmsLookupResult lookupFailure(const QString& code, const QString& message)
{
    SmsLookupResult r;
    r.outcome = SmsLookupOutcome::Failed;
    r.code = code;
    r.message = message;
    return r;
}

SmsLookupResult lookupNetworkFailure(const HttpAnswer& a)
{
    return lookupFailure(a.networkCode, a.networkMessage);
}

int retryAfter(const HttpAnswer& a)
{
    return a.headers.value("retry-after").toInt();
}

bool replayed(const HttpAnswer& a)
{
    return a.headers.value("x-photodesk-replay") == "1";
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
        const HttpAnswer a = call({
            {QStringLiteral("Action"), QStringLiteral("SendSms")},
            {QStringLiteral("OutId"), request.idempotencyKey},
            {QStringLiteral("PhoneNumbers"), request.phone},
            {QStringLiteral("SignName"), m_config.signName},
            {QStringLiteral("TemplateCode"), templateCode(m_config, request)},
            {QStringLiteral("TemplateParam"), QString::fromUtf8(QJsonDocument(request.templateParams).toJson(QJsonDocument::Compact))},
        });
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
            r.unclear = r.outcome == SmsOutcome::Transient;
        } else {
            r.outcome = classifyAliyunCode(r.code);
            if (r.outcome == SmsOutcome::Accepted && r.providerMessageId.isEmpty()) {
                r.outcome = SmsOutcome::Transient;
                r.unclear = true;
            }
            // Every request carries a fresh nonce: "used already" means Aliyun saw this very
            // request before (a re-send on the network path) and may have sent it.
            if (r.code == QLatin1String("SignatureNonceUsed") || a.status >= 500)
                r.unclear = true;
        }
        return r;
    }

    // QuerySendDetails (2017-05-25): the messages to one number on one day (Beijing time),
    // 50 per page; ours is the one whose OutId is the key. Its DTO has no BizId.
    SmsLookupResult lookup(const SmsRequest& request, const QDateTime& since) override
    {
        const QTimeZone beijing(8 * 3600);
        const QDate last = QDateTime::currentDateTimeUtc().toTimeZone(beijing).date();
        QDate day = since.isValid() ? since.toTimeZone(beijing).date() : last;
        day = qBound(last.addDays(-29), day, last); // the provider keeps 30 days
        for (; day <= last; day = day.addDays(1)) {
            for (int page = 1; page <= 20; ++page) {
                const HttpAnswer a = call({
                    {QStringLiteral("Action"), QStringLiteral("QuerySendDetails")},
                    {QStringLiteral("PhoneNumber"), request.phone},
                    {QStringLiteral("SendDate"), day.toString(QStringLiteral("yyyyMMdd"))},
                    {QStringLiteral("PageSize"), QStringLiteral("50")},
                    {QStringLiteral("CurrentPage"), QString::number(page)},
                });
                if (a.networkError)
                    return lookupNetworkFailure(a);
                const QJsonObject o = QJsonDocument::fromJson(a.body).object();
                const QString code = o.value(QStringLiteral("Code")).toString();
                if (code != QLatin1String("OK"))
                    return lookupFailure(code.isEmpty() ? QStringLiteral("http-%1").arg(a.status) : code,
                                         o.value(QStringLiteral("Message")).toString());
                const QJsonArray dtos = o.value(QStringLiteral("SmsSendDetailDTOs")).toObject().value(QStringLiteral("SmsSendDetailDTO")).toArray();
                for (const QJsonValue& v : dtos) {
                    const QJsonObject d = v.toObject();
                    if (d.value(QStringLiteral("OutId")).toString() != request.idempotencyKey)
                        continue;
                    SmsLookupResult r;
                    r.outcome = SmsLookupOutcome::Found;
                    r.status = QStringLiteral("SendStatus %1 %2")
                                   .arg(d.value(QStringLiteral("SendStatus")).toVariant().toString(),
                                        d.value(QStringLiteral("ErrCode")).toString())
                                   .trimmed();
                    return r;
                }
                const qint64 total = o.value(QStringLiteral("TotalCount")).toVariant().toLongLong();
                if (qint64(page) * 50 >= total || dtos.isEmpty())
                    break;
            }
        }
        SmsLookupResult r;
        r.outcome = SmsLookupOutcome::NotFound;
        return r;
    }

private:
    // One signed RPC GET: the common parameters plus `own`.
    HttpAnswer call(smssign::Params own)
    {
        smssign::Params params = {
            {QStringLiteral("AccessKeyId"), m_config.credentials.keyId},
            {QStringLiteral("Format"), QStringLiteral("JSON")},
            {QStringLiteral("RegionId"), m_config.region.isEmpty() ? QStringLiteral("cn-hangzhou") : m_config.region},
            {QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1")},
            {QStringLiteral("SignatureNonce"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("SignatureVersion"), QStringLiteral("1.0")},
            {QStringLiteral("Timestamp"), QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))},
            {QStringLiteral("Version"), QStringLiteral("2017-05-25")},
        };
        params += own;
        const QString signature = smssign::aliyunSignature("GET", params, m_config.credentials.secret);
        QUrl url = m_config.effectiveEndpoint();
        const QByteArray query = "Signature=" + smssign::aliyunPercentEncode(signature) + '&' + smssign::aliyunCanonicalQuery(params);
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
        QNetworkRequest req(url);
        req.setRawHeader("Accept", "application/json");
        return m_http.exchange("GET", req, {}, m_config.timeoutMs);
    }

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
        const QJsonObject body{
            {QStringLiteral("PhoneNumberSet"), QJsonArray{e164(request.phone)}},
            {QStringLiteral("SmsSdkAppId"), m_config.sdkAppId},
            {QStringLiteral("SignName"), m_config.signName},
            {QStringLiteral("TemplateId"), templateCode(m_config, request)},
            {QStringLiteral("TemplateParamSet"), params},
            {QStringLiteral("SessionContext"), request.idempotencyKey},
        };
        const HttpAnswer a = call("SendSms", body);
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
            r.unclear = r.outcome == SmsOutcome::Transient;
            return r;
        }
        if (response.contains(QStringLiteral("Error"))) {
            const QJsonObject e = response.value(QStringLiteral("Error")).toObject();
            r.code = e.value(QStringLiteral("Code")).toString();
            r.message = e.value(QStringLiteral("Message")).toString();
            r.outcome = classifyTencentCode(r.code);
            if (r.outcome == SmsOutcome::Accepted)
                r.outcome = SmsOutcome::Transient;
            // The provider's own trouble: it may have got as far as sending.
            r.unclear = r.code.startsWith(QLatin1String("InternalError")) || a.status >= 500;
            return r;
        }
        // One status per number; we send one number.
        const QJsonObject st = response.value(QStringLiteral("SendStatusSet")).toArray().at(0).toObject();
        r.code = st.value(QStringLiteral("Code")).toString();
        r.message = st.value(QStringLiteral("Message")).toString();
        r.providerMessageId = st.value(QStringLiteral("SerialNo")).toString();
        r.outcome = r.code.isEmpty() ? SmsOutcome::Transient : classifyTencentCode(r.code);
        if (r.code.isEmpty())
            r.unclear = true;
        if (r.outcome == SmsOutcome::Accepted && r.providerMessageId.isEmpty()) {
            r.outcome = SmsOutcome::Transient;
            r.unclear = true;
        }
        return r;
    }

    // PullSmsSendStatusByPhoneNumber (2021-01-11): the send statuses of one number between
    // BeginTime and EndTime, 100 per page; ours is the one whose SessionContext is the key.
    SmsLookupResult lookup(const SmsRequest& request, const QDateTime& since) override
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 begin = since.isValid() ? qMax(since.toSecsSinceEpoch() - 60, now - 7 * 24 * 3600) : now - 24 * 3600;
        constexpr int limit = 100;
        for (int page = 0; page < 20; ++page) {
            const QJsonObject body{
                {QStringLiteral("BeginTime"), begin},
                {QStringLiteral("EndTime"), now + 60},
                {QStringLiteral("Offset"), page * limit},
                {QStringLiteral("Limit"), limit},
                {QStringLiteral("PhoneNumber"), e164(request.phone)},
                {QStringLiteral("SmsSdkAppId"), m_config.sdkAppId},
            };
            const HttpAnswer a = call("PullSmsSendStatusByPhoneNumber", body);
            if (a.networkError)
                return lookupNetworkFailure(a);
            const QJsonObject response = QJsonDocument::fromJson(a.body).object().value(QStringLiteral("Response")).toObject();
            if (response.isEmpty())
                return lookupFailure(QStringLiteral("http-%1").arg(a.status), QStringLiteral("unreadable answer from the gateway"));
            if (response.contains(QStringLiteral("Error"))) {
                const QJsonObject e = response.value(QStringLiteral("Error")).toObject();
                return lookupFailure(e.value(QStringLiteral("Code")).toString(), e.value(QStringLiteral("Message")).toString());
            }
            const QJsonArray set = response.value(QStringLiteral("PullSmsSendStatusSet")).toArray();
            for (const QJsonValue& v : set) {
                const QJsonObject st = v.toObject();
                if (st.value(QStringLiteral("SessionContext")).toString() != request.idempotencyKey)
                    continue;
                SmsLookupResult r;
                r.outcome = SmsLookupOutcome::Found;
                r.providerMessageId = st.value(QStringLiteral("SerialNo")).toString();
                r.status = st.value(QStringLiteral("ReportStatus")).toString();
                return r;
            }
            if (set.size() < limit)
                break;
        }
        SmsLookupResult r;
        r.outcome = SmsLookupOutcome::NotFound;
        return r;
    }

private:
    static QString e164(const QString& phone) { return phone.startsWith(QLatin1Char('+')) ? phone : QStringLiteral("+86") + phone; }

    HttpAnswer call(const QByteArray& action, const QJsonObject& body)
    {
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
        req.setRawHeader("X-TC-Action", action);
        req.setRawHeader("X-TC-Version", "2021-01-11");
        req.setRawHeader("X-TC-Timestamp", QByteArray::number(sig.timestamp));
        req.setRawHeader("X-TC-Region", (m_config.region.isEmpty() ? QStringLiteral("ap-guangzhou") : m_config.region).toLatin1());
        req.setRawHeader("Authorization", smssign::tc3Authorization(sig, m_config.credentials.keyId, m_config.credentials.secret));
        return m_http.exchange("POST", req, sig.payload, m_config.timeoutMs);
    }

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
        r.unclear = a.status >= 500;
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
        // Our nonces are fresh per request: "reused" means the gateway saw this request before.
        if (r.code == QLatin1String("nonce_reused"))
            r.unclear = true;
        if (r.outcome == SmsOutcome::Accepted) { // 2xx without a recognisable answer
            r.outcome = SmsOutcome::Transient;
            r.unclear = true;
        }
        return r;
    }

    // GET <endpoint>/../status?idempotency_key=KEY, signed like a send over the path with its
    // query and an empty body: 200 {"status","message_id"} = found, 404 not_found = not found.
    SmsLookupResult lookup(const SmsRequest& request, const QDateTime&) override
    {
        QUrl url = m_config.effectiveEndpoint().resolved(QUrl(QStringLiteral("status")));
        url.setQuery(QStringLiteral("idempotency_key=") + QString::fromLatin1(QUrl::toPercentEncoding(request.idempotencyKey)),
                     QUrl::StrictMode);
        const QByteArray target = url.path(QUrl::FullyEncoded).toLatin1() + '?' + url.query(QUrl::FullyEncoded).toLatin1();
        const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const QByteArray nonce = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        QNetworkRequest req(url);
        req.setRawHeader("Accept", "application/json");
        req.setRawHeader("X-PhotoDesk-Key-Id", m_config.credentials.keyId.toUtf8());
        req.setRawHeader("X-PhotoDesk-Timestamp", timestamp);
        req.setRawHeader("X-PhotoDesk-Nonce", nonce);
        req.setRawHeader("X-PhotoDesk-Signature",
                         smssign::genericSignature("GET", target, timestamp, nonce, {}, m_config.credentials.secret).toLatin1());
        const HttpAnswer a = m_http.exchange("GET", req, {}, m_config.timeoutMs);
        if (a.networkError)
            return lookupNetworkFailure(a);
        const QJsonObject o = QJsonDocument::fromJson(a.body).object();
        SmsLookupResult r;
        if (a.status == 200 && !o.value(QStringLiteral("message_id")).toString().isEmpty()) {
            r.outcome = SmsLookupOutcome::Found;
            r.providerMessageId = o.value(QStringLiteral("message_id")).toString();
            r.status = o.value(QStringLiteral("status")).toString();
            return r;
        }
        const QJsonObject e = o.value(QStringLiteral("error")).toObject();
        if (a.status == 404 && e.value(QStringLiteral("code")).toString() == QLatin1String("not_found")) {
            r.outcome = SmsLookupOutcome::NotFound;
            return r;
        }
        return lookupFailure(e.value(QStringLiteral("code")).toString(QStringLiteral("http-%1").arg(a.status)),
                             e.value(QStringLiteral("message")).toString());
    }

private:
    SmsProviderConfig m_config;
    HttpClient m_http;
};

} // namespace

SmsLookupResult SmsProvider::lookup(const SmsRequest&, const QDateTime&)
{
    SmsLookupResult r;
    r.outcome = SmsLookupOutcome::Failed;
    r.code = QStringLiteral("lookup-unsupported");
    r.message = QStringLiteral("this provider cannot tell whether the message was accepted");
    return r;
}

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
