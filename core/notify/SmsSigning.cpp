#include "core/notify/SmsSigning.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

#include <algorithm>

namespace pd::smssign {

namespace {
QByteArray hmac(QCryptographicHash::Algorithm algo, const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, algo);
}

QByteArray sha256Hex(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}
} // namespace

QByteArray aliyunPercentEncode(const QString& s)
{
    // QByteArray::toPercentEncoding leaves exactly A-Z a-z 0-9 - . _ ~ alone and writes
    // uppercase hex, which is RFC 3986 as Aliyun wants it.
    return s.toUtf8().toPercentEncoding();
}

QByteArray aliyunCanonicalQuery(Params params)
{
    std::sort(params.begin(), params.end(), [](const auto& a, const auto& b) { return a.first.toUtf8() < b.first.toUtf8(); });
    QByteArray out;
    for (const auto& [name, value] : params) {
        if (!out.isEmpty())
            out += '&';
        out += aliyunPercentEncode(name) + '=' + aliyunPercentEncode(value);
    }
    return out;
}

QByteArray aliyunStringToSign(const QByteArray& method, const Params& params)
{
    return method + "&%2F&" + aliyunPercentEncode(QString::fromLatin1(aliyunCanonicalQuery(params)));
}

QString aliyunSignature(const QByteArray& method, const Params& params, const QString& accessKeySecret)
{
    return QString::fromLatin1(
        hmac(QCryptographicHash::Sha1, accessKeySecret.toUtf8() + '&', aliyunStringToSign(method, params)).toBase64());
}

QByteArray tc3CanonicalRequest(const Tc3Request& r)
{
    return r.method + '\n' + r.path + '\n' + r.query + '\n' + "content-type:" + r.contentType + '\n' + "host:" + r.host
        + '\n' + '\n' + "content-type;host" + '\n' + sha256Hex(r.payload);
}

QString tc3CredentialDate(qint64 timestamp)
{
    return QDateTime::fromSecsSinceEpoch(timestamp, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd"));
}

QByteArray tc3StringToSign(const Tc3Request& r)
{
    const QByteArray scope = tc3CredentialDate(r.timestamp).toLatin1() + '/' + r.service.toLatin1() + "/tc3_request";
    return "TC3-HMAC-SHA256\n" + QByteArray::number(r.timestamp) + '\n' + scope + '\n' + sha256Hex(tc3CanonicalRequest(r));
}

QString tc3Signature(const Tc3Request& r, const QString& secretKey)
{
    const auto sha = QCryptographicHash::Sha256;
    const QByteArray kDate = hmac(sha, "TC3" + secretKey.toUtf8(), tc3CredentialDate(r.timestamp).toLatin1());
    const QByteArray kService = hmac(sha, kDate, r.service.toLatin1());
    const QByteArray kSigning = hmac(sha, kService, "tc3_request");
    return QString::fromLatin1(hmac(sha, kSigning, tc3StringToSign(r)).toHex());
}

QByteArray tc3Authorization(const Tc3Request& r, const QString& secretId, const QString& secretKey)
{
    return "TC3-HMAC-SHA256 Credential=" + secretId.toUtf8() + '/' + tc3CredentialDate(r.timestamp).toLatin1() + '/'
        + r.service.toLatin1() + "/tc3_request, SignedHeaders=content-type;host, Signature="
        + tc3Signature(r, secretKey).toLatin1();
}

QByteArray genericStringToSign(const QByteArray& method, const QByteArray& path, const QByteArray& timestamp,
                               const QByteArray& nonce, const QByteArray& body)
{
    return method + '\n' + path + '\n' + timestamp + '\n' + nonce + '\n' + sha256Hex(body);
}

QString genericSignature(const QByteArray& method, const QByteArray& path, const QByteArray& timestamp,
                         const QByteArray& nonce, const QByteArray& body, const QString& secret)
{
    return QString::fromLatin1(
        hmac(QCryptographicHash::Sha256, secret.toUtf8(), genericStringToSign(method, path, timestamp, nonce, body)).toHex());
}

bool sameSignature(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace pd::smssign
