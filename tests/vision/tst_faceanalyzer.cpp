// Face analysis on the project's test portraits with the converted dlib model: bands for same
// and different people (also against simulated ID-card photos), EXIF rotation, no-face and
// unreadable inputs, the compare/analyze entry points, thread safety and the pre-screen batch.
// Needs <build>/share/photodesk/models/dlib_face_recognition_resnet_model_v1.dat
// (scripts/fetch-face-model <build-dir>); without it every test FAILS.
#include "core/vision/CompareCommand.h"
#include "core/vision/ExifOrientation.h"
#include "core/vision/FaceAnalyzer.h"
#include "core/vision/FaceJson.h"
#include "core/vision/FaceMatcher.h"
#include "core/vision/IdCardSimulation.h"
#include "core/vision/PreScreen.h"

#include "TestSupport.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <map>

using namespace pd;

namespace {

QByteArray encodeJpeg(const cv::Mat& img, int quality = 95)
{
    std::vector<uchar> buf;
    cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

struct Pair {
    QString a, b;
    bool same;
};

std::vector<Pair> readPairs(const QString& file)
{
    std::vector<Pair> out;
    const auto lines = QString::fromUtf8(test::readFileOrFail(test::facePath(file))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const auto& line : lines.mid(1)) {
        const auto f = line.trimmed().split(QLatin1Char(','));
        if (f.size() == 3)
            out.push_back({f[0], f[1], f[2] == QLatin1String("1")});
    }
    return out;
}

} // namespace

class TestFaceAnalyzer : public QObject {
    Q_OBJECT

    std::shared_ptr<const FaceAnalyzer> m_analyzer;
    MatchBands m_bands;
    std::map<QString, FaceAnalysis> m_analyses;
    std::map<QString, cv::Mat> m_images;
    QTemporaryDir m_tmp;

    const FaceAnalysis& analysisOf(const QString& name)
    {
        if (!m_analyses.count(name)) {
            auto loaded = loadImage(test::readFileOrFail(test::facePath(name)));
            if (!loaded)
                qFatal("%s: %s", qPrintable(name), qPrintable(loaded.error().message));
            m_images[name] = loaded->bgr;
            auto a = m_analyzer->analyze(loaded->bgr);
            if (!a)
                qFatal("%s: %s", qPrintable(name), qPrintable(a.error().message));
            m_analyses[name] = std::move(a).value();
        }
        return m_analyses[name];
    }

    QString writeTemp(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static int compare(const QString& a, const QString& b, QJsonObject* json)
    {
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        const int code = runCompareCommand({a, b}, out, err);
        out.flush();
        *json = QJsonDocument::fromJson(outText.toUtf8()).object();
        return code;
    }

private slots:
    void initTestCase()
    {
        auto analyzer = FaceAnalyzer::create();
        if (!analyzer)
            QFAIL(qPrintable(QStringLiteral("The face model is missing or unusable (%1). Run scripts/fetch-face-model <build-dir> "
                                            "after building (scripts/test does).")
                                 .arg(analyzer.error().message)));
        m_analyzer = analyzer.value();
        QCOMPARE(m_analyzer->modelSha256().size(), 64);
        auto bands = loadDefaultMatchBands();
        QVERIFY2(bands.ok(), qPrintable(bands.ok() ? QString() : bands.error().message));
        m_bands = bands.value();
        QVERIFY(m_tmp.isValid());
    }

    void analysisShape()
    {
        const auto& a = analysisOf(QStringLiteral("obama_1.jpg"));
        QCOMPARE(int(a.faces.size()), 1);
        const auto& f = a.faces.front();
        QCOMPARE(int(f.landmarks.size()), 68);
        QCOMPARE(int(f.descriptor.size()), 128);
        QCOMPARE(f.chip.cols, 150);
        QCOMPARE(f.chip.rows, 150);
        QCOMPARE(f.chip.type(), CV_8UC3);
        double norm = 0;
        for (float v : f.descriptor)
            norm += double(v) * v;
        norm = std::sqrt(norm);
        QVERIFY2(norm > 1.0 && norm < 2.0, qPrintable(QString::number(norm))); // ≈ 1.4 for this network
        QVERIFY(cv::Rect(0, 0, a.imageSize.width, a.imageSize.height).contains(f.box.tl()));
        QVERIFY(a.timings.detectMs > 0 && a.timings.descriptorMs > 0);
        QCOMPARE(a.modelId, m_analyzer->modelId());
    }

    void pairsFallInTheirBands_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        for (const auto& p : readPairs(QStringLiteral("pairs.csv")))
            QTest::newRow(qPrintable(p.a + QLatin1Char('|') + p.b)) << p.a << p.b << p.same;
    }
    void pairsFallInTheirBands()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        const auto& fa = analysisOf(a);
        const auto& fb = analysisOf(b);
        QVERIFY(fa.largest() && fb.largest());
        const double d = descriptorDistance(fa.largest()->descriptor, fb.largest()->descriptor);
        const MatchBand band = classifyDistance(d, m_bands);
        QVERIFY2(band == (same ? MatchBand::Match : MatchBand::Mismatch),
                 qPrintable(QStringLiteral("distance %1 → %2").arg(d).arg(matchBandName(band))));
    }

