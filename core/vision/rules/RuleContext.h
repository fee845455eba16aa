#pragma once

// Internal to the rule engine: what several rules share, measured once per photo (colour
// conversions, the face geometry from the 68 landmarks, the background sample). Not installed
// for the rest of the program.

#include "core/vision/ImageLoader.h"
#include "core/vision/rules/ExifTags.h"
#include "core/vision/rules/RuleEngine.h"

#include <opencv2/core.hpp>

#include <optional>

namespace pd::rules::detail {

// Face geometry in pixels of the upright photo (iBUG 68-point order).
struct FaceGeometry {
    std::vector<cv::Point2f> lm;
    cv::Rect box;
    cv::Point2f eyeLeft, eyeRight, eyeMid; // image-left / image-right eye centres
    double eyeLineY = 0;
    double faceLeft = 0, faceRight = 0, faceWidth = 0; // jaw contour extent (cheek to cheek)
    double centreX = 0;
    double browTop = 0;
    double chinY = 0;
    double crownEstimate = 0; // from landmarks only (used when the hair top cannot be measured)
    double rollDeg = 0;
};

struct Context {
    const RuleInput* input = nullptr;
    const RuleConfig* config = nullptr;
    const MatchBands* bands = nullptr;

    std::optional<ImageHeader> header; // from the bytes
    QString loadError;                 // code when the bytes could not be decoded
    cv::Mat bgr, gray, lab, hsv;       // 8-bit, upright
    double scale = 1;                  // photo height ÷ reference height (geometry thresholds)

    const FaceAnalysis* analysis = nullptr;
    std::optional<FaceGeometry> face;  // largest face with landmarks

    // Background: pixels above the shoulders outside the head (mask), their median Lab colour
    // and how far each pixel is from it.
    cv::Mat bgMask;
    cv::Vec3d bgLab{0, 0, 0}; // L 0..100, a, b (CIE)
    double bgDeviation = 0;   // mean ΔE76 of the sample from its median
    double bgEdgeDensity = 0; // fraction of Canny edge pixels in the sample
    int bgPixels = 0;
    bool bgPlain = false;     // deviation and edges under the warn thresholds
    std::optional<double> hairTop; // first row below the top that differs from the background
    double faceLuma = 0;      // mean grey level on the face (skin) region

    ExifSoftwareTags exif;
    std::optional<quint64> phash;

    bool hasImage() const { return !bgr.empty(); }
};

void prepare(Context& c);

// Head pose in degrees from the landmarks (see headPose()): yaw > 0 = the face turned towards the
// image's right, pitch > 0 = chin up, roll > 0 = clockwise in the image.
struct HeadPose {
    double yawDeg = 0, pitchDeg = 0, rollDeg = 0;
    double reprojectionError = 0; // mean landmark distance of the fitted model ÷ face width
    bool valid = false;
};
HeadPose headPose(const FaceGeometry& f, const cv::Size& image);

// 8-bit OpenCV Lab → CIE L*, a*, b*.
cv::Vec3d toCie(const cv::Vec3b& lab8);
double deltaE(const cv::Vec3d& a, const cv::Vec3d& b);
cv::Vec3d medianLab(const cv::Mat& lab8, const cv::Mat& mask, int* count = nullptr);
cv::Rect clampRect(const cv::Rect& r, const cv::Size& size);

} // namespace pd::rules::detail
