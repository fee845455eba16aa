#include "core/vision/ImageLoader.h"

#include "core/vision/ExifOrientation.h"

#include <QElapsedTimer>
#include <QFile>

#include <opencv2/imgcodecs.hpp>

namespace pd {
namespace {

using Bytes = const unsigned char*;

unsigned be16(Bytes p) { return unsigned(p[0]) << 8 | p[1]; }
unsigned le16(Bytes p) { return unsigned(p[1]) << 8 | p[0]; }
quint32 le32(Bytes p) { return quint32(p[3]) << 24 | quint32(p[2]) << 16 | quint32(p[1]) << 8 | p[0]; }
quint32 be32(Bytes p) { return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3]; }

bool startsWith(const QByteArray& b, const char* magic, int n, int at = 0)
{
    return b.size() >= at + n && std::memcmp(b.constData() + at, magic, size_t(n)) == 0;
}

VisionError truncated(const QString& what)
{
    return visionError(VisionErrorCode::Truncated, QStringLiteral("The %1 file ends before its image data is complete.").arg(what));
}

VisionError corrupt(const QString& what, const QString& detail)
{
    return visionError(VisionErrorCode::Corrupt, QStringLiteral("The %1 file is damaged: %2.").arg(what, detail));
}

// Walks the marker segments up to the first scan: SOFn gives size, precision and components.
VisionResult<ImageHeader> probeJpeg(const QByteArray& bytes)
{
    ImageHeader h;
    h.format = ImageFormat::Jpeg;
    h.formatName = QStringLiteral("jpeg");
    const auto* d = reinterpret_cast<Bytes>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype pos = 2;
    bool haveSof = false;
    qsizetype scanStart = -1;
    while (pos < n) {
        if (d[pos] != 0xFF)
            return corrupt(QStringLiteral("JPEG"), QStringLiteral("a marker was expected at byte %1").arg(pos));
        while (pos < n && d[pos] == 0xFF) // fill bytes
            ++pos;
        if (pos >= n)
            return truncated(QStringLiteral("JPEG"));
        const unsigned marker = d[pos++];
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // standalone markers
        if (marker == 0xD9)
            return corrupt(QStringLiteral("JPEG"), QStringLiteral("it ends before any image data"));
        if (pos + 2 > n)
            return truncated(QStringLiteral("JPEG"));
        const qsizetype len = be16(d + pos);
        if (len < 2)
            return corrupt(QStringLiteral("JPEG"), QStringLiteral("a segment has an invalid length"));
        if (pos + len > n)
            return truncated(QStringLiteral("JPEG"));
        const bool isSof = (marker >= 0xC0 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (isSof) {
            if (len < 8)
                return corrupt(QStringLiteral("JPEG"), QStringLiteral("the frame header is too short"));
            h.bitsPerSample = d[pos + 2];
            h.height = int(be16(d + pos + 3));
            h.width = int(be16(d + pos + 5));
            h.channels = d[pos + 7];
            haveSof = true;
        }
        if (marker == 0xDA) {
            scanStart = pos + len;
            break;
        }
        pos += len;
    }
    if (scanStart < 0)
        return haveSof ? truncated(QStringLiteral("JPEG")) : corrupt(QStringLiteral("JPEG"), QStringLiteral("no frame header"));
    if (!haveSof)
        return corrupt(QStringLiteral("JPEG"), QStringLiteral("scan data without a frame header"));
    if (h.width <= 0 || h.height <= 0)
        return corrupt(QStringLiteral("JPEG"), QStringLiteral("the frame header gives no image size"));
    h.greyscale = h.channels == 1;
    h.cmyk = h.channels == 4;
    if (h.channels != 1 && h.channels != 3 && h.channels != 4)
        return corrupt(QStringLiteral("JPEG"), QStringLiteral("%1 colour components").arg(h.channels));
    // Entropy-coded data cannot contain FF D9 (FF is byte-stuffed), so an EOI after the first
    // scan marks a complete file; EXIF thumbnails (which have their own EOI) come before it.
    h.complete = bytes.indexOf(QByteArrayLiteral("\xFF\xD9"), scanStart) >= 0;
    return h;
}

// IHDR gives the size, depth and colour type; the chunk walk proves the file is complete.
VisionResult<ImageHeader> probePng(const QByteArray& bytes)
{
    ImageHeader h;
    h.format = ImageFormat::Png;
    h.formatName = QStringLiteral("png");
    const auto* d = reinterpret_cast<Bytes>(bytes.constData());
    const qsizetype n = bytes.size();
    if (n < 8 + 8 + 13 + 4)
        return truncated(QStringLiteral("PNG"));
    if (std::memcmp(d + 12, "IHDR", 4) != 0 || be32(d + 8) != 13)
        return corrupt(QStringLiteral("PNG"), QStringLiteral("the first chunk is not a valid IHDR"));
    const quint32 w = be32(d + 16), hgt = be32(d + 20);
    if (w == 0 || hgt == 0 || w > 0x7FFFFFFF || hgt > 0x7FFFFFFF)
        return corrupt(QStringLiteral("PNG"), QStringLiteral("the header gives an invalid image size"));
    h.width = int(w);
    h.height = int(hgt);
    h.bitsPerSample = d[24];
    const int colourType = d[25];
    switch (colourType) {
    case 0: h.channels = 1; h.greyscale = true; break;
    case 2: h.channels = 3; break;
    case 3: h.channels = 3; break; // palette
    case 4: h.channels = 2; h.greyscale = true; break;
    case 6: h.channels = 4; break;
    default: return corrupt(QStringLiteral("PNG"), QStringLiteral("unknown colour type %1").arg(colourType));
    }
    qsizetype pos = 8;
    while (pos + 12 <= n) {
        const qsizetype len = be32(d + pos);
        if (len > 0x7FFFFFFF || pos + 12 + len > n)
            break;
        if (std::memcmp(d + pos + 4, "IEND", 4) == 0) {
            h.complete = true;
            break;
        }
        pos += 12 + len;
    }
    return h;
}

// BITMAPFILEHEADER + BITMAPCOREHEADER (12 bytes) or BITMAPINFOHEADER and its successors (≥ 40).
// Completeness: an uncompressed file must hold every row the header announces (rows are padded to
// 4 bytes); an RLE one at least the pixel data size it declares.
VisionResult<ImageHeader> probeBmp(const QByteArray& bytes)
{
    const QString what = QStringLiteral("BMP");
    ImageHeader h;
    h.format = ImageFormat::Bmp;
    h.formatName = QStringLiteral("bmp");
    const auto* d = reinterpret_cast<Bytes>(bytes.constData());
    const qint64 n = bytes.size();
    if (n < 26)
        return truncated(what);
    const qint64 pixelOffset = le32(d + 10);
    const quint32 dibSize = le32(d + 14);
    qint64 width = 0, height = 0;
    unsigned bpp = 0;
    quint32 compression = 0, imageSize = 0, coloursUsed = 0;
    int paletteEntryBytes = 4;
    if (dibSize == 12) {
        width = le16(d + 18);
        height = le16(d + 20);
        bpp = le16(d + 24);
        paletteEntryBytes = 3;
    } else if (dibSize >= 40 && dibSize <= 124) {
        if (n < 14 + 40)
            return truncated(what);
        width = qint32(le32(d + 18));
        height = qint32(le32(d + 22));
        bpp = le16(d + 28);
        compression = le32(d + 30);
        imageSize = le32(d + 34);
        coloursUsed = le32(d + 46);
    } else {
        return corrupt(what, QStringLiteral("unknown header size %1").arg(dibSize));
    }
    const bool topDown = height < 0;
    height = topDown ? -height : height;
    if (width <= 0 || height <= 0 || width > 1'000'000 || height > 1'000'000)
        return corrupt(what, QStringLiteral("the header gives an invalid image size"));
    if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32)
        return corrupt(what, QStringLiteral("%1 bits per pixel").arg(bpp));
    // 0 uncompressed, 1 RLE8, 2 RLE4, 3 bit fields: what OpenCV's decoder reads. JPEG/PNG inside a
    // BMP (4, 5) are printer formats no card reader writes.
    if (compression > 3)
        return corrupt(what, QStringLiteral("compression %1 is not supported").arg(compression));
    h.width = int(width);
    h.height = int(height);
    h.channels = bpp == 32 ? 4 : 3;
    if (pixelOffset < 14 + qint64(dibSize) || pixelOffset > n)
        return pixelOffset > n ? truncated(what) : corrupt(what, QStringLiteral("the pixel data starts inside the header"));
    if (compression == 1 || compression == 2) {
        h.complete = pixelOffset + qint64(imageSize) <= n;
    } else {
        const qint64 stride = ((width * bpp + 31) / 32) * 4;
        h.complete = pixelOffset + stride * height <= n;
    }
    // A palette whose every entry is grey (R = G = B) is a greyscale image.
    if (bpp <= 8) {
        const qint64 entries = coloursUsed ? std::min<qint64>(coloursUsed, 1 << bpp) : (1 << bpp);
        const qint64 start = 14 + dibSize;
        if (start + entries * paletteEntryBytes > pixelOffset)
            return corrupt(what, QStringLiteral("the colour table overlaps the pixel data"));
        bool grey = true;
        for (qint64 i = 0; i < entries && grey; ++i) {
            const Bytes e = d + start + i * paletteEntryBytes;
            grey = e[0] == e[1] && e[1] == e[2];
        }
        h.greyscale = grey;
    }
    return h;
}

QString otherFormatName(const QByteArray& b)
{
    if (startsWith(b, "GIF8", 4)) return QStringLiteral("GIF");
    if (startsWith(b, "II*\0", 4) || startsWith(b, "MM\0*", 4)) return QStringLiteral("TIFF");
    if (startsWith(b, "RIFF", 4) && startsWith(b, "WEBP", 4, 8)) return QStringLiteral("WebP");
    if (startsWith(b, "ftyp", 4, 4)) return QStringLiteral("HEIF/AVIF");
    if (startsWith(b, "%PDF", 4)) return QStringLiteral("PDF");
    return {};
}

} // namespace

