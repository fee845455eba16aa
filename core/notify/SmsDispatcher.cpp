#include "core/notify/SmsDispatcher.h"

#include "core/notify/SmsComposer.h"
#include "core/notify/SmsOutbox.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/support/LogCategories.h"
#include "core/util/Time.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>

namespace pd {

SmsDispatchStats& SmsDispatchStats::operator+=(const SmsDispatchStats& o)
{
    claimed += o.claimed;
    sent += o.sent;
    duplicates += o.duplicates;
    deferred += o.deferred;
    failed += o.failed;
    reclaimed += o.reclaimed;
    leaseLost += o.leaseLost;
    lookups += o.lookups;
    foundByLookup += o.foundByLookup;
    lookupFailed += o.lookupFailed;
    return *this;
}

namespace {
// What goes into last_error (read by the hotline) and the log: the provider's code and
// message, without the phone number and, defensively, without the secret.
QString sanitized(const SmsSendResult& r, const QString& phone, const QString& secret)
{
    QString text = r.message.isEmpty() ? r.code : r.code + QStringLiteral(": ") + r.message;
    if (!phone.isEmpty())
        text.replace(phone, maskPhone(phone));
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("***"));
    return text.left(300);
}

SmsRequest requestFor(const SmsJob& job)
{
    const QJsonObject& p = job.payload;
    SmsRequest r;
    r.phone = p.value(QStringLiteral("phone")).toString();
    r.text = p.value(QStringLiteral("text")).toString();
    r.templateKind = p.value(QStringLiteral("template")).toString();
    QStringList reasons;
    for (const QJsonValue& v : p.value(QStringLiteral("reasons")).toArray())
        reasons << v.toString();
    r.templateParams = SmsComposer::builtIn().templateParams(p.value(QStringLiteral("name")).toString(), reasons,
                                                             ReasonCatalog::builtIn());
    r.idempotencyKey = job.idempotencyKey;
    return r;
}
} // namespace

