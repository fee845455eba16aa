// Image loading from bytes: format sniffing, header limits before decoding, truncated/corrupt
// files, colour models and EXIF orientation. No model needed.
#include "core/vision/ExifOrientation.h"
#include "core/vision/ImageLoader.h"

#include "TestSupport.h"

#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace pd;

namespace {

QByteArray encode(const cv::Mat& img, const char* ext, std::vector<int> params = {})
{
    std::vector<uchar> buf;
    if (!cv::imencode(ext, img, buf, params))
        qFatal("imencode failed");
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

cv::Mat testPattern(int w, int h)
{
    cv::Mat m(h, w, CV_8UC3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            m.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 255 / w), uchar(y * 255 / h), uchar(x < w / 2 ? 30 : 220));
    return m;
}

void putBe16(QByteArray& b, qsizetype at, int v)
{
    b[at] = char((v >> 8) & 0xFF);
    b[at + 1] = char(v & 0xFF);
}

qsizetype sofOffset(const QByteArray& jpeg)
{
    // Baseline encoders write SOF0 (FF C0); its payload starts 2 bytes (length) after the marker.
    const qsizetype at = jpeg.indexOf(QByteArrayLiteral("\xFF\xC0"));
    if (at < 0)
        qFatal("no SOF0");
    return at + 4; // precision byte
}

} // namespace

class TestImageLoader : public QObject {
    Q_OBJECT
private slots:
    void loadsJpegAndPng()
    {
        const cv::Mat img = testPattern(64, 48);
        for (const char* ext : {".jpg", ".png"}) {
            auto r = loadImage(encode(img, ext));
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(r->bgr.cols, 64);
            QCOMPARE(r->bgr.rows, 48);
            QCOMPARE(r->bgr.type(), CV_8UC3);
            QVERIFY(!r->greyscale);
        }
    }

    void fixturesLoad()
    {
        for (const auto& name : {"obama_1.jpg", "obama_2_rgba.png", "collins_1.png"}) {
            auto r = loadImageFile(test::facePath(QString::fromLatin1(name)));
            QVERIFY2(r.ok(), name);
            QCOMPARE(r->bgr.channels(), 3);
        }
    }

    void rejectsEmptyAndUnknownFormats()
    {
        QCOMPARE(loadImage(QByteArray()).error().code, VisionErrorCode::Empty);
        QCOMPARE(loadImage(QByteArray("GIF89a\x01\x00\x01\x00", 10)).error().code, VisionErrorCode::UnsupportedFormat);
        QVERIFY(loadImage(QByteArray("GIF89a\x01\x00\x01\x00", 10)).error().message.contains(QLatin1String("GIF")));
        QCOMPARE(loadImage(encode(testPattern(8, 8), ".bmp")).error().code, VisionErrorCode::UnsupportedFormat);
        QCOMPARE(loadImage(QByteArray("hello, not an image")).error().code, VisionErrorCode::UnsupportedFormat);
        QCOMPARE(loadImageFile(QStringLiteral("/nonexistent/photo.jpg")).error().code, VisionErrorCode::Unreadable);
    }

    void bmpOnlyForReferencePhotos()
    {
        // What an ID-card reader writes: a small 24-bit BMP (and some readers an 8-bit grey one).
        const cv::Mat img = testPattern(102, 126);
        const QByteArray bmp = encode(img, ".bmp");
        auto header = probeImageHeader(bmp);
        QVERIFY(header.ok());
        QCOMPARE(header->format, ImageFormat::Bmp);
        QCOMPARE(header->width, 102);
        QCOMPARE(header->height, 126);
        QVERIFY(header->complete);
        QVERIFY(!header->greyscale);

        // A submission never: the error says BMP is for reference photos only.
        auto refused = loadImage(bmp);
        QCOMPARE(refused.error().code, VisionErrorCode::UnsupportedFormat);
        QVERIFY(refused.error().message.contains(QLatin1String("BMP")));

        auto loaded = loadImage(bmp, referencePhotoLoadOptions());
        QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->bgr.cols, 102);
        QCOMPARE(loaded->bgr.rows, 126);
        QCOMPARE(cv::norm(loaded->bgr, img, cv::NORM_INF), 0.0); // lossless: the same pixels

        cv::Mat grey;
        cv::cvtColor(img, grey, cv::COLOR_BGR2GRAY);
        auto greyHeader = probeImageHeader(encode(grey, ".bmp"));
        QVERIFY(greyHeader.ok());
        QVERIFY(greyHeader->greyscale);
        auto greyLoaded = loadImage(encode(grey, ".bmp"), referencePhotoLoadOptions());
        QVERIFY(greyLoaded.ok());
        QVERIFY(greyLoaded->greyscale);
        QCOMPARE(greyLoaded->bgr.channels(), 3);

