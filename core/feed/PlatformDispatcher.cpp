#include "core/feed/PlatformDispatcher.h"

#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/support/LogCategories.h"
#include "core/util/Time.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <vector>

namespace pd {

namespace {
struct Due {
    Id id = 0;
    QString key;
    QJsonObject payload;
    int tries = 0;
};
} // namespace

PlatformDispatcher::PlatformDispatcher(std::shared_ptr<const Store> store, PlatformConfig config, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_config(std::move(config))
{
    qRegisterMetaType<pd::DispatchReport>();
    // The dispatcher has its own schedule between runs; inside one run a few quick retries do.
    m_config.maxAttempts = std::min(m_config.maxAttempts, 3);
}

PlatformDispatcher::~PlatformDispatcher()
{
    stop();
}

DispatchReport PlatformDispatcher::runOnce(int limit)
{
    PlatformClient client(m_config);
    return runWith(client, limit);
}

DispatchReport PlatformDispatcher::runWith(PlatformClient& client, int limit)
{
    DispatchReport report;
    const Database& db = m_store->db();
    std::vector<Due> due;
    const QDateTime now = utcNow();
    try {
        // Take the due messages with a lease: pending ones whose time has come, and 'sending'
        // ones whose lease ran out (a desk died mid-delivery).
        const QString lock = db.dialect() == SqlDialect::PostgreSQL ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString();
        Transaction tx(db);
        {
            Sql take(tx.connection(),
                     QStringLiteral("UPDATE outbox SET state = 'sending', tries = tries + 1, lease_until = :lease, updated_at = :now "
                                    "WHERE id IN (SELECT id FROM outbox WHERE channel = 'platform' AND "
                                    "((state = 'pending' AND next_try_at <= :now2) OR (state = 'sending' AND lease_until < :now3)) "
                                    "ORDER BY next_try_at, id LIMIT %1%2) "
                                    "RETURNING id, idempotency_key, payload, tries")
                         .arg(limit)
                         .arg(lock));
            const QString nowText = toDbTime(now);
            take.bind(QStringLiteral(":lease"), toDbTime(now.addSecs(m_leaseSeconds)))
                .bind(QStringLiteral(":now"), nowText)
                .bind(QStringLiteral(":now2"), nowText)
                .bind(QStringLiteral(":now3"), nowText)
                .exec();
            while (take.next())
                due.push_back({take.value(0).toLongLong(), take.value(1).toString(),
                               QJsonDocument::fromJson(take.value(2).toString().toUtf8()).object(), take.value(3).toInt()});
        }
        tx.commit();
    } catch (const StoreError& e) {
        qCWarning(lcFeed).noquote() << "claiming platform deliveries failed:" << e.code();
        emit deliveryFailed(0, e.message(), true);
        return report;
    }
    std::sort(due.begin(), due.end(), [](const Due& a, const Due& b) { return a.id < b.id; });

    for (const Due& m : due) {
        auto receipt = client.postDecision(m.key, m.payload);
        try {
            const QString at = toDbTime(utcNow());
            if (receipt) {
                if (m_afterDelivery && !m_afterDelivery(m.id))
                    return report; // simulated crash: the row stays 'sending' until its lease ends
                Sql(db, QStringLiteral("UPDATE outbox SET state = 'sent', provider_ref = :ref, lease_until = NULL, "
                                       "last_error = '', updated_at = :t WHERE id = :id"))
                    .bind(QStringLiteral(":ref"), receipt->decisionId)
                    .bind(QStringLiteral(":t"), at)
                    .bind(QStringLiteral(":id"), m.id)
                    .exec();
                ++report.sent;
                qCInfo(lcFeed) << "outbox" << m.id << "delivered to the platform, try" << m.tries;
                emit delivered(m.id, receipt->decisionId);
                continue;
            }
            const QString code = receipt.error().code;
            const bool permanent = code == QLatin1String("platform-rejected") || code == QLatin1String("idempotency-conflict")
                                   || code == QLatin1String("platform-auth") || code == QLatin1String("tls-pin");
            const QString error = QStringLiteral("%1: %2").arg(code, receipt.error().message).left(500);
            if (permanent || m.tries >= m_maxTries) {
                Sql(db, QStringLiteral("UPDATE outbox SET state = 'failed', lease_until = NULL, last_error = :e, updated_at = :t WHERE id = :id"))
                    .bind(QStringLiteral(":e"), error)
                    .bind(QStringLiteral(":t"), at)
                    .bind(QStringLiteral(":id"), m.id)
                    .exec();
                ++report.failed;
                qCWarning(lcFeed).noquote() << "outbox" << m.id << "refused by the platform, given up after try" << m.tries << ":" << code;
                emit deliveryFailed(m.id, error, false);
            } else {
                const double step = std::min<double>(m_retryMaxMs, double(m_retryBaseMs) * double(1LL << std::min(m.tries - 1, 20)));
                const qint64 delay = qint64(step * (0.5 + 0.5 * QRandomGenerator::global()->generateDouble()));
                Sql(db, QStringLiteral("UPDATE outbox SET state = 'pending', lease_until = NULL, next_try_at = :n, last_error = :e, "
                                       "updated_at = :t WHERE id = :id"))
                    .bind(QStringLiteral(":n"), toDbTime(utcNow().addMSecs(delay)))
                    .bind(QStringLiteral(":e"), error)
                    .bind(QStringLiteral(":t"), at)
                    .bind(QStringLiteral(":id"), m.id)
                    .exec();
                ++report.retried;
                qCInfo(lcFeed).noquote() << "outbox" << m.id << "not delivered yet, try" << m.tries << ":" << code << "; again in" << delay / 1000 << "s";
                emit deliveryFailed(m.id, error, true);
            }
        } catch (const StoreError& e) {
            // The platform has it (or not); either way the lease brings it back and the key dedups.
            qCWarning(lcFeed).noquote() << "recording the delivery of outbox" << m.id << "failed:" << e.code();
            emit deliveryFailed(m.id, e.message(), true);
        }
    }
    emit cycleFinished(report);
    return report;
}

void PlatformDispatcher::start(int intervalMs)
{
    if (m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = false;
    }
    m_thread = QThread::create([this, intervalMs] {
        PlatformClient client(m_config);
        for (;;) {
            DispatchReport r = runWith(client, 50);
            std::unique_lock lock(m_mutex);
            // A full batch means more may be due: go on at once.
            if (r.sent + r.retried + r.failed < 50)
                m_wake.wait_for(lock, std::chrono::milliseconds(intervalMs), [this] { return m_stop; });
            if (m_stop)
                break;
        }
        m_store->db().closeThreadConnection();
    });
    m_thread->start(QThread::LowPriority);
}

void PlatformDispatcher::stop()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace pd
