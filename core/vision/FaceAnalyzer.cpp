#include "core/vision/FaceAnalyzer.h"

#include "core/vision/FaceNetwork.h"
#include "core/vision/ModelPaths.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <fstream>
#include <mutex>

namespace pd {

namespace {

// The mutable state of one running analysis; never used by two threads at once.
struct Worker {
    dlib::frontal_face_detector detector;
    facenet::InferenceNet net;
};

double msSince(const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e6; }

} // namespace

struct FaceAnalyzer::Impl {
    FaceAnalyzerOptions options;
    QString modelPath;
    QString modelSha256;
    QString modelId;
    BlasInfo blas;
    dlib::shape_predictor predictor; // const operator(): shared by all threads
    // Prototypes copied into new workers; only read after construction.
    dlib::frontal_face_detector detectorPrototype;
    facenet::InferenceNet netPrototype;

    mutable std::mutex poolMutex;
    mutable std::vector<std::unique_ptr<Worker>> idle;
    mutable int created = 0;

    // RAII lease: the worker goes back to the idle list when the analysis ends.
    class Lease {
    public:
        Lease(const Impl& impl, std::unique_ptr<Worker> w) : m_impl(impl), m_w(std::move(w)) {}
        ~Lease()
        {
            std::lock_guard lock(m_impl.poolMutex);
            m_impl.idle.push_back(std::move(m_w));
        }
        Worker& operator*() const { return *m_w; }
        Worker* operator->() const { return m_w.get(); }

    private:
        const Impl& m_impl;
        std::unique_ptr<Worker> m_w;
    };

    Lease acquire() const
    {
        {
            std::lock_guard lock(poolMutex);
            if (!idle.empty()) {
                auto w = std::move(idle.back());
                idle.pop_back();
                return Lease(*this, std::move(w));
            }
            ++created;
        }
        // Copying reads the prototypes only, so it can run outside the lock.
        auto w = std::make_unique<Worker>(Worker{detectorPrototype, netPrototype});
        return Lease(*this, std::move(w));
    }

