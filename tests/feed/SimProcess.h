#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace pd::test {

// The platform simulator (photodesk-platform-sim) as a child process on 127.0.0.1, plus its
// admin endpoints (/_sim/…) for the tests. Stopped with the object.
class SimProcess {
public:
    explicit SimProcess(const QStringList& args = {QStringLiteral("--synthetic"), QStringLiteral("30")});
    ~SimProcess();

    bool ok() const { return m_port != 0; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    static QString token() { return QStringLiteral("test-token"); }

    void setFaults(const QString& spec);
    QJsonObject get(const QString& adminPath);
    QJsonObject post(const QString& adminPath, const QJsonObject& body);

private:
    QJsonObject call(const QByteArray& verb, const QString& path, const QJsonObject& body);

    QProcess m_process;
    int m_port = 0;
};

} // namespace pd::test
