#include "portrait.h"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace pd {

struct FaceFinder::Impl {
    mutable dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    mutable dlib::shape_predictor predictor;
};

FaceFinder::FaceFinder(const std::string& landmarkModel) : d(std::make_unique<Impl>())
{
    dlib::deserialize(landmarkModel) >> d->predictor;
}

FaceFinder::~FaceFinder() = default;

FaceGeometry FaceFinder::find(const cv::Mat& bgr) const
{
    // Detect on a copy no larger than 1200 px on its long side (faster, same answer every run).
    const double longSide = std::max(bgr.cols, bgr.rows);
    const double scale = longSide > 1200 ? 1200.0 / longSide : 1.0;
    cv::Mat small;
    if (scale < 1.0)
        cv::resize(bgr, small, {}, scale, scale, cv::INTER_AREA);
    else
        small = bgr.clone();
    dlib::cv_image<dlib::bgr_pixel> smallImg(small);
    std::vector<dlib::rectangle> faces = d->detector(smallImg);
    if (faces.empty()) {
        dlib::array2d<dlib::bgr_pixel> up;
        dlib::assign_image(up, smallImg);
        dlib::pyramid_up(up);
        faces = d->detector(up);
        for (auto& r : faces)
            r = dlib::rectangle(r.left() / 2, r.top() / 2, r.right() / 2, r.bottom() / 2);
    }
    if (faces.empty())
        throw std::runtime_error("no face found");
    const auto largest = std::max_element(faces.begin(), faces.end(), [](const auto& a, const auto& b) {
        return a.area() < b.area();
    });
    const dlib::rectangle box(std::lround(largest->left() / scale), std::lround(largest->top() / scale),
                              std::lround(largest->right() / scale), std::lround(largest->bottom() / scale));
    dlib::cv_image<dlib::bgr_pixel> img(bgr);
    const dlib::full_object_detection shape = d->predictor(img, box);

    FaceGeometry g;
    for (unsigned i = 0; i < 68; ++i)
        g.pts[i] = cv::Point2f(static_cast<float>(shape.part(i).x()), static_cast<float>(shape.part(i).y()));
    auto mean = [&](int from, int to) {
        cv::Point2f s(0, 0);
        for (int i = from; i <= to; ++i)
            s += g.pts[i];
        return s * (1.0f / static_cast<float>(to - from + 1));
    };
    g.eyeLeft = mean(36, 41);
    g.eyeRight = mean(42, 47);
    g.eyeMid = (g.eyeLeft + g.eyeRight) * 0.5f;
    g.chin = g.pts[8];
    g.eyeToChin = static_cast<float>(cv::norm(g.chin - g.eyeMid));
    g.faceWidth = static_cast<float>(cv::norm(g.pts[16] - g.pts[0]));
    g.rollDeg = static_cast<float>(std::atan2(g.eyeRight.y - g.eyeLeft.y, g.eyeRight.x - g.eyeLeft.x) * 180.0 / CV_PI);
    g.crownY = g.eyeMid.y - 1.1f * g.eyeToChin;  // replaced by the segmentation when it finds hair
    return g;
}

