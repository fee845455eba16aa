#include "core/vision/rules/ExifTags.h"

// exiv2 0.27's public API is built on std::auto_ptr; keep its deprecation noise in this file.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>

namespace pd::rules {
namespace {

void initExiv2Once()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::XmpParser::initialize();
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    });
}

QString exifString(const Exiv2::ExifData& exif, const char* key)
{
    const auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it == exif.end())
        return {};
    return QString::fromStdString(it->toString()).trimmed();
}

} // namespace

ExifSoftwareTags readExifSoftwareTags(const QByteArray& encoded)
{
    ExifSoftwareTags tags;
    if (encoded.isEmpty())
        return tags;
    initExiv2Once();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte*>(encoded.constData()), long(encoded.size()));
        if (!image.get())
            return tags;
        image->readMetadata();
        const Exiv2::ExifData& exif = image->exifData();
        tags.software = exifString(exif, "Exif.Image.Software");
        tags.processingSoftware = exifString(exif, "Exif.Image.ProcessingSoftware");
        tags.make = exifString(exif, "Exif.Image.Make");
        tags.model = exifString(exif, "Exif.Image.Model");
        tags.userComment = exifString(exif, "Exif.Photo.UserComment");
        const Exiv2::XmpData& xmp = image->xmpData();
        const auto it = xmp.findKey(Exiv2::XmpKey("Xmp.xmp.CreatorTool"));
        if (it != xmp.end())
            tags.creatorTool = QString::fromStdString(it->toString()).trimmed();
        tags.readable = true;
    } catch (const std::exception&) {
        // metadata is optional; absent tags simply do not flag anything
    }
    return tags;
}

VisionResult<QByteArray> withExifSoftware(const QByteArray& jpeg, const QString& software, const QString& make)
{
    initExiv2Once();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(
            reinterpret_cast<const Exiv2::byte*>(jpeg.constData()), long(jpeg.size()));
        image->readMetadata();
        image->exifData()["Exif.Image.Software"] = software.toStdString();
        if (!make.isEmpty())
            image->exifData()["Exif.Image.Make"] = make.toStdString();
        image->writeMetadata();
        Exiv2::BasicIo& io = image->io();
        io.seek(0, Exiv2::BasicIo::beg);
        const Exiv2::DataBuf buf = io.read(long(io.size()));
        return QByteArray(reinterpret_cast<const char*>(buf.pData_), int(buf.size_));
    } catch (const std::exception& e) {
        return visionError(VisionErrorCode::Corrupt, QStringLiteral("cannot write EXIF: %1").arg(QString::fromUtf8(e.what())));
    }
}

namespace {
// ITU-T T.81 Annex K luminance table, zig-zag order (as DQT stores it).
constexpr std::array<int, 64> kStdLuminanceZigzag = {
    16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49,
    35, 37, 29, 40, 58, 51, 61, 60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56,
    80, 109, 81, 87, 95, 98, 103, 104, 103, 62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99};

int ijgScaled(int base, int quality)
{
    const int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
    return std::clamp((base * scale + 50) / 100, 1, 255);
}
} // namespace

JpegQuantisation estimateJpegQuality(const QByteArray& jpeg)
{
    JpegQuantisation q;
    const auto* d = reinterpret_cast<const unsigned char*>(jpeg.constData());
    const qsizetype n = jpeg.size();
    if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
        return q;
    std::array<int, 64> luminance{};
    bool haveLuminance = false;
    qsizetype pos = 2;
    while (pos + 4 <= n) {
        if (d[pos] != 0xFF) { ++pos; continue; }
        const int marker = d[pos + 1];
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) { ++pos; continue; }
        if (marker == 0xDA || marker == 0xD9)
            break; // scan data: the tables come before it
        const int len = (d[pos + 2] << 8) | d[pos + 3];
        if (len < 2 || pos + 2 + len > n)
            break;
        if (marker == 0xDB) {
            qsizetype p = pos + 4;
            const qsizetype end = pos + 2 + len;
            while (p < end) {
                const int pq = d[p] >> 4, tq = d[p] & 0x0F;
                ++p;
                std::array<int, 64> table{};
                for (int i = 0; i < 64 && p < end; ++i) {
                    table[i] = pq ? (d[p] << 8 | d[p + 1]) : d[p];
                    p += pq ? 2 : 1;
                }
                ++q.tables;
                if (tq == 0) {
                    luminance = table;
                    haveLuminance = true;
                }
            }
        }
        pos += 2 + len;
    }
    if (!haveLuminance)
        return q;
    // The IJG quality whose scaled Annex K table is closest to the file's luminance table.
    double best = 1e18;
    for (int quality = 1; quality <= 100; ++quality) {
        double dev = 0;
        for (int i = 0; i < 64; ++i)
            dev += std::abs(ijgScaled(kStdLuminanceZigzag[i], quality) - luminance[i]);
        dev /= 64;
        if (dev < best) {
            best = dev;
            q.estimatedQuality = quality;
        }
    }
    q.meanAbsDeviation = best;
    q.standardTables = best < 0.5;
    return q;
}

} // namespace pd::rules
#pragma GCC diagnostic pop
