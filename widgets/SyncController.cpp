#include "widgets/SyncController.h"

#include "core/feed/PlatformDispatcher.h"
#include "core/notify/SmsCredentials.h"
#include "core/notify/SmsDispatcher.h"
#include "core/notify/SmsOutbox.h"
#include "core/notify/SmsTemplates.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "widgets/StoreWorker.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QtConcurrent>

namespace pd {

namespace {
template <class T, class Done>
void whenDone(QObject* context, QFuture<T> future, Done done)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        done(watcher->future().result());
    });
    watcher->setFuture(std::move(future));
}
} // namespace

SmsProviderConfig DeskServicesConfig::smsDefaults(SmsProviderKind kind)
{
    // The same defaults as photodesk-cli sms, which the stand-ins accept; the settings (sms/…)
    // replace them through smsProviderConfig().
    SmsProviderConfig c;
    c.kind = kind;
    c.signName = QStringLiteral("示例大学");
    const bool tencent = kind == SmsProviderKind::Tencent;
    c.sdkAppId = QStringLiteral("1400000000");
    c.templateCodes.insert(QStringLiteral("approved"), tencent ? QStringLiteral("100001") : QStringLiteral("SMS_100001"));
    c.templateCodes.insert(QStringLiteral("rejected"), tencent ? QStringLiteral("100002") : QStringLiteral("SMS_100002"));
    return c;
}

SmsProviderConfig DeskServicesConfig::smsProviderConfig(SmsProviderKind kind, const QString& signName) const
{
    SmsProviderConfig c = smsDefaults(kind);
    c.endpoint = smsEndpoint;
    if (!signName.isEmpty())
        c.signName = signName;
    if (!smsRegion.isEmpty())
        c.region = smsRegion;
    if (!smsSdkAppId.isEmpty())
        c.sdkAppId = smsSdkAppId;
    if (!smsTemplateApproved.isEmpty())
        c.templateCodes.insert(QStringLiteral("approved"), smsTemplateApproved);
    if (!smsTemplateRejected.isEmpty())
        c.templateCodes.insert(QStringLiteral("rejected"), smsTemplateRejected);
    return c;
}

SyncController::SyncController(std::shared_ptr<Store> store, DeskServicesConfig config, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_config(std::move(config)), m_worker(std::make_unique<StoreWorker>(m_store))
{
    qRegisterMetaType<pd::SyncReport>();
    qRegisterMetaType<pd::DispatchReport>();
    qRegisterMetaType<pd::SmsCounts>();
    if (m_config.platform) {
        m_sync = new SyncService(m_store, *m_config.platform, this);
        connect(m_sync, &SyncService::started, this, &SyncController::syncStarted);
        connect(m_sync, &SyncService::progress, this, [this](int done, int total) {
            emit syncProgress(done, total);
        });
        connect(m_sync, &SyncService::retrying, this, &SyncController::syncRetrying);
        connect(m_sync, &SyncService::finished, this, [this](const SyncReport& report) {
            emit syncFinished(report);
            if (report.inserted + report.updated > 0 || report.fetched > 0)
                emit storeChanged();
        });
        m_platform = new PlatformDispatcher(m_store, *m_config.platform, this);
        connect(m_platform, &PlatformDispatcher::delivered, this, [this](qint64, const QString& id) { emit platformDelivered(id); });
        connect(m_platform, &PlatformDispatcher::deliveryFailed, this,
                [this](qint64, const QString& error, bool willRetry) { emit platformDeliveryFailed(error, willRetry); });
        m_syncTimer.setInterval(m_config.syncIntervalMs);
        connect(&m_syncTimer, &QTimer::timeout, this, &SyncController::syncNow);
    }
    m_countsTimer.setInterval(m_config.smsCountsIntervalMs);
    connect(&m_countsTimer, &QTimer::timeout, this, &SyncController::refreshSmsCounts);
}

SyncController::~SyncController()
{
    stop();
}

bool SyncController::isSyncing() const
{
    return m_sync && m_sync->isRunning();
}

void SyncController::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_platform) {
        m_platform->start(m_config.platformDispatchIntervalMs);
        syncNow();
    }
    if (m_config.smsProvider) {
        // The keychain look-up may take a moment (D-Bus): off the UI thread.
        const SmsProviderKind kind = *m_config.smsProvider;
        whenDone(this, QtConcurrent::run([kind] { return loadSmsCredentials(kind); }), [this, kind](const Result<SmsCredentials>& credentials) {
            if (!m_started)
                return;
            if (!credentials) {
                emit smsProblem(credentials.error());
                return;
            }
            // The SignName the provider gets is the signature the composed texts carry.
            SmsProviderConfig config = m_config.smsProviderConfig(kind, SmsTemplates(m_store).effective().signName());
            config.credentials = credentials.value();
            startSms(config);
        });
    }
    m_countsTimer.start();
    refreshSmsCounts();
}

void SyncController::startSms(const SmsProviderConfig& config)
{
    SmsDispatchPolicy policy;
    policy.pollIntervalMs = m_config.smsPollIntervalMs;
    m_sms = new SmsDispatcher(m_store, config, policy, this);
    connect(m_sms, &SmsDispatcher::runningChanged, this, &SyncController::smsRunningChanged);
    connect(m_sms, &SmsDispatcher::batchFinished, this, &SyncController::refreshSmsCounts);
    connect(m_sms, &SmsDispatcher::messageFailed, this, [this](qint64, const QString& code, const QString& message) {
        emit smsProblem(Error{code, message});
    });
    connect(m_sms, &SmsDispatcher::problem, this, [this](const QString& code, const QString& message) { emit smsProblem(Error{code, message}); });
    m_sms->start();
}

void SyncController::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_syncTimer.stop();
    m_countsTimer.stop();
    // Order: stop asking for more, then wait for what is in flight (each at most one request
    // timeout); the sync resumes from its checkpoint next time, the outboxes from their leases.
    if (m_sync) {
        m_sync->cancel();
        m_sync->wait();
    }
    if (m_platform)
        m_platform->stop();
    if (m_sms)
        m_sms->stop();
}

void SyncController::syncNow()
{
    if (!m_sync || !m_started || m_sync->isRunning())
        return;
    m_sync->start();
    m_syncTimer.start(); // the next automatic run counts from now
}

void SyncController::wakeSms()
{
    if (m_sms)
        m_sms->wake();
    refreshSmsCounts();
}

void SyncController::refreshSmsCounts()
{
    if (m_countsBusy)
        return;
    m_countsBusy = true;
    std::shared_ptr<Store> store = m_store;
    whenDone(this, m_worker->run([store]() -> Result<SmsCounts> {
                 try {
                     const QJsonObject o = SmsOutbox(store->db()).counts();
                     SmsCounts c;
                     c.pending = o.value(QStringLiteral("pending")).toInt() + o.value(QStringLiteral("sending")).toInt();
                     c.failed = o.value(QStringLiteral("failed")).toInt();
                     c.sent = o.value(QStringLiteral("sent")).toInt();
                     return c;
                 } catch (const StoreError& e) {
                     return Error{e.code(), e.message()};
                 }
             }),
             [this](const Result<SmsCounts>& counts) {
                 m_countsBusy = false;
                 if (counts)
                     emit smsCountsChanged(counts.value());
             });
}

} // namespace pd
