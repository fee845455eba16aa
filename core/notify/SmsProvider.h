#pragma once

#include "core/hotline/Masking.h"

#include "core/util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace pd {

// Which gateway a school uses.
enum class SmsProviderKind { Aliyun, Tencent, Generic };
QString toString(SmsProviderKind k);
std::optional<SmsProviderKind> smsProviderKindFromString(const QString& s);

// An access key pair. Never logged, never stored in the database or the repository: it
// comes from the environment or the desktop keychain (core/notify/SmsCredentials.h).
struct SmsCredentials {
    QString keyId;
    QString secret;
};

// What the provider needs to know besides the message: a small value type filled from the
// settings (the settings model comes later) or from photodesk-cli's flags.
struct SmsProviderConfig {
    SmsProviderKind kind = SmsProviderKind::Aliyun;
    QUrl endpoint;           // empty = the provider's public endpoint
    QString region;          // Aliyun RegionId / Tencent X-TC-Region; empty = provider default
    QString signName;        // the school's SMS signature as registered (without 【】)
    QString sdkAppId;        // Tencent SmsSdkAppId
    QMap<QString, QString> templateCodes; // "approved"/"rejected" → Aliyun TemplateCode / Tencent TemplateId
    int timeoutMs = 10000;   // one HTTP exchange, connection included
    SmsCredentials credentials;

    static QUrl defaultEndpoint(SmsProviderKind kind);
    QUrl effectiveEndpoint() const { return endpoint.isEmpty() ? defaultEndpoint(kind) : endpoint; }
};

// One message to one phone.
struct SmsRequest {
    QString phone;            // mainland number, 11 digits (the providers add +86 where needed)
    QString text;             // the exact composed text, signature included
    QString templateKind;     // "approved" | "rejected" (selects the provider's template)
    QJsonObject templateParams; // {"name": …, "reasons": …}, in the order the templates use
    QString idempotencyKey;   // → Aliyun OutId, Tencent SessionContext, generic Idempotency-Key
};

// How a send ended, as the dispatcher needs it.
enum class SmsOutcome {
    Accepted,   // the gateway took it (a replay of an already accepted key counts as accepted)
    Transient,  // network error, timeout, 5xx, throttling: try again later
    Permanent,  // invalid number, template/signature rejected, bad credentials: hotline
};

struct SmsSendResult {
    SmsOutcome outcome = SmsOutcome::Transient;
    QString providerMessageId; // Aliyun BizId, Tencent SerialNo, generic message_id
    QString code;              // the provider's code ("OK", "isv.MOBILE_NUMBER_ILLEGAL", "network-timeout" …)
    QString message;           // the provider's message (never contains credentials)
    int httpStatus = 0;
    bool duplicate = false;    // the gateway recognised the idempotency key
    int retryAfterSeconds = 0; // from Retry-After, 0 = not given
    // The gateway may have accepted the message although we did not hear so: the request was
    // written and then the answer timed out, the connection dropped, the answer was unreadable,
    // or the provider saw our request twice. Such a message is looked up before any re-send.
    bool unclear = false;
};

// Did the provider already accept a message with this idempotency key?
enum class SmsLookupOutcome {
    Found,    // yes: record it as sent, never send again
    NotFound, // no: sending is safe
    Failed,   // we could not find out (network, 5xx, throttling, bad answer): ask again later
};

struct SmsLookupResult {
    SmsLookupOutcome outcome = SmsLookupOutcome::Failed;
    QString providerMessageId; // Tencent SerialNo, generic message_id; Aliyun's query has no BizId
    QString status;            // the provider's status (Aliyun SendStatus/ErrCode, Tencent ReportStatus, generic status)
    QString code;              // for Failed: the error code
    QString message;
};

// One interface, three implementations. send() blocks the calling thread (it runs a local
// event loop); call it from a worker thread, never from the UI thread. An instance belongs to
// the thread that created it (it owns a QNetworkAccessManager).
class SmsProvider {
public:
    virtual ~SmsProvider() = default;
    virtual SmsProviderKind kind() const = 0;
    virtual SmsSendResult send(const SmsRequest& request) = 0;
    // Asks the provider whether a message with request.idempotencyKey to request.phone was
    // accepted since `since` (the outbox row's creation): Aliyun QuerySendDetails (matched on
    // OutId), Tencent PullSmsSendStatusByPhoneNumber (SessionContext), generic GET sms/status.
    // Blocks like send(). The default cannot tell, so a re-send never happens blind.
    virtual SmsLookupResult lookup(const SmsRequest& request, const QDateTime& since);

    static std::unique_ptr<SmsProvider> create(const SmsProviderConfig& config);
};

// Classification of the providers' codes (shared with the stand-in's tests and docs/sms.md).
SmsOutcome classifyAliyunCode(const QString& code);
SmsOutcome classifyTencentCode(const QString& code);
SmsOutcome classifyHttpStatus(int status);

// Phones in logs and audit records are masked with maskPhone() from core/hotline/Masking.h.

} // namespace pd
