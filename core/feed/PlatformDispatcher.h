#pragma once

#include "core/domain/Types.h"
#include "core/feed/PlatformClient.h"

#include <QMetaType>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace pd {

class Store;

struct DispatchReport {
    int sent = 0;    // accepted by the platform (including replays of an earlier delivery)
    int retried = 0; // transient failure: tried again later (next_try_at)
    int failed = 0;  // permanent failure or out of tries: state 'failed', needs a person
};

// Delivers the decisions waiting in the outbox (channel 'platform') to the platform, each with
// its idempotency key. A message is taken with a lease (state 'sending'); if the desk dies
// before it is marked sent, the lease runs out and the message is delivered again with the same
// key, which the platform answers with its first receipt: nothing is lost, nothing doubles.
// Several desks may run dispatchers at once (PostgreSQL: FOR UPDATE SKIP LOCKED).
class PlatformDispatcher : public QObject {
    Q_OBJECT
public:
    PlatformDispatcher(std::shared_ptr<const Store> store, PlatformConfig config, QObject* parent = nullptr);
    ~PlatformDispatcher() override;

    // Delivers what is due now, on the calling thread.
    DispatchReport runOnce(int limit = 50);

    // Background delivery on a worker thread every `intervalMs` until stop().
    void start(int intervalMs = 10000);
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

    void setMaxTries(int tries) { m_maxTries = tries; }
    void setLeaseSeconds(int seconds) { m_leaseSeconds = seconds; }
    // Delay before the n-th re-delivery: min(max, base·2^(n-1)) with jitter.
    void setRetrySchedule(int baseMs, int maxMs) { m_retryBaseMs = baseMs; m_retryMaxMs = maxMs; }
    // Test hook: called after the platform accepted message `id` and before it is marked sent;
    // returning false abandons the run there (as a crash would).
    void setAfterDeliveryHook(std::function<bool(Id)> hook) { m_afterDelivery = std::move(hook); }

signals:
    void delivered(qint64 outboxId, const QString& platformDecisionId);
    void deliveryFailed(qint64 outboxId, const QString& error, bool willRetry);
    void cycleFinished(const pd::DispatchReport& report);

private:
    DispatchReport runWith(PlatformClient& client, int limit);

    std::shared_ptr<const Store> m_store;
    PlatformConfig m_config;
    int m_maxTries = 12;
    int m_leaseSeconds = 120;
    int m_retryBaseMs = 5000;
    int m_retryMaxMs = 15 * 60 * 1000;
    std::function<bool(Id)> m_afterDelivery;
    QThread* m_thread = nullptr;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
};

} // namespace pd

Q_DECLARE_METATYPE(pd::DispatchReport)
