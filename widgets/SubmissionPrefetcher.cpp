#include "widgets/SubmissionPrefetcher.h"

#include "core/prescreen/PreScreenService.h"
#include "core/store/Store.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

#include <QtConcurrent>

namespace pd {

const std::optional<SubmissionBundle::PhotoBytes>& PreparedSubmission::record(int slot) const
{
    switch (slot) {
    case Enrollment:
        return bundle.enrollment;
    case IdCard:
        return bundle.idCard;
    default:
        return bundle.submitted;
    }
}

qint64 PreparedSubmission::approximateBytes() const
{
    qint64 bytes = 0;
    for (const auto& photo : photos) {
        if (photo)
            bytes += photo->image.sizeInBytes() + photo->display.sizeInBytes();
    }
    if (faces) {
        for (const QImage& chip : faces->chips)
            bytes += chip.sizeInBytes();
    }
    return bytes;
}

// One submission on its way through the two stages.
struct SubmissionPrefetcher::Job {
    Id attemptId = 0;
    quint64 epoch = 0;
    Versions versions;
    std::array<QSize, 3> canvases;
    qreal dpr = 1.0;
    QElapsedTimer timer;
    // Filled on the store thread.
    Result<SubmissionBundle> bundle = Error{};
    Result<FaceReportView> faces = Error{};
    Result<StoredRuleReport> rules = Error{};
    // Filled on the UI thread as each decode comes back.
    std::array<std::optional<DecodedPhoto>, 3> photos;
    int decodesLeft = 0;
};

SubmissionPrefetcher::SubmissionPrefetcher(std::shared_ptr<Store> store, QObject* parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_reader(std::make_unique<StoreWorker>(m_store))
    , m_cache(kDefaultCapacity)
{
    // Two decoders: the three photos of the submission the reviewer waits for decode side by
    // side, and the desk (two cores is common) keeps a core for the UI thread.
    m_decodePool.setMaxThreadCount(2);
    m_decodePool.setObjectName(QStringLiteral("photodesk-prefetch-decode"));
}

SubmissionPrefetcher::~SubmissionPrefetcher()
{
    m_decodePool.clear();
    m_decodePool.waitForDone();
    m_reader.reset(); // waits for a load in progress, closes the thread's connection
}

void SubmissionPrefetcher::setCapacity(int entries)
{
    m_cache.setCapacity(entries);
}

void SubmissionPrefetcher::setDisplay(const std::array<QSize, 3>& canvases, qreal devicePixelRatio)
{
    if (canvases == m_canvases && devicePixelRatio == m_dpr)
        return;
    m_canvases = canvases;
    m_dpr = devicePixelRatio;
    // What is prepared is scaled again for the new size, in the background: otherwise each of
    // them would be scaled on the UI thread when shown (the pane does it when the size differs).
    for (Id id : m_cache.keys())
        rescale(id);
}

void SubmissionPrefetcher::rescale(Id attemptId)
{
    const auto* cached = m_cache.peek(attemptId);
    if (!cached)
        return;
    std::shared_ptr<const PreparedSubmission> old = *cached;
    const std::array<QSize, 3> canvases = m_canvases;
    const qreal dpr = m_dpr;
    whenFinished(this, QtConcurrent::run(&m_decodePool, [old, canvases, dpr] {
                     auto fresh = std::make_shared<PreparedSubmission>(*old); // the images are shared, not copied
                     for (size_t slot = 0; slot < fresh->photos.size(); ++slot)
                         if (std::optional<DecodedPhoto>& photo = fresh->photos[slot])
                             scaleForDisplay(*photo, canvases[slot], dpr);
                     return std::shared_ptr<const PreparedSubmission>(std::move(fresh));
                 }),
                 [this, attemptId, old](const std::shared_ptr<const PreparedSubmission>& fresh) {
                     // Unless it was dropped, invalidated or prepared anew meanwhile.
                     if (const auto* now = m_cache.peek(attemptId); now && *now == old)
                         m_cache.insert(attemptId, fresh);
                 });
}

void SubmissionPrefetcher::setVersions(const Versions& versions)
{
    if (versions.modelId == m_versions.modelId && versions.rulesVersion == m_versions.rulesVersion) {
        m_versions.analyzer = versions.analyzer;
        return;
    }
    m_versions = versions;
    invalidateAll();
}

std::shared_ptr<const PreparedSubmission> SubmissionPrefetcher::peek(Id attemptId) const
{
    const auto* entry = m_cache.peek(attemptId);
    return entry ? *entry : nullptr;
}

std::shared_ptr<const PreparedSubmission> SubmissionPrefetcher::lookup(Id attemptId)
{
    if (auto* entry = m_cache.find(attemptId)) {
        ++m_stats.hits;
        return *entry;
    }
    ++m_stats.misses;
    return nullptr;
}

void SubmissionPrefetcher::request(Id attemptId)
{
    if (attemptId == 0)
        return;
    m_wanted.removeAll(attemptId);
    m_wanted.prepend(attemptId);
    pump();
}

void SubmissionPrefetcher::setWanted(const QList<Id>& attemptIds)
{
    m_wanted = attemptIds;
    m_stats.discarded += m_cache.retain([this](Id id, const auto&) { return m_wanted.contains(id); });
    pump();
}

void SubmissionPrefetcher::invalidate(Id attemptId)
{
    if (m_cache.remove(attemptId))
        ++m_stats.discarded;
    for (const auto& job : {m_loading, m_waiting, m_decoding}) {
        if (job && job->attemptId == attemptId && job->epoch == m_epoch)
            m_invalidated.insert(attemptId);
    }
}

void SubmissionPrefetcher::invalidateAll()
{
    ++m_epoch;
    m_invalidated.clear();
    m_stats.discarded += m_cache.size();
    m_cache.clear();
    pump();
}

bool SubmissionPrefetcher::isIdle() const
{
    return !m_loading && !m_waiting && !m_decoding;
}

qint64 SubmissionPrefetcher::cachedBytes() const
{
    qint64 bytes = 0;
    for (Id id : m_cache.keys())
        bytes += (*m_cache.peek(id))->approximateBytes();
    return bytes;
}

bool SubmissionPrefetcher::stillWanted(const Job& job) const
{
    return job.epoch == m_epoch && !m_invalidated.contains(job.attemptId) && m_wanted.contains(job.attemptId);
}

Id SubmissionPrefetcher::nextToLoad() const
{
    // No more than fit in the cache: preparing a sixth one that evicts the first would go round
    // in circles.
    for (Id id : m_wanted.mid(0, m_cache.capacity())) {
        if (m_cache.contains(id))
            continue;
        const bool inFlight = (m_loading && m_loading->attemptId == id) || (m_waiting && m_waiting->attemptId == id)
                              || (m_decoding && m_decoding->attemptId == id);
        if (!inFlight)
            return id;
    }
    return 0;
}

void SubmissionPrefetcher::pump()
{
    if (!m_decoding && m_waiting) {
        std::shared_ptr<Job> job = std::exchange(m_waiting, nullptr);
        if (stillWanted(*job)) {
            startDecode(job);
        } else {
            m_invalidated.remove(job->attemptId);
            ++m_stats.discarded;
        }
    }
    // The store thread runs one stage ahead of the decoders, no further: what is loaded but not
    // decoded holds the photo bytes.
    if (!m_loading && !m_waiting) {
        if (const Id id = nextToLoad())
            startLoad(id);
    }
}

void SubmissionPrefetcher::startLoad(Id attemptId)
{
    auto job = std::make_shared<Job>();
    job->attemptId = attemptId;
    job->epoch = m_epoch;
    job->versions = m_versions;
    job->canvases = m_canvases;
    job->dpr = m_dpr;
    job->timer.start();
    m_loading = job;
    std::shared_ptr<Store> store = m_store;
    whenFinished(this, m_reader->run([store, job] {
                     job->bundle = loadSubmission(*store, job->attemptId);
                     if (!job->bundle)
                         return job;
                     if (!job->versions.modelId.isEmpty())
                         job->faces = loadFaceReportView(*store, job->attemptId, job->versions.modelId, job->versions.analyzer.get());
                     if (!job->versions.rulesVersion.isEmpty())
                         job->rules = loadRuleReport(*store, job->attemptId, job->versions.rulesVersion, job->versions.modelId);
                     return job;
                 }),
                 [this](const std::shared_ptr<Job>& done) { loaded(done); });
}

void SubmissionPrefetcher::loaded(const std::shared_ptr<Job>& job)
{
    m_loading.reset();
    if (!stillWanted(*job)) {
        m_invalidated.remove(job->attemptId);
        ++m_stats.discarded;
    } else if (!job->bundle) {
        m_wanted.removeAll(job->attemptId); // not tried again until asked again
        emit failed(job->attemptId, job->bundle.error());
    } else if (!m_decoding) {
        startDecode(job);
    } else {
        m_waiting = job;
    }
    pump();
}

void SubmissionPrefetcher::startDecode(const std::shared_ptr<Job>& job)
{
    m_decoding = job;
    SubmissionBundle& bundle = job->bundle.value();
    std::optional<SubmissionBundle::PhotoBytes>* records[3] = {&bundle.submitted, &bundle.enrollment, &bundle.idCard};
    for (int slot = 0; slot < 3; ++slot) {
        std::optional<SubmissionBundle::PhotoBytes>& record = *records[slot];
        if (!record || !record->error.isEmpty())
            continue;
        ++job->decodesLeft;
        // The bytes move to the decoder and are gone once decoded.
        QByteArray bytes = std::exchange(record->bytes, {});
        const QString fileName = record->photo.fileName;
        const QSize canvas = job->canvases[size_t(slot)];
        const qreal dpr = job->dpr;
        whenFinished(this, QtConcurrent::run(&m_decodePool, [bytes, fileName, canvas, dpr] {
                         DecodedPhoto photo = decodePhoto(bytes, fileName);
                         scaleForDisplay(photo, canvas, dpr);
                         return photo;
                     }),
                     [this, job, slot](const DecodedPhoto& photo) {
                         job->photos[size_t(slot)] = photo;
                         if (--job->decodesLeft == 0)
                             decoded(job);
                     });
    }
    if (job->decodesLeft == 0)
        decoded(job);
}

void SubmissionPrefetcher::decoded(const std::shared_ptr<Job>& job)
{
    m_decoding.reset();
    if (!stillWanted(*job)) {
        m_invalidated.remove(job->attemptId);
        ++m_stats.discarded;
    } else {
        auto entry = std::make_shared<PreparedSubmission>();
        entry->attemptId = job->attemptId;
        entry->bundle = std::move(job->bundle.value());
        entry->photos = std::move(job->photos);
        entry->facesModelId = job->versions.modelId;
        entry->faces = std::move(job->faces);
        entry->rulesVersion = job->versions.rulesVersion;
        entry->rules = std::move(job->rules);
        entry->prepareMs = job->timer.nsecsElapsed() / 1e6;
        m_cache.insert(job->attemptId, std::move(entry));
        ++m_stats.prepared;
        if (job->canvases != m_canvases || job->dpr != m_dpr)
            rescale(job->attemptId); // the panes changed size while it was being decoded
        emit prepared(job->attemptId);
    }
    pump();
}

} // namespace pd
