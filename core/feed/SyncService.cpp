#include "core/feed/SyncService.h"

#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/support/LogCategories.h"
#include "core/util/Time.h"

#include <QMutex>
#include <QSet>
#include <QThread>
#include <QtConcurrent>

#include <algorithm>

namespace pd {

namespace {
constexpr int kMaxProblems = 20;
constexpr int kMaxSamePage = 50; // a platform that keeps repeating one page is broken, not slow

// One line per run for the log: counts, and the first problems (attempt ids and causes; the
// log writer masks anything personal that a platform message might carry).
void logReport(const SyncReport& r)
{
    if (r.errors == 0) {
        qCInfo(lcFeed).noquote() << "sync" << (r.completed ? "completed:" : "stopped:") << r.fetched << "fetched," << r.inserted << "new,"
                                 << r.updated << "updated," << r.photos << "photos" << (r.resumed ? "(resumed)" : "");
        return;
    }
    qCWarning(lcFeed).noquote() << "sync" << (r.completed ? "completed" : "stopped") << "with" << r.errors << "errors:" << r.fetched
                                << "fetched," << r.inserted << "new," << r.updated << "updated; first:" << r.problems.mid(0, 3).join(QStringLiteral("; "));
}

void note(SyncReport& r, const QString& problem)
{
    ++r.errors;
    if (r.problems.size() < kMaxProblems)
        r.problems << problem;
}

void saveCheckpoint(const QSqlDatabase& c, const QString& value)
{
    const QString now = toDbTime(utcNow());
    Sql update(c, QStringLiteral("UPDATE feed_state SET value = :v, updated_at = :t WHERE name = :n"));
    update.bind(QStringLiteral(":v"), value).bind(QStringLiteral(":t"), now).bind(QStringLiteral(":n"), SyncService::checkpointName()).exec();
    if (update.numRowsAffected() == 0)
        Sql(c, QStringLiteral("INSERT INTO feed_state (name, value, updated_at) VALUES (:n, :v, :t)"))
            .bind(QStringLiteral(":n"), SyncService::checkpointName())
            .bind(QStringLiteral(":v"), value)
            .bind(QStringLiteral(":t"), now)
            .exec();
}
} // namespace

SyncService::SyncService(std::shared_ptr<const Store> store, PlatformConfig config, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_config(std::move(config))
{
    qRegisterMetaType<pd::SyncReport>();
}

SyncService::~SyncService()
{
    cancel();
    wait();
}

bool SyncService::isRunning() const
{
    return m_running;
}

void SyncService::wait()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

void SyncService::start()
{
    if (m_running.exchange(true))
        return;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_thread = QThread::create([this] {
        runOnce();
        m_store->db().closeThreadConnection();
    });
    m_thread->start(QThread::LowPriority);
}

QString SyncService::loadCheckpoint() const
{
    return Sql(m_store->db(), QStringLiteral("SELECT value FROM feed_state WHERE name = :n"))
        .bind(QStringLiteral(":n"), checkpointName())
        .scalar()
        .toString();
}

SyncService::Outcome SyncService::store(const Submission& s)
{
    const Database& db = m_store->db();
    const QString now = toDbTime(utcNow());
    bool changed = false;

    const StudentRepository students(db);
    Id studentId = 0;
    if (auto existing = students.findByNumber(s.student.studentNumber)) {
        studentId = existing->id;
        const Student& e = *existing;
        if (e.name != s.student.name || e.nationalId != s.student.nationalId || e.phone != s.student.phone
            || e.programme != s.student.programme || e.level != s.student.level
            || (!s.student.cohort.isEmpty() && e.cohort != s.student.cohort)) {
            students.upsert(s.student);
            changed = true;
        }
    } else {
        studentId = students.upsert(s.student);
    }

    const PhotoRepository photos(db);
    for (PhotoRole role : {PhotoRole::Enrollment, PhotoRole::IdCard}) {
        const PhotoRef* ref = s.photo(role);
        if (!ref)
            continue;
        const auto current = photos.referenceFor(studentId, role);
        if (current && current->sha256 == ref->sha256)
            continue;
        photos.insert(Photo{0, studentId, 0, role, ref->sha256, ref->size, ref->fileName});
        changed = changed || current.has_value();
    }

    const PhotoRef* submitted = s.photo(PhotoRole::Submitted);
    Sql find(db, QStringLiteral("SELECT id, version, state FROM attempts WHERE external_id = :e"));
    find.bind(QStringLiteral(":e"), s.attemptId).exec();
    if (!find.next()) {
        const Id attemptId =
            Sql(db, QStringLiteral("INSERT INTO attempts (student_id, external_id, version, state, paid_at, deadline, "
                                   "previous_external_id, created_at, updated_at) "
                                   "VALUES (:s, :e, :v, 'pending', :paid, :deadline, :prev, :now, :now2) RETURNING id"))
                .bind(QStringLiteral(":s"), studentId)
                .bind(QStringLiteral(":e"), s.attemptId)
                .bind(QStringLiteral(":v"), s.version)
                .bind(QStringLiteral(":paid"), toDbTime(s.paidAt))
                .bind(QStringLiteral(":deadline"), toDbTime(s.paidAt.addSecs(qint64(kReviewDeadlineHours) * 3600)))
                .bind(QStringLiteral(":prev"), s.previousAttemptId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s.previousAttemptId))
                .bind(QStringLiteral(":now"), now)
                .bind(QStringLiteral(":now2"), now)
                .insertReturningId();
        photos.insert(Photo{0, studentId, attemptId, PhotoRole::Submitted, submitted->sha256, submitted->size, submitted->fileName});
        return Outcome::Inserted;
    }
    const Id attemptId = find.value(0).toLongLong();
    const int version = find.value(1).toInt();
    const bool pending = find.value(2).toString() == QLatin1String("pending");
    if (s.version > version && pending) {
        Sql(db, QStringLiteral("UPDATE attempts SET version = :v, paid_at = :paid, deadline = :deadline, updated_at = :now WHERE id = :id"))
            .bind(QStringLiteral(":v"), s.version)
            .bind(QStringLiteral(":paid"), toDbTime(s.paidAt))
            .bind(QStringLiteral(":deadline"), toDbTime(s.paidAt.addSecs(qint64(kReviewDeadlineHours) * 3600)))
            .bind(QStringLiteral(":now"), now)
            .bind(QStringLiteral(":id"), attemptId)
            .exec();
        const auto photo = photos.submittedFor(attemptId);
        if (!photo || photo->sha256 != submitted->sha256)
            Sql(db, QStringLiteral("UPDATE photos SET sha256 = :sha, byte_size = :size, file_name = :name "
                                   "WHERE attempt_id = :a AND role = 'submitted'"))
                .bind(QStringLiteral(":sha"), submitted->sha256)
                .bind(QStringLiteral(":size"), submitted->size)
                .bind(QStringLiteral(":name"), submitted->fileName)
                .bind(QStringLiteral(":a"), attemptId)
                .exec();
        changed = true;
    }
    return changed ? Outcome::Updated : Outcome::Unchanged;
}

QHash<QString, Error> SyncService::downloadMissingPhotos(const SubmissionPage& page, int* downloaded)
{
    std::vector<const PhotoRef*> wanted;
    QSet<QString> queued;
    for (const Submission& s : page.items)
        for (const PhotoRef& ref : s.photos)
            if (!queued.contains(ref.sha256) && !m_store->blobs().contains(ref.sha256)) {
                queued.insert(ref.sha256);
                wanted.push_back(&ref);
            }
    QHash<QString, Error> failed;
    if (wanted.empty())
        return failed;
    QMutex mutex;
    std::atomic<size_t> next{0};
    std::atomic<int> stored{0};
    // Each stream has its own client: a QNetworkAccessManager belongs to one thread.
    auto stream = [&] {
        PlatformClient client(m_config);
        connect(&client, &PlatformClient::retrying, this, &SyncService::retrying, Qt::DirectConnection);
        // Cancel is checked before an index is taken, so every taken photo is finished and the
        // ones from `next` on are exactly those never started.
        while (!m_cancel) {
            const size_t i = next++;
            if (i >= wanted.size())
                break;
            const PhotoRef& ref = *wanted[i];
            auto bytes = client.downloadPhoto(ref);
            if (!bytes) {
                QMutexLocker lock(&mutex);
                failed.insert(ref.sha256, bytes.error());
                continue;
            }
            if (auto put = m_store->blobs().put(bytes.value()); !put) {
                QMutexLocker lock(&mutex);
                failed.insert(ref.sha256, put.error());
                continue;
            }
            ++stored;
        }
    };
    const int streams = int(std::min<size_t>(kParallelDownloads, wanted.size()));
    m_downloads.setMaxThreadCount(std::max(1, streams - 1));
    std::vector<QFuture<void>> others;
    for (int i = 1; i < streams; ++i)
        others.push_back(QtConcurrent::run(&m_downloads, stream));
    stream(); // this thread is one of the streams
    for (auto& f : others)
        f.waitForFinished();
    // Photos no stream took (the run was cancelled): not failures, just not there yet.
    for (size_t i = next; i < wanted.size(); ++i)
        failed.insert(wanted[i]->sha256, Error{QStringLiteral("sync-cancelled"), QStringLiteral("cancelled")});
    *downloaded = stored;
    return failed;
}

SyncReport SyncService::runOnce()
{
    m_running = true;
    m_cancel = false;
    emit started();
    SyncReport report;
    PlatformClient client(m_config);
    connect(&client, &PlatformClient::retrying, this, &SyncService::retrying, Qt::DirectConnection);

    QString cursor;
    try {
        cursor = loadCheckpoint();
    } catch (const StoreError& e) {
        note(report, QStringLiteral("cannot read the sync checkpoint: %1").arg(e.message()));
        m_running = false;
        logReport(report);
        emit finished(report);
        return report;
    }
    report.resumed = !cursor.isEmpty();
    bool clean = true; // every page so far fully stored: the checkpoint may advance
    QSet<QString> seen;
    int done = 0;
    int total = -1;
    int samePage = 0;
    for (int page = 0;; ++page) {
        if (m_cancel) {
            note(report, QStringLiteral("cancelled; the next run resumes"));
            break;
        }
        auto fetched = client.fetchPage(cursor);
        if (!fetched && report.resumed && page == 0 && fetched.error().code == QLatin1String("platform-rejected")) {
            // The platform no longer knows the checkpoint's cursor (e.g. it was reset): start over.
            cursor.clear();
            report.resumed = false;
            fetched = client.fetchPage(cursor);
        }
        if (!fetched) {
            note(report, QStringLiteral("submissions page: %1").arg(fetched.error().message));
            break;
        }
        const SubmissionPage& p = fetched.value();
        total = p.total;
        if (p.malformed)
            for (int i = 0; i < p.malformed; ++i)
                note(report, QStringLiteral("a submission without its required fields was left out"));
        bool pageClean = p.malformed == 0;

        // Photos first, outside the transaction (content-addressed: a retry re-uses them).
        int downloaded = 0;
        const QHash<QString, Error> failed = downloadMissingPhotos(p, &downloaded);
        report.photos += downloaded;
        std::vector<const Submission*> ready;
        for (const Submission& s : p.items) {
            if (!seen.contains(s.attemptId)) {
                seen.insert(s.attemptId);
                ++report.fetched;
            }
            bool ok = true;
            for (const PhotoRef& ref : s.photos) {
                if (const auto it = failed.constFind(ref.sha256); it != failed.constEnd()) {
                    if (it->code != QLatin1String("sync-cancelled"))
                        note(report, QStringLiteral("%1: %2").arg(s.attemptId, it->message));
                    ok = false;
                    break;
                }
            }
            if (ok)
                ready.push_back(&s);
            else
                pageClean = false;
        }

        try {
            Transaction tx(m_store->db());
            tx.serialize(QStringLiteral("feed-sync")); // two desks syncing at once take turns per page
            int inserted = 0, updated = 0;
            for (const Submission* s : ready) {
                switch (store(*s)) {
                case Outcome::Inserted: ++inserted; break;
                case Outcome::Updated: ++updated; break;
                case Outcome::Unchanged: break;
                }
            }
            clean = clean && pageClean;
            if (clean)
                saveCheckpoint(tx.connection(), p.nextCursor);
            tx.commit();
            report.inserted += inserted;
            report.updated += updated;
        } catch (const StoreError& e) {
            note(report, QStringLiteral("storing a page: %1").arg(e.message()));
            break;
        }
        done += int(p.items.size());
        emit progress(done, total);
        if (m_pageHook && !m_pageHook(page))
            break;
        if (p.nextCursor.isEmpty()) {
            report.completed = clean;
            break;
        }
        samePage = p.nextCursor == cursor ? samePage + 1 : 0;
        if (samePage > kMaxSamePage) {
            note(report, QStringLiteral("the platform keeps sending the same page"));
            break;
        }
        cursor = p.nextCursor;
    }
    if (report.completed)
        emit progress(total < 0 ? done : total, total < 0 ? done : total);
    m_running = false;
    logReport(report);
    emit finished(report);
    return report;
}

} // namespace pd
