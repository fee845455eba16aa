#pragma once

#include "core/vision/VisionError.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core.hpp>

namespace pd {

// BMP is what ID-card readers write for the chip portrait: read for reference photos only (see
// ImageLoadOptions::allowBmp); a submitted photo must be a JPEG (FILE_FORMAT).
enum class ImageFormat { Unknown, Jpeg, Png, Bmp };

// What the file header says, read without decoding a single pixel.
struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    QString formatName;   // "jpeg", "png", "bmp", or what the magic bytes suggest ("gif", "webp", ...)
    int width = 0;
    int height = 0;
    int bitsPerSample = 8;
    int channels = 0;     // JPEG components / PNG samples per pixel / BMP 3 or 4 (palette: 3)
    bool greyscale = false;
    bool cmyk = false;
    bool complete = false; // JPEG: EOI after the scan data; PNG: IEND reached with intact chunks;
                           // BMP: the pixel rows the header announces are all in the file
};

// Limits checked from the header before decoding (decompression bombs) and on the byte count.
struct ImageLimits {
    qint64 maxBytes = 40LL * 1024 * 1024;
    int maxSide = 12000;
    qint64 maxPixels = 50'000'000; // a 48-megapixel phone photo still passes
};

struct ImageLoadOptions {
    ImageLimits limits;
    // Greyscale photos are usable for face analysis (the descriptor sees three equal channels)
    // but are not valid graduation portraits; callers that must refuse them set this to false.
    bool allowGreyscale = true;
    bool applyExifOrientation = true;
    // Reference photos (the ID-card chip portrait, a scanned enrollment photo) may be BMP; the
    // submission never (unsupported_format, and FILE_FORMAT fails).
    bool allowBmp = false;
};

// How reference photos (enrollment, ID card) are read everywhere: BMP accepted.
ImageLoadOptions referencePhotoLoadOptions();

struct LoadedImage {
    cv::Mat bgr;             // 8-bit, 3 channels, upright
    ImageHeader header;      // as stored (width/height before orientation)
    int exifOrientation = 1;
    bool greyscale = false;  // source was greyscale: flag it to the reviewer
    double decodeMs = 0;
};

// Sniffs the format from magic bytes and parses the header (dimensions, depth, colour model,
// completeness). Errors: empty, unsupported_format, truncated, corrupt.
VisionResult<ImageHeader> probeImageHeader(const QByteArray& bytes);

// Header checks, limits, decoding with OpenCV, EXIF orientation. Errors: empty,
// unsupported_format (also BMP unless options.allowBmp), truncated, corrupt, too_large, cmyk, high_bit_depth, greyscale (only
// when options.allowGreyscale is false).
VisionResult<LoadedImage> loadImage(const QByteArray& bytes, const ImageLoadOptions& options = {});

// Reads a file (unreadable when it cannot be opened) and loads it.
VisionResult<LoadedImage> loadImageFile(const QString& path, const ImageLoadOptions& options = {});

} // namespace pd
