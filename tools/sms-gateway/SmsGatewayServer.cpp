#include "SmsGatewayServer.h"

#include "core/notify/SmsSigning.h"

#include <QDateTime>
#include <QTimeZone>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace pd::gateway {

namespace {
const QRegularExpression kMainlandMobile(QStringLiteral("^1[3-9][0-9]{9}$"));

QByteArray header(const QHttpServerRequest& r, const QByteArray& name)
{
    for (const auto& [k, v] : r.headers())
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

// The raw query, split and percent-decoded exactly once ('+' stays '+', as Aliyun reads it).
QList<QPair<QString, QString>> decodeQuery(const QByteArray& query)
{
    QList<QPair<QString, QString>> out;
    for (const QByteArray& pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        out.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)), QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return out;
}
} // namespace

QString toString(Fault f)
{
    switch (f) {
    case Fault::None: return QStringLiteral("none");
    case Fault::Timeout: return QStringLiteral("timeout");
    case Fault::Status5xx: return QStringLiteral("5xx");
    case Fault::Throttle: return QStringLiteral("throttle");
    case Fault::Drop: return QStringLiteral("drop");
    case Fault::DropAfter: return QStringLiteral("drop-after");
    case Fault::TemplateRejected: return QStringLiteral("template-rejected");
    }
    return {};
}

Fault faultFromString(const QString& s, bool* ok)
{
    for (Fault f : {Fault::None, Fault::Timeout, Fault::Status5xx, Fault::Throttle, Fault::Drop, Fault::DropAfter, Fault::TemplateRejected})
        if (toString(f) == s) {
            if (ok)
                *ok = true;
            return f;
        }
    if (ok)
        *ok = false;
    return Fault::None;
}

SmsGatewayServer::SmsGatewayServer(GatewayOptions options, QObject* parent)
    : QAbstractHttpServer(parent), m_options(std::move(options))
{
    if (!m_options.logFile.isEmpty()) {
        m_log.setFileName(m_options.logFile);
        m_log.open(QIODevice::WriteOnly | QIODevice::Append);
    }
    for (const char* c : {"requests", "accepted", "replays", "rejected", "faults", "lookups", "lookup_hits"})
        m_counters.insert(QLatin1String(c), 0);
}

void SmsGatewayServer::queueFaults(const QStringList& specs)
{
    for (const QString& spec : specs) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool ok = parts.size() >= 2;
        const Fault f = ok ? faultFromString(parts.at(1), &ok) : Fault::None;
        if (!ok)
            continue;
        const int count = parts.size() > 2 ? qMax(1, parts.at(2).toInt()) : 1;
        for (int i = 0; i < count; ++i)
            m_faults[parts.at(0)].append(f);
    }
}

QString SmsGatewayServer::requestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

QString SmsGatewayServer::nextMessageId(const QString& provider)
{
    ++m_sequence;
    if (provider == QLatin1String("aliyun"))
        return QStringLiteral("%1^0").arg(900619746936498 + m_sequence);
    if (provider == QLatin1String("tencent"))
        return QStringLiteral("5000:%1").arg(104571066915705365 + m_sequence);
    return QStringLiteral("gw-%1").arg(m_sequence, 8, 10, QLatin1Char('0'));
}

Fault SmsGatewayServer::takeFault(const QString& provider)
{
    for (const QString& k : {provider, QStringLiteral("*")}) {
        auto it = m_faults.find(k);
        if (it != m_faults.end() && !it->isEmpty())
            return it->takeFirst();
    }
    if (m_options.faultRate > 0 && QRandomGenerator::global()->generateDouble() < m_options.faultRate) {
        static const Fault random[] = {Fault::Timeout, Fault::Status5xx, Fault::Throttle, Fault::Drop, Fault::DropAfter};
        return random[QRandomGenerator::global()->bounded(int(std::size(random)))];
    }
    return Fault::None;
}