namespace {

// GrabCut seeds in working-image coordinates, from the face geometry (already scaled).
cv::Mat seedMask(cv::Size size, const FaceGeometry& g)
{
    cv::Mat mask(size, CV_8U, cv::Scalar(cv::GC_PR_BGD));
    const float u = g.eyeToChin;
    const float w = g.faceWidth;
    const cv::Point2f e = g.eyeMid;
    const cv::Point2f c = g.chin;
    auto pt = [](float x, float y) { return cv::Point(cvRound(x), cvRound(y)); };

    // Sure background: above the hair, and beside the head down to the chin.
    cv::rectangle(mask, cv::Rect(0, 0, size.width, std::max(0, cvRound(e.y - 1.75f * u))), cv::GC_BGD, cv::FILLED);
    const int sideBottom = cvRound(c.y + 0.15f * u);
    cv::rectangle(mask, cv::Rect(0, 0, std::max(0, cvRound(e.x - 1.2f * w)), std::max(0, sideBottom)), cv::GC_BGD,
                  cv::FILLED);
    const int rightFrom = std::min(size.width, cvRound(e.x + 1.2f * w));
    cv::rectangle(mask, cv::Rect(rightFrom, 0, size.width - rightFrom, std::max(0, sideBottom)), cv::GC_BGD,
                  cv::FILLED);

    // Probable foreground: head with hair.
    cv::ellipse(mask, pt(e.x, e.y - 0.15f * u), cv::Size(cvRound(0.85f * w), cvRound(1.4f * u)), 0, 0, 360,
                cv::GC_PR_FGD, cv::FILLED);
    // Sure foreground: the face (jaw line plus forehead) and the middle of the head.
    std::vector<cv::Point> face;
    for (int i = 0; i <= 16; ++i)
        face.push_back(pt(e.x + 0.9f * (g.pts[i].x - e.x), e.y + 0.9f * (g.pts[i].y - e.y)));
    for (int i = 26; i >= 17; --i)
        face.push_back(pt(e.x + 0.85f * (g.pts[i].x - e.x), g.pts[i].y - 0.3f * u));
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{face}, cv::GC_FGD);
    cv::ellipse(mask, pt(e.x, e.y - 0.1f * u), cv::Size(cvRound(0.4f * w), cvRound(0.78f * u)), 0, 0, 360, cv::GC_FGD,
                cv::FILLED);
    // Neck and torso: teach the foreground model the clothes.
    cv::rectangle(mask, cv::Rect(pt(c.x - 0.25f * w, c.y - 0.1f * u), pt(c.x + 0.25f * w, c.y + 1.5f * u)), cv::GC_FGD,
                  cv::FILLED);
    const std::vector<cv::Point> torso = {
        pt(c.x - 0.45f * w, c.y + 0.35f * u), pt(c.x + 0.45f * w, c.y + 0.35f * u),
        pt(c.x + 1.3f * w, c.y + 1.5f * u),   pt(c.x + 1.3f * w, static_cast<float>(size.height)),
        pt(c.x - 1.3f * w, static_cast<float>(size.height)), pt(c.x - 1.3f * w, c.y + 1.5f * u)};
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{torso}, cv::GC_FGD);
    return mask;
}

FaceGeometry scaled(const FaceGeometry& g, float s, cv::Point2f shift = {0, 0})
{
    FaceGeometry r = g;
    for (auto& p : r.pts)
        p = p * s + shift;
    r.eyeLeft = r.eyeLeft * s + shift;
    r.eyeRight = r.eyeRight * s + shift;
    r.eyeMid = r.eyeMid * s + shift;
    r.chin = r.chin * s + shift;
    r.eyeToChin *= s;
    r.faceWidth *= s;
    r.crownY = r.crownY * s + shift.y;
    return r;
}

// Neck and shoulders as a smooth silhouette below the chin. The NASA backdrops (flags, suits in
// the same colours) defeat colour segmentation there, and the portraits are cropped tighter than
// an ID photo, so the body outline comes from the face geometry instead.
std::vector<cv::Point> bodyOutline(const FaceGeometry& g, int bottom)
{
    const float u = g.eyeToChin, w = g.faceWidth;
    const cv::Point2f c = g.chin;
    // Right half from the neck outwards, as (x in face widths, y in eye-to-chin units below the chin).
    static const float half[][2] = {{0.34f, -0.5f}, {0.37f, 0.2f},  {0.55f, 0.38f}, {0.9f, 0.5f},
                                    {1.2f, 0.6f},   {1.42f, 0.75f}, {1.58f, 1.0f},  {1.66f, 1.35f}};
    std::vector<cv::Point> pts;
    for (const auto& h : half)
        pts.emplace_back(cvRound(c.x + h[0] * w), cvRound(c.y + h[1] * u));
    pts.emplace_back(cvRound(c.x + 1.72f * w), bottom);
    pts.emplace_back(cvRound(c.x - 1.72f * w), bottom);
    for (int i = static_cast<int>(std::size(half)) - 1; i >= 0; --i)
        pts.emplace_back(cvRound(c.x - half[i][0] * w), cvRound(c.y + half[i][1] * u));
    return pts;
}

void keepTouching(cv::Mat& fg, const cv::Mat& core)
{
    cv::Mat labels;
    const int count = cv::connectedComponents(fg, labels, 8, CV_32S);
    std::vector<bool> keep(static_cast<size_t>(count), false);
    for (int y = 0; y < labels.rows; ++y)
        for (int x = 0; x < labels.cols; ++x)
            if (core.at<uchar>(y, x))
                keep[static_cast<size_t>(labels.at<int>(y, x))] = true;
    keep[0] = false;
    for (int y = 0; y < labels.rows; ++y)
        for (int x = 0; x < labels.cols; ++x)
            fg.at<uchar>(y, x) = keep[static_cast<size_t>(labels.at<int>(y, x))] ? 255 : 0;
}