        // Cut short: truncated, not a half-black face.
        QCOMPARE(loadImage(bmp.left(bmp.size() / 2), referencePhotoLoadOptions()).error().code, VisionErrorCode::Truncated);
        QCOMPARE(loadImage(bmp.left(20), referencePhotoLoadOptions()).error().code, VisionErrorCode::Truncated);
        // A nonsense header: corrupt.
        QByteArray bad = bmp;
        bad[28] = 7; // 7 bits per pixel
        QCOMPARE(loadImage(bad, referencePhotoLoadOptions()).error().code, VisionErrorCode::Corrupt);
    }

    void decompressionBombIsRefusedFromTheHeader()
    {
        // A tiny JPEG whose frame header claims 50000×50000: refused before any decoding.
        QByteArray jpeg = encode(testPattern(16, 16), ".jpg");
        const qsizetype sof = sofOffset(jpeg);
        putBe16(jpeg, sof + 1, 50000);
        putBe16(jpeg, sof + 3, 50000);
        auto header = probeImageHeader(jpeg);
        QVERIFY(header.ok());
        QCOMPARE(header->width, 50000);
        QCOMPARE(header->height, 50000);
        auto r = loadImage(jpeg);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, VisionErrorCode::TooLarge);
        QVERIFY(r.error().message.contains(QLatin1String("50000")));

        // Same for PNG's IHDR (the CRC is not even checked: we never get that far).
        QByteArray png = encode(testPattern(16, 16), ".png");
        const QByteArray big("\x00\x00\xC3\x50", 4); // 50000
        png.replace(16, 4, big);
        png.replace(20, 4, big);
        r = loadImage(png);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, VisionErrorCode::TooLarge);

        // Limits are configurable; one side over maxSide is enough.
        ImageLoadOptions strict;
        strict.limits.maxSide = 32;
        QCOMPARE(loadImage(encode(testPattern(40, 10), ".png"), strict).error().code, VisionErrorCode::TooLarge);
        strict.limits = {};
        strict.limits.maxBytes = 10;
        QCOMPARE(loadImage(encode(testPattern(40, 10), ".png"), strict).error().code, VisionErrorCode::TooLarge);
    }

    void truncatedFiles()
    {
        const QByteArray jpeg = test::readFileOrFail(test::facePath(QStringLiteral("obama_1.jpg")));
        auto r = loadImage(jpeg.left(jpeg.size() / 2));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, VisionErrorCode::Truncated);
        r = loadImage(jpeg.left(300)); // inside the headers
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, VisionErrorCode::Truncated);

        const QByteArray png = encode(testPattern(200, 200), ".png");
        r = loadImage(png.left(png.size() - 20));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, VisionErrorCode::Truncated);
    }

    void corruptFiles()
    {
        // JPEG: scan data overwritten with garbage that contains no markers.
        QByteArray jpeg = encode(testPattern(64, 64), ".jpg");
        const qsizetype sos = jpeg.indexOf(QByteArrayLiteral("\xFF\xDA"));
        QVERIFY(sos > 0);
        QByteArray broken = jpeg.left(sos) + QByteArray("\xFF\x11 garbage");
        auto r = loadImage(broken);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().code == VisionErrorCode::Corrupt || r.error().code == VisionErrorCode::Truncated,
                 qPrintable(r.error().code));

        // PNG: IDAT bytes flipped, chunks intact → libpng's CRC/zlib check fails.
        QByteArray png = encode(testPattern(64, 64), ".png");
        const qsizetype idat = png.indexOf("IDAT");
        for (qsizetype i = idat + 8; i < idat + 40; ++i)
            png[i] = char(png[i] ^ 0x5A);
        r = loadImage(png);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, VisionErrorCode::Corrupt);

        // PNG whose first chunk is not IHDR.
        QByteArray noIhdr = encode(testPattern(8, 8), ".png");
        noIhdr.replace(12, 4, "XXXX");
        QCOMPARE(loadImage(noIhdr).error().code, VisionErrorCode::Corrupt);
    }

    void colourModels()
    {
        cv::Mat grey;
        cv::cvtColor(testPattern(32, 32), grey, cv::COLOR_BGR2GRAY);
        const QByteArray greyJpeg = encode(grey, ".jpg");
        auto r = loadImage(greyJpeg);
        QVERIFY(r.ok()); // usable for analysis, but flagged
        QVERIFY(r->greyscale);
        QCOMPARE(r->bgr.channels(), 3);
        ImageLoadOptions colourOnly;
        colourOnly.allowGreyscale = false;
        QCOMPARE(loadImage(greyJpeg, colourOnly).error().code, VisionErrorCode::Greyscale);
        QVERIFY(loadImage(encode(grey, ".png")).value().greyscale);

        // 16-bit PNG.
        cv::Mat deep;
        testPattern(16, 16).convertTo(deep, CV_16UC3, 256);
        QCOMPARE(loadImage(encode(deep, ".png")).error().code, VisionErrorCode::HighBitDepth);

        // CMYK JPEG: the frame header declares four components (OpenCV cannot write CMYK, so
        // the header is patched; the loader refuses it before decoding anyway).
        QByteArray cmyk = encode(testPattern(16, 16), ".jpg");
        cmyk[sofOffset(cmyk) + 5] = 4;
        r = loadImage(cmyk);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, VisionErrorCode::Cmyk);
    }

    void exifOrientationIsApplied()
    {
        // Pixels stored rotated 90° CCW, tag 6 says "rotate 90° CW to display".
        const cv::Mat upright = testPattern(60, 40);
        cv::Mat stored;
        cv::rotate(upright, stored, cv::ROTATE_90_COUNTERCLOCKWISE);
        auto tagged = withExifOrientation(encode(stored, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 98}), 6);
        QVERIFY(tagged.ok());
        QCOMPARE(readExifOrientation(tagged.value()), 6);
        auto r = loadImage(tagged.value());
        QVERIFY(r.ok());
        QCOMPARE(r->exifOrientation, 6);
        QCOMPARE(r->bgr.cols, 60);
        QCOMPARE(r->bgr.rows, 40);
        cv::Mat diff;
        cv::absdiff(r->bgr, upright, diff);
        QVERIFY(cv::mean(diff)[0] < 4.0);

        ImageLoadOptions raw;
        raw.applyExifOrientation = false;
        QCOMPARE(loadImage(tagged.value(), raw).value().bgr.cols, 40);
        QCOMPARE(readExifOrientation(encode(upright, ".png")), 1);
    }
};

QTEST_GUILESS_MAIN(TestImageLoader)
#include "tst_imageloader.moc"