    std::vector<std::pair<double, cv::Rect>> detect(Worker& w, const cv::Mat& bgr, int* passes) const;
};

namespace {

std::vector<std::pair<double, cv::Rect>> detectAtScale(Worker& w, const cv::Mat& bgr, double scale)
{
    cv::Mat work;
    if (scale == 1.0)
        work = bgr;
    else
        cv::resize(bgr, work, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    const dlib::cv_image<dlib::bgr_pixel> view(work);
    std::vector<std::pair<double, dlib::rectangle>> dets;
    w.detector(view, dets, 0.0);
    std::vector<std::pair<double, cv::Rect>> out;
    const cv::Rect bounds(0, 0, bgr.cols, bgr.rows);
    for (const auto& [score, r] : dets) {
        const cv::Rect mapped(int(std::lround(r.left() / scale)), int(std::lround(r.top() / scale)),
                              int(std::lround(r.width() / scale)), int(std::lround(r.height() / scale)));
        // Boxes may extend past the border (the shape predictor copes); keep them if they touch it.
        if ((mapped & bounds).area() > 0)
            out.emplace_back(score, mapped);
    }
    return out;
}

} // namespace

std::vector<std::pair<double, cv::Rect>> FaceAnalyzer::Impl::detect(Worker& w, const cv::Mat& bgr, int* passes) const
{
    const int longSide = std::max(bgr.cols, bgr.rows);
    const auto scaleFor = [&](int target) { return std::min(1.0, double(target) / longSide); };
    const double first = scaleFor(options.detectLongSide);
    *passes = 1;
    auto dets = detectAtScale(w, bgr, first);
    if (dets.empty() && scaleFor(options.fallbackLongSide) > first) {
        ++*passes;
        dets = detectAtScale(w, bgr, scaleFor(options.fallbackLongSide));
    }
    if (dets.empty() && longSide < options.upsampleBelow) {
        ++*passes;
        dets = detectAtScale(w, bgr, 2.0);
    }
    return dets;
}

FaceAnalyzer::FaceAnalyzer(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
FaceAnalyzer::~FaceAnalyzer() = default;

VisionResult<std::shared_ptr<const FaceAnalyzer>> FaceAnalyzer::create(const FaceAnalyzerOptions& options)
{
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->modelPath = options.modelPath.isEmpty() ? findFaceModel() : options.modelPath;
    if (impl->modelPath.isEmpty())
        return visionError(VisionErrorCode::ModelMissing,
                           QStringLiteral("%1 was not found in %2. Run scripts/fetch-face-model <build-dir>.")
                               .arg(QLatin1String(kFaceModelFileName), faceModelSearchDirs().join(QStringLiteral(", "))));
    const QString predictorPath = options.shapePredictorPath.isEmpty() ? findShapePredictor() : options.shapePredictorPath;
    if (predictorPath.isEmpty())
        return visionError(VisionErrorCode::ModelMissing,
                           QStringLiteral("%1 was not found in /usr/share/dlib (install libdlib-data).")
                               .arg(QLatin1String(kShapePredictorFileName)));

    QFile modelFile(impl->modelPath);
    if (!modelFile.open(QIODevice::ReadOnly))
        return visionError(VisionErrorCode::ModelMissing,
                           QStringLiteral("Cannot read %1: %2").arg(impl->modelPath, modelFile.errorString()));
    const QByteArray modelBytes = modelFile.readAll();
    impl->modelSha256 = QString::fromLatin1(QCryptographicHash::hash(modelBytes, QCryptographicHash::Sha256).toHex());
    impl->modelId = QStringLiteral("dlib-frnet-v1:") + impl->modelSha256.left(16);

    try {
        std::istringstream in(modelBytes.toStdString());
        dlib::deserialize(impl->netPrototype, in);
        dlib::deserialize(predictorPath.toStdString()) >> impl->predictor;
        impl->detectorPrototype = dlib::get_frontal_face_detector();
    } catch (const std::exception& e) {
        return visionError(VisionErrorCode::ModelInvalid,
                           QStringLiteral("dlib could not load the models (%1, %2): %3")
                               .arg(impl->modelPath, predictorPath, QString::fromLocal8Bit(e.what())));
    }
    if (impl->predictor.num_parts() != 68)
        return visionError(VisionErrorCode::ModelInvalid, QStringLiteral("%1 is not a 68-point predictor.").arg(predictorPath));
    impl->blas = probeBlas();
    return std::shared_ptr<const FaceAnalyzer>(new FaceAnalyzer(std::move(impl)));
}

VisionResult<std::shared_ptr<const FaceAnalyzer>> FaceAnalyzer::shared()
{
    static std::mutex mutex;
    static std::shared_ptr<const FaceAnalyzer> instance;
    std::lock_guard lock(mutex);
    if (instance)
        return instance;
    auto created = create();
    if (created)
        instance = created.value();
    return created;
}

VisionResult<FaceAnalysis> FaceAnalyzer::analyze(const cv::Mat& input, const AnalyzeOptions& options) const
{
    if (input.empty() || input.depth() != CV_8U || (input.channels() != 1 && input.channels() != 3))
        return visionError(QStringLiteral("invalid_argument"), QStringLiteral("analyze() needs an 8-bit grey or BGR image."));
    cv::Mat bgr = input;
    if (input.channels() == 1)
        cv::cvtColor(input, bgr, cv::COLOR_GRAY2BGR);
    if (!bgr.isContinuous())
        bgr = bgr.clone();

    FaceAnalysis result;
    result.imageSize = bgr.size();
    result.modelSha256 = d->modelSha256;
    result.modelId = d->modelId;

    auto worker = d->acquire();
    QElapsedTimer t;
    t.start();
    auto dets = d->detect(*worker, bgr, &result.detectionPasses);
    result.timings.detectMs = msSince(t);
    std::sort(dets.begin(), dets.end(), [](const auto& a, const auto& b) { return a.second.area() > b.second.area(); });

    const dlib::cv_image<dlib::bgr_pixel> view(bgr);
    t.restart();
    std::vector<dlib::full_object_detection> shapes;
    for (const auto& [score, box] : dets) {
        const dlib::rectangle r(box.x, box.y, box.x + box.width - 1, box.y + box.height - 1);
        shapes.push_back(d->predictor(view, r));
        DetectedFace face;
        face.box = box;
        face.detectionScore = score;
        const auto& s = shapes.back();
        face.landmarks.reserve(s.num_parts());
        for (unsigned long i = 0; i < s.num_parts(); ++i)
            face.landmarks.emplace_back(float(s.part(i).x()), float(s.part(i).y()));
        result.faces.push_back(std::move(face));
    }
    result.timings.landmarksMs = msSince(t);

    t.restart();
    const size_t wanted = options.descriptors == DescriptorScope::None      ? 0
                          : options.descriptors == DescriptorScope::AllFaces ? shapes.size()
                                                                             : std::min<size_t>(1, shapes.size());
    for (size_t i = 0; i < wanted; ++i) {
        dlib::matrix<dlib::rgb_pixel> chip;
        dlib::extract_image_chip(view, dlib::get_face_chip_details(shapes[i], facenet::kChipSize, facenet::kChipPadding), chip);
        const dlib::matrix<float, 0, 1> desc = worker->net(chip);
        auto& face = result.faces[i];
        face.descriptor.assign(desc.begin(), desc.end());
        if (options.keepChips) {
            const cv::Mat rgb(int(chip.nr()), int(chip.nc()), CV_8UC3, dlib::image_data(chip), size_t(dlib::width_step(chip)));
            cv::cvtColor(rgb, face.chip, cv::COLOR_RGB2BGR); // copies out of dlib's buffer
        }
    }
    result.timings.descriptorMs = msSince(t);
    return result;
}

VisionResult<FaceAnalysis> FaceAnalyzer::analyzeBytes(const QByteArray& bytes, const AnalyzeOptions& options,
                                                      const ImageLoadOptions& loadOptions) const
{
    auto loaded = loadImage(bytes, loadOptions);
    if (!loaded)
        return loaded.error();
    auto analysis = analyze(loaded->bgr, options);
    if (analysis) {
        analysis->timings.decodeMs = loaded->decodeMs;
        analysis->greyscale = loaded->greyscale;
        analysis->exifOrientation = loaded->exifOrientation;
    }
    return analysis;
}

const QString& FaceAnalyzer::modelPath() const { return d->modelPath; }
const QString& FaceAnalyzer::modelSha256() const { return d->modelSha256; }
const QString& FaceAnalyzer::modelId() const { return d->modelId; }
const BlasInfo& FaceAnalyzer::blas() const { return d->blas; }
int FaceAnalyzer::networkInstances() const
{
    std::lock_guard lock(d->poolMutex);
    return d->created;
}

} // namespace pd
