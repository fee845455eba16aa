#include "core/vision/PreScreen.h"

#include "core/vision/FaceJson.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace pd {
namespace {

QString sha256Of(const PreScreenPhoto& p)
{
    if (!p.sha256.isEmpty())
        return p.sha256;
    return QString::fromLatin1(QCryptographicHash::hash(p.bytes, QCryptographicHash::Sha256).toHex());
}

PhotoFaces analysePhoto(const FaceAnalyzer& analyzer, const PreScreenPhoto& photo, const ImageLoadOptions& loadOptions = {})
{
    PhotoFaces out;
    out.sha256 = sha256Of(photo);
    auto analysis = analyzer.analyzeBytes(photo.bytes, {}, loadOptions);
    if (!analysis) {
        out.error = analysis.error();
        return out;
    }
    out.timings = analysis->timings;
    out.greyscale = analysis->greyscale;
    out.faceCount = int(analysis->faces.size());
    for (const DetectedFace& f : analysis->faces)
        out.boxes.push_back(f.box);
    if (const DetectedFace* f = analysis->largest()) {
        out.box = f->box;
        out.landmarks = f->landmarks;
        out.descriptor = f->descriptor;
        out.chip = f->chip;
    } else {
        out.error = visionError(VisionErrorCode::NoFace, QStringLiteral("No face was found in the photo."));
    }
    return out;
}

PhotoFaces referenceFaces(const FaceAnalyzer& analyzer, ReferenceDescriptorCache* cache, const PreScreenPhoto& photo)
{
    if (photo.bytes.isEmpty() && photo.sha256.isEmpty()) {
        PhotoFaces none;
        none.error = visionError(VisionErrorCode::Empty, QStringLiteral("No reference photo."));
        return none;
    }
    if (cache) {
        if (auto hit = cache->find(sha256Of(photo))) {
            hit->fromCache = true;
            hit->timings = {};
            return *hit;
        }
    }
    // An ID-card reader's chip portrait often comes as BMP.
    PhotoFaces faces = analysePhoto(analyzer, photo, referencePhotoLoadOptions());
    if (cache)
        cache->insert(faces);
    return faces;
}

std::optional<FaceMatch> matchOf(const PhotoFaces& a, const PhotoFaces& b, const MatchBands& bands, const QString& modelId)
{
    if (a.descriptor.empty() || b.descriptor.empty())
        return std::nullopt;
    auto m = matchDescriptors(a.descriptor, b.descriptor, bands.forFaces(a.box.width, b.box.width), modelId);
    return m ? std::optional<FaceMatch>(m.value()) : std::nullopt;
}

} // namespace

std::optional<PhotoFaces> ReferenceDescriptorCache::find(const QString& sha256) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(sha256);
    if (it == m_entries.end())
        return std::nullopt;
    return it->second;
}

void ReferenceDescriptorCache::insert(const PhotoFaces& faces)
{
    // A decoding failure may be transient (a partly written blob); "no face" is a stable result.
    if (faces.sha256.isEmpty() || (faces.error && faces.error->code != VisionErrorCode::NoFace))
        return;
    std::lock_guard lock(m_mutex);
    m_entries[faces.sha256] = faces;
}

size_t ReferenceDescriptorCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void ReferenceDescriptorCache::clear()
{
    std::lock_guard lock(m_mutex);
    m_entries.clear();
}

PreScreenResult PreScreener::runJob(const FaceAnalyzer& analyzer, const MatchBands& bands,
                                    ReferenceDescriptorCache* cache, const PreScreenJob& job)
{
    QElapsedTimer t;
    t.start();
    PreScreenResult r;
    r.attemptId = job.attemptId;
    r.modelId = analyzer.modelId();
    r.submission = analysePhoto(analyzer, job.submission);
    r.enrollment = referenceFaces(analyzer, cache, job.enrollment);
    r.idCard = referenceFaces(analyzer, cache, job.idCard);
    r.enrollmentMatch = matchOf(r.submission, r.enrollment, bands, r.modelId);
    r.idCardMatch = matchOf(r.submission, r.idCard, bands, r.modelId);
    r.elapsedMs = double(t.nsecsElapsed()) / 1e6;
    return r;
}

