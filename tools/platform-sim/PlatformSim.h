#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

class QTcpSocket;

namespace pdsim {

// Fault switches. Probabilities are per request (0..1); latency is added to every API answer.
struct Faults {
    int latencyMs = 0;
    double http500 = 0, http503 = 0, drop = 0, truncate = 0, checksum = 0, duplicate = 0;
    // "latency=50,http500=0.2,drop,…": a bare name means probability 0.2 (latency: 50 ms).
    static Faults parse(const QString& spec, QString* error = nullptr);
    QString describe() const;
    bool any() const { return latencyMs || http500 || http503 || drop || truncate || checksum || duplicate; }
};

struct SimPhoto {
    QByteArray bytes;
    QString sha256;
    QString fileName;
};

struct SimSubmission {
    qint64 seq = 0; // listing order; cursors are "after seq"
    QString attemptId;
    int version = 1;
    QString previousAttemptId;
    QDateTime paidAt;
    QDateTime submittedAt;
    QJsonObject student;
    QString submittedSha, enrollmentSha, idCardSha;
    bool pending = true;
};

// The platform: pending submissions, photos, and the decisions it received (by idempotency key).
class PlatformSim : public QAbstractHttpServer {
public:
    explicit PlatformSim(QString token, quint32 seed = 1, QObject* parent = nullptr);

    bool loadDemo(const QString& dir, QString* error);
    void generate(int count); // synthetic students with unique small photos
    void setFaults(const Faults& f) { m_faults = f; }
    int pendingCount() const;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct Reply {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool drop = false;
        bool truncate = false;
    };
    struct Received {
        QJsonObject body;
        QJsonObject response;
        QDateTime at;
        int deliveries = 0;
    };

    Reply route(const QHttpServerRequest& request);
    Reply api(const QHttpServerRequest& request, const QString& path);
    Reply admin(const QHttpServerRequest& request, const QString& path);
    Reply listSubmissions(const QHttpServerRequest& request);
    Reply postDecision(const QHttpServerRequest& request);
    QJsonObject itemJson(const SimSubmission& s) const;
    QString addPhoto(const QByteArray& bytes, const QString& fileName);
    SimSubmission* find(const QString& attemptId);
    static Reply json(int status, const QJsonObject& o);
    static Reply error(int status, const QString& code, const QString& message, bool retryable = false);
    void send(QTcpSocket* socket, const Reply& reply);
    bool roll(double p) { return p > 0 && m_rng.generateDouble() < p; }

    QString m_token;
    QRandomGenerator m_rng;
    Faults m_faults;
    std::vector<SimSubmission> m_submissions;
    QHash<QString, SimPhoto> m_photos;
    std::map<QString, Received> m_decisions; // by idempotency key, in key order
    QStringList m_decisionOrder;
    qint64 m_nextSeq = 1;
    int m_decisionPosts = 0;
};

} // namespace pdsim
