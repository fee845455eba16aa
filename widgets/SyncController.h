#pragma once

#include "core/feed/PlatformClient.h"
#include "core/feed/SyncService.h"
#include "core/notify/SmsProvider.h"
#include "core/util/Result.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace pd {

class PlatformDispatcher;
class SmsDispatcher;
class Store;
class StoreWorker;

// What the desk talks to besides its store, as given on the command line / in the settings.
// Secrets (platform token, SMS key pair) are only ever held in memory.
struct DeskServicesConfig {
    std::optional<PlatformConfig> platform;   // nullopt: no platform configured (no sync, no delivery)
    std::optional<SmsProviderKind> smsProvider; // nullopt: no SMS provider configured
    QUrl smsEndpoint;                          // empty: the provider's public endpoint
    QString smsRegion;                         // empty: the provider's default
    QString smsSdkAppId;                       // empty: smsDefaults()
    QString smsTemplateApproved;               // empty: smsDefaults()
    QString smsTemplateRejected;
    int syncIntervalMs = 5 * 60 * 1000;        // background sync after the first one
    int platformDispatchIntervalMs = 5000;     // how often decisions are posted to the platform
    int smsPollIntervalMs = 2000;
    int smsCountsIntervalMs = 5000;            // status-bar refresh of the outbox counts

    // The provider settings PhotoDesk uses with a given kind (same defaults as photodesk-cli sms).
    static SmsProviderConfig smsDefaults(SmsProviderKind kind);
    // smsDefaults() with this configuration's endpoint, region, app id and template codes, and
    // the SignName of the SMS templates in force (so it matches the signature in the text).
    SmsProviderConfig smsProviderConfig(SmsProviderKind kind, const QString& signName) const;
};

// Counts of the SMS outbox for the status bar.
struct SmsCounts {
    int pending = 0; // waiting or being sent (retries included)
    int failed = 0;  // permanent failures, for the hotline
    int sent = 0;
};

// Runs the desk's background traffic while someone is logged in: the platform sync (at once,
// then every syncIntervalMs, and on request), the PlatformDispatcher (decisions → platform) and
// the SmsDispatcher (outbox → SMS gateway). Everything network- or store-bound runs on the
// services' own threads or this controller's StoreWorker; the signals arrive on the UI thread.
// Stopped (and waited for) when the controller is destroyed, i.e. on logout / window close.
class SyncController : public QObject {
    Q_OBJECT
public:
    SyncController(std::shared_ptr<Store> store, DeskServicesConfig config, QObject* parent = nullptr);
    ~SyncController() override;

    const DeskServicesConfig& config() const { return m_config; }
    bool hasPlatform() const { return m_config.platform.has_value(); }
    bool hasSms() const { return m_config.smsProvider.has_value(); }
    bool isSyncing() const;
    SyncService* syncService() const { return m_sync; }
    SmsDispatcher* smsDispatcher() const { return m_sms; }
    PlatformDispatcher* platformDispatcher() const { return m_platform; }

    void start();
    void stop();

public slots:
    // A sync now (no-op while one runs); the periodic timer starts over from here.
    void syncNow();
    // Look for due SMS at once (right after a decision).
    void wakeSms();
    void refreshSmsCounts();

signals:
    void syncStarted();
    void syncProgress(int done, int total);
    void syncRetrying(const QString& what, int attempt, int delayMs, const QString& reason);
    void syncFinished(const pd::SyncReport& report);
    // Submissions may have arrived: the queue should reload.
    void storeChanged();
    void smsCountsChanged(const pd::SmsCounts& counts);
    // The SMS dispatcher cannot run (no credentials…) or a send failed permanently / went wrong.
    void smsProblem(const pd::Error& error);
    void smsRunningChanged(bool running);
    void platformDelivered(const QString& decisionId);
    void platformDeliveryFailed(const QString& error, bool willRetry);

private:
    void startSms(const SmsProviderConfig& config);

    std::shared_ptr<Store> m_store;
    DeskServicesConfig m_config;
    std::unique_ptr<StoreWorker> m_worker; // counts queries
    SyncService* m_sync = nullptr;
    PlatformDispatcher* m_platform = nullptr;
    SmsDispatcher* m_sms = nullptr;
    QTimer m_syncTimer;
    QTimer m_countsTimer;
    bool m_started = false;
    bool m_countsBusy = false;
};

} // namespace pd

Q_DECLARE_METATYPE(pd::SmsCounts)
