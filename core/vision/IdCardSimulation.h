#pragma once

#include "core/vision/VisionError.h"

#include <QByteArray>

#include <opencv2/core.hpp>

namespace pd {

// How the national ID card's photo looks next to a fresh portrait: small (358×441 with a face
// about 102 px wide) and JPEG-compressed. Used to measure the distance bands (bench) and in the
// tests; never applied to real submissions.
struct IdCardSimulation {
    cv::Size size{358, 441};
    int faceWidth = 102;   // detector box width after scaling
    double faceTop = 0.22; // top of the face box, as a fraction of the card photo's height
    int jpegQuality = 60;
};

// Crops an ID-style frame around `face` (a detector box in `bgr`), scales it to `sim.size` and
// encodes it as JPEG. Areas outside the source are filled by replicating the border.
VisionResult<QByteArray> simulateIdCardPhoto(const cv::Mat& bgr, const cv::Rect& face, const IdCardSimulation& sim = {});

} // namespace pd