VisionResult<ImageHeader> probeImageHeader(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return visionError(VisionErrorCode::Empty, QStringLiteral("The file is empty."));
    if (startsWith(bytes, "\xFF\xD8\xFF", 3))
        return probeJpeg(bytes);
    if (startsWith(bytes, "\x89PNG\r\n\x1A\n", 8))
        return probePng(bytes);
    if (startsWith(bytes, "BM", 2))
        return probeBmp(bytes);
    const QString other = otherFormatName(bytes);
    return visionError(VisionErrorCode::UnsupportedFormat,
                       other.isEmpty() ? QStringLiteral("The file is not a JPEG, PNG or BMP image.")
                                       : QStringLiteral("The file is a %1 image; only JPEG and PNG are accepted.").arg(other));
}

VisionResult<LoadedImage> loadImage(const QByteArray& bytes, const ImageLoadOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    const ImageLimits& lim = options.limits;
    if (bytes.size() > lim.maxBytes)
        return visionError(VisionErrorCode::TooLarge,
                           QStringLiteral("The file has %1 bytes; at most %2 are accepted.").arg(bytes.size()).arg(lim.maxBytes));
    auto probed = probeImageHeader(bytes);
    if (!probed)
        return probed.error();
    const ImageHeader& h = probed.value();
    const QString kind = h.format == ImageFormat::Jpeg  ? QStringLiteral("JPEG")
                         : h.format == ImageFormat::Png ? QStringLiteral("PNG")
                                                        : QStringLiteral("BMP");
    if (h.format == ImageFormat::Bmp && !options.allowBmp)
        return visionError(VisionErrorCode::UnsupportedFormat,
                           QStringLiteral("The file is a BMP image; only JPEG and PNG are accepted (BMP only for reference photos)."));

    // Everything below is decided from the header alone, before any pixel is decoded.
    if (h.width > lim.maxSide || h.height > lim.maxSide || qint64(h.width) * h.height > lim.maxPixels)
        return visionError(VisionErrorCode::TooLarge,
                           QStringLiteral("The image claims %1×%2 pixels; at most %3 pixels and %4 per side are accepted.")
                               .arg(h.width).arg(h.height).arg(lim.maxPixels).arg(lim.maxSide));
    if (h.cmyk)
        return visionError(VisionErrorCode::Cmyk,
                           QStringLiteral("The JPEG is in CMYK (print) colours; an RGB photo is required."));
    if (h.bitsPerSample > 8)
        return visionError(VisionErrorCode::HighBitDepth,
                           QStringLiteral("The %1 has %2 bits per sample; an 8-bit photo is required.").arg(kind).arg(h.bitsPerSample));
    if (h.greyscale && !options.allowGreyscale)
        return visionError(VisionErrorCode::Greyscale, QStringLiteral("The photo is greyscale; a colour photo is required."));
    if (!h.complete)
        return truncated(kind);

    // OpenCV would rotate by EXIF itself; the orientation is applied explicitly below (exiv2),
    // so the behaviour does not depend on the OpenCV version.
    const cv::Mat raw(1, int(bytes.size()), CV_8U, const_cast<char*>(bytes.constData()));
    cv::Mat decoded;
    try {
        decoded = cv::imdecode(raw, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
    } catch (const cv::Exception& e) {
        return corrupt(kind, QString::fromLocal8Bit(e.what()).trimmed());
    }
    if (decoded.empty() || decoded.type() != CV_8UC3)
        return corrupt(kind, QStringLiteral("the decoder could not read the pixel data"));
    if (decoded.cols != h.width || decoded.rows != h.height)
        return corrupt(kind, QStringLiteral("decoded size differs from the header"));

    LoadedImage img;
    img.header = h;
    img.greyscale = h.greyscale;
    img.exifOrientation = options.applyExifOrientation ? readExifOrientation(bytes) : 1;
    img.bgr = applyExifOrientation(decoded, img.exifOrientation);
    img.decodeMs = double(timer.nsecsElapsed()) / 1e6;
    return img;
}

ImageLoadOptions referencePhotoLoadOptions()
{
    ImageLoadOptions options;
    options.allowBmp = true;
    return options;
}

VisionResult<LoadedImage> loadImageFile(const QString& path, const ImageLoadOptions& options)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return visionError(VisionErrorCode::Unreadable, QStringLiteral("Cannot open %1: %2").arg(path, f.errorString()));
    if (f.size() > options.limits.maxBytes)
        return visionError(VisionErrorCode::TooLarge,
                           QStringLiteral("%1 has %2 bytes; at most %3 are accepted.").arg(path).arg(f.size()).arg(options.limits.maxBytes));
    return loadImage(f.readAll(), options);
}

} // namespace pd
