#include "core/feed/PlatformClient.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace pd {

const PhotoRef* Submission::photo(PhotoRole role) const
{
    for (const PhotoRef& p : photos)
        if (p.role == role)
            return &p;
    return nullptr;
}

struct PlatformClient::Outcome {
    int status = 0; // HTTP status, 0 = none (network failure)
    QByteArray body;
    QNetworkReply::NetworkError network = QNetworkReply::NoError;
    QString networkText;
    QString abortCode; // set when the client itself stopped the transfer
    QString abortText;
    bool abortTransient = false;
    qint64 declaredLength = -1;
};

namespace {
bool transientStatus(int s)
{
    return s == 408 || s == 425 || s == 429 || s >= 500;
}

// The platform's {"error":{"code","message"}} body, or the HTTP status when there is none.
QString platformError(int status, const QByteArray& body)
{
    const QJsonObject e = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    if (e.isEmpty())
        return QStringLiteral("HTTP %1").arg(status);
    return QStringLiteral("HTTP %1 %2: %3").arg(status).arg(e.value(QStringLiteral("code")).toString(), e.value(QStringLiteral("message")).toString());
}

QString errorCodeOf(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}
} // namespace

PlatformClient::PlatformClient(PlatformConfig config, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

PlatformClient::~PlatformClient() = default;

int PlatformClient::backoffMs(const PlatformConfig& c, int retry)
{
    const double step = std::min<double>(c.backoffMaxMs, double(c.backoffBaseMs) * double(1LL << std::min(retry - 1, 20)));
    return int(step * (0.5 + 0.5 * QRandomGenerator::global()->generateDouble()));
}

QUrl PlatformClient::endpoint(const QString& path) const
{
    QUrl url = m_config.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.endsWith(QLatin1String("/api/v1")))
        base.chop(7);
    url.setPath(base + path);
    return url;
}

void PlatformClient::sleep(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

PlatformClient::Outcome PlatformClient::perform(const QByteArray& verb, const QUrl& url, const QByteArray& body,
                                                const QByteArray& idempotencyKey, qint64 expectedSize)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_config.token.toUtf8());
    request.setRawHeader("Accept", expectedSize >= 0 ? "image/*" : "application/json");
    request.setRawHeader("User-Agent", "PhotoDesk/" PHOTODESK_VERSION);
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(m_config.timeoutMs);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration(); // the system CAs
        if (!m_config.extraCaFile.isEmpty())
            tls.addCaCertificates(QSslCertificate::fromPath(m_config.extraCaFile));
        request.setSslConfiguration(tls);
    }

    Outcome out;
    QNetworkReply* reply = m_nam->sendCustomRequest(request, verb, body);
    auto stop = [&out, reply](const QString& code, const QString& text, bool transient) {
        if (!out.abortCode.isEmpty())
            return;
        out.abortCode = code;
        out.abortText = text;
        out.abortTransient = transient;
        reply->abort();
    };
    const QByteArray pin = m_config.pinnedCertSha256.toLower().toLatin1();
    auto pinMatches = [&pin](const QSslCertificate& cert) {
        return cert.digest(QCryptographicHash::Sha256).toHex() == pin;
    };
    if (!pin.isEmpty()) {
        // A pinned certificate may be self-signed: its own errors are accepted when it is the pin.
        connect(reply, &QNetworkReply::sslErrors, reply, [reply, pinMatches](const QList<QSslError>& errors) {
            if (pinMatches(reply->sslConfiguration().peerCertificate()))
                reply->ignoreSslErrors(errors);
        });
        connect(reply, &QNetworkReply::encrypted, reply, [reply, pinMatches, stop] {
            if (!pinMatches(reply->sslConfiguration().peerCertificate()))
                stop(QStringLiteral("tls-pin"), QStringLiteral("the server's certificate is not the pinned one"), false);
        });
    }
    if (expectedSize >= 0) {
        // Photos: the size limit holds before the body completes (header first, then the stream).
        connect(reply, &QNetworkReply::metaDataChanged, reply, [this, reply, expectedSize, stop, &out] {
            const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
            if (!length.isValid())
                return;
            out.declaredLength = length.toLongLong();
            if (out.declaredLength > m_config.maxPhotoBytes)
                stop(QStringLiteral("photo-too-large"),
                     QStringLiteral("photo of %1 bytes exceeds the limit of %2").arg(out.declaredLength).arg(m_config.maxPhotoBytes), false);
            else if (out.declaredLength != expectedSize && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                stop(QStringLiteral("photo-size"),
                     QStringLiteral("photo announced as %1 bytes, the server sends %2").arg(expectedSize).arg(out.declaredLength), true);
        });
        connect(reply, &QNetworkReply::downloadProgress, reply, [this, expectedSize, stop](qint64 received, qint64) {
            if (received > m_config.maxPhotoBytes)
                stop(QStringLiteral("photo-too-large"), QStringLiteral("photo exceeds the limit of %1 bytes").arg(m_config.maxPhotoBytes), false);
            else if (received > expectedSize)
                stop(QStringLiteral("photo-size"), QStringLiteral("photo longer than the announced %1 bytes").arg(expectedSize), true);
        });
    }
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.network = reply->error();
    out.networkText = reply->errorString();
    if (out.declaredLength < 0 && reply->header(QNetworkRequest::ContentLengthHeader).isValid())
        out.declaredLength = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (out.abortCode.isEmpty() && reply->isOpen())
        out.body = reply->readAll();
    reply->deleteLater();
    return out;
}

