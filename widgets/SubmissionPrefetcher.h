#pragma once

#include "core/domain/Types.h"
#include "core/review/SubmissionLoader.h"
#include "core/util/LruCache.h"
#include "core/util/Result.h"
#include "widgets/FaceMatchPanel.h"
#include "widgets/PhotoPane.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QThreadPool>

#include <array>
#include <memory>
#include <optional>

namespace pd {

class FaceAnalyzer;
class Store;
class StoreWorker;

// One submission made ready for the screen ahead of the reviewer: everything the review
// workspace paints, decoded, so showing it costs no store access and no decoding.
struct PreparedSubmission {
    enum Slot { Submitted, Enrollment, IdCard };

    Id attemptId = 0;
    SubmissionBundle bundle; // student, attempt, photo records; the bytes are dropped once decoded
    // Per slot: the decoded photo (display image included) or nullopt when none is stored or the
    // blob could not be read (then bundle.<slot>->error says why).
    std::array<std::optional<DecodedPhoto>, 3> photos;
    // Face results and rules for these versions; empty versions: not loaded (the pre-screen had
    // not loaded its model yet), the workspace then loads them itself.
    QString facesModelId;
    Result<FaceReportView> faces = Error{};
    QString rulesVersion;
    Result<StoredRuleReport> rules = Error{};
    double prepareMs = 0; // store + decoding time, for the bench

    const std::optional<SubmissionBundle::PhotoBytes>& record(int slot) const;
    qint64 approximateBytes() const;
};

// Prepares the submissions around the open one in the background — the next few and the
// previous one — so that J/K shows the next submission without waiting (issue 8, "never wait").
//
// Work: the store part (attempt, student, photo bytes, stored face results with their chips,
// stored rules) runs on the prefetcher's own store thread, never on the workspace's (claims and
// decisions must not queue behind it); the photos are decoded and scaled to the panes' canvas
// size on a pool of two threads. One submission is in each stage at a time, most wanted first.
//
// Memory is bounded: at most `capacity` prepared submissions (LRU), and setWanted() drops
// everything the queue no longer wants. Cancelled when the queue changes: setWanted() with the
// new neighbours forgets queued work for the others, invalidate()/invalidateAll() drop cached
// and in-flight results (a decision, a reload, a fresh analysis, new analysis versions).
class SubmissionPrefetcher : public QObject {
    Q_OBJECT

public:
    struct Versions {
        QString modelId;
        QString rulesVersion;
        std::shared_ptr<const FaceAnalyzer> analyzer; // recomputes a missing chip (rare)
    };
    struct Stats {
        int hits = 0;      // lookups that found the submission ready
        int misses = 0;    // lookups that did not (the reviewer waits for request())
        int prepared = 0;  // submissions prepared
        int discarded = 0; // prepared or in flight, then no longer wanted or invalidated
    };

    static constexpr int kDefaultCapacity = 8;

    explicit SubmissionPrefetcher(std::shared_ptr<Store> store, QObject* parent = nullptr);
    ~SubmissionPrefetcher() override;

    void setCapacity(int entries);
    int capacity() const { return m_cache.capacity(); }
    // The canvas sizes of the three photo panes (submitted, enrollment, ID card) and the
    // device pixel ratio: photos are scaled for them ahead of time, and what is already prepared
    // is scaled again for a new size in the background.
    void setDisplay(const std::array<QSize, 3>& canvases, qreal devicePixelRatio);
    // Entries prepared for other versions are dropped.
    void setVersions(const Versions& versions);
    const Versions& versions() const { return m_versions; }

    // The prepared submission or null (counted as a hit or a miss).
    std::shared_ptr<const PreparedSubmission> lookup(Id attemptId);
    // Without counting.
    std::shared_ptr<const PreparedSubmission> peek(Id attemptId) const;
    // Prepares this one before anything else (someone is waiting for it).
    void request(Id attemptId);
    // The submissions to keep ready, most important first. Everything else is dropped from
    // the cache and from the work queue.
    void setWanted(const QList<Id>& attemptIds);
    const QList<Id>& wanted() const { return m_wanted; }
    void invalidate(Id attemptId);
    void invalidateAll();

    bool isIdle() const;
    QList<Id> cachedIds() const { return m_cache.keys(); }
    qint64 cachedBytes() const;
    const Stats& stats() const { return m_stats; }

signals:
    void prepared(pd::Id attemptId);
    void failed(pd::Id attemptId, const pd::Error& error);

private:
    struct Job;
    void pump();
    void startLoad(Id attemptId);
    void loaded(const std::shared_ptr<Job>& job);
    void startDecode(const std::shared_ptr<Job>& job);
    void decoded(const std::shared_ptr<Job>& job);
    void rescale(Id attemptId);
    bool stillWanted(const Job& job) const;
    Id nextToLoad() const;

    std::shared_ptr<Store> m_store;
    std::unique_ptr<StoreWorker> m_reader;
    QThreadPool m_decodePool;
    LruCache<Id, std::shared_ptr<const PreparedSubmission>> m_cache;
    QList<Id> m_wanted;
    Versions m_versions;
    std::array<QSize, 3> m_canvases;
    qreal m_dpr = 1.0;
    quint64 m_epoch = 0;            // bumped by invalidateAll/setVersions: older jobs are dropped
    QSet<Id> m_invalidated;         // in flight but invalidated on their own
    std::shared_ptr<Job> m_loading; // on the store thread
    std::shared_ptr<Job> m_waiting; // loaded, waiting for the decoder
    std::shared_ptr<Job> m_decoding;
    Stats m_stats;
};

} // namespace pd
