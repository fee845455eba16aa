#pragma once

#include "core/vision/VisionError.h"

#include <QByteArray>

#include <opencv2/core.hpp>

namespace pd {

// EXIF Orientation (1..8) of an encoded image; 1 when absent or unreadable (a photo without
// usable metadata is shown as stored, which is what every viewer does).
int readExifOrientation(const QByteArray& encoded);

// Pixels turned upright for the given EXIF orientation value (1 or unknown: unchanged).
cv::Mat applyExifOrientation(const cv::Mat& image, int orientation);

// A copy of a JPEG with its EXIF Orientation tag set (tests and demo data use it to produce
// "camera held sideways" files).
VisionResult<QByteArray> withExifOrientation(const QByteArray& jpeg, int orientation);

} // namespace pd
