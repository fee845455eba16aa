#pragma once

#include "core/vision/VisionError.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pd {

// A photo turned into the national upload's format (core/export/NationalFormat): used by the
// export only for an approved photo that does not pass the format check as stored, so the bytes
// the reviewer approved go out unchanged whenever they can.
struct NationalEncoding {
    QByteArray jpeg;
    int sourceWidth = 0;  // as stored, before orientation
    int sourceHeight = 0;
    // What was done, in order, as stable words for the manifest and the log: "exif-orientation",
    // "crop", "downscale" or "upscale", "from-png", "encode-q90".
    QStringList steps;
};

class NationalFormatEncoder {
public:
    static constexpr int kQuality = 90;

    // Decodes (header limits and EXIF orientation as for analysis; greyscale, CMYK and 16-bit
    // photos are refused: the upload wants 24-bit colour and a greyscale portrait is no colour
    // photo after conversion), crops the centre to 3:4, resizes to 480 × 640 (INTER_AREA when
    // shrinking, INTER_CUBIC when enlarging) and encodes a baseline JPEG at quality 90 without
    // metadata. Errors: the ImageLoader codes (empty, unsupported_format, truncated, corrupt,
    // too_large, cmyk, high_bit_depth, greyscale) and "encode" when OpenCV cannot write it.
    static VisionResult<NationalEncoding> encode(const QByteArray& source);
};

} // namespace pd