void fillHoles(cv::Mat& fg)
{
    cv::Mat holes;
    cv::copyMakeBorder(fg, holes, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::floodFill(holes, cv::Point(0, 0), cv::Scalar(255));
    fg |= ~holes(cv::Rect(1, 1, fg.cols, fg.rows));
}

}  // namespace

Portrait loadPortrait(const std::string& dir, const std::string& file, const FaceFinder& finder, const HairZone& hair)
{
    Portrait p;
    p.file = file;
    const cv::Mat original = cv::imread(dir + "/" + file, cv::IMREAD_COLOR);
    if (original.empty())
        throw std::runtime_error("cannot read " + file);
    const FaceGeometry found = finder.find(original);

    // Most portraits are cropped tighter than an ID photo: extend the canvas by repeating the
    // edges, smoothed so the repeated rows read as plain cloth or backdrop rather than streaks.
    const float u0 = found.eyeToChin;
    const int top = cvRound(1.2f * u0), side = cvRound(2.0f * u0), bottom = cvRound(2.2f * u0);
    cv::Mat padded;
    cv::copyMakeBorder(original, padded, top, bottom, side, side, cv::BORDER_REPLICATE);
    cv::GaussianBlur(padded, p.bgr, {0, 0}, 0.3 * u0, 0.05 * u0);
    original.copyTo(p.bgr(cv::Rect(side, top, original.cols, original.rows)));
    p.face = scaled(found, 1.0f, cv::Point2f(static_cast<float>(side), static_cast<float>(top)));

    // Segment on a working copy where the eye-to-chin distance is about 90 px.
    const float ws = std::min(1.0f, 90.0f / p.face.eyeToChin);
    cv::Mat work;
    if (ws < 1.0f)
        cv::resize(p.bgr, work, {}, ws, ws, cv::INTER_AREA);
    else
        work = p.bgr.clone();
    const FaceGeometry wg = scaled(p.face, ws);
    // Head and hair from GrabCut, limited to a zone around the face; body from the outline.
    const float u = wg.eyeToChin, w = wg.faceWidth;
    const cv::Point2f e = wg.eyeMid, c = wg.chin;
    cv::Mat headZone(work.size(), CV_8U, cv::Scalar(0));
    const float zw = hair.width * w, zh = hair.height * u;
    cv::ellipse(headZone, cv::Point(cvRound(e.x), cvRound(e.y - 0.2f * u)), cv::Size(cvRound(zw), cvRound(zh)), 0, 0, 360,
                cv::Scalar(255), cv::FILLED);
    if (hair.long_)
        cv::rectangle(headZone, cv::Rect(cv::Point(cvRound(e.x - zw), cvRound(e.y)), cv::Point(cvRound(e.x + zw), cvRound(c.y + 0.5f * u))),
                      cv::Scalar(255), cv::FILLED);
    cv::Mat body(work.size(), CV_8U, cv::Scalar(0));
    cv::fillPoly(body, std::vector<std::vector<cv::Point>>{bodyOutline(wg, work.rows)}, cv::Scalar(255), cv::LINE_AA);
    cv::threshold(body, body, 127, 255, cv::THRESH_BINARY);
    cv::Mat seeds = seedMask(work.size(), wg);
    cv::Rect in(0, 0, work.cols, work.rows);
    if (hair.strict) {
        // Everything outside the hair zone and the body outline is backdrop by construction.
        // Saying so, and keeping GrabCut on the original pixels (not the smoothed padding), gives
        // it a sharper backdrop model where the zone fits the head closely.
        seeds.setTo(cv::GC_BGD, ~(headZone | body));
        in &= cv::Rect(cvRound(side * ws), cvRound(top * ws), cvRound(original.cols * ws), cvRound(original.rows * ws));
    }
    cv::Mat mask = seeds(in).clone();
    cv::Mat bgdModel, fgdModel;
    cv::theRNG().state = 0x5eed'2025ULL;  // GrabCut's k-means seeding draws from this generator
    cv::grabCut(work(in), mask, cv::Rect(), bgdModel, fgdModel, 6, cv::GC_INIT_WITH_MASK);
    cv::Mat gc(work.size(), CV_8U, cv::Scalar(0));
    gc(in).setTo(255, (mask == cv::GC_FGD) | (mask == cv::GC_PR_FGD));

    cv::Mat fg = gc & headZone;
    const cv::Mat core = seeds == cv::GC_FGD;
    cv::Mat headCore = core.clone();
    headCore.rowRange(std::min(headCore.rows, cvRound(c.y)), headCore.rows).setTo(0);
    fg |= headCore | body;

    // Clean up: smooth the outline, keep the part connected to the face, fill holes.
    const cv::Mat k5 = cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5});
    cv::morphologyEx(fg, fg, cv::MORPH_CLOSE, k5);
    cv::morphologyEx(fg, fg, cv::MORPH_OPEN, k5);
    keepTouching(fg, headCore);
    fillHoles(fg);

    // Head top: highest foreground pixel in a band over the face centre.
    const int x0 = std::max(0, cvRound(e.x - 0.2f * w));
    const int x1 = std::min(fg.cols - 1, cvRound(e.x + 0.2f * w));
    const int yMin = std::max(0, cvRound(e.y - 1.7f * u));
    for (int y = yMin; y < cvRound(e.y); ++y) {
        if (cv::countNonZero(fg.row(y).colRange(x0, x1 + 1)) > (x1 - x0) / 2) {
            p.face.crownY = static_cast<float>(y) / ws;
            break;
        }
    }

    cv::Mat a;
    fg.convertTo(a, CV_32F, 1.0 / 255.0);
    cv::resize(a, p.alpha, p.bgr.size(), 0, 0, cv::INTER_LINEAR);
    return p;
}

