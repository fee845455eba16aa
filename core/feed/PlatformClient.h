#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <vector>

class QNetworkAccessManager;

namespace pd {

// How to reach the platform (docs/platform-api.md). The token is a secret: it comes from the
// settings/environment, is sent only in the Authorization header and never logged.
struct PlatformConfig {
    QUrl baseUrl;                    // e.g. https://platform.example.edu.cn (the client adds /api/v1/…)
    QString token;                   // bearer token
    int timeoutMs = 15000;           // per request: no byte for this long = timed out (transient)
    int maxAttempts = 5;             // per request, transient failures only
    int backoffBaseMs = 250;         // first retry after 125..250 ms, then doubling…
    int backoffMaxMs = 10000;        // …up to this (jitter: a uniform 50-100 % of the step)
    qint64 maxPhotoBytes = 10 * 1024 * 1024; // enforced while downloading, before the body completes
    int pageSize = 100;
    QString pinnedCertSha256;        // hex SHA-256 of the server certificate (DER); empty = CAs only
    QString extraCaFile;             // PEM added to the system CAs (e.g. a campus CA)
};

struct PhotoRef {
    PhotoRole role = PhotoRole::Submitted;
    QUrl url; // absolute
    QString sha256;
    qint64 size = 0;
    QString fileName;
};

// One pending submission as the platform lists it.
struct Submission {
    QString attemptId;
    int version = 1;
    QString previousAttemptId; // set for a re-submission after a rejection
    QDateTime paidAt;
    Student student;
    std::vector<PhotoRef> photos;

    const PhotoRef* photo(PhotoRole role) const;
};

struct SubmissionPage {
    std::vector<Submission> items;
    QString nextCursor; // empty: last page
    int total = -1;     // pending submissions on the platform (for progress), -1 unknown
    int malformed = 0;  // items left out because required fields were missing
};

struct DecisionReceipt {
    QString decisionId;
    bool replayed = false; // the platform had this idempotency key already
};

// The platform's HTTP API over QtNetwork. Calls block the calling thread (with a local event
// loop) — run them on a worker thread, as SyncService and PlatformDispatcher do. Transient
// failures (connection errors, timeouts, 408/425/429/5xx, truncated bodies, bad JSON, photo
// checksum mismatches) are retried with exponential back-off and jitter, up to maxAttempts;
// anything else fails at once.
// Error codes: platform-unreachable, platform-timeout, platform-auth (401/403),
// platform-rejected (other 4xx; message carries the platform's error code), platform-server
// (5xx after retries), platform-bad-response, photo-checksum, photo-size, photo-too-large,
// tls-pin, tls-error, idempotency-conflict (409 on a decision).
class PlatformClient : public QObject {
    Q_OBJECT
public:
    explicit PlatformClient(PlatformConfig config, QObject* parent = nullptr);
    ~PlatformClient() override;

    const PlatformConfig& config() const { return m_config; }

    Result<SubmissionPage> fetchPage(const QString& cursor);
    // Bytes whose SHA-256 and size match the reference (verified before they are handed out).
    Result<QByteArray> downloadPhoto(const PhotoRef& photo);
    Result<DecisionReceipt> postDecision(const QString& idempotencyKey, const QJsonObject& decision);

    // Delay before retry number `retry` (1-based): min(max, base·2^(retry-1)) · U[0.5, 1].
    static int backoffMs(const PlatformConfig& c, int retry);

signals:
    // A transient failure; the request is tried again after `delayMs`.
    void retrying(const QString& what, int attempt, int delayMs, const QString& reason);

public:
    struct Outcome; // one HTTP exchange's result (internal)

private:
    Outcome perform(const QByteArray& verb, const QUrl& url, const QByteArray& body, const QByteArray& idempotencyKey,
                    qint64 expectedSize);
    template <class T>
    Result<T> withRetries(const QString& what, const std::function<Result<T>(bool* transient)>& once);
    // Network failures, timeouts, bad statuses, truncated bodies: false with the error filled in.
    bool checkOutcome(const Outcome& o, Error* error, bool* transient) const;
    QUrl endpoint(const QString& path) const;
    void sleep(int ms);

    PlatformConfig m_config;
    QNetworkAccessManager* m_nam;
};

} // namespace pd
