#pragma once

#include "core/vision/FaceAnalyzer.h"
#include "core/vision/FaceMatcher.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <opencv2/core.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

class QThreadPool;

namespace pd {

struct PreScreenPhoto {
    QByteArray bytes;
    QString sha256; // hex; computed from bytes when empty
};

// One attempt: the new portrait and the student's two reference photos.
struct PreScreenJob {
    qint64 attemptId = 0;
    PreScreenPhoto submission;
    PreScreenPhoto enrollment; // empty bytes: not available
    PreScreenPhoto idCard;     // empty bytes: not available
};

// What is known about one photo's largest face (also what the reference cache keeps).
struct PhotoFaces {
    QString sha256;
    std::optional<VisionError> error; // load error or no_face
    int faceCount = 0;
    cv::Rect box;                  // largest face
    std::vector<cv::Rect> boxes;   // every face found, largest first (the rules count them)
    std::vector<cv::Point2f> landmarks; // 68 points of the largest face (upright image)
    std::vector<float> descriptor; // largest face; empty when error
    cv::Mat chip;                  // aligned 150×150 BGR chip of the largest face
    bool greyscale = false;
    bool fromCache = false;
    StageTimings timings;          // zero when fromCache
};

struct PreScreenResult {
    qint64 attemptId = 0;
    QString modelId;
    PhotoFaces submission, enrollment, idCard;
    std::optional<FaceMatch> enrollmentMatch; // null when either side has no descriptor
    std::optional<FaceMatch> idCardMatch;
    double elapsedMs = 0;
};

// {"attempt_id","model_id","elapsed_ms","submission":{...},"enrollment":{...},"id_card":{...},
//  "matches":{"enrollment":{distance,band,model_id}|null,"id_card":...}}; descriptors as arrays
// when `withDescriptors` (chips are never serialised: the store keeps them as image blobs).
QJsonObject preScreenResultToJson(const PreScreenResult& result, bool withDescriptors = false);
QJsonObject photoFacesToJson(const PhotoFaces& photo, bool withDescriptor = false);

// Reference photos (enrollment, ID card) rarely change: their analysis is kept per photo
// SHA-256. Thread-safe. The store may pre-load it with persisted descriptors (insert()).
class ReferenceDescriptorCache {
public:
    std::optional<PhotoFaces> find(const QString& sha256) const;
    void insert(const PhotoFaces& faces); // keyed by faces.sha256; load errors are not cached
    size_t size() const;
    void clear();

private:
    mutable std::mutex m_mutex;
    std::unordered_map<QString, PhotoFaces> m_entries;
};

struct PreScreenCallbacks {
    // Called from pool threads, one call at a time (the service serialises them); hop to the
    // GUI thread with QMetaObject::invokeMethod when needed.
    std::function<void(const PreScreenResult&)> onResult;
    std::function<void(int done, int total)> onProgress;
    std::function<void(bool cancelled)> onFinished; // once per batch, after the last job
};

// Analyses attempts in the background on its own thread pool. References are looked up in the
// cache first, so a student's later attempts cost one analysis instead of three.
class PreScreener {
public:
    PreScreener(std::shared_ptr<const FaceAnalyzer> analyzer, MatchBands bands, int threads = 0 /* ideal */);
    ~PreScreener(); // cancels and waits
    PreScreener(const PreScreener&) = delete;
    PreScreener& operator=(const PreScreener&) = delete;

    // Queues a batch (non-blocking). Batches queued while another runs share the pool.
    void start(std::vector<PreScreenJob> jobs, PreScreenCallbacks callbacks);
    // Jobs that have not started are skipped; running ones finish (dlib cannot be interrupted).
    void cancel();
    bool wait(int msecs = -1);
    int threads() const;

    const std::shared_ptr<ReferenceDescriptorCache>& cache() const { return m_cache; }

    // The synchronous core, also used by tests and the bench.
    static PreScreenResult runJob(const FaceAnalyzer& analyzer, const MatchBands& bands,
                                  ReferenceDescriptorCache* cache, const PreScreenJob& job);

private:
    std::shared_ptr<const FaceAnalyzer> m_analyzer;
    MatchBands m_bands;
    std::shared_ptr<ReferenceDescriptorCache> m_cache;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    std::unique_ptr<QThreadPool> m_pool;
};

} // namespace pd
