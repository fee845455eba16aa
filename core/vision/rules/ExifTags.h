#pragma once

#include "core/vision/VisionError.h"

#include <QByteArray>
#include <QString>

namespace pd::rules {

// The EXIF/XMP tags that name the producing software or device (exiv2).
struct ExifSoftwareTags {
    QString software;           // Exif.Image.Software
    QString processingSoftware; // Exif.Image.ProcessingSoftware
    QString make;               // Exif.Image.Make
    QString model;              // Exif.Image.Model
    QString creatorTool;        // Xmp.xmp.CreatorTool
    QString userComment;        // Exif.Photo.UserComment (some apps sign here)
    bool readable = false;      // exiv2 could parse the metadata at all
};
ExifSoftwareTags readExifSoftwareTags(const QByteArray& encoded);

// A copy of a JPEG with Exif.Image.Software (and optionally Make) set; used by the variant
// generator and the tests to produce "saved by a beauty app" files.
VisionResult<QByteArray> withExifSoftware(const QByteArray& jpeg, const QString& software, const QString& make = {});

// JPEG quantisation tables (DQT) of the luminance and chrominance components, in zig-zag order
// as stored, and the IJG quality they correspond to (Independent JPEG Group scaling of the
// Annex K tables; -1 when the file has no table). `standardTables` is false when the tables are
// not a scaled Annex K table (editors such as Photoshop and many apps use their own).
struct JpegQuantisation {
    int tables = 0;
    int estimatedQuality = -1;
    double meanAbsDeviation = 0; // between the luminance table and the IJG table of that quality
    bool standardTables = false;
};
JpegQuantisation estimateJpegQuality(const QByteArray& jpeg);

} // namespace pd::rules
