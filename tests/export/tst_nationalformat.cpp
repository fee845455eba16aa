// The national-format check (core/export/NationalFormat) on real JPEG files — the demo photos,
// files OpenCV writes at known qualities, progressive, greyscale, rotated, truncated and
// damaged ones — and the re-encoder (core/vision/NationalFormatEncoder) whose every output
// must pass that check.
#include "TestSupport.h"

#include "core/export/NationalFormat.h"
#include "core/util/Paths.h"
#include "core/vision/ExifOrientation.h"
#include "core/vision/ImageLoader.h"
#include "core/vision/NationalFormatEncoder.h"

#include <QDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace pd;
using namespace pd::test;

namespace {
QByteArray demoPhoto(const QString& name) { return readFileOrFail(shareFile(QStringLiteral("demo/photos/") + name)); }

cv::Mat portrait(int w, int h)
{
    const VisionResult<LoadedImage> img = loadImage(readFileOrFail(facePath(QStringLiteral("ochoa_1.jpg"))));
    cv::Mat out;
    cv::resize(img.value().bgr, out, cv::Size(w, h), 0, 0, cv::INTER_AREA);
    return out;
}

QByteArray jpeg(const cv::Mat& m, int quality, bool progressive = false)
{
    std::vector<uchar> buf;
    cv::imencode(".jpg", m, buf, {cv::IMWRITE_JPEG_QUALITY, quality, cv::IMWRITE_JPEG_PROGRESSIVE, progressive ? 1 : 0});
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}
} // namespace

class TestNationalFormat : public QObject {
    Q_OBJECT
private slots:
    void demoPortraitsConform()
    {
        // The demo's good submissions are 480×640 baseline JPEGs at quality ≥ 60.
        const NationalFormatReport r = NationalFormat::check(demoPhoto(QStringLiteral("a002_submitted.jpg")));
        QVERIFY2(r.conforms(), qPrintable(r.problems.join(' ')));
        QCOMPARE(r.width, 480);
        QCOMPARE(r.height, 640);
        QCOMPARE(r.components, 3);
        QCOMPARE(r.precision, 8);
        QCOMPARE(r.process, QStringLiteral("baseline"));
        QVERIFY(r.complete);
        QVERIFY(r.quality >= 60);
    }

    void demoFilesThatDoNotFit()
    {
        // a009 is a 240×320 JPEG, a006 a PNG under a .jpg name.
        const NationalFormatReport small = NationalFormat::check(demoPhoto(QStringLiteral("a009_submitted.jpg")));
        // The demo's "small file" is also written at a low quality.
        QCOMPARE(small.problems, (QStringList{QStringLiteral("wrong-size"), QStringLiteral("quality-low")}));
        QVERIFY(small.quality < 60);
        QCOMPARE(small.width, 240);
        QCOMPARE(small.height, 320);
        const NationalFormatReport png = NationalFormat::check(demoPhoto(QStringLiteral("a006_submitted.jpg")));
        QVERIFY(!png.isJpeg);
        QCOMPARE(png.problems, QStringList{QStringLiteral("not-jpeg")});
    }

    void qualityIsEstimatedFromTheLuminanceTable_data()
    {
        QTest::addColumn<int>("quality");
        for (int q : {10, 30, 50, 59, 60, 61, 75, 90, 95, 100})
            QTest::newRow(qPrintable(QString::number(q))) << q;
    }
    void qualityIsEstimatedFromTheLuminanceTable()
    {
        QFETCH(int, quality);
        const NationalFormatReport r = NationalFormat::check(jpeg(portrait(480, 640), quality));
        QCOMPARE(r.quality, quality);
        QCOMPARE(r.problems.contains(QStringLiteral("quality-low")), quality < 60);
    }

    void progressiveIsAccepted()
    {
        const NationalFormatReport r = NationalFormat::check(jpeg(portrait(480, 640), 80, true));
        QCOMPARE(r.process, QStringLiteral("progressive"));
        QVERIFY2(r.conforms(), qPrintable(r.problems.join(' ')));
    }

    void greyscaleIsNotColour()
    {
        cv::Mat grey;
        cv::cvtColor(portrait(480, 640), grey, cv::COLOR_BGR2GRAY);
        const NationalFormatReport r = NationalFormat::check(jpeg(grey, 90));
        QCOMPARE(r.components, 1);
        QCOMPARE(r.problems, QStringList{QStringLiteral("not-colour")});
    }

    void wrongSizeAndOrientation()
    {
        const NationalFormatReport wide = NationalFormat::check(jpeg(portrait(640, 480), 90));
        QCOMPARE(wide.problems, QStringList{QStringLiteral("wrong-size")});
        // 480×640 as stored but shown turned by 90° (EXIF 6): not what the upload shows upright.
        auto turned = withExifOrientation(jpeg(portrait(480, 640), 90), 6);
        QVERIFY(turned.ok());
        const NationalFormatReport r = NationalFormat::check(turned.value());
        QCOMPARE(r.exifOrientation, 6);
        QCOMPARE(r.problems, QStringList{QStringLiteral("orientation")});
    }