template <class T>
Result<T> PlatformClient::withRetries(const QString& what, const std::function<Result<T>(bool* transient)>& once)
{
    for (int attempt = 1;; ++attempt) {
        bool transient = false;
        Result<T> r = once(&transient);
        if (r.ok() || !transient)
            return r;
        if (attempt >= m_config.maxAttempts)
            return Error{r.error().code, QStringLiteral("%1 (gave up after %2 attempts)").arg(r.error().message).arg(attempt)};
        const int delay = backoffMs(m_config, attempt);
        emit retrying(what, attempt, delay, r.error().message);
        sleep(delay);
    }
}


Result<SubmissionPage> PlatformClient::fetchPage(const QString& cursor)
{
    QUrl url = endpoint(QStringLiteral("/api/v1/submissions"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("pending"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_config.pageSize));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    url.setQuery(query);
    return withRetries<SubmissionPage>(QStringLiteral("submissions"), [&](bool* transient) -> Result<SubmissionPage> {
        const Outcome o = perform("GET", url, {}, {}, -1);
        Error failure;
        if (!checkOutcome(o, &failure, transient))
            return failure;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(o.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            *transient = true; // a cut-off body: the next try gets it whole
            return Error{QStringLiteral("platform-bad-response"), QStringLiteral("unreadable submissions page: %1").arg(parseError.errorString())};
        }
        const QJsonObject root = doc.object();
        SubmissionPage page;
        page.nextCursor = root.value(QStringLiteral("next_cursor")).toString();
        page.total = root.value(QStringLiteral("total")).toInt(-1);
        for (const QJsonValue& v : root.value(QStringLiteral("items")).toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonObject st = o.value(QStringLiteral("student")).toObject();
            Submission s;
            s.attemptId = o.value(QStringLiteral("attempt_id")).toString();
            s.version = o.value(QStringLiteral("version")).toInt(1);
            s.previousAttemptId = o.value(QStringLiteral("previous_attempt_id")).toString();
            s.paidAt = QDateTime::fromString(o.value(QStringLiteral("paid_at")).toString(), Qt::ISODateWithMs).toUTC();
            s.student.studentNumber = st.value(QStringLiteral("student_number")).toString();
            s.student.name = st.value(QStringLiteral("name")).toString();
            s.student.nationalId = st.value(QStringLiteral("national_id")).toString();
            s.student.phone = st.value(QStringLiteral("phone")).toString();
            s.student.programme = st.value(QStringLiteral("programme")).toString();
            s.student.level = st.value(QStringLiteral("level")).toString();
            s.student.cohort = st.value(QStringLiteral("cohort")).toString(); // optional (graduating class)
            bool ok = !s.attemptId.isEmpty() && s.paidAt.isValid() && !s.student.studentNumber.isEmpty();
            for (const QJsonValue& pv : o.value(QStringLiteral("photos")).toArray()) {
                const QJsonObject p = pv.toObject();
                const auto role = photoRoleFromString(p.value(QStringLiteral("role")).toString());
                PhotoRef ref;
                ref.role = role.value_or(PhotoRole::Submitted);
                ref.url = url.resolved(QUrl(p.value(QStringLiteral("url")).toString()));
                ref.sha256 = p.value(QStringLiteral("sha256")).toString().toLower();
                ref.size = qint64(p.value(QStringLiteral("size")).toDouble(-1));
                ref.fileName = p.value(QStringLiteral("file_name")).toString();
                if (!role || ref.sha256.size() != 64 || ref.size < 0 || !ref.url.isValid())
                    ok = false;
                s.photos.push_back(ref);
            }
            if (!s.photo(PhotoRole::Submitted))
                ok = false;
            if (ok)
                page.items.push_back(std::move(s));
            else
                ++page.malformed;
        }
        return page;
    });
}

Result<QByteArray> PlatformClient::downloadPhoto(const PhotoRef& photo)
{
    if (photo.size > m_config.maxPhotoBytes)
        return Error{QStringLiteral("photo-too-large"),
                     QStringLiteral("photo %1 is %2 bytes, over the limit of %3").arg(photo.fileName).arg(photo.size).arg(m_config.maxPhotoBytes)};
    return withRetries<QByteArray>(QStringLiteral("photo"), [&](bool* transient) -> Result<QByteArray> {
        const Outcome o = perform("GET", photo.url, {}, {}, photo.size);
        Error failure;
        if (!checkOutcome(o, &failure, transient))
            return failure;
        if (o.body.size() != photo.size) {
            *transient = true;
            return Error{QStringLiteral("photo-size"), QStringLiteral("photo %1: %2 bytes received, %3 announced").arg(photo.fileName).arg(o.body.size()).arg(photo.size)};
        }
        if (QCryptographicHash::hash(o.body, QCryptographicHash::Sha256).toHex() != photo.sha256.toLatin1()) {
            *transient = true;
            return Error{QStringLiteral("photo-checksum"), QStringLiteral("photo %1: the SHA-256 does not match").arg(photo.fileName)};
        }
        return o.body;
    });
}

Result<DecisionReceipt> PlatformClient::postDecision(const QString& idempotencyKey, const QJsonObject& decision)
{
    const QUrl url = endpoint(QStringLiteral("/api/v1/decisions"));
    const QByteArray body = QJsonDocument(decision).toJson(QJsonDocument::Compact);
    return withRetries<DecisionReceipt>(QStringLiteral("decision"), [&](bool* transient) -> Result<DecisionReceipt> {
        const Outcome o = perform("POST", url, body, idempotencyKey.toUtf8(), -1);
        Error failure;
        if (!checkOutcome(o, &failure, transient)) {
            if (o.status == 409 && errorCodeOf(o.body) == QLatin1String("idempotency-conflict"))
                failure.code = QStringLiteral("idempotency-conflict");
            return failure;
        }
        const QJsonObject root = QJsonDocument::fromJson(o.body).object();
        if (root.value(QStringLiteral("decision_id")).toString().isEmpty()) {
            *transient = true; // a cut-off answer; the key makes the retry safe
            return Error{QStringLiteral("platform-bad-response"), QStringLiteral("unreadable answer to a decision")};
        }
        return DecisionReceipt{root.value(QStringLiteral("decision_id")).toString(), root.value(QStringLiteral("replayed")).toBool()};
    });
}

bool PlatformClient::checkOutcome(const Outcome& o, Error* error, bool* transient) const
{
    if (!o.abortCode.isEmpty()) {
        *transient = o.abortTransient;
        *error = Error{o.abortCode, o.abortText};
        return false;
    }
    if (o.status >= 200 && o.status < 300 && o.network == QNetworkReply::NoError) {
        if (o.declaredLength >= 0 && o.body.size() != o.declaredLength) {
            *transient = true;
            *error = Error{QStringLiteral("platform-bad-response"),
                           QStringLiteral("truncated answer: %1 of %2 bytes").arg(o.body.size()).arg(o.declaredLength)};
            return false;
        }
        return true;
    }
    if (o.status >= 400) {
        *transient = transientStatus(o.status);
        const QString text = platformError(o.status, o.body);
        if (o.status == 401 || o.status == 403)
            *error = Error{QStringLiteral("platform-auth"), QStringLiteral("the platform refused the token (%1)").arg(text)};
        else if (o.status >= 500)
            *error = Error{QStringLiteral("platform-server"), text};
        else if (*transient)
            *error = Error{QStringLiteral("platform-busy"), text};
        else
            *error = Error{QStringLiteral("platform-rejected"), text};
        return false;
    }
    switch (o.network) {
    case QNetworkReply::SslHandshakeFailedError:
        *transient = false;
        *error = Error{QStringLiteral("tls-error"), QStringLiteral("TLS handshake failed: %1").arg(o.networkText)};
        return false;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        *transient = true;
        *error = Error{QStringLiteral("platform-timeout"), QStringLiteral("no answer within %1 ms").arg(m_config.timeoutMs)};
        return false;
    default:
        *transient = true;
        *error = Error{QStringLiteral("platform-unreachable"), o.networkText};
        return false;
    }
}

} // namespace pd
