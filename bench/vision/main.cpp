// photodesk-bench-vision [--mode latency|throughput|bands|all] [--rounds N] [--fixtures DIR]
// Needs the converted model (scripts/fetch-face-model <build-dir>); run with
// PHOTODESK_SHARE_DIR=<build-dir>/share/photodesk when not using the build tree's own.
#include "core/vision/BlasRuntime.h"
#include "core/vision/FaceAnalyzer.h"
#include "core/vision/FaceMatcher.h"
#include "core/vision/IdCardSimulation.h"
#include "core/vision/ImageLoader.h"
#include "core/vision/PreScreen.h"
#include "tools/eval-corpus/EvaluationTally.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace pd;

namespace {

void printJson(const QJsonObject& o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

using eval::percentile;

double r2(double v) { return std::round(v * 100) / 100; }
double r4(double v) { return std::round(v * 10000) / 10000; }

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A portrait reframed to 480×640 (cover + centre crop), stored as JPEG quality 90 — the size
// the workstation's submissions arrive at.
QByteArray portrait480x640(const cv::Mat& bgr)
{
    const cv::Size target(480, 640);
    const double s = std::max(double(target.width) / bgr.cols, double(target.height) / bgr.rows);
    cv::Mat scaled;
    cv::resize(bgr, scaled, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    const cv::Rect crop((scaled.cols - target.width) / 2, (scaled.rows - target.height) / 2, target.width, target.height);
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", scaled(crop), jpeg, {cv::IMWRITE_JPEG_QUALITY, 90});
    return QByteArray(reinterpret_cast<const char*>(jpeg.data()), qsizetype(jpeg.size()));
}

struct Pair {
    QString a, b;
    bool same;
    bool twins;
};

std::vector<Pair> readPairs(const QDir& dir)
{
    std::vector<Pair> out;
    for (const auto& [file, twins] : {std::pair{QStringLiteral("pairs.csv"), false}, std::pair{QStringLiteral("twins.csv"), true}}) {
        const auto lines = QString::fromUtf8(readAll(dir.filePath(file))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const auto& line : lines.mid(1)) {
            const auto f = line.trimmed().split(QLatin1Char(','));
            if (f.size() == 3)
                out.push_back({f[0], f[1], f[2] == QLatin1String("1"), twins});
        }
    }
    return out;
}

void runLatency(const FaceAnalyzer& analyzer, const std::vector<QByteArray>& portraits, int rounds)
{
    std::map<QString, std::vector<double>> stages;
    for (int r = 0; r < rounds; ++r)
        for (const auto& bytes : portraits) {
            auto a = analyzer.analyzeBytes(bytes);
            if (!a || a->faces.empty())
                continue;
            stages[QStringLiteral("decode")].push_back(a->timings.decodeMs);
            stages[QStringLiteral("detect")].push_back(a->timings.detectMs);
            stages[QStringLiteral("landmarks")].push_back(a->timings.landmarksMs);
            stages[QStringLiteral("descriptor")].push_back(a->timings.descriptorMs);
            stages[QStringLiteral("total")].push_back(a->timings.totalMs());
            if (r == 0 && a->detectionPasses > 1)
                printJson({{QStringLiteral("bench"), QStringLiteral("detect_fallback")}, {QStringLiteral("portrait"), int(&bytes - portraits.data())},
                           {QStringLiteral("passes"), a->detectionPasses}, {QStringLiteral("detect_ms"), r2(a->timings.detectMs)}});
        }
    for (const auto& [stage, v] : stages)
        printJson({{QStringLiteral("bench"), QStringLiteral("latency")}, {QStringLiteral("stage"), stage},
              {QStringLiteral("image"), QStringLiteral("480x640")}, {QStringLiteral("threads"), 1},
              {QStringLiteral("n"), int(v.size())}, {QStringLiteral("median_ms"), r2(percentile(v, 0.5))},
              {QStringLiteral("p95_ms"), r2(percentile(v, 0.95))}});
}

void runThroughput(const std::shared_ptr<const FaceAnalyzer>& analyzer, const MatchBands& bands,
                   const std::vector<QByteArray>& portraits, int submissions)
{
    // Submission i: portrait i as the new photo, i+1 as enrollment, i+2 as ID card.
    std::vector<PreScreenJob> jobs;
    for (int i = 0; i < submissions; ++i) {
        PreScreenJob job;
        job.attemptId = i + 1;
        job.submission.bytes = portraits[size_t(i) % portraits.size()];
        job.enrollment.bytes = portraits[size_t(i + 1) % portraits.size()];
        job.idCard.bytes = portraits[size_t(i + 2) % portraits.size()];
        jobs.push_back(job);
    }
    for (const int threads : {1, 2}) {
        for (const bool cached : {false, true}) {
            PreScreener screener(analyzer, bands, threads);
            // Warm every thread's network copy so the figures exclude one-off set-up.
            {
                std::vector<PreScreenJob> warm(jobs.begin(), jobs.begin() + std::min<size_t>(jobs.size(), size_t(threads * 2)));
                screener.start(warm, {});
                screener.wait();
            }
            screener.cache()->clear();
            if (cached) { // fill the reference cache as earlier attempts of the same students would
                screener.start(jobs, {});
                screener.wait();
            }
            std::vector<double> perJob;
            std::mutex m;
            QElapsedTimer t;
            t.start();
            PreScreenCallbacks callbacks;
            callbacks.onResult = [&](const PreScreenResult& r) { std::lock_guard l(m); perJob.push_back(r.elapsedMs); };
            screener.start(jobs, callbacks);
            screener.wait();
            const double seconds = double(t.nsecsElapsed()) / 1e9;
            printJson({{QStringLiteral("bench"), QStringLiteral("throughput")}, {QStringLiteral("threads"), threads},
                  {QStringLiteral("references"), cached ? QStringLiteral("cached") : QStringLiteral("uncached")},
                  {QStringLiteral("submissions"), int(jobs.size())}, {QStringLiteral("photos_per_submission"), 3},
                  {QStringLiteral("submissions_per_s"), r2(double(jobs.size()) / seconds)},
                  {QStringLiteral("median_ms_per_submission"), r2(percentile(perJob, 0.5))},
                  {QStringLiteral("p95_ms_per_submission"), r2(percentile(perJob, 0.95))}});
        }
    }
}

// Distance of every labelled pair as is, and with side B turned into a simulated ID-card photo
// (358×441, face ≈ 102 px wide, JPEG quality 50/60/70) — the measurement behind the bands.
void runBands(const FaceAnalyzer& analyzer, const QDir& dir, const MatchBands& bands)
{
    std::map<QString, FaceAnalysis> cache;
    std::map<QString, cv::Mat> images;
    const auto analysisOf = [&](const QString& name) -> const FaceAnalysis* {
        if (!cache.count(name)) {
            auto loaded = loadImageFile(dir.filePath(name));
            if (!loaded)
                return nullptr;
            images[name] = loaded->bgr;
            auto a = analyzer.analyze(loaded->bgr);
            if (!a)
                return nullptr;
            cache[name] = a.value();
        }
        return &cache[name];
    };
    std::map<QString, std::vector<double>> same, diff;
    for (const auto& p : readPairs(dir)) {
        const FaceAnalysis* a = analysisOf(p.a);
        const FaceAnalysis* b = analysisOf(p.b);
        if (!a || !b || !a->largest() || !b->largest()) {
            printJson({{QStringLiteral("bench"), QStringLiteral("bands")}, {QStringLiteral("a"), p.a}, {QStringLiteral("b"), p.b},
                  {QStringLiteral("error"), QStringLiteral("no_face")}});
            continue;
        }
        QJsonObject row{{QStringLiteral("bench"), QStringLiteral("bands")}, {QStringLiteral("a"), p.a}, {QStringLiteral("b"), p.b},
                        {QStringLiteral("same"), p.same}, {QStringLiteral("twins"), p.twins}};
        const double d0 = descriptorDistance(a->largest()->descriptor, b->largest()->descriptor);
        row.insert(QStringLiteral("original"), r4(d0));
        auto& bucket = p.twins ? diff[QStringLiteral("twins")] : (p.same ? same : diff)[QStringLiteral("original")];
        (void)bucket;
        if (!p.twins)
            (p.same ? same : diff)[QStringLiteral("original")].push_back(d0);
        for (const int q : {50, 60, 70}) {
            IdCardSimulation sim;
            sim.jpegQuality = q;
            const auto card = simulateIdCardPhoto(images[p.b], b->largest()->box, sim);
            auto c = card ? analyzer.analyzeBytes(card.value()) : VisionResult<FaceAnalysis>(card.error());
            const QString key = QStringLiteral("idcard_q%1").arg(q);
            if (!c || !c->largest()) {
                row.insert(key, QJsonValue::Null);
                continue;
            }
            const double d = descriptorDistance(a->largest()->descriptor, c->largest()->descriptor);
            row.insert(key, r4(d));
            if (!p.twins)
                (p.same ? same : diff)[key].push_back(d);
            if (q == 60)
                row.insert(QStringLiteral("idcard_face_px"), c->largest()->box.width);
        }
        printJson(row);
    }
    for (const auto& [key, v] : same) {
        const auto& dv = diff[key];
        printJson({{QStringLiteral("bench"), QStringLiteral("bands_summary")}, {QStringLiteral("variant"), key},
              {QStringLiteral("same_n"), int(v.size())}, {QStringLiteral("same_max"), r4(*std::max_element(v.begin(), v.end()))},
              {QStringLiteral("same_median"), r4(percentile(v, 0.5))},
              {QStringLiteral("diff_n"), int(dv.size())},
              {QStringLiteral("diff_min"), dv.empty() ? 0.0 : r4(*std::min_element(dv.begin(), dv.end()))},
              {QStringLiteral("diff_median"), r4(percentile(dv, 0.5))},
              {QStringLiteral("match_max"), bands.matchMax}, {QStringLiteral("mismatch_min"), bands.mismatchMin}});
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("latency|throughput|bands|all"), QStringLiteral("mode"), QStringLiteral("all"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("latency rounds over the portraits"), QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption submissions(QStringLiteral("submissions"), QStringLiteral("submissions per throughput run"), QStringLiteral("n"), QStringLiteral("40"));
    const QCommandLineOption fixtures(QStringLiteral("fixtures"), QStringLiteral("portrait folder"), QStringLiteral("dir"), QStringLiteral(PHOTODESK_FACE_FIXTURES));
    parser.addOptions({mode, rounds, submissions, fixtures});
    parser.process(app);
    const QString m = parser.value(mode);

    setBlasThreads(1); // single-thread figures; the pool sets this too
    const BlasInfo blas = probeBlas();
    printJson({{QStringLiteral("bench"), QStringLiteral("environment")}, {QStringLiteral("openblas"), blas.openblas},
          {QStringLiteral("blas_library"), blas.libraryPath}, {QStringLiteral("blas_config"), blas.config},
          {QStringLiteral("cores"), QThread::idealThreadCount()},
          {QStringLiteral("OPENBLAS_NUM_THREADS"), qEnvironmentVariable("OPENBLAS_NUM_THREADS")}});
    if (blas.openblas && qEnvironmentVariable("OPENBLAS_NUM_THREADS") != QLatin1String("1"))
        std::fprintf(stderr, "note: OPENBLAS_NUM_THREADS is not 1: OpenBLAS's idle threads spin and slow a worker pool down\n");
    if (!blas.openblas)
        std::fprintf(stderr, "warning: %s\n", qPrintable(blasWarning(blas)));

    QElapsedTimer load;
    load.start();
    auto analyzer = FaceAnalyzer::create();
    if (!analyzer) {
        std::fprintf(stderr, "error [%s]: %s\n", qPrintable(analyzer.error().code), qPrintable(analyzer.error().message));
        return 1;
    }
    printJson({{QStringLiteral("bench"), QStringLiteral("model_load")}, {QStringLiteral("ms"), r2(double(load.nsecsElapsed()) / 1e6)},
          {QStringLiteral("model_id"), analyzer.value()->modelId()}});
    auto bands = loadDefaultMatchBands();
    if (!bands) {
        std::fprintf(stderr, "error [%s]: %s\n", qPrintable(bands.error().code), qPrintable(bands.error().message));
        return 1;
    }

    const QDir dir(parser.value(fixtures));
    std::vector<QByteArray> portraits;
    for (const auto& name : dir.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name)) {
        if (name.contains(QLatin1String("two_faces")) || name.contains(QLatin1String("partial")))
            continue; // the bench measures single-portrait submissions
        auto img = loadImageFile(dir.filePath(name));
        if (img)
            portraits.push_back(portrait480x640(img->bgr));
    }
    if (portraits.empty()) {
        std::fprintf(stderr, "error: no portraits in %s\n", qPrintable(dir.path()));
        return 1;
    }
    if (m == QLatin1String("bands") || m == QLatin1String("all"))
        runBands(*analyzer.value(), dir, bands.value());
    if (m == QLatin1String("latency") || m == QLatin1String("all"))
        runLatency(*analyzer.value(), portraits, parser.value(rounds).toInt());
    if (m == QLatin1String("throughput") || m == QLatin1String("all"))
        runThroughput(analyzer.value(), bands.value(), portraits, parser.value(submissions).toInt());
    return 0;
}
