#pragma once

// The imaging steps behind the labelled corpora (tools/rule-variants, tools/eval-corpus): a
// portrait normalised into a compliant 480×640 photo with its person cut-out, and the small
// operations the variants are made of.

#include "core/vision/FaceAnalyzer.h"
#include "core/vision/VisionError.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core.hpp>

#include <functional>
#include <vector>

namespace pd::variants {

inline const cv::Scalar kNationalBlueBgr(255, 197, 100); // BGR of the national RGB(100,197,255)
constexpr int kPhotoWidth = 480, kPhotoHeight = 640;
constexpr double kBaseFaceWidth = 230, kBaseEyeLineY = 245; // where normalisePortrait puts the face

struct NormalisedPortrait {
    QString name;
    cv::Mat person;  // warped portrait (original background still in it)
    cv::Mat alpha;   // CV_32F 0..1, person
    cv::Mat photo;   // composited on blue
    std::vector<cv::Point2f> lm; // landmarks in the 480×640 frame
    cv::Point2f eyeMid;
    double faceWidth = 0;
    double chinY = 0;
    double eyeLineY = 0;
};

// Eyes levelled, face width 230 px, eye line at 245 px, person cut out with GrabCut seeded from
// the 68 landmarks (fixed RNG state: deterministic), composited on blueBackground().
VisionResult<NormalisedPortrait> normalisePortrait(const FaceAnalyzer& analyzer, const QString& path);

QByteArray encodeJpeg(const cv::Mat& img, int quality);
// Quality 92+ and larger than 40 KB: a camera's file that passes FILE_SIZE.
QByteArray encodeCompliant(const cv::Mat& img);
// The person over `background` (480×640 BGR) through the cut-out's alpha.
cv::Mat composite(const NormalisedPortrait& b, const cv::Mat& background);
// The national blue with faint deterministic sensor-like noise.
cv::Mat blueBackground();
// The composited photo scaled/rotated about the eye centre and shifted by dx, border replicated.
cv::Mat transformed(const NormalisedPortrait& b, double scale, double angle, double dx);
cv::Point2f meanOf(const std::vector<cv::Point2f>& lm, int from, int to);
// out = img·(1−a) + f(img)·a where `mask` (CV_32F 0..1) is a.
void paint(cv::Mat& img, const cv::Mat& mask, const std::function<cv::Vec3f(const cv::Vec3f&)>& f);
// The upper eyelids lowered by `closure` of the eye opening (1 = shut, a blink; ≈ 0.6 half
// closed): cheek skin Poisson-blended over the eye, lashes along the new lid margin.
cv::Mat closedEyes(const cv::Mat& img, const NormalisedPortrait& b, double closure);
// Soft ellipses over both eyes up to the brows (`grow` scales them): where lenses sit.
cv::Mat lensMask(const NormalisedPortrait& b, double grow);

} // namespace pd::variants