void SmsGatewayServer::log(const QJsonObject& event)
{
    if (!m_log.isOpen())
        return;
    QJsonObject e = event;
    e.insert(QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    m_log.write(json(e) + '\n');
    m_log.flush();
}

void SmsGatewayServer::record(const QString& provider, const QString& key, const QString& phone, const QString& messageId,
                              const QJsonObject& detail)
{
    QJsonObject d = detail;
    d.insert(QStringLiteral("provider"), provider);
    d.insert(QStringLiteral("key"), key);
    d.insert(QStringLiteral("phone"), phone);
    d.insert(QStringLiteral("message_id"), messageId);
    d.insert(QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    m_deliveries.append(d);
    m_counters[QStringLiteral("accepted")] = m_counters.value(QStringLiteral("accepted")).toInt() + 1;
    QJsonObject event = d;
    event.insert(QStringLiteral("event"), QStringLiteral("delivered"));
    log(event);
}

bool SmsGatewayServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QString path = request.url().path();
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    const bool post = request.method() == QHttpServerRequest::Method::Post;

    if (path == QLatin1String("/_stats") && get) {
        respond(socket, stats(), 0);
        return true;
    }
    if (path == QLatin1String("/_faults") && post) {
        respond(socket, setFaults(request), 0);
        return true;
    }
    if (path == QLatin1String("/_reset") && post) {
        m_faults.clear();
        m_byKey.clear();
        m_nonces.clear();
        m_deliveries = {};
        for (const QString& k : m_counters.keys())
            m_counters.insert(k, 0);
        respond(socket, {200, "application/json", "{\"reset\":true}", {}}, 0);
        return true;
    }

    QString provider;
    if (path == QLatin1String("/aliyun/") || path == QLatin1String("/aliyun"))
        provider = QStringLiteral("aliyun");
    else if (path == QLatin1String("/tencent/") || path == QLatin1String("/tencent"))
        provider = QStringLiteral("tencent");
    else if (path == QLatin1String("/generic/sms/send") || path == QLatin1String("/generic/sms/status"))
        provider = QStringLiteral("generic");
    else
        return false;
    const bool genericStatusPath = path == QLatin1String("/generic/sms/status");
    if ((provider == QLatin1String("aliyun") && !get && !post) || (genericStatusPath && !get)
        || (provider != QLatin1String("aliyun") && !genericStatusPath && !post)) {
        respond(socket, {405, "text/plain", "method not allowed", {}}, 0);
        return true;
    }

    m_counters[QStringLiteral("requests")] = m_counters.value(QStringLiteral("requests")).toInt() + 1;
    const Fault fault = takeFault(provider);
    if (fault != Fault::None) {
        m_counters[QStringLiteral("faults")] = m_counters.value(QStringLiteral("faults")).toInt() + 1;
        log({{QStringLiteral("event"), QStringLiteral("fault")}, {QStringLiteral("provider"), provider}, {QStringLiteral("fault"), toString(fault)}});
    }
    if (fault == Fault::Drop) {
        QPointer<QTcpSocket> s(socket);
        QTimer::singleShot(0, this, [s] {
            if (s)
                s->abort();
        });
        return true;
    }
    if (fault == Fault::Timeout) {
        QPointer<QTcpSocket> s(socket);
        QTimer::singleShot(m_options.holdMs, this, [s] {
            if (s)
                s->abort();
        });
        return true;
    }

    bool delivered = false;
    Answer answer = provider == QLatin1String("aliyun")    ? aliyun(request, fault, &delivered)
                    : provider == QLatin1String("tencent") ? tencent(request, fault, &delivered)
                    : genericStatusPath                    ? genericStatus(request, fault)
                                                            : generic(request, fault, &delivered);
    if (fault == Fault::DropAfter) {
        QPointer<QTcpSocket> s(socket);
        QTimer::singleShot(0, this, [s] {
            if (s)
                s->abort();
        });
        return true;
    }
    respond(socket, answer, m_options.latencyMs);
    return true;
}

void SmsGatewayServer::missingHandler(const QHttpServerRequest&, QTcpSocket* socket)
{
    respond(socket, {404, "text/plain", "not found", {}}, 0);
}

void SmsGatewayServer::respond(QTcpSocket* socket, const Answer& a, int delayMs)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(a.status) + ' ' + reasonPhrase(a.status) + "\r\n";
    raw += "Content-Type: " + a.contentType + "\r\n";
    raw += "Content-Length: " + QByteArray::number(a.body.size()) + "\r\n";
    for (const auto& [k, v] : a.headers)
        raw += k + ": " + v + "\r\n";
    raw += "\r\n" + a.body;
    QPointer<QTcpSocket> s(socket);
    auto send = [s, raw] {
        if (s && s->state() == QAbstractSocket::ConnectedState)
            s->write(raw);
    };
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, send);
    else
        send();
}

SmsGatewayServer::Answer SmsGatewayServer::stats() const
{
    QJsonObject byKey;
    for (const QJsonValue& v : m_deliveries) {
        const QString k = v.toObject().value(QStringLiteral("provider")).toString() + QLatin1Char(':')
            + v.toObject().value(QStringLiteral("key")).toString();
        byKey.insert(k, byKey.value(k).toInt() + 1);
    }
    QJsonObject o = m_counters;
    o.insert(QStringLiteral("deliveries"), m_deliveries);
    o.insert(QStringLiteral("by_key"), byKey);
    return {200, "application/json", json(o), {}};
}

SmsGatewayServer::Answer SmsGatewayServer::setFaults(const QHttpServerRequest& request)
{
    const QJsonObject o = QJsonDocument::fromJson(request.body()).object();
    bool ok = false;
    const Fault f = faultFromString(o.value(QStringLiteral("fault")).toString(), &ok);
    const QString provider = o.value(QStringLiteral("provider")).toString(QStringLiteral("*"));
    if (!ok)
        return {400, "application/json", json({{QStringLiteral("error"), QStringLiteral("unknown fault")}}), {}};
    const int count = o.value(QStringLiteral("count")).toInt(1);
    for (int i = 0; i < count; ++i)
        m_faults[provider].append(f);
    return {200, "application/json", json({{QStringLiteral("queued"), count}, {QStringLiteral("provider"), provider}}), {}};
}

// ---------------------------------------------------------------- Aliyun SendSms 2017-05-25