SmsDispatcher::SmsDispatcher(std::shared_ptr<const Store> store, SmsProviderConfig config, SmsDispatchPolicy policy, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_config(std::move(config)), m_policy(std::move(policy))
{
    if (m_policy.owner.isEmpty())
        m_policy.owner = QStringLiteral("%1:%2:%3")
                             .arg(QHostInfo::localHostName())
                             .arg(QCoreApplication::applicationPid())
                             .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    m_policy.batchSize = qMax(1, m_policy.batchSize);
    m_policy.maxTries = qMax(1, m_policy.maxTries);
}

SmsDispatcher::~SmsDispatcher()
{
    stop();
}

qint64 SmsDispatcher::backoffMs(const SmsDispatchPolicy& policy, int tries, int retryAfterSeconds)
{
    const int exponent = qBound(0, tries - 1, 30);
    const qint64 full = qMin<qint64>(policy.backoffCapMs, qint64(policy.backoffBaseMs) << exponent);
    const qint64 half = full / 2;
    const qint64 jittered = half + (half > 0 ? QRandomGenerator::global()->bounded(half + 1) : 0);
    return qMax<qint64>(jittered, qint64(retryAfterSeconds) * 1000);
}

SmsDispatchStats SmsDispatcher::runOnce()
{
    if (!m_callerProvider)
        m_callerProvider = m_factory ? m_factory() : SmsProvider::create(m_config);
    return runOnceWith(*m_callerProvider);
}

SmsDispatchStats SmsDispatcher::drain()
{
    SmsDispatchStats total;
    for (;;) {
        const SmsDispatchStats s = runOnce();
        total += s;
        if (s.claimed == 0 || m_stopRequested)
            return total;
    }
}

SmsDispatchStats SmsDispatcher::runOnceWith(SmsProvider& provider)
{
    SmsDispatchStats stats;
    std::vector<SmsJob> jobs;
    try {
        jobs = SmsOutbox(m_store->db()).claim(m_policy.batchSize, m_policy.leaseMs, m_policy.owner);
    } catch (const StoreError& e) {
        qCWarning(lcSms) << "claiming SMS failed:" << e.code();
        emit problem(e.code(), e.message());
        return stats;
    }
    stats.claimed = int(jobs.size());
    for (const SmsJob& job : jobs) {
        if (m_stopRequested) {
            // Not sent: hand the row back at once instead of waiting for the lease to expire.
            try {
                SmsOutbox(m_store->db()).markRetry(job.id, m_policy.owner, QStringLiteral("dispatcher stopped"), utcNow(),
                                                   job.needsLookup);
            } catch (const StoreError&) {
            }
            continue;
        }
        handle(provider, job, stats);
    }
    if (stats.claimed > 0)
        emit batchFinished(stats.sent, stats.deferred, stats.failed);
    return stats;
}

void SmsDispatcher::handle(SmsProvider& provider, const SmsJob& job, SmsDispatchStats& stats)
{
    const SmsRequest request = requestFor(job);
    if (job.reclaimed) {
        ++stats.reclaimed;
        qCInfo(lcSms) << "outbox" << job.id << "reclaimed after an expired lease; looking it up under key" << job.idempotencyKey;
    }
    const SmsOutbox outbox(m_store->db());
    const bool payloadValid = !request.phone.isEmpty() && !request.templateKind.isEmpty();

    // An earlier try may have reached the provider (the dispatcher died mid-send, or the answer
    // was lost). The public APIs do not de-duplicate on OutId/SessionContext, so sending again
    // blind could reach the student twice: ask the provider first.
    if (job.needsLookup && payloadValid) {
        ++stats.lookups;
        const SmsLookupResult found = provider.lookup(request, job.createdAt);
        try {
            if (found.outcome == SmsLookupOutcome::Found) {
                const QString status = QStringLiteral("%1 (lookup)").arg(found.status.isEmpty() ? QStringLiteral("found") : found.status);
                if (!outbox.markSent(job.id, m_policy.owner, toString(provider.kind()), found.providerMessageId, status))
                    ++stats.leaseLost;
                ++stats.sent;
                ++stats.foundByLookup;
                qCInfo(lcSms) << "outbox" << job.id << "was already accepted by" << toString(provider.kind()) << "(look-up); not sent again";
                emit messageSent(job.id, found.providerMessageId, true);
                return;
            }
            if (found.outcome == SmsLookupOutcome::Failed) {
                ++stats.lookupFailed;
                SmsSendResult failure;
                failure.code = found.code.isEmpty() ? QStringLiteral("lookup-failed") : found.code;
                failure.message = QStringLiteral("look-up before re-sending failed (outcome of an earlier try unknown)");
                if (!found.message.isEmpty())
                    failure.message += QStringLiteral(": ") + found.message;
                const QString error = sanitized(failure, request.phone, m_config.credentials.secret);
                if (job.tries < m_policy.maxTries) {
                    const QDateTime next = utcNow().addMSecs(qMax<qint64>(backoffMs(m_policy, job.tries), m_policy.lookupDelayMs));
                    if (!outbox.markRetry(job.id, m_policy.owner, error, next, true))
                        ++stats.leaseLost;
                    ++stats.deferred;
                    qCInfo(lcSms) << "outbox" << job.id << "look-up failed:" << failure.code << "; asking again at" << toDbTime(next);
                    emit messageDeferred(job.id, failure.code, next);
                } else {
                    const QString why = QStringLiteral("gave up after %1 tries; outcome unknown; last: %2").arg(job.tries).arg(error);
                    if (!outbox.markFailed(job.id, m_policy.owner, why))
                        ++stats.leaseLost;
                    ++stats.failed;
                    qCWarning(lcSms) << "outbox" << job.id << "to" << maskPhone(request.phone) << "failed:" << why;
                    emit messageFailed(job.id, failure.code, why);
                }
                return;
            }
        } catch (const StoreError& e) {
            qCWarning(lcSms) << "recording outbox" << job.id << "failed:" << e.code();
            emit problem(e.code(), e.message());
            return;
        }
        // Not found: the earlier try never got through, sending is safe.
    }

    SmsSendResult result;
    if (!payloadValid) {
        result.outcome = SmsOutcome::Permanent;
        result.code = QStringLiteral("payload-invalid");
        result.message = QStringLiteral("the outbox row has no phone or template");
    } else {
        result = provider.send(request);
    }
    const QString error = sanitized(result, request.phone, m_config.credentials.secret);
    try {
        if (result.outcome == SmsOutcome::Accepted) {
            const bool recorded = outbox.markSent(job.id, m_policy.owner, toString(provider.kind()), result.providerMessageId,
                                                  result.duplicate ? QStringLiteral("%1 (replay)").arg(result.code) : result.code);
            ++stats.sent;
            if (result.duplicate)
                ++stats.duplicates;
            if (!recorded)
                ++stats.leaseLost;
            qCInfo(lcSms) << "outbox" << job.id << "sent to" << maskPhone(request.phone) << "via" << toString(provider.kind())
                          << "id" << result.providerMessageId << (result.duplicate ? "(gateway replay)" : "");
            emit messageSent(job.id, result.providerMessageId, result.duplicate);
        } else if (result.outcome == SmsOutcome::Transient && job.tries < m_policy.maxTries) {
            qint64 delay = backoffMs(m_policy, job.tries, result.retryAfterSeconds);
            if (result.unclear)
                delay = qMax<qint64>(delay, m_policy.lookupDelayMs);
            const QDateTime next = utcNow().addMSecs(delay);
            if (!outbox.markRetry(job.id, m_policy.owner, error, next, result.unclear))
                ++stats.leaseLost;
            ++stats.deferred;
            qCInfo(lcSms) << "outbox" << job.id << "try" << job.tries << "failed, transient:" << result.code
                          << (result.unclear ? "(outcome unclear: look-up first)" : "") << "; next try at" << toDbTime(next);
            emit messageDeferred(job.id, result.code, next);
        } else {
            const QString why = result.outcome == SmsOutcome::Transient
                ? QStringLiteral("gave up after %1 tries; %2last: %3")
                      .arg(job.tries)
                      .arg(result.unclear ? QStringLiteral("outcome unknown; ") : QString())
                      .arg(error)
                : error;
            if (!outbox.markFailed(job.id, m_policy.owner, why))
                ++stats.leaseLost;
            ++stats.failed;
            qCWarning(lcSms) << "outbox" << job.id << "to" << maskPhone(request.phone) << "failed:" << why;
            emit messageFailed(job.id, result.code, why);
        }
    } catch (const StoreError& e) {
        // Not recorded: the lease expires and the row is reclaimed, looked up, and only then
        // sent again.
        qCWarning(lcSms) << "recording outbox" << job.id << "failed:" << e.code();
        emit problem(e.code(), e.message());
    }
}

void SmsDispatcher::start()
{
    if (m_thread)
        return;
    m_stopRequested = false;
    m_thread = QThread::create([this] { loop(); });
    m_thread->setObjectName(QStringLiteral("sms-dispatcher"));
    m_thread->start();
    emit runningChanged(true);
}

void SmsDispatcher::stop()
{
    if (!m_thread)
        return;
    m_stopRequested = true;
    wake();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_stopRequested = false;
    emit runningChanged(false);
}

bool SmsDispatcher::isRunning() const
{
    return m_thread != nullptr;
}

void SmsDispatcher::wake()
{
    QMutexLocker lock(&m_mutex);
    m_woken = true;
    m_wakeUp.wakeAll();
}

void SmsDispatcher::loop()
{
    // The provider (and its QNetworkAccessManager) lives and dies on this thread.
    std::unique_ptr<SmsProvider> provider = m_factory ? m_factory() : SmsProvider::create(m_config);
    while (!m_stopRequested) {
        SmsDispatchStats s;
        do {
            s = runOnceWith(*provider);
        } while (s.claimed > 0 && !m_stopRequested);
        QMutexLocker lock(&m_mutex);
        if (!m_woken && !m_stopRequested)
            m_wakeUp.wait(&m_mutex, QDeadlineTimer(m_policy.pollIntervalMs));
        m_woken = false;
    }
    provider.reset();
    m_store->db().closeThreadConnection();
}

} // namespace pd