Layered frame(const Portrait& p, const Framing& f)
{
    const FaceGeometry& g = p.face;
    const double s = std::max(f.headFraction * f.size.height / p.headHeight(),
                              f.minFaceWidth * f.size.height / 640.0 / g.faceWidth);
    const cv::Point2f target(static_cast<float>(f.centreX * f.size.width),
                             static_cast<float>(f.topMargin * f.size.height + s * (g.eyeMid.y - g.crownY)));

    // Downscale first with area averaging (warpAffine only interpolates), then rotate into place.
    cv::Mat src = p.bgr, srcAlpha = p.alpha;
    double rest = s;
    if (s < 0.9) {
        cv::resize(p.bgr, src, {}, s, s, cv::INTER_AREA);
        cv::resize(p.alpha, srcAlpha, {}, s, s, cv::INTER_AREA);
        rest = 1.0;
    }
    const double pre = s / rest;
    const cv::Point2f centre = g.eyeMid * static_cast<float>(pre);
    cv::Mat m = cv::getRotationMatrix2D(centre, g.rollDeg + f.extraRollDeg, rest);
    m.at<double>(0, 2) += target.x - centre.x;
    m.at<double>(1, 2) += target.y - centre.y;

    Layered out;
    const int interp = rest > 1.0 ? cv::INTER_CUBIC : cv::INTER_LINEAR;
    cv::warpAffine(src, out.bgr, m, f.size, interp, cv::BORDER_REPLICATE);
    cv::warpAffine(srcAlpha, out.alpha, m, f.size, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    out.eyeY = target.y;
    out.hairTopY = target.y - s * (g.eyeMid.y - g.crownY);
    out.faceWidth = s * g.faceWidth;
    out.centreOffset = target.x - f.size.width / 2.0;
    out.headFraction = s * p.headHeight() / f.size.height;
    const double feather = std::max(0.8, f.size.height / 500.0);
    cv::GaussianBlur(out.alpha, out.alpha, {0, 0}, feather);
    return out;
}

cv::Mat composite(const Layered& l, const cv::Scalar& bgrColour)
{
    cv::Mat fg, a3;
    l.bgr.convertTo(fg, CV_32FC3);
    cv::merge(std::vector<cv::Mat>{l.alpha, l.alpha, l.alpha}, a3);
    cv::Mat bg(l.bgr.size(), CV_32FC3, bgrColour);
    cv::Mat out = fg.mul(a3) + bg.mul(cv::Scalar::all(1.0) - a3);
    cv::Mat u8;
    out.convertTo(u8, CV_8UC3);
    return u8;
}

Layered withPerson(const Layered& l, const cv::Mat& newPersonBgr)
{
    return Layered{newPersonBgr, l.alpha};
}

}  // namespace pd