    // The ID-card side is small and JPEG-compressed; the bands were chosen for that.
    void idCardPhotosKeepTheirBands_data() { pairsFallInTheirBands_data(); }
    void idCardPhotosKeepTheirBands()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        const auto& fa = analysisOf(a);
        const auto& fb = analysisOf(b);
        auto card = simulateIdCardPhoto(m_images[b], fb.largest()->box, IdCardSimulation{});
        QVERIFY(card.ok());
        auto fc = m_analyzer->analyzeBytes(card.value());
        QVERIFY(fc.ok() && fc->largest());
        const double d = descriptorDistance(fa.largest()->descriptor, fc->largest()->descriptor);
        const MatchBand band = classifyDistance(d, m_bands);
        QVERIFY2(band == (same ? MatchBand::Match : MatchBand::Mismatch),
                 qPrintable(QStringLiteral("distance %1 → %2").arg(d).arg(matchBandName(band))));
    }

    void rotatedExifCopyGivesTheSameDescriptor_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::newRow("6: 90° CW") << 6;
        QTest::newRow("8: 90° CCW") << 8;
        QTest::newRow("3: 180°") << 3;
    }
    void rotatedExifCopyGivesTheSameDescriptor()
    {
        QFETCH(int, orientation);
        const auto& original = analysisOf(QStringLiteral("obama_2.jpg"));
        const cv::Mat upright = m_images[QStringLiteral("obama_2.jpg")];
        // Store the pixels the way a sideways camera does, and say so in the EXIF tag.
        cv::Mat stored;
        if (orientation == 6)
            cv::rotate(upright, stored, cv::ROTATE_90_COUNTERCLOCKWISE);
        else if (orientation == 8)
            cv::rotate(upright, stored, cv::ROTATE_90_CLOCKWISE);
        else
            cv::rotate(upright, stored, cv::ROTATE_180);
        auto tagged = withExifOrientation(encodeJpeg(stored), orientation);
        QVERIFY(tagged.ok());
        auto rotated = m_analyzer->analyzeBytes(tagged.value());
        QVERIFY(rotated.ok());
        QCOMPARE(rotated->exifOrientation, orientation);
        QVERIFY(rotated->largest());
        const double d = descriptorDistance(original.largest()->descriptor, rotated->largest()->descriptor);
        QVERIFY2(d < 0.05, qPrintable(QString::number(d)));
    }

    void noFaceIsAnEmptyListAndExitCode3()
    {
        cv::Mat wall(480, 360, CV_8UC3);
        cv::randu(wall, cv::Scalar::all(90), cv::Scalar::all(110));
        cv::GaussianBlur(wall, wall, cv::Size(0, 0), 3);
        auto a = m_analyzer->analyzeBytes(encodeJpeg(wall));
        QVERIFY(a.ok());
        QVERIFY(a->faces.empty());
        QVERIFY(!a->largest());

        const QString empty = writeTemp(QStringLiteral("wall.jpg"), encodeJpeg(wall));
        QJsonObject json;
        QCOMPARE(compare(test::facePath(QStringLiteral("obama_1.jpg")), empty, &json), int(CompareNoFace));
        QCOMPARE(json.value(QStringLiteral("faces_a")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("faces_b")).toInt(), 0);
        QVERIFY(json.value(QStringLiteral("distance")).isNull());
        QVERIFY(json.value(QStringLiteral("band")).isNull());
        QCOMPARE(json.value(QStringLiteral("error")).toString(), VisionErrorCode::NoFace);
    }

    void unreadableFilesAreExitCode2()
    {
        const QByteArray jpeg = test::readFileOrFail(test::facePath(QStringLiteral("obama_1.jpg")));
        const QString truncated = writeTemp(QStringLiteral("truncated.jpg"), jpeg.left(jpeg.size() / 3));
        const QString garbage = writeTemp(QStringLiteral("garbage.jpg"), QByteArray("this is not a photo"));
        const QString ok = test::facePath(QStringLiteral("obama_2.jpg"));
        QJsonObject json;
        QCOMPARE(compare(ok, truncated, &json), int(CompareUnreadable));
        QCOMPARE(json.value(QStringLiteral("error")).toString(), VisionErrorCode::Truncated);
        QCOMPARE(json.value(QStringLiteral("file")).toString(), truncated);
        QCOMPARE(compare(garbage, ok, &json), int(CompareUnreadable));
        QCOMPARE(json.value(QStringLiteral("error")).toString(), VisionErrorCode::UnsupportedFormat);
        QCOMPARE(compare(ok, m_tmp.filePath(QStringLiteral("missing.jpg")), &json), int(CompareUnreadable));
        QCOMPARE(json.value(QStringLiteral("error")).toString(), VisionErrorCode::Unreadable);

        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runCompareCommand({ok}, out, err), int(CompareSetupError));
    }

    void compareCommandPrintsOneJsonLine()
    {
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runCompareCommand({test::facePath(QStringLiteral("obama_biden_two_faces.jpg")), test::facePath(QStringLiteral("biden_1.jpg"))},
                                   out, err),
                 int(CompareOk));
        out.flush();
        QCOMPARE(outText.count(QLatin1Char('\n')), 1);
        const auto json = QJsonDocument::fromJson(outText.toUtf8()).object();
        QVERIFY(json.value(QStringLiteral("faces_a")).toInt() >= 2);
        QCOMPARE(json.value(QStringLiteral("faces_b")).toInt(), 1);
        QVERIFY(json.value(QStringLiteral("distance")).toDouble() > 0);
        const QString band = json.value(QStringLiteral("band")).toString();
        QVERIFY(band == QLatin1String("match") || band == QLatin1String("uncertain") || band == QLatin1String("mismatch"));
        QCOMPARE(json.value(QStringLiteral("model_id")).toString(), m_analyzer->modelId());
    }

    void severalFacesLargestFirst()
    {
        const auto& a = analysisOf(QStringLiteral("obama_biden_two_faces.jpg"));
        QVERIFY(a.faces.size() >= 2);
        for (size_t i = 1; i < a.faces.size(); ++i) {
            QVERIFY(a.faces[i - 1].box.area() >= a.faces[i].box.area());
            QVERIFY(!a.faces[i].hasDescriptor()); // LargestFace scope by default
        }
        QVERIFY(a.faces.front().hasDescriptor());
        AnalyzeOptions all;
        all.descriptors = DescriptorScope::AllFaces;
        auto every = m_analyzer->analyze(m_images[QStringLiteral("obama_biden_two_faces.jpg")], all);
        QVERIFY(every.ok());
        for (const auto& f : every->faces)
            QVERIFY(f.hasDescriptor());
    }

    void analyzeJsonHasFacesAndMatches()
    {
        const auto read = [](const char* n) { return test::readFileOrFail(test::facePath(QString::fromLatin1(n))); };
        const QJsonObject j = analyzeFacesJson(*m_analyzer, m_bands, read("obama_1.jpg"), read("obama_3.jpg"), read("biden_1.jpg"));
        const auto faces = j.value(QStringLiteral("faces")).toObject();
        QCOMPARE(faces.value(QStringLiteral("photo")).toObject().value(QStringLiteral("faces")).toArray().size(), 1);
        QVERIFY(faces.contains(QStringLiteral("enrollment")) && faces.contains(QStringLiteral("id_card")));
        const auto matches = j.value(QStringLiteral("matches")).toObject();
        QCOMPARE(matches.value(QStringLiteral("enrollment")).toObject().value(QStringLiteral("band")).toString(), QStringLiteral("match"));
        QCOMPARE(matches.value(QStringLiteral("id_card")).toObject().value(QStringLiteral("band")).toString(), QStringLiteral("mismatch"));

        const QJsonObject noRefs = analyzeFacesJson(*m_analyzer, m_bands, read("obama_1.jpg"));
        QVERIFY(noRefs.value(QStringLiteral("matches")).toObject().value(QStringLiteral("enrollment")).isNull());
        const QJsonObject broken = analyzeFacesJson(*m_analyzer, m_bands, QByteArray("junk"), read("obama_3.jpg"));
        QCOMPARE(broken.value(QStringLiteral("faces")).toObject().value(QStringLiteral("photo")).toObject().value(QStringLiteral("error")).toString(),
                 VisionErrorCode::UnsupportedFormat);
        QVERIFY(broken.value(QStringLiteral("matches")).toObject().value(QStringLiteral("enrollment")).isNull());
    }

    void concurrentAnalysesAgreeWithSequentialOnes()
    {
        const QStringList names{QStringLiteral("obama_1.jpg"), QStringLiteral("biden_1.jpg"), QStringLiteral("koch_1.jpg"),
                                QStringLiteral("meir_1.jpg"), QStringLiteral("ochoa_1.jpg"), QStringLiteral("wilson_1.jpg")};
        std::vector<QByteArray> bytes;
        for (const auto& n : names)
            bytes.push_back(test::readFileOrFail(test::facePath(n)));
        QThreadPool pool;
        pool.setMaxThreadCount(2);
        setBlasThreads(1);
        const auto analyzer = m_analyzer;
        const QList<std::vector<float>> parallel = QtConcurrent::blockingMapped<QList<std::vector<float>>>(
            &pool, bytes, [analyzer](const QByteArray& b) {
                auto a = analyzer->analyzeBytes(b);
                return a && a->largest() ? a->largest()->descriptor : std::vector<float>{};
            });
        for (int i = 0; i < names.size(); ++i) {
            const auto& sequential = analysisOf(names[i]).largest()->descriptor;
            QVERIFY(descriptorDistance(sequential, parallel[i]) < 1e-4);
        }
        // One network copy per concurrently running thread (this thread + the pool's two).
        QVERIFY2(m_analyzer->networkInstances() <= 3, qPrintable(QString::number(m_analyzer->networkInstances())));
    }

    void preScreenBatchWithCacheAndProgress()
    {
        const auto read = [](const char* n) { return test::readFileOrFail(test::facePath(QString::fromLatin1(n))); };
        std::vector<PreScreenJob> jobs;
        for (const auto& [id, sub, enr, card] : {std::tuple{1, "obama_1.jpg", "obama_2.jpg", "obama_3.jpg"},
                                                 std::tuple{2, "obama_1_240p.jpg", "obama_2.jpg", "obama_3.jpg"},
                                                 std::tuple{3, "biden_1.jpg", "biden_2.jpg", "obama_3.jpg"}}) {
            PreScreenJob job;
            job.attemptId = id;
            job.submission.bytes = read(sub);
            job.enrollment.bytes = read(enr);
            job.idCard.bytes = read(card);
            jobs.push_back(job);
        }
        PreScreener screener(m_analyzer, m_bands, 2);
        std::mutex m;
        std::map<qint64, PreScreenResult> results;
        std::vector<int> progress;
        int finished = 0;
        bool wasCancelled = true;
        PreScreenCallbacks cb;
        cb.onResult = [&](const PreScreenResult& r) { std::lock_guard l(m); results[r.attemptId] = r; };
        cb.onProgress = [&](int done, int total) { std::lock_guard l(m); progress.push_back(done); QCOMPARE(total, 3); };
        cb.onFinished = [&](bool cancelled) { std::lock_guard l(m); ++finished; wasCancelled = cancelled; };
        screener.start(jobs, cb);
        QVERIFY(screener.wait(120000));
        QCOMPARE(finished, 1);
        QVERIFY(!wasCancelled);
        QCOMPARE(int(results.size()), 3);
        QCOMPARE(progress.back(), 3);
        QCOMPARE(results[1].enrollmentMatch->band, MatchBand::Match);
        QCOMPARE(results[1].idCardMatch->band, MatchBand::Match);
        QCOMPARE(results[3].enrollmentMatch->band, MatchBand::Match);
        QCOMPARE(results[3].idCardMatch->band, MatchBand::Mismatch);
        QCOMPARE(results[3].idCardMatch->modelId, m_analyzer->modelId());
        QCOMPARE(results[1].submission.chip.cols, 150);
        QCOMPARE(screener.cache()->size(), size_t(3)); // obama_2, obama_3, biden_2

        // A second run finds every reference in the cache.
        results.clear();
        screener.start(jobs, cb);
        QVERIFY(screener.wait(120000));
        for (const auto& [id, r] : results) {
            QVERIFY(r.enrollment.fromCache && r.idCard.fromCache);
            QVERIFY(!r.submission.fromCache);
        }
        const QJsonObject json = preScreenResultToJson(results[3], true);
        QCOMPARE(json.value(QStringLiteral("matches")).toObject().value(QStringLiteral("id_card")).toObject()
                     .value(QStringLiteral("band")).toString(), QStringLiteral("mismatch"));
        QCOMPARE(json.value(QStringLiteral("submission")).toObject().value(QStringLiteral("descriptor")).toArray().size(), 128);
    }

    void preScreenCancel()
    {
        const QByteArray photo = test::readFileOrFail(test::facePath(QStringLiteral("obama_1.jpg")));
        std::vector<PreScreenJob> jobs(8);
        for (size_t i = 0; i < jobs.size(); ++i) {
            jobs[i].attemptId = qint64(i);
            jobs[i].submission.bytes = photo;
            jobs[i].enrollment.bytes = photo;
        }
        PreScreener screener(m_analyzer, m_bands, 1);
        std::atomic<int> delivered{0};
        std::atomic<int> finishedCancelled{-1};
        PreScreenCallbacks cb;
        cb.onResult = [&](const PreScreenResult&) { ++delivered; };
        cb.onFinished = [&](bool cancelled) { finishedCancelled = cancelled ? 1 : 0; };
        screener.start(jobs, cb);
        screener.cancel();
        QVERIFY(screener.wait(60000));
        QVERIFY(delivered < 8);
        QCOMPARE(finishedCancelled.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFaceAnalyzer)
#include "tst_faceanalyzer.moc"