PreScreener::PreScreener(std::shared_ptr<const FaceAnalyzer> analyzer, MatchBands bands, int threads)
    : m_analyzer(std::move(analyzer)),
      m_bands(std::move(bands)),
      m_cache(std::make_shared<ReferenceDescriptorCache>()),
      m_cancelled(std::make_shared<std::atomic<bool>>(false)),
      m_pool(std::make_unique<QThreadPool>())
{
    // Parallelism comes from the pool; OpenBLAS's own threads would only compete with it.
    setBlasThreads(1);
    m_pool->setMaxThreadCount(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
    m_pool->setExpiryTimeout(-1); // keep threads (and their leased networks) warm
}

PreScreener::~PreScreener()
{
    cancel();
    m_pool->waitForDone();
}

int PreScreener::threads() const { return m_pool->maxThreadCount(); }

void PreScreener::cancel() { m_cancelled->store(true); }

bool PreScreener::wait(int msecs) { return m_pool->waitForDone(msecs); }

void PreScreener::start(std::vector<PreScreenJob> jobs, PreScreenCallbacks callbacks)
{
    // cancel() applies to the batches queued so far; a new batch gets a fresh flag.
    if (m_cancelled->load())
        m_cancelled = std::make_shared<std::atomic<bool>>(false);
    // State shared by the batch's runnables; the last one to finish reports the end.
    struct Batch {
        PreScreenCallbacks callbacks;
        std::mutex callbackMutex;
        std::atomic<int> done{0};
        int total = 0;
        bool anySkipped = false;
    };
    auto batch = std::make_shared<Batch>();
    batch->callbacks = std::move(callbacks);
    batch->total = int(jobs.size());
    if (jobs.empty()) {
        if (batch->callbacks.onFinished)
            batch->callbacks.onFinished(false);
        return;
    }
    for (auto& job : jobs) {
        m_pool->start([batch, job = std::move(job), analyzer = m_analyzer, bands = m_bands, cache = m_cache,
                       cancelled = m_cancelled]() {
            std::optional<PreScreenResult> result;
            if (!cancelled->load())
                result = runJob(*analyzer, bands, cache.get(), job);
            std::lock_guard lock(batch->callbackMutex);
            if (!result)
                batch->anySkipped = true;
            else if (batch->callbacks.onResult)
                batch->callbacks.onResult(*result);
            const int done = ++batch->done;
            if (batch->callbacks.onProgress)
                batch->callbacks.onProgress(done, batch->total);
            if (done == batch->total && batch->callbacks.onFinished)
                batch->callbacks.onFinished(batch->anySkipped);
        });
    }
}

QJsonObject photoFacesToJson(const PhotoFaces& p, bool withDescriptor)
{
    QJsonObject o{{QStringLiteral("sha256"), p.sha256},
                  {QStringLiteral("faces"), p.faceCount},
                  {QStringLiteral("greyscale"), p.greyscale},
                  {QStringLiteral("from_cache"), p.fromCache}};
    if (p.error)
        o.insert(QStringLiteral("error"), errorToJson(*p.error));
    if (!p.descriptor.empty()) {
        o.insert(QStringLiteral("box"), QJsonObject{{QStringLiteral("x"), p.box.x}, {QStringLiteral("y"), p.box.y},
                                                     {QStringLiteral("w"), p.box.width}, {QStringLiteral("h"), p.box.height}});
        if (withDescriptor)
            o.insert(QStringLiteral("descriptor"), descriptorToJson(p.descriptor));
    }
    return o;
}

QJsonObject preScreenResultToJson(const PreScreenResult& r, bool withDescriptors)
{
    const auto match = [](const std::optional<FaceMatch>& m) { return m ? QJsonValue(matchToJson(*m)) : QJsonValue(QJsonValue::Null); };
    return QJsonObject{
        {QStringLiteral("attempt_id"), r.attemptId},
        {QStringLiteral("model_id"), r.modelId},
        {QStringLiteral("elapsed_ms"), std::round(r.elapsedMs * 100) / 100},
        {QStringLiteral("submission"), photoFacesToJson(r.submission, withDescriptors)},
        {QStringLiteral("enrollment"), photoFacesToJson(r.enrollment, withDescriptors)},
        {QStringLiteral("id_card"), photoFacesToJson(r.idCard, withDescriptors)},
        {QStringLiteral("matches"), QJsonObject{{QStringLiteral("enrollment"), match(r.enrollmentMatch)},
                                                 {QStringLiteral("id_card"), match(r.idCardMatch)}}},
    };
}

} // namespace pd
