#include "core/notify/SmsCredentials.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace pd {

namespace {
const QString kService = QStringLiteral("PhotoDesk");
constexpr int kKeychainTimeoutMs = 5000;

QString keyFor(SmsProviderKind provider)
{
    return QStringLiteral("sms/") + toString(provider);
}

bool desktopSessionAvailable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

// Runs a keychain job to completion (or the time limit) in a local event loop.
bool runJob(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QTimer limit;
    limit.setSingleShot(true);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&limit, &QTimer::timeout, &loop, &QEventLoop::quit);
    limit.start(kKeychainTimeoutMs);
    job.start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return finished;
}
} // namespace

Result<SmsCredentials> loadSmsCredentials(SmsProviderKind provider)
{
    const QString id = qEnvironmentVariable(kSmsKeyIdVariable);
    const QString secret = qEnvironmentVariable(kSmsKeySecretVariable);
    if (!id.isEmpty() && !secret.isEmpty())
        return SmsCredentials{id, secret};

    const QString howTo = QStringLiteral("set %1 and %2, or store the key for %3 in the desktop keychain (service %4, key %5)")
                              .arg(QLatin1String(kSmsKeyIdVariable), QLatin1String(kSmsKeySecretVariable), toString(provider),
                                   kService, keyFor(provider));
    if (!id.isEmpty() || !secret.isEmpty())
        return Error{QStringLiteral("sms-credentials-missing"),
                     QStringLiteral("only one of %1 and %2 is set; %3")
                         .arg(QLatin1String(kSmsKeyIdVariable), QLatin1String(kSmsKeySecretVariable), howTo)};
    if (!desktopSessionAvailable())
        return Error{QStringLiteral("sms-credentials-missing"),
                     QStringLiteral("no SMS access key: no environment variables and no desktop session for the keychain; %1").arg(howTo)};

    QKeychain::ReadPasswordJob job(kService);
    job.setKey(keyFor(provider));
    if (!runJob(job))
        return Error{QStringLiteral("sms-credentials-missing"), QStringLiteral("the desktop keychain did not answer; %1").arg(howTo)};
    if (job.error() != QKeychain::NoError)
        return Error{QStringLiteral("sms-credentials-missing"),
                     QStringLiteral("the desktop keychain has no SMS key (%1); %2").arg(job.errorString(), howTo)};
    const QJsonObject o = QJsonDocument::fromJson(job.textData().toUtf8()).object();
    SmsCredentials c{o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("secret")).toString()};
    if (c.keyId.isEmpty() || c.secret.isEmpty())
        return Error{QStringLiteral("sms-credentials-missing"),
                     QStringLiteral("the keychain entry %1 is incomplete; %2").arg(keyFor(provider), howTo)};
    return c;
}

Status storeSmsCredentialsInKeychain(SmsProviderKind provider, const SmsCredentials& credentials)
{
    if (!desktopSessionAvailable())
        return Error{QStringLiteral("keychain-unavailable"), QStringLiteral("there is no desktop session with a keychain")};
    QKeychain::WritePasswordJob job(kService);
    job.setKey(keyFor(provider));
    job.setTextData(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), credentials.keyId},
                                                                {QStringLiteral("secret"), credentials.secret}})
                                          .toJson(QJsonDocument::Compact)));
    if (!runJob(job))
        return Error{QStringLiteral("keychain-unavailable"), QStringLiteral("the desktop keychain did not answer")};
    if (job.error() != QKeychain::NoError)
        return Error{QStringLiteral("keychain-failed"), QStringLiteral("the keychain refused the key: %1").arg(job.errorString())};
    return okStatus();
}

} // namespace pd
