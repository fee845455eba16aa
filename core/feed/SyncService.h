#pragma once

#include "core/feed/PlatformClient.h"

#include <QMetaType>
#include <QObject>
#include <QHash>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace pd {

class Store;

// What one sync run did. `fetched` counts distinct submissions received; `inserted` new
// attempts; `updated` existing ones whose data changed (student record, version, photos);
// `photos` photo files downloaded (ones already in the blob folder are not fetched again).
struct SyncReport {
    int fetched = 0;
    int inserted = 0;
    int updated = 0;
    int photos = 0;
    int errors = 0;
    bool completed = false; // reached the last page with every item stored
    bool resumed = false;   // started from the checkpoint of an interrupted run
    QStringList problems;   // the first few errors (attempt ids and causes, no personal data)
};

// Pulls the platform's pending submissions into the store, a page at a time. Each page is
// stored in one transaction together with the checkpoint (the cursor of the next page), so a
// run that dies midway resumes where it stopped; upserts are idempotent, so pulling twice
// gives the same rows. A re-submission after a rejection is a new attempt of the same student.
// A page with an item that could not be stored (photo failed its checksum after the retries…)
// does not move the checkpoint: the next run starts there again.
class SyncService : public QObject {
    Q_OBJECT
public:
    SyncService(std::shared_ptr<const Store> store, PlatformConfig config, QObject* parent = nullptr);
    ~SyncService() override;

    // Runs on the calling thread until done (CLI, tests, a worker thread).
    SyncReport runOnce();

    // Runs runOnce on a worker thread; progress() and finished() arrive queued in this object's
    // thread (the GUI thread). Does nothing while a run is going.
    void start();
    bool isRunning() const;
    // Stops after the current page; the checkpoint is kept, the next run resumes.
    void cancel() { m_cancel = true; }
    // Waits for a background run to end (e.g. on shutdown after cancel()).
    void wait();

    // Test hook: called after each committed page (0-based); returning false stops the run
    // there as if the process had died.
    void setPageHook(std::function<bool(int page)> hook) { m_pageHook = std::move(hook); }

    static QString checkpointName() { return QStringLiteral("platform.sync.cursor"); }

    // Photos of a page fetched at the same time, each stream on its own connection. One request
    // and one fsync'ed file per photo, one after the other, left both the network and the disk
    // idle most of the time (10 000 submissions: 179 s).
    static constexpr int kParallelDownloads = 4;

signals:
    void started();
    // `done` submissions handled in this run out of `total` pending on the platform (-1 unknown).
    void progress(int done, int total);
    void retrying(const QString& what, int attempt, int delayMs, const QString& reason);
    void finished(const pd::SyncReport& report);

private:
    enum class Outcome { Inserted, Updated, Unchanged };
    Outcome store(const Submission& s);
    QString loadCheckpoint() const;
    // Downloads and stores the page's photos that are not in the blob folder yet, in parallel;
    // gives the photos that are still missing by checksum (why: the download's error, or
    // sync-cancelled) and counts the photos stored in `downloaded`.
    QHash<QString, Error> downloadMissingPhotos(const SubmissionPage& page, int* downloaded);

    std::shared_ptr<const Store> m_store;
    PlatformConfig m_config;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_running{false};
    std::function<bool(int)> m_pageHook;
    QThread* m_thread = nullptr;
    QThreadPool m_downloads; // its own, so photo downloads never hold up vision work on the global pool
};

} // namespace pd

Q_DECLARE_METATYPE(pd::SyncReport)
