#pragma once

#include "core/notify/SmsProvider.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace pd {

class Store;
struct SmsJob;

// How the dispatcher paces itself. The lease must outlast one send (timeout) plus recording,
// or a slow send could be reclaimed by a second dispatcher (harmless thanks to the
// idempotency key, but wasteful).
struct SmsDispatchPolicy {
    int batchSize = 10;
    int leaseMs = 60000;
    int maxTries = 10;            // then 'failed' with the last error ("gave up after N tries")
    int backoffBaseMs = 5000;     // first retry after ~5 s, then 10, 20, 40 … (± jitter)
    int backoffCapMs = 30 * 60 * 1000;
    int pollIntervalMs = 2000;    // background mode: how often to look for due messages
    // After an unclear outcome, the next try (a look-up first) waits at least this long, so
    // that the provider's records (Tencent's are status reports) have caught up.
    int lookupDelayMs = 30000;
    QString owner;                // lease owner name; empty = "<host>:<pid>:<random>"
};

// What one batch (or a drain) did.
struct SmsDispatchStats {
    int claimed = 0;
    int sent = 0;       // accepted by the gateway (duplicates included)
    int duplicates = 0; // the gateway recognised the idempotency key (an earlier send got through)
    int deferred = 0;   // transient failure, scheduled again
    int failed = 0;     // permanent failure or too many tries: for the hotline
    int reclaimed = 0;  // taken over from an expired lease
    int leaseLost = 0;  // outcome not recorded: another dispatcher holds the row now
    int lookups = 0;    // provider queries before a re-send after an unclear outcome
    int foundByLookup = 0; // of them: already accepted, recorded as sent without sending again
    int lookupFailed = 0;  // of them: the provider could not be asked; kept pending, not sent
    SmsDispatchStats& operator+=(const SmsDispatchStats& o);
};

// Delivers the outbox's SMS rows. Two ways to drive it:
//  - runOnce()/drain() on the calling thread (photodesk-cli, tests);
//  - start()/stop(): its own QThread polls every pollIntervalMs (or at once after wake());
//    the GUI calls start() after login and stop() on exit; signals arrive queued on the
//    receiver's thread.
// Only rows of channel 'sms' are ever claimed.
class SmsDispatcher : public QObject {
    Q_OBJECT
public:
    SmsDispatcher(std::shared_ptr<const Store> store, SmsProviderConfig config, SmsDispatchPolicy policy = {},
                  QObject* parent = nullptr);
    ~SmsDispatcher() override; // stops the thread

    SmsDispatchStats runOnce();  // one batch
    SmsDispatchStats drain();    // batches until nothing is due now

    void start();
    void stop(); // waits for the message in flight (at most one send timeout)
    bool isRunning() const;
    void wake(); // thread-safe: look for due messages now (e.g. right after a decision)

    const QString& owner() const { return m_policy.owner; }
    // The delay before try `tries + 1` (exponential, capped, "equal jitter"); at least
    // retryAfterSeconds when the gateway asked for it.
    static qint64 backoffMs(const SmsDispatchPolicy& policy, int tries, int retryAfterSeconds = 0);

    // Test hook for a provider double (called on the sending thread).
    void setProviderFactory(std::function<std::unique_ptr<SmsProvider>()> factory) { m_factory = std::move(factory); }

signals:
    void runningChanged(bool running);
    void messageSent(qint64 outboxId, const QString& providerMessageId, bool duplicate);
    void messageDeferred(qint64 outboxId, const QString& code, const QDateTime& nextTryAt);
    void messageFailed(qint64 outboxId, const QString& code, const QString& message);
    void batchFinished(int sent, int deferred, int failed);
    void problem(const QString& code, const QString& message); // store trouble; the loop carries on

private:
    SmsDispatchStats runOnceWith(SmsProvider& provider);
    void handle(SmsProvider& provider, const SmsJob& job, SmsDispatchStats& stats);
    void loop();

    std::shared_ptr<const Store> m_store;
    SmsProviderConfig m_config;
    SmsDispatchPolicy m_policy;
    std::function<std::unique_ptr<SmsProvider>()> m_factory;
    std::unique_ptr<SmsProvider> m_callerProvider; // for runOnce()/drain() on the caller's thread

    QThread* m_thread = nullptr;
    std::atomic<bool> m_stopRequested{false};
    mutable QMutex m_mutex;
    QWaitCondition m_wakeUp;
    bool m_woken = false;
};

} // namespace pd