SmsGatewayServer::Answer SmsGatewayServer::aliyun(const QHttpServerRequest& request, Fault fault, bool* delivered)
{
    const QString rid = requestId();
    auto error = [&](int status, const QString& code, const QString& message) {
        m_counters[QStringLiteral("rejected")] = m_counters.value(QStringLiteral("rejected")).toInt() + 1;
        log({{QStringLiteral("event"), QStringLiteral("rejected")}, {QStringLiteral("provider"), QStringLiteral("aliyun")}, {QStringLiteral("code"), code}});
        QJsonObject body{{QStringLiteral("RequestId"), rid}, {QStringLiteral("Code"), code}, {QStringLiteral("Message"), message}};
        if (status != 200) {
            body.insert(QStringLiteral("HostId"), QStringLiteral("dysmsapi.aliyuncs.com"));
            body.insert(QStringLiteral("Recommend"), QStringLiteral("https://api.aliyun.com/troubleshoot?q=%1").arg(code));
        }
        return Answer{status, "application/json;charset=utf-8", json(body), {}};
    };
    if (fault == Fault::Status5xx)
        return error(503, QStringLiteral("ServiceUnavailable"), QStringLiteral("The request has failed due to a temporary failure of the server."));

    // RPC style: parameters in the query (GET) or the form body (POST).
    const QByteArray rawQuery = request.method() == QHttpServerRequest::Method::Get ? request.url().query(QUrl::FullyEncoded).toLatin1()
                                                                                     : request.body();
    smssign::Params params;
    QString signature;
    QHash<QString, QString> p;
    for (const auto& [name, value] : decodeQuery(rawQuery)) {
        if (name == QLatin1String("Signature"))
            signature = value;
        else
            params.append({name, value});
        p.insert(name, value);
    }
    for (const char* required : {"AccessKeyId", "Action", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version", "Signature"})
        if (!p.contains(QLatin1String(required)))
            return error(400, QStringLiteral("MissingParameter"), QStringLiteral("The input parameter \"%1\" that is mandatory for processing this request is not supplied.").arg(QLatin1String(required)));
    if (p.value(QStringLiteral("AccessKeyId")) != m_options.keyId)
        return error(404, QStringLiteral("InvalidAccessKeyId.NotFound"), QStringLiteral("Specified access key is not found."));
    if (p.value(QStringLiteral("SignatureMethod")) != QLatin1String("HMAC-SHA1") || p.value(QStringLiteral("SignatureVersion")) != QLatin1String("1.0"))
        return error(400, QStringLiteral("InvalidParameter"), QStringLiteral("The specified signature method or version is not supported."));
    const QDateTime ts = QDateTime::fromString(p.value(QStringLiteral("Timestamp")), Qt::ISODate);
    if (!ts.isValid() || qAbs(ts.secsTo(QDateTime::currentDateTimeUtc())) > 15 * 60)
        return error(400, QStringLiteral("InvalidTimeStamp.Expired"), QStringLiteral("Specified time stamp or date value is expired."));
    const QByteArray method = request.method() == QHttpServerRequest::Method::Get ? "GET" : "POST";
    const QString expected = smssign::aliyunSignature(method, params, m_options.secret);
    if (!smssign::sameSignature(expected.toLatin1(), signature.toLatin1()))
        return error(400, QStringLiteral("SignatureDoesNotMatch"),
                     QStringLiteral("Specified signature is not matched with our calculation. server string to sign is:%1")
                         .arg(QString::fromUtf8(smssign::aliyunStringToSign(method, params))));
    const QString nonce = p.value(QStringLiteral("SignatureNonce"));
    if (m_nonces.contains(QStringLiteral("aliyun:") + nonce))
        return error(400, QStringLiteral("SignatureNonceUsed"), QStringLiteral("Specified signature nonce was used already."));
    m_nonces.insert(QStringLiteral("aliyun:") + nonce);
    if (p.value(QStringLiteral("Action")) == QLatin1String("QuerySendDetails") && p.value(QStringLiteral("Version")) == QLatin1String("2017-05-25")) {
        if (fault == Fault::Throttle)
            return error(400, QStringLiteral("Throttling.User"), QStringLiteral("Request was denied due to user flow control."));
        for (const char* required : {"PhoneNumber", "SendDate", "PageSize", "CurrentPage"})
            if (p.value(QLatin1String(required)).isEmpty())
                return error(400, QStringLiteral("MissingParameter"), QStringLiteral("The input parameter \"%1\" that is mandatory for processing this request is not supplied.").arg(QLatin1String(required)));
        if (!kMainlandMobile.match(p.value(QStringLiteral("PhoneNumber"))).hasMatch())
            return error(200, QStringLiteral("isv.MOBILE_NUMBER_ILLEGAL"), QStringLiteral("非法手机号"));
        const int pageSize = p.value(QStringLiteral("PageSize")).toInt();
        if (pageSize < 1 || pageSize > 50 || p.value(QStringLiteral("CurrentPage")).toInt() < 1
            || !QDate::fromString(p.value(QStringLiteral("SendDate")), QStringLiteral("yyyyMMdd")).isValid())
            return error(400, QStringLiteral("InvalidParameter"), QStringLiteral("The specified parameter is not valid."));
        return aliyunQuery(p, rid);
    }
    if (p.value(QStringLiteral("Action")) != QLatin1String("SendSms") || p.value(QStringLiteral("Version")) != QLatin1String("2017-05-25"))
        return error(404, QStringLiteral("InvalidAction.NotFound"), QStringLiteral("Specified api is not found, please check your url and method."));

    const QString outId = p.value(QStringLiteral("OutId"));
    if (!outId.isEmpty() && m_options.dedupe) {
        const auto it = m_byKey.constFind(QStringLiteral("aliyun\n") + outId);
        if (it != m_byKey.constEnd()) {
            m_counters[QStringLiteral("replays")] = m_counters.value(QStringLiteral("replays")).toInt() + 1;
            log({{QStringLiteral("event"), QStringLiteral("replay")}, {QStringLiteral("provider"), QStringLiteral("aliyun")}, {QStringLiteral("key"), outId}});
            Answer replay = it->answer;
            replay.headers.append(qMakePair(QByteArray("X-PhotoDesk-Replay"), QByteArray("1")));
            return replay;
        }
    }
    if (fault == Fault::Throttle)
        return error(200, QStringLiteral("isv.BUSINESS_LIMIT_CONTROL"), QStringLiteral("触发分钟级流控Permits:1"));
    const QString phone = p.value(QStringLiteral("PhoneNumbers"));
    if (!kMainlandMobile.match(phone).hasMatch())
        return error(200, QStringLiteral("isv.MOBILE_NUMBER_ILLEGAL"), QStringLiteral("非法手机号"));
    if (p.value(QStringLiteral("SignName")).isEmpty())
        return error(200, QStringLiteral("isv.SMS_SIGNATURE_ILLEGAL"), QStringLiteral("该账号下找不到对应签名"));
    if (fault == Fault::TemplateRejected || !p.value(QStringLiteral("TemplateCode")).startsWith(QLatin1String("SMS_")))
        return error(200, QStringLiteral("isv.SMS_TEMPLATE_ILLEGAL"), QStringLiteral("该账号下找不到对应模板"));
    QJsonParseError pe;
    const QJsonDocument params_ = QJsonDocument::fromJson(p.value(QStringLiteral("TemplateParam")).toUtf8(), &pe);
    if (!p.value(QStringLiteral("TemplateParam")).isEmpty() && (pe.error != QJsonParseError::NoError || !params_.isObject()))
        return error(200, QStringLiteral("isv.INVALID_JSON_PARAM"), QStringLiteral("JSON参数不合法，只接受字符串值"));

    const QString bizId = nextMessageId(QStringLiteral("aliyun"));
    const Answer ok{200, "application/json;charset=utf-8",
                    json({{QStringLiteral("Message"), QStringLiteral("OK")},
                          {QStringLiteral("RequestId"), rid},
                          {QStringLiteral("BizId"), bizId},
                          {QStringLiteral("Code"), QStringLiteral("OK")}}),
                    {}};
    record(QStringLiteral("aliyun"), outId, phone, bizId,
           {{QStringLiteral("template"), p.value(QStringLiteral("TemplateCode"))},
            {QStringLiteral("sign_name"), p.value(QStringLiteral("SignName"))},
            {QStringLiteral("params"), params_.object()}});
    if (!outId.isEmpty())
        m_byKey.insert(QStringLiteral("aliyun\n") + outId, {QStringLiteral("aliyun"), outId, bizId, ok});
    *delivered = true;
    return ok;
}

// ---------------------------------------------------------------- Tencent SendSms 2021-01-11

SmsGatewayServer::Answer SmsGatewayServer::tencent(const QHttpServerRequest& request, Fault fault, bool* delivered)
{
    const QString rid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto error = [&](const QString& code, const QString& message) {
        m_counters[QStringLiteral("rejected")] = m_counters.value(QStringLiteral("rejected")).toInt() + 1;
        log({{QStringLiteral("event"), QStringLiteral("rejected")}, {QStringLiteral("provider"), QStringLiteral("tencent")}, {QStringLiteral("code"), code}});
        // API 3.0 answers errors with HTTP 200 and Response.Error.
        return Answer{200, "application/json", json({{QStringLiteral("Response"),
                                                       QJsonObject{{QStringLiteral("Error"), QJsonObject{{QStringLiteral("Code"), code}, {QStringLiteral("Message"), message}}},
                                                                   {QStringLiteral("RequestId"), rid}}}}),
                      {}};
    };
    if (fault == Fault::Status5xx) {
        m_counters[QStringLiteral("rejected")] = m_counters.value(QStringLiteral("rejected")).toInt() + 1;
        return Answer{502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", {}};
    }

    const QByteArray authorization = header(request, "authorization");
    const QByteArray contentType = header(request, "content-type");
    const QByteArray host = header(request, "host");
    const qint64 timestamp = header(request, "x-tc-timestamp").toLongLong();
    static const QRegularExpression authRe(QStringLiteral(
        "^TC3-HMAC-SHA256 Credential=([^/]+)/([0-9]{4}-[0-9]{2}-[0-9]{2})/([a-z]+)/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$"));
    const auto m = authRe.match(QString::fromLatin1(authorization));
    if (!m.hasMatch())
        return error(QStringLiteral("AuthFailure.InvalidAuthorization"), QStringLiteral("Authorization不符合腾讯云标准。"));
    if (m.captured(1) != m_options.keyId)
        return error(QStringLiteral("AuthFailure.SecretIdNotFound"), QStringLiteral("密钥不存在。"));
    if (qAbs(QDateTime::currentSecsSinceEpoch() - timestamp) > 300)
        return error(QStringLiteral("AuthFailure.SignatureExpire"), QStringLiteral("签名过期。Timestamp和服务器时间相差不得超过五分钟。"));
    if (m.captured(4) != QLatin1String("content-type;host") || m.captured(3) != QLatin1String("sms")
        || m.captured(2) != smssign::tc3CredentialDate(timestamp))
        return error(QStringLiteral("AuthFailure.SignatureFailure"), QStringLiteral("请求签名验证失败，请检查您的签名计算是否正确。"));
    smssign::Tc3Request sig;
    sig.method = "POST";
    sig.path = request.url().path(QUrl::FullyEncoded).toLatin1();
    sig.contentType = contentType;
    sig.host = host;
    sig.payload = request.body();
    sig.service = QStringLiteral("sms");
    sig.timestamp = timestamp;
    if (!smssign::sameSignature(smssign::tc3Signature(sig, m_options.secret).toLatin1(), m.captured(5).toLatin1()))
        return error(QStringLiteral("AuthFailure.SignatureFailure"), QStringLiteral("请求签名验证失败，请检查您的签名计算是否正确。"));
    if (header(request, "x-tc-version") != "2021-01-11")
        return error(QStringLiteral("NoSuchVersion"), QStringLiteral("接口版本不存在。"));
    if (header(request, "x-tc-action") == "PullSmsSendStatusByPhoneNumber") {
        if (fault == Fault::Throttle)
            return error(QStringLiteral("RequestLimitExceeded"), QStringLiteral("请求的次数超过了频率限制。"));
        const QJsonObject query = QJsonDocument::fromJson(request.body()).object();
        for (const char* required : {"BeginTime", "Offset", "Limit", "PhoneNumber", "SmsSdkAppId"})
            if (!query.contains(QLatin1String(required)))
                return error(QStringLiteral("MissingParameter"), QStringLiteral("缺少参数错误。"));
        const int limit = query.value(QStringLiteral("Limit")).toInt();
        if (limit < 1 || limit > 100 || query.value(QStringLiteral("Offset")).toInt(-1) < 0)
            return error(QStringLiteral("InvalidParameterValue.ParamLimitExceeded"), QStringLiteral("参数值超出限制。"));
        return tencentPull(query, rid);
    }
    if (header(request, "x-tc-action") != "SendSms")
        return error(QStringLiteral("InvalidAction"), QStringLiteral("接口不存在。"));

    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString context = body.value(QStringLiteral("SessionContext")).toString();
    if (!context.isEmpty() && m_options.dedupe) {
        const auto it = m_byKey.constFind(QStringLiteral("tencent\n") + context);
        if (it != m_byKey.constEnd()) {
            m_counters[QStringLiteral("replays")] = m_counters.value(QStringLiteral("replays")).toInt() + 1;
            log({{QStringLiteral("event"), QStringLiteral("replay")}, {QStringLiteral("provider"), QStringLiteral("tencent")}, {QStringLiteral("key"), context}});
            Answer replay = it->answer;
            replay.headers.append(qMakePair(QByteArray("X-PhotoDesk-Replay"), QByteArray("1")));
            return replay;
        }
    }
    if (body.value(QStringLiteral("SmsSdkAppId")).toString().isEmpty())
        return error(QStringLiteral("InvalidParameterValue.SdkAppIdNotExist"), QStringLiteral("SdkAppId不存在。"));
    if (body.value(QStringLiteral("SignName")).toString().isEmpty())
        return error(QStringLiteral("FailedOperation.SignatureIncorrectOrUnapproved"), QStringLiteral("签名未审批或格式错误。"));
    const QString templateId = body.value(QStringLiteral("TemplateId")).toString();
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (fault == Fault::TemplateRejected || !digits.match(templateId).hasMatch())
        return error(QStringLiteral("FailedOperation.TemplateIncorrectOrUnapproved"), QStringLiteral("模板未审批或内容不合规。"));

    const QJsonArray numbers = body.value(QStringLiteral("PhoneNumberSet")).toArray();
    if (numbers.isEmpty())
        return error(QStringLiteral("MissingParameter"), QStringLiteral("缺少参数错误。"));
    QJsonArray statuses;
    QString firstSerial;
    for (const QJsonValue& v : numbers) {
        const QString e164 = v.toString();
        const QString national = e164.startsWith(QLatin1String("+86")) ? e164.mid(3) : e164;
        QJsonObject st{{QStringLiteral("PhoneNumber"), e164}, {QStringLiteral("SessionContext"), context}, {QStringLiteral("IsoCode"), QStringLiteral("CN")}};
        if (fault == Fault::Throttle) {
            st.insert(QStringLiteral("SerialNo"), QString());
            st.insert(QStringLiteral("Fee"), 0);
            st.insert(QStringLiteral("Code"), QStringLiteral("LimitExceeded.PhoneNumberThirtySecondLimit"));
            st.insert(QStringLiteral("Message"), QStringLiteral("单个手机号30秒内下发短信条数超过设定的上限"));
        } else if (!kMainlandMobile.match(national).hasMatch()) {
            st.insert(QStringLiteral("SerialNo"), QString());
            st.insert(QStringLiteral("Fee"), 0);
            st.insert(QStringLiteral("Code"), QStringLiteral("InvalidParameterValue.IncorrectPhoneNumber"));
            st.insert(QStringLiteral("Message"), QStringLiteral("手机号格式错误"));
        } else {
            const QString serial = nextMessageId(QStringLiteral("tencent"));
            if (firstSerial.isEmpty())
                firstSerial = serial;
            st.insert(QStringLiteral("SerialNo"), serial);
            st.insert(QStringLiteral("Fee"), 1);
            st.insert(QStringLiteral("Code"), QStringLiteral("Ok"));
            st.insert(QStringLiteral("Message"), QStringLiteral("send success"));
            record(QStringLiteral("tencent"), context, national, serial,
                   {{QStringLiteral("template"), templateId},
                    {QStringLiteral("sign_name"), body.value(QStringLiteral("SignName")).toString()},
                    {QStringLiteral("params"), body.value(QStringLiteral("TemplateParamSet")).toArray()}});
            *delivered = true;
        }
        if (st.value(QStringLiteral("Code")).toString() != QLatin1String("Ok")) {
            m_counters[QStringLiteral("rejected")] = m_counters.value(QStringLiteral("rejected")).toInt() + 1;
            log({{QStringLiteral("event"), QStringLiteral("rejected")}, {QStringLiteral("provider"), QStringLiteral("tencent")},
                 {QStringLiteral("code"), st.value(QStringLiteral("Code"))}});
        }
        statuses.append(st);
    }
    const Answer answer{200, "application/json",
                        json({{QStringLiteral("Response"), QJsonObject{{QStringLiteral("SendStatusSet"), statuses}, {QStringLiteral("RequestId"), rid}}}}), {}};
    if (*delivered && !context.isEmpty())
        m_byKey.insert(QStringLiteral("tencent\n") + context, {QStringLiteral("tencent"), context, firstSerial, answer});
    return answer;
}

// ---------------------------------------------------------------- generic JSON gateway

SmsGatewayServer::Answer SmsGatewayServer::genericError(int status, const QString& code, const QString& message,
                                                        QList<QPair<QByteArray, QByteArray>> headers)
{
    m_counters[QStringLiteral("rejected")] = m_counters.value(QStringLiteral("rejected")).toInt() + 1;
    log({{QStringLiteral("event"), QStringLiteral("rejected")}, {QStringLiteral("provider"), QStringLiteral("generic")}, {QStringLiteral("code"), code}});
    return Answer{status, "application/json",
                  json({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}}),
                  std::move(headers)};
}

// The generic gateway's request signature, checked the same way for sends and status queries:
// key id, timestamp within 5 minutes, HMAC over method, target, timestamp, nonce and body, nonce
// not used before. Gives the refusal, or nothing when the request is genuine.
std::optional<SmsGatewayServer::Answer> SmsGatewayServer::checkGenericSignature(const QHttpServerRequest& request, const QByteArray& method,
                                                                                const QByteArray& target, const QByteArray& body)
{
    const QByteArray keyId = header(request, "x-photodesk-key-id");
    const QByteArray timestamp = header(request, "x-photodesk-timestamp");
    const QByteArray nonce = header(request, "x-photodesk-nonce");
    const QByteArray signature = header(request, "x-photodesk-signature");
    if (keyId.isEmpty() || timestamp.isEmpty() || nonce.isEmpty() || signature.isEmpty())
        return genericError(401, QStringLiteral("unsigned"), QStringLiteral("signature headers missing"));
    if (QString::fromUtf8(keyId) != m_options.keyId)
        return genericError(401, QStringLiteral("unknown_key"), QStringLiteral("unknown key id"));
    if (qAbs(QDateTime::currentSecsSinceEpoch() - timestamp.toLongLong()) > 300)
        return genericError(401, QStringLiteral("stale_request"), QStringLiteral("timestamp more than 5 minutes off"));
    const QString expected = smssign::genericSignature(method, target, timestamp, nonce, body, m_options.secret);
    if (!smssign::sameSignature(expected.toLatin1(), signature))
        return genericError(401, QStringLiteral("bad_signature"), QStringLiteral("the signature does not match"));
    const QString nonceKey = QStringLiteral("generic:") + QString::fromLatin1(nonce);
    if (m_nonces.contains(nonceKey))
        return genericError(401, QStringLiteral("nonce_reused"), QStringLiteral("nonce already used"));
    m_nonces.insert(nonceKey);
    return std::nullopt;
}

SmsGatewayServer::Answer SmsGatewayServer::generic(const QHttpServerRequest& request, Fault fault, bool* delivered)
{
    auto error = [this](int status, const QString& code, const QString& message, QList<QPair<QByteArray, QByteArray>> headers = {}) {
        return genericError(status, code, message, std::move(headers));
    };
    if (fault == Fault::Status5xx)
        return error(503, QStringLiteral("unavailable"), QStringLiteral("the gateway is temporarily unavailable"));

    if (auto refused = checkGenericSignature(request, "POST", request.url().path(QUrl::FullyEncoded).toLatin1(), request.body()))
        return *refused;

    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    QString key = QString::fromUtf8(header(request, "idempotency-key"));
    if (key.isEmpty())
        key = body.value(QStringLiteral("idempotency_key")).toString();
    if (!key.isEmpty() && m_options.dedupe) {
        const auto it = m_byKey.constFind(QStringLiteral("generic\n") + key);
        if (it != m_byKey.constEnd()) {
            m_counters[QStringLiteral("replays")] = m_counters.value(QStringLiteral("replays")).toInt() + 1;
            log({{QStringLiteral("event"), QStringLiteral("replay")}, {QStringLiteral("provider"), QStringLiteral("generic")}, {QStringLiteral("key"), key}});
            return Answer{200, "application/json",
                          json({{QStringLiteral("status"), QStringLiteral("duplicate")}, {QStringLiteral("message_id"), it->messageId}}),
                          {{"X-PhotoDesk-Replay", "1"}}};
        }
    }
    if (fault == Fault::Throttle)
        return error(429, QStringLiteral("throttled"), QStringLiteral("too many requests"), {{"Retry-After", "1"}});
    const QString phone = body.value(QStringLiteral("phone")).toString();
    if (!kMainlandMobile.match(phone).hasMatch())
        return error(400, QStringLiteral("invalid_phone"), QStringLiteral("not a mainland mobile number"));
    const QString text = body.value(QStringLiteral("text")).toString();
    if (fault == Fault::TemplateRejected || text.isEmpty() || !text.startsWith(QStringLiteral("【")))
        return error(422, QStringLiteral("content_rejected"), QStringLiteral("the text needs the school's signature in 【】"));

    const QString id = nextMessageId(QStringLiteral("generic"));
    record(QStringLiteral("generic"), key, phone, id, {{QStringLiteral("text"), text}, {QStringLiteral("template"), body.value(QStringLiteral("template"))}});
    const Answer ok{200, "application/json", json({{QStringLiteral("status"), QStringLiteral("accepted")}, {QStringLiteral("message_id"), id}}), {}};
    if (!key.isEmpty())
        m_byKey.insert(QStringLiteral("generic\n") + key, {QStringLiteral("generic"), key, id, ok});
    *delivered = true;
    return ok;
}

// ---------------------------------------------------------------- look-ups

void SmsGatewayServer::countLookup(const QString& provider, bool hit)
{
    m_counters[QStringLiteral("lookups")] = m_counters.value(QStringLiteral("lookups")).toInt() + 1;
    if (hit)
        m_counters[QStringLiteral("lookup_hits")] = m_counters.value(QStringLiteral("lookup_hits")).toInt() + 1;
    log({{QStringLiteral("event"), QStringLiteral("lookup")}, {QStringLiteral("provider"), provider}, {QStringLiteral("hit"), hit}});
}

// QuerySendDetails: the messages sent to PhoneNumber on SendDate (Beijing time), newest first,
// PageSize per page, optionally only BizId. The DTO carries OutId, not BizId.
SmsGatewayServer::Answer SmsGatewayServer::aliyunQuery(const QHash<QString, QString>& p, const QString& rid)
{
    const QTimeZone beijing(8 * 3600);
    const QString phone = p.value(QStringLiteral("PhoneNumber"));
    const QString day = p.value(QStringLiteral("SendDate"));
    const QString bizId = p.value(QStringLiteral("BizId"));
    QJsonArray all;
    for (qsizetype i = m_deliveries.size() - 1; i >= 0; --i) {
        const QJsonObject d = m_deliveries.at(i).toObject();
        if (d.value(QStringLiteral("provider")).toString() != QLatin1String("aliyun") || d.value(QStringLiteral("phone")).toString() != phone)
            continue;
        const QDateTime at = QDateTime::fromString(d.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs).toTimeZone(beijing);
        if (at.date().toString(QStringLiteral("yyyyMMdd")) != day || (!bizId.isEmpty() && d.value(QStringLiteral("message_id")).toString() != bizId))
            continue;
        const QString sent = at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        all.append(QJsonObject{{QStringLiteral("PhoneNum"), phone},
                               {QStringLiteral("SendStatus"), 3},
                               {QStringLiteral("ErrCode"), QStringLiteral("DELIVERED")},
                               {QStringLiteral("TemplateCode"), d.value(QStringLiteral("template"))},
                               {QStringLiteral("Content"), QStringLiteral("【%1】%2").arg(d.value(QStringLiteral("sign_name")).toString(),
                                                                                         QString::fromUtf8(json(d.value(QStringLiteral("params")).toObject())))},
                               {QStringLiteral("SendDate"), sent},
                               {QStringLiteral("ReceiveDate"), sent},
                               {QStringLiteral("OutId"), d.value(QStringLiteral("key"))}});
    }
    const int pageSize = p.value(QStringLiteral("PageSize")).toInt();
    const int first = (p.value(QStringLiteral("CurrentPage")).toInt() - 1) * pageSize;
    QJsonArray page;
    for (int i = first; i < all.size() && i < first + pageSize; ++i)
        page.append(all.at(i));
    countLookup(QStringLiteral("aliyun"), !page.isEmpty());
    return {200, "application/json;charset=utf-8",
            json({{QStringLiteral("TotalCount"), int(all.size())},
                  {QStringLiteral("Message"), QStringLiteral("OK")},
                  {QStringLiteral("RequestId"), rid},
                  {QStringLiteral("SmsSendDetailDTOs"), QJsonObject{{QStringLiteral("SmsSendDetailDTO"), page}}},
                  {QStringLiteral("Code"), QStringLiteral("OK")}}),
            {}};
}

// PullSmsSendStatusByPhoneNumber: the statuses of the messages to PhoneNumber sent between
// BeginTime and EndTime (unix seconds), Offset/Limit paging.
SmsGatewayServer::Answer SmsGatewayServer::tencentPull(const QJsonObject& q, const QString& rid)
{
    const QString e164 = q.value(QStringLiteral("PhoneNumber")).toString();
    const QString national = e164.startsWith(QLatin1String("+86")) ? e164.mid(3) : e164;
    const qint64 begin = q.value(QStringLiteral("BeginTime")).toVariant().toLongLong();
    const qint64 end = q.contains(QStringLiteral("EndTime")) ? q.value(QStringLiteral("EndTime")).toVariant().toLongLong()
                                                             : QDateTime::currentSecsSinceEpoch();
    QJsonArray all;
    for (const QJsonValue& v : std::as_const(m_deliveries)) {
        const QJsonObject d = v.toObject();
        if (d.value(QStringLiteral("provider")).toString() != QLatin1String("tencent") || d.value(QStringLiteral("phone")).toString() != national)
            continue;
        const qint64 at = QDateTime::fromString(d.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs).toSecsSinceEpoch();
        if (at < begin || at > end)
            continue;
        all.append(QJsonObject{{QStringLiteral("UserReceiveTime"), at},
                               {QStringLiteral("CountryCode"), QStringLiteral("86")},
                               {QStringLiteral("SubscriberNumber"), national},
                               {QStringLiteral("PhoneNumber"), e164},
                               {QStringLiteral("SerialNo"), d.value(QStringLiteral("message_id"))},
                               {QStringLiteral("ReportStatus"), QStringLiteral("SUCCESS")},
                               {QStringLiteral("Description"), QStringLiteral("用户接收成功")},
                               {QStringLiteral("SessionContext"), d.value(QStringLiteral("key"))}});
    }
    const int offset = q.value(QStringLiteral("Offset")).toInt();
    const int limit = q.value(QStringLiteral("Limit")).toInt();
    QJsonArray page;
    for (int i = offset; i < all.size() && i < offset + limit; ++i)
        page.append(all.at(i));
    countLookup(QStringLiteral("tencent"), !page.isEmpty());
    return {200, "application/json",
            json({{QStringLiteral("Response"), QJsonObject{{QStringLiteral("PullSmsSendStatusSet"), page}, {QStringLiteral("RequestId"), rid}}}}),
            {}};
}

// GET /generic/sms/status?idempotency_key=KEY, signed like a send over "path?query" with an
// empty body: 200 {"status":"accepted","message_id","accepted_at"} or 404 not_found.
SmsGatewayServer::Answer SmsGatewayServer::genericStatus(const QHttpServerRequest& request, Fault fault)
{
    auto error = [this](int status, const QString& code, const QString& message, QList<QPair<QByteArray, QByteArray>> headers = {}) {
        return genericError(status, code, message, std::move(headers));
    };
    if (fault == Fault::Status5xx)
        return error(503, QStringLiteral("unavailable"), QStringLiteral("the gateway is temporarily unavailable"));
    const QByteArray target = request.url().path(QUrl::FullyEncoded).toLatin1() + '?' + request.url().query(QUrl::FullyEncoded).toLatin1();
    if (auto refused = checkGenericSignature(request, "GET", target, {}))
        return *refused;
    if (fault == Fault::Throttle)
        return error(429, QStringLiteral("throttled"), QStringLiteral("too many requests"), {{"Retry-After", "1"}});
    QString key;
    for (const auto& [name, value] : decodeQuery(request.url().query(QUrl::FullyEncoded).toLatin1()))
        if (name == QLatin1String("idempotency_key"))
            key = value;
    if (key.isEmpty())
        return error(400, QStringLiteral("missing_key"), QStringLiteral("idempotency_key is required"));
    for (const QJsonValue& v : std::as_const(m_deliveries)) {
        const QJsonObject d = v.toObject();
        if (d.value(QStringLiteral("provider")).toString() == QLatin1String("generic") && d.value(QStringLiteral("key")).toString() == key) {
            countLookup(QStringLiteral("generic"), true);
            return {200, "application/json",
                    json({{QStringLiteral("status"), QStringLiteral("accepted")},
                          {QStringLiteral("message_id"), d.value(QStringLiteral("message_id"))},
                          {QStringLiteral("accepted_at"), d.value(QStringLiteral("at"))}}),
                    {}};
        }
    }
    countLookup(QStringLiteral("generic"), false);
    return {404, "application/json",
            json({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("not_found")},
                                                        {QStringLiteral("message"), QStringLiteral("no message with this idempotency key")}}}}),
            {}};
}

} // namespace pd::gateway
