#pragma once

#include <optional>

#include <QAbstractHttpServer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

class QTcpSocket;

namespace pd::gateway {

// A failure the next matching request suffers (or, with faultRate, a random one).
enum class Fault {
    None,
    Timeout,   // no answer: the connection is held open, then closed
    Status5xx, // HTTP 503 in the provider's shape
    Throttle,  // the provider's throttling answer (Aliyun isv.BUSINESS_LIMIT_CONTROL, Tencent
               // LimitExceeded.PhoneNumberThirtySecondLimit, generic 429 + Retry-After)
    Drop,      // the connection is closed without an answer, nothing is sent
    DropAfter, // the message IS delivered, then the connection is closed without an answer
               // (what a client sees when it crashes right after sending)
    TemplateRejected, // the provider's "template not approved" answer
};
QString toString(Fault f);
Fault faultFromString(const QString& s, bool* ok = nullptr);

struct GatewayOptions {
    QString keyId;
    QString secret;
    int latencyMs = 0;        // every SendSms answer is delayed by this much (after delivery)
    int holdMs = 30000;       // Timeout fault: how long the connection is held before closing
    double faultRate = 0;     // 0..1: random faults among timeout/5xx/throttle/drop/drop-after
    QString logFile;          // JSON lines: one per request outcome
    bool dedupe = true;       // false: behave like the public APIs, which only echo the key
};

// Stand-ins for Aliyun SendSms (GET /aliyun/), Tencent Cloud SendSms (POST /tencent/) and the
// generic JSON gateway (POST /generic/sms/send), their look-ups (Aliyun QuerySendDetails on
// /aliyun/, Tencent PullSmsSendStatusByPhoneNumber on /tencent/, generic GET
// /generic/sms/status?idempotency_key=…), plus control endpoints for tests:
// GET /_stats, POST /_faults {"provider": "aliyun|tencent|generic|*", "fault": …, "count": n},
// POST /_reset. Signatures are checked as the providers check them; accepted messages are
// de-duplicated by idempotency key (Aliyun OutId, Tencent SessionContext, generic
// Idempotency-Key): a replay gets the first answer again, marked X-PhotoDesk-Replay: 1.
class SmsGatewayServer : public QAbstractHttpServer {
public:
    explicit SmsGatewayServer(GatewayOptions options, QObject* parent = nullptr);
    // "PROVIDER:FAULT[:COUNT]" specs (as --fault takes them); invalid ones are ignored.
    void queueFaults(const QStringList& specs);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct Answer {
        int status = 200;
        QByteArray contentType = "application/json;charset=utf-8";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    struct Delivery {
        QString provider;
        QString key;
        QString messageId;
        Answer answer; // replayed for a duplicate
    };

    Answer aliyun(const QHttpServerRequest& request, Fault fault, bool* delivered);
    Answer tencent(const QHttpServerRequest& request, Fault fault, bool* delivered);
    Answer generic(const QHttpServerRequest& request, Fault fault, bool* delivered);
    // The look-ups a dispatcher makes before re-sending after an unclear outcome.
    Answer aliyunQuery(const QHash<QString, QString>& p, const QString& requestId);
    Answer tencentPull(const QJsonObject& body, const QString& requestId);
    Answer genericStatus(const QHttpServerRequest& request, Fault fault);
    Answer genericError(int status, const QString& code, const QString& message, QList<QPair<QByteArray, QByteArray>> headers = {});
    std::optional<Answer> checkGenericSignature(const QHttpServerRequest& request, const QByteArray& method, const QByteArray& target,
                                                const QByteArray& body);
    void countLookup(const QString& provider, bool hit);
    Answer stats() const;
    Answer setFaults(const QHttpServerRequest& request);

    Fault takeFault(const QString& provider);
    void respond(QTcpSocket* socket, const Answer& answer, int delayMs);
    void record(const QString& provider, const QString& key, const QString& phone, const QString& messageId,
                const QJsonObject& detail);
    void log(const QJsonObject& event);
    QString requestId();
    QString nextMessageId(const QString& provider);

    GatewayOptions m_options;
    QHash<QString, QList<Fault>> m_faults; // provider or "*" → queue
    QHash<QString, Delivery> m_byKey;      // provider + '\n' + key
    QSet<QString> m_nonces;
    QJsonArray m_deliveries;
    QJsonObject m_counters;
    qint64 m_sequence = 0;
    QFile m_log;
};

} // namespace pd::gateway
