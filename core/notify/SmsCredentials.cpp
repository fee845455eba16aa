#include "core/notify/SmsCredentials.h"

#include "core/config/Keychain.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pd {

namespace {
// The keychain itself (service, time limit, the in-memory stand-in for tests) lives in
// core/config/Keychain; the SMS key pair is one JSON entry per provider.
const QString kService = QStringLiteral("PhotoDesk");

QString keyFor(SmsProviderKind provider)
{
    return QStringLiteral("sms/") + toString(provider);
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
    if (!Keychain::available())
        return Error{QStringLiteral("sms-credentials-missing"),
                     QStringLiteral("no SMS access key: no environment variables and no desktop session for the keychain; %1").arg(howTo)};

    const auto stored = Keychain::read(keyFor(provider));
    if (!stored)
        return Error{QStringLiteral("sms-credentials-missing"),
                     QStringLiteral("the desktop keychain has no SMS key (%1); %2").arg(stored.error().message, howTo)};
    const QJsonObject o = QJsonDocument::fromJson(stored.value().toUtf8()).object();
    SmsCredentials c{o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("secret")).toString()};
    if (c.keyId.isEmpty() || c.secret.isEmpty())
        return Error{QStringLiteral("sms-credentials-missing"),
                     QStringLiteral("the keychain entry %1 is incomplete; %2").arg(keyFor(provider), howTo)};
    return c;
}

Status storeSmsCredentialsInKeychain(SmsProviderKind provider, const SmsCredentials& credentials)
{
    return Keychain::write(keyFor(provider), QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), credentials.keyId},
                                                                                      {QStringLiteral("secret"), credentials.secret}})
                                                                   .toJson(QJsonDocument::Compact)));
}

} // namespace pd