    void truncatedAndDamagedFiles()
    {
        const QByteArray good = jpeg(portrait(480, 640), 90);
        // Cut inside the scan data: no EOI.
        const NationalFormatReport cut = NationalFormat::check(good.left(good.size() / 2));
        QVERIFY(cut.problems.contains(QStringLiteral("truncated")));
        QVERIFY(!cut.complete);
        // Cut inside the headers: the frame header is never reached.
        const NationalFormatReport header = NationalFormat::check(good.left(100));
        QVERIFY(header.problems.contains(QStringLiteral("truncated")));
        QVERIFY(header.problems.contains(QStringLiteral("no-frame")));
        // A segment length pointing past the end of the file.
        QByteArray badLength = good;
        const qsizetype dqt = badLength.indexOf(QByteArray("\xFF\xDB", 2));
        QVERIFY(dqt > 0);
        badLength[dqt + 2] = char(0xFF);
        badLength[dqt + 3] = char(0xFF);
        QVERIFY(!NationalFormat::check(badLength).conforms());
        // Garbage where a marker must be.
        QByteArray garbage = good;
        garbage[2] = 'x';
        QCOMPARE(NationalFormat::check(garbage).problems.value(0), QStringLiteral("corrupt"));
        // Not a JPEG at all, and nothing.
        QCOMPARE(NationalFormat::check(QByteArray("hello")).problems, QStringList{QStringLiteral("not-jpeg")});
        QCOMPARE(NationalFormat::check(QByteArray()).problems, QStringList{QStringLiteral("not-jpeg")});
        // Every prefix of a real file is refused without a crash (the parser never reads past the end).
        for (qsizetype n = 0; n < good.size(); n += 97)
            QVERIFY(!NationalFormat::check(good.left(n)).conforms());
    }

    void ijgTableAtFiftyIsTheStandardTable()
    {
        quint16 t[64];
        NationalFormat::ijgLuminanceTable(50, t);
        QCOMPARE(int(t[0]), 16);
        QCOMPARE(int(t[63]), 99);
        QCOMPARE(NationalFormat::estimateQuality(t), 50);
    }

    void encoderFixesWhatDoesNotFit_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("steps");
        QTest::newRow("240x320 demo") << QStringLiteral("demo:a009_submitted.jpg")
                                      << QStringList{QStringLiteral("upscale"), QStringLiteral("encode-q90")};
        QTest::newRow("png demo") << QStringLiteral("demo:a006_submitted.jpg")
                                  << QStringList{QStringLiteral("from-png"), QStringLiteral("encode-q90")};
        QTest::newRow("square, large") << QStringLiteral("square")
                                       << QStringList{QStringLiteral("crop"), QStringLiteral("downscale"), QStringLiteral("encode-q90")};
        QTest::newRow("low quality") << QStringLiteral("q40") << QStringList{QStringLiteral("encode-q90")};
        QTest::newRow("sideways") << QStringLiteral("exif6")
                                  << QStringList{QStringLiteral("exif-orientation"), QStringLiteral("encode-q90")};
    }
    void encoderFixesWhatDoesNotFit()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, steps);
        QByteArray bytes;
        if (source.startsWith(QLatin1String("demo:")))
            bytes = demoPhoto(source.mid(5));
        else if (source == QLatin1String("square"))
            bytes = jpeg(portrait(1200, 1200), 92);
        else if (source == QLatin1String("q40"))
            bytes = jpeg(portrait(480, 640), 40);
        else
            bytes = withExifOrientation(jpeg(portrait(640, 480), 90), 6).value(); // shown upright as 480×640
        QVERIFY(!NationalFormat::check(bytes).conforms());
        auto encoded = NationalFormatEncoder::encode(bytes);
        QVERIFY2(encoded.ok(), encoded.ok() ? "" : qPrintable(encoded.error().message));
        QCOMPARE(encoded->steps, steps);
        const NationalFormatReport r = NationalFormat::check(encoded->jpeg);
        QVERIFY2(r.conforms(), qPrintable(r.problems.join(' ')));
        QCOMPARE(r.quality, NationalFormatEncoder::kQuality);
        QCOMPARE(r.process, QStringLiteral("baseline"));
    }

    void encoderRefusesWhatIsNoColourPortrait()
    {
        cv::Mat grey;
        cv::cvtColor(portrait(480, 640), grey, cv::COLOR_BGR2GRAY);
        auto g = NationalFormatEncoder::encode(jpeg(grey, 90));
        QVERIFY(!g.ok());
        QCOMPARE(g.error().code, VisionErrorCode::Greyscale);
        const QByteArray good = jpeg(portrait(480, 640), 90);
        auto cut = NationalFormatEncoder::encode(good.left(good.size() / 2));
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().code, VisionErrorCode::Truncated);
    }
};

QTEST_GUILESS_MAIN(TestNationalFormat)
#include "tst_nationalformat.moc"
