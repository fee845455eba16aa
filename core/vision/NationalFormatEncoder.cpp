#include "core/vision/NationalFormatEncoder.h"

#include "core/vision/ImageLoader.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace pd {

namespace {
constexpr int kWidth = 480;
constexpr int kHeight = 640;
} // namespace

VisionResult<NationalEncoding> NationalFormatEncoder::encode(const QByteArray& source)
{
    ImageLoadOptions options;
    options.allowGreyscale = false;
    auto loaded = loadImage(source, options);
    if (!loaded)
        return loaded.error();
    NationalEncoding out;
    out.sourceWidth = loaded->header.width;
    out.sourceHeight = loaded->header.height;
    if (loaded->header.format == ImageFormat::Png)
        out.steps << QStringLiteral("from-png");
    if (loaded->exifOrientation != 1)
        out.steps << QStringLiteral("exif-orientation");

    // Centre crop to 3:4 (width:height), the national aspect; the portrait's centre stays put.
    cv::Mat img = loaded->bgr;
    const int w = img.cols;
    const int h = img.rows;
    cv::Rect crop(0, 0, w, h);
    if (qint64(w) * 4 > qint64(h) * 3) { // too wide
        crop.width = int(qint64(h) * 3 / 4);
        crop.x = (w - crop.width) / 2;
    } else if (qint64(w) * 4 < qint64(h) * 3) { // too tall
        crop.height = int(qint64(w) * 4 / 3);
        crop.y = (h - crop.height) / 2;
    }
    if (crop.width != w || crop.height != h) {
        img = img(crop);
        out.steps << QStringLiteral("crop");
    }
    if (img.cols != kWidth || img.rows != kHeight) {
        const bool shrink = img.cols > kWidth;
        cv::Mat resized;
        cv::resize(img, resized, cv::Size(kWidth, kHeight), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_CUBIC);
        img = resized;
        out.steps << (shrink ? QStringLiteral("downscale") : QStringLiteral("upscale"));
    }
    std::vector<uchar> buffer;
    const std::vector<int> params{cv::IMWRITE_JPEG_QUALITY, kQuality, cv::IMWRITE_JPEG_PROGRESSIVE, 0};
    try {
        if (!cv::imencode(".jpg", img, buffer, params) || buffer.empty())
            return visionError(QStringLiteral("encode"), QStringLiteral("OpenCV could not encode the JPEG"));
    } catch (const cv::Exception& e) {
        return visionError(QStringLiteral("encode"), QString::fromLocal8Bit(e.what()).trimmed());
    }
    out.jpeg = QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
    out.steps << QStringLiteral("encode-q%1").arg(kQuality);
    return out;
}

} // namespace pd
