#include "core/vision/ExifOrientation.h"

// exiv2 0.27's public API is built on std::auto_ptr; keep its deprecation noise in this file.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>

#include <opencv2/core.hpp>

#include <mutex>

namespace pd {
namespace {

// XMP's parser must be initialised once before several threads open images; exiv2's log goes
// to stderr and would print warnings for every odd camera file.
void initExiv2Once()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::XmpParser::initialize();
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    });
}

} // namespace

int readExifOrientation(const QByteArray& encoded)
{
    if (encoded.isEmpty())
        return 1;
    initExiv2Once();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte*>(encoded.constData()), long(encoded.size()));
        if (!image.get())
            return 1;
        image->readMetadata();
        const Exiv2::ExifData& exif = image->exifData();
        const auto it = exif.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
        if (it == exif.end() || it->count() == 0)
            return 1;
        const long value = it->toLong();
        return (value >= 1 && value <= 8) ? int(value) : 1;
    } catch (const std::exception&) {
        return 1; // metadata is optional; the pixel decoder decides whether the file is usable
    }
}

cv::Mat applyExifOrientation(const cv::Mat& image, int orientation)
{
    cv::Mat out;
    switch (orientation) {
    case 2: cv::flip(image, out, 1); break;                          // mirrored
    case 3: cv::rotate(image, out, cv::ROTATE_180); break;
    case 4: cv::flip(image, out, 0); break;                          // mirrored vertically
    case 5: cv::transpose(image, out); break;                        // mirrored + 270° CW
    case 6: cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7: cv::transpose(image, out); cv::flip(out, out, -1); break; // mirrored + 90° CW
    case 8: cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: return image;
    }
    return out;
}

VisionResult<QByteArray> withExifOrientation(const QByteArray& jpeg, int orientation)
{
    if (orientation < 1 || orientation > 8)
        return visionError(QStringLiteral("invalid_argument"), QStringLiteral("EXIF orientation must be 1..8."));
    initExiv2Once();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte*>(jpeg.constData()), long(jpeg.size()));
        image->readMetadata();
        image->exifData()["Exif.Image.Orientation"] = uint16_t(orientation);
        image->writeMetadata();
        Exiv2::BasicIo& io = image->io();
        io.seek(0, Exiv2::BasicIo::beg);
        const Exiv2::DataBuf buf = io.read(long(io.size()));
        return QByteArray(reinterpret_cast<const char*>(buf.pData_), int(buf.size_));
    } catch (const std::exception& e) {
        return visionError(VisionErrorCode::Corrupt,
                           QStringLiteral("Cannot write EXIF metadata: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

} // namespace pd
#pragma GCC diagnostic pop
