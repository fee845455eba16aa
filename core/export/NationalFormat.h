#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pd {

// What the national graduate-registration upload takes (学信网 图像采集, docs/export.md): a
// JPEG of 480 × 640 pixels (width × height), three 8-bit components (24-bit colour), baseline
// or progressive Huffman coding, quality factor ≥ 60, shown upright as stored.
//
// check() reads the JPEG's own structure: markers from SOI to EOI, the frame header (SOF) for
// size, components and precision, the quantisation tables (DQT) for the quality, the entropy-
// coded scans to the end, and the EXIF orientation tag. It decodes no pixel, so it is cheap
// enough to run on every exported file before it is written.
struct NationalFormatReport {
    bool isJpeg = false;
    bool complete = false;  // every marker segment intact and EOI reached
    int width = 0;
    int height = 0;
    int components = 0;
    int precision = 0;      // bits per sample
    QString process;        // "baseline", "extended", "progressive", "lossless", "arithmetic", "hierarchical"
    int quality = 0;        // estimated IJG quality 1..100 from the luminance table; 0 = unknown
    int exifOrientation = 1;
    // Stable codes of what does not fit, in the order found (empty = conforms):
    // not-jpeg, truncated, corrupt, no-frame, wrong-size, not-colour, bit-depth, process,
    // no-quant-table, quality-low, orientation.
    QStringList problems;

    bool conforms() const { return problems.isEmpty(); }
};

class NationalFormat {
public:
    static constexpr int kWidth = 480;
    static constexpr int kHeight = 640;
    static constexpr int kMinQuality = 60;

    static NationalFormatReport check(const QByteArray& jpeg);

    // The IJG (libjpeg) quality whose scaled standard luminance table is nearest to `table`
    // (64 entries in natural, row-major order): exact for files written by libjpeg and
    // everything built on it (OpenCV, most cameras' firmware is close).
    static int estimateQuality(const quint16 (&table)[64]);
    // The IJG standard luminance table scaled to `quality` (natural order), as jpeg_set_quality does.
    static void ijgLuminanceTable(int quality, quint16 (&out)[64]);
};

} // namespace pd
