#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// The request signatures of the SMS providers, as pure functions: the providers
// (core/notify/SmsProviders.cpp) sign with them, the gateway stand-in (tools/sms-gateway)
// verifies with them, and tests/notify/tst_smssigning.cpp pins them to the providers'
// published test vectors (docs/sms.md).
namespace pd::smssign {

using Params = QList<QPair<QString, QString>>;

// ---------------------------------------------------------------- Aliyun RPC signature v1
// RFC 3986 percent-encoding of the UTF-8 bytes; unreserved = A-Z a-z 0-9 - _ . ~
// (so ' ' → %20, '*' → %2A, '~' stays).
QByteArray aliyunPercentEncode(const QString& s);
// name=value pairs sorted by name (byte order), each side encoded, joined by '&'.
QByteArray aliyunCanonicalQuery(Params params);
// METHOD & %2F & encode(canonical query).
QByteArray aliyunStringToSign(const QByteArray& method, const Params& params);
// Base64(HMAC-SHA1(secret + "&", StringToSign)). `params` must not contain Signature.
QString aliyunSignature(const QByteArray& method, const Params& params, const QString& accessKeySecret);

// ---------------------------------------------------------------- Tencent Cloud TC3-HMAC-SHA256
struct Tc3Request {
    QByteArray method = "POST";
    QByteArray path = "/";
    QByteArray query;       // canonical query string (empty for POST)
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray host;        // exactly as sent in the Host header
    QByteArray payload;     // the body, byte for byte
    QString service;        // e.g. "sms", "cvm"
    qint64 timestamp = 0;   // seconds since the epoch; the credential date is its UTC date
};

QByteArray tc3CanonicalRequest(const Tc3Request& r);
QString tc3CredentialDate(qint64 timestamp); // yyyy-MM-dd in UTC (never UTC+8)
QByteArray tc3StringToSign(const Tc3Request& r);
QString tc3Signature(const Tc3Request& r, const QString& secretKey); // lowercase hex
// The full Authorization header value.
QByteArray tc3Authorization(const Tc3Request& r, const QString& secretId, const QString& secretKey);

// ---------------------------------------------------------------- generic gateway
// hex(HMAC-SHA256(secret, METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body)))),
// sent as X-PhotoDesk-Signature next to X-PhotoDesk-Key-Id, -Timestamp and -Nonce.
QByteArray genericStringToSign(const QByteArray& method, const QByteArray& path, const QByteArray& timestamp,
                               const QByteArray& nonce, const QByteArray& body);
QString genericSignature(const QByteArray& method, const QByteArray& path, const QByteArray& timestamp,
                         const QByteArray& nonce, const QByteArray& body, const QString& secret);

// Constant-time comparison for verifying signatures.
bool sameSignature(const QByteArray& a, const QByteArray& b);

} // namespace pd::smssign
