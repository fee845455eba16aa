#pragma once

// Runs photodesk-sms-gateway as a child process for a test and talks to its control endpoints.
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>
#include <QtTest>

namespace pd::test {

class GatewayProcess {
public:
    static constexpr const char* kKeyId = "stand-in-key-id";
    static constexpr const char* kSecret = "stand-in-secret-Zq9";

    explicit GatewayProcess(const QStringList& extraArgs = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PHOTODESK_SMS_ACCESS_KEY_ID"), QLatin1String(kKeyId));
        env.insert(QStringLiteral("PHOTODESK_SMS_ACCESS_KEY_SECRET"), QLatin1String(kSecret));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(PHOTODESK_SMS_GATEWAY), extraArgs);
        if (!m_process.waitForStarted(5000) || !m_process.waitForReadyRead(5000))
            qFatal("the SMS gateway stand-in did not start: %s", qPrintable(m_process.readAllStandardError()));
        while (!m_process.canReadLine() && m_process.waitForReadyRead(2000)) {
        }
        m_ready = QJsonDocument::fromJson(m_process.readLine()).object();
        if (m_ready.value(QStringLiteral("port")).toInt() <= 0)
            qFatal("the SMS gateway stand-in printed no port");
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }
    ~GatewayProcess()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    QUrl endpoint(const QString& provider) const { return QUrl(m_ready.value(provider).toString()); }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_ready.value(QStringLiteral("port")).toInt()); }

    QJsonObject stats() { return call("GET", QStringLiteral("/_stats"), {}); }
    void fault(const QString& provider, const QString& fault, int count = 1)
    {
        call("POST", QStringLiteral("/_faults"), QJsonDocument(QJsonObject{{QStringLiteral("provider"), provider},
                                                                           {QStringLiteral("fault"), fault},
                                                                           {QStringLiteral("count"), count}})
                                                      .toJson());
    }
    void reset() { call("POST", QStringLiteral("/_reset"), "{}"); }

private:
    QJsonObject call(const QByteArray& method, const QString& path, const QByteArray& body)
    {
        QNetworkRequest req(QUrl(base() + path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = method == "GET" ? m_nam.get(req) : m_nam.post(req, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return o;
    }

    QProcess m_process;
    QJsonObject m_ready;
    QNetworkAccessManager m_nam;
};

} // namespace pd::test
