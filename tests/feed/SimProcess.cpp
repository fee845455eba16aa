#include "SimProcess.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace pd::test {

SimProcess::SimProcess(const QStringList& args)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/photodesk-platform-sim"),
                    QStringList{QStringLiteral("--token"), token()} + args);
    if (!m_process.waitForStarted(10000))
        return;
    while (!m_process.canReadLine() && m_process.waitForReadyRead(10000)) {
    }
    const QJsonObject info = QJsonDocument::fromJson(m_process.readLine()).object();
    m_port = info.value(QStringLiteral("port")).toInt();
}

SimProcess::~SimProcess()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QJsonObject SimProcess::call(const QByteArray& verb, const QString& path, const QJsonObject& body)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(url().toString() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply* reply = nam.sendCustomRequest(request, verb, verb == "GET" ? QByteArray() : QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject result = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return result;
}

QJsonObject SimProcess::get(const QString& adminPath)
{
    return call("GET", adminPath, {});
}

QJsonObject SimProcess::post(const QString& adminPath, const QJsonObject& body)
{
    return call("POST", adminPath, body);
}

void SimProcess::setFaults(const QString& spec)
{
    post(QStringLiteral("/_sim/faults"), {{QStringLiteral("faults"), spec}});
}

} // namespace pd::test
