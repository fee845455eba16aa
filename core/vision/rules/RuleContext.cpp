#include "core/vision/rules/RuleContext.h"

#include "core/vision/rules/PerceptualHash.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace pd::rules::detail {

cv::Vec3d toCie(const cv::Vec3b& lab8)
{
    return {lab8[0] * 100.0 / 255.0, double(lab8[1]) - 128.0, double(lab8[2]) - 128.0};
}

double deltaE(const cv::Vec3d& a, const cv::Vec3d& b)
{
    return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

cv::Rect clampRect(const cv::Rect& r, const cv::Size& size)
{
    return r & cv::Rect(0, 0, size.width, size.height);
}

cv::Vec3d medianLab(const cv::Mat& lab8, const cv::Mat& mask, int* count)
{
    std::array<std::array<int, 256>, 3> hist{};
    int n = 0;
    for (int y = 0; y < lab8.rows; ++y) {
        const auto* p = lab8.ptr<cv::Vec3b>(y);
        const uchar* m = mask.empty() ? nullptr : mask.ptr<uchar>(y);
        for (int x = 0; x < lab8.cols; ++x) {
            if (m && !m[x])
                continue;
            for (int c = 0; c < 3; ++c)
                ++hist[c][p[x][c]];
            ++n;
        }
    }
    if (count)
        *count = n;
    cv::Vec3b med{0, 128, 128};
    if (n == 0)
        return toCie(med);
    for (int c = 0; c < 3; ++c) {
        int acc = 0;
        for (int v = 0; v < 256; ++v) {
            acc += hist[c][v];
            if (acc * 2 >= n) {
                med[c] = uchar(v);
                break;
            }
        }
    }
    return toCie(med);
}

namespace {

cv::Point2f mean(const std::vector<cv::Point2f>& lm, int from, int to)
{
    cv::Point2f s(0, 0);
    for (int i = from; i <= to; ++i)
        s += lm[i];
    return s * (1.0f / float(to - from + 1));
}

FaceGeometry geometryOf(const DetectedFace& face)
{
    FaceGeometry g;
    g.lm = face.landmarks;
    g.box = face.box;
    const auto& lm = g.lm;
    g.eyeLeft = mean(lm, 36, 41);  // the subject's right eye, on the image's left
    g.eyeRight = mean(lm, 42, 47);
    g.eyeMid = (g.eyeLeft + g.eyeRight) * 0.5f;
    g.eyeLineY = g.eyeMid.y;
    g.faceLeft = lm[0].x;
    g.faceRight = lm[0].x;
    for (int i = 0; i <= 16; ++i) {
        g.faceLeft = std::min<double>(g.faceLeft, lm[i].x);
        g.faceRight = std::max<double>(g.faceRight, lm[i].x);
    }
    g.faceWidth = g.faceRight - g.faceLeft;
    g.centreX = (lm[0].x + lm[16].x + lm[27].x + lm[30].x + lm[8].x) / 5.0;
    g.browTop = lm[17].y;
    for (int i = 17; i <= 26; ++i)
        g.browTop = std::min<double>(g.browTop, lm[i].y);
    g.chinY = lm[8].y;
    // The skull above the eyebrows is about 0.55 of brow-to-chin for an upright head; hair adds
    // to it. Only used when the hair top cannot be found against the background.
    g.crownEstimate = g.browTop - 0.55 * (g.chinY - g.browTop);
    g.rollDeg = std::atan2(g.eyeRight.y - g.eyeLeft.y, g.eyeRight.x - g.eyeLeft.x) * 180.0 / M_PI;
    return g;
}

} // namespace

HeadPose headPose(const FaceGeometry& f, const cv::Size& image)
{
    // The generic 3-D face of Satya Mallick's "Head Pose Estimation using OpenCV and Dlib"
    // (LearnOpenCV, 2016), the model point set most dlib-68 pose estimators use: nose tip, chin,
    // outer eye corners, mouth corners, in model units (x to the image's right, y up, z towards
    // the camera).
    static const std::vector<cv::Point3d> model{{0, 0, 0},        {0, -330, -65},    {-225, 170, -135},
                                                {225, 170, -135}, {-150, -150, -125}, {150, -150, -125}};
    static const int index[] = {30, 8, 36, 45, 48, 54};
    HeadPose p;
    std::vector<cv::Point2d> seen;
    for (int i : index)
        seen.emplace_back(f.lm[size_t(i)]);
    // Camera from the image size, as in that article: focal length = image width, principal
    // point at the centre, no distortion.
    const double focal = image.width;
    const cv::Matx33d camera(focal, 0, image.width / 2.0, 0, focal, image.height / 2.0, 0, 0, 1);
    // Start from a face looking into the camera at the distance the eye corners give, so that the
    // iteration cannot settle on the mirrored solution behind the camera.
    const double eyeSpan = std::max(1.0, double(cv::norm(f.lm[45] - f.lm[36])));
    const double z = focal * 450.0 / eyeSpan;
    cv::Mat rvec = (cv::Mat_<double>(3, 1) << M_PI, 0, 0);
    cv::Mat tvec = (cv::Mat_<double>(3, 1) << (f.lm[30].x - image.width / 2.0) * z / focal,
                    (f.lm[30].y - image.height / 2.0) * z / focal, z);
    if (!cv::solvePnP(model, seen, camera, cv::noArray(), rvec, tvec, true, cv::SOLVEPNP_ITERATIVE))
        return p;
    cv::Matx33d R;
    cv::Rodrigues(rvec, R);
    // Relative to a face looking straight into the camera (model y up / z out = camera y down /
    // z in: a half turn about x), decomposed as roll · yaw · pitch about the camera's z, y, x.
    const cv::Matx33d rel = R * cv::Matx33d(1, 0, 0, 0, -1, 0, 0, 0, -1);
    constexpr double deg = 180.0 / M_PI;
    p.yawDeg = -std::asin(std::clamp(-rel(2, 0), -1.0, 1.0)) * deg;
    p.pitchDeg = std::atan2(rel(2, 1), rel(2, 2)) * deg;
    p.rollDeg = -std::atan2(rel(1, 0), rel(0, 0)) * deg;
    std::vector<cv::Point2d> projected;
    cv::projectPoints(model, rvec, tvec, camera, cv::noArray(), projected);
    double err = 0;
    for (size_t i = 0; i < seen.size(); ++i)
        err += cv::norm(projected[i] - seen[i]);
    p.reprojectionError = err / double(seen.size()) / std::max(1.0, f.faceWidth);
    p.valid = std::isfinite(p.yawDeg) && std::isfinite(p.pitchDeg) && std::isfinite(p.rollDeg);
    return p;
}

void prepare(Context& c)
{
    const RuleInput& in = *c.input;
    if (auto header = probeImageHeader(in.bytes))
        c.header = header.value();
    if (!in.bgr.empty()) {
        if (in.bgr.channels() == 1)
            cv::cvtColor(in.bgr, c.bgr, cv::COLOR_GRAY2BGR);
        else if (in.bgr.channels() == 4)
            cv::cvtColor(in.bgr, c.bgr, cv::COLOR_BGRA2BGR);
        else
            c.bgr = in.bgr;
    } else if (auto loaded = loadImage(in.bytes)) {
        c.bgr = loaded->bgr;
    } else {
        c.loadError = loaded.error().code;
    }
    c.exif = readExifSoftwareTags(in.bytes);
    c.analysis = in.analysis;
    if (c.bgr.empty())
        return;

    cv::cvtColor(c.bgr, c.gray, cv::COLOR_BGR2GRAY);
    cv::cvtColor(c.bgr, c.lab, cv::COLOR_BGR2Lab);
    cv::cvtColor(c.bgr, c.hsv, cv::COLOR_BGR2HSV_FULL);
    const double refHeight = c.config->number(QStringLiteral("RESOLUTION"), QStringLiteral("height"));
    c.scale = c.bgr.rows / refHeight;
    c.phash = perceptualHash(c.bgr);

    if (c.analysis && c.analysis->largest() && c.analysis->largest()->landmarks.size() == 68)
        c.face = geometryOf(*c.analysis->largest());

    // Background sample: above the middle of eye line and chin (shoulders start lower), outside
    // an ellipse generously around the head and hair, 3 px away from the border (JPEG edges).
    const cv::Size size = c.bgr.size();
    c.bgMask = cv::Mat::zeros(size, CV_8U);
    if (c.face) {
        const FaceGeometry& f = *c.face;
        const int bottom = std::clamp(int((f.eyeLineY + f.chinY) / 2), 4, size.height - 3);
        c.bgMask(cv::Rect(3, 3, size.width - 6, bottom - 3)).setTo(255);
        const double top = std::min(f.crownEstimate, f.browTop - 0.3 * f.faceWidth);
        const cv::Point centre(int(f.centreX), int((top + f.chinY) / 2));
        const cv::Size axes(int(0.5 * f.faceWidth * 1.55), int((f.chinY - top) / 2 * 1.25));
        cv::ellipse(c.bgMask, centre, axes, f.rollDeg, 0, 360, cv::Scalar(0), cv::FILLED);
    } else {
        c.bgMask(cv::Rect(3, 3, size.width - 6, std::max(1, int(size.height * 0.15)))).setTo(255);
    }
    c.bgLab = medianLab(c.lab, c.bgMask, &c.bgPixels);
    if (c.bgPixels > 0) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < size.height; y += 2) {
            const auto* p = c.lab.ptr<cv::Vec3b>(y);
            const uchar* m = c.bgMask.ptr<uchar>(y);
            for (int x = 0; x < size.width; x += 2)
                if (m[x]) {
                    sum += deltaE(toCie(p[x]), c.bgLab);
                    ++n;
                }
        }
        c.bgDeviation = n ? sum / n : 0;
        cv::Mat edges;
        cv::Canny(c.gray, edges, 40, 120);
        c.bgEdgeDensity = double(cv::countNonZero(edges & c.bgMask)) / c.bgPixels;
    }
    const RuleConfig& cfg = *c.config;
    c.bgPlain = c.bgPixels > 0 &&
                c.bgDeviation <= cfg.number(QStringLiteral("BACKGROUND_UNIFORM"), QStringLiteral("colour_deviation_fail")) &&
                c.bgEdgeDensity <= cfg.number(QStringLiteral("BACKGROUND_UNIFORM"), QStringLiteral("edge_density_fail"));

    if (c.face) {
        const FaceGeometry& f = *c.face;
        // Hair top: the first row (from the top) where most of a narrow band over the head's
        // centre differs from the background colour. Only meaningful on a plain background.
        if (c.bgPlain) {
            const int x0 = std::clamp(int(f.centreX - 0.15 * f.faceWidth), 0, size.width - 1);
            const int x1 = std::clamp(int(f.centreX + 0.15 * f.faceWidth), x0 + 1, size.width);
            for (int y = 0; y < std::min<int>(int(f.chinY), size.height); ++y) {
                const auto* p = c.lab.ptr<cv::Vec3b>(y);
                int differing = 0;
                for (int x = x0; x < x1; ++x)
                    if (deltaE(toCie(p[x]), c.bgLab) > 18)
                        ++differing;
                if (differing * 2 > (x1 - x0)) {
                    c.hairTop = y;
                    break;
                }
            }
        }
        const auto& lm = f.lm;
        const cv::Rect skin = clampRect(cv::Rect(cv::Point(int(lm[1].x + 0.1 * f.faceWidth), int(f.eyeLineY + 0.08 * f.faceWidth)),
                                                 cv::Point(int(lm[15].x - 0.1 * f.faceWidth), int(lm[51].y))),
                                        size);
        if (!skin.empty())
            c.faceLuma = cv::mean(c.gray(skin))[0];
    }
}

} // namespace pd::rules::detail
