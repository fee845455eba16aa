#include "core/config/ConnectionChecks.h"

#include "core/hotline/Masking.h"
#include "core/store/Database.h"
#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "core/store/StoreError.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

namespace pd {

namespace {
bool isTeamLocation(const QString& location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

// The nearest existing folder of `path` is writable (so the SQLite file can be created there).
bool canCreate(const QString& filePath)
{
    QFileInfo dir(QFileInfo(filePath).absolutePath());
    while (!dir.exists()) {
        const QString parent = QFileInfo(dir.absoluteFilePath()).absolutePath();
        if (parent == dir.absoluteFilePath())
            return false;
        dir = QFileInfo(parent);
    }
    return dir.isDir() && dir.isWritable();
}
} // namespace

Result<DatabaseProbe> probeDatabase(const QString& location, const QString& password)
{
    DatabaseProbe probe;
    probe.team = isTeamLocation(location);
    probe.latestVersion = Migrator::latestVersion();
    QString connectTo = location;
    if (probe.team) {
        QUrl url(location);
        probe.location = url.toString(QUrl::RemovePassword);
        if (!password.isEmpty()) {
            url.setPassword(password);
            connectTo = url.toString();
        }
    } else {
        if (location.trimmed().isEmpty())
            return Error{QStringLiteral("database-folder"), QStringLiteral("no database file given")};
        probe.location = QFileInfo(location).absoluteFilePath();
        if (!QFileInfo::exists(location)) {
            // Nothing to open yet: PhotoDesk creates it on first start, if it may.
            if (!canCreate(location))
                return Error{QStringLiteral("database-folder"),
                             QStringLiteral("the folder of %1 cannot be created or written").arg(probe.location)};
            probe.exists = false;
            probe.server = QStringLiteral("SQLite");
            probe.migrationsNeeded = int(Migrator::available().size());
            return probe;
        }
    }
    try {
        // Its own Database: connections of this (worker) thread only, closed when it goes.
        const Database db(connectTo);
        {
            const QVariant version = Sql(db, probe.team ? QStringLiteral("SHOW server_version") : QStringLiteral("SELECT sqlite_version()")).scalar();
            probe.server = (probe.team ? QStringLiteral("PostgreSQL ") : QStringLiteral("SQLite ")) + version.toString();
        }
        const Migrator migrator(db);
        probe.schemaVersion = migrator.currentVersion();
        if (probe.schemaVersion > probe.latestVersion)
            return Error{QStringLiteral("store-too-new"),
                         QStringLiteral("the store has schema version %1 but this PhotoDesk knows only up to %2")
                             .arg(probe.schemaVersion)
                             .arg(probe.latestVersion)};
        for (const Migrator::Migration& m : Migrator::available())
            if (m.version > probe.schemaVersion)
                ++probe.migrationsNeeded;
        db.closeThreadConnection();
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
    return probe;
}

Result<PlatformProbe> probePlatform(PlatformConfig config)
{
    config.maxAttempts = 1;
    config.pageSize = 1;
    PlatformClient client(config);
    QElapsedTimer timer;
    timer.start();
    auto page = client.fetchPage({});
    if (!page)
        return page.error();
    PlatformProbe probe;
    probe.pending = page->total;
    probe.firstPageItems = int(page->items.size());
    probe.elapsedMs = timer.elapsed();
    return probe;
}

Result<SmsTestResult> sendTestSms(const SmsProviderConfig& config, const QString& phone)
{
    static const QRegularExpression mainlandMobile(QStringLiteral("^1[3-9]\\d{9}$"));
    if (!mainlandMobile.match(phone).hasMatch())
        return Error{QStringLiteral("sms-phone-invalid"), QStringLiteral("%1 is not a mainland mobile number (11 digits)").arg(maskPhone(phone))};
    if (config.credentials.keyId.isEmpty() || config.credentials.secret.isEmpty())
        return Error{QStringLiteral("sms-credentials-missing"), QStringLiteral("the SMS access key id and secret are both needed")};
    SmsRequest request;
    request.phone = phone;
    request.templateKind = QStringLiteral("approved");
    request.templateParams = {{QStringLiteral("name"), QStringLiteral("测试")}};
    request.text = QStringLiteral("【%1】测试同学，这是 PhotoDesk 的测试短信，收到即说明短信设置正确。").arg(config.signName);
    request.idempotencyKey = QStringLiteral("sms:test:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const SmsSendResult sent = SmsProvider::create(config)->send(request);
    const QString detail = QStringLiteral("%1 %2").arg(sent.code, QString(sent.message).replace(phone, maskPhone(phone))).trimmed();
    switch (sent.outcome) {
    case SmsOutcome::Accepted:
        return SmsTestResult{sent.providerMessageId, request.text, sent.duplicate};
    case SmsOutcome::Permanent:
        return Error{QStringLiteral("sms-rejected"), detail};
    case SmsOutcome::Transient:
        break;
    }
    return Error{QStringLiteral("sms-unavailable"), detail};
}

} // namespace pd
