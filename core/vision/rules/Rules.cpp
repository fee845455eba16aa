// The 28 rules of the school's standard, one small function each, and the engine that runs
// them. Every function reads the shared measurements from the Context, records what it
// measured and the thresholds it used in `values`, and gives a verdict with a zh/en sentence.
#include "core/vision/rules/RuleEngine.h"

#include "core/vision/rules/PerceptualHash.h"
#include "core/vision/rules/RuleContext.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace pd::rules {
using namespace detail;

namespace {

struct Rule {
    const char* id;
    void (*run)(const Context&, RuleResult&);
};

double r2(double v) { return std::round(v * 100.0) / 100.0; }
double r3(double v) { return std::round(v * 1000.0) / 1000.0; }

void set(RuleResult& r, Verdict v, const QString& zh, const QString& en)
{
    r.verdict = v;
    r.explanationZh = zh;
    r.explanationEn = en;
}
#define ZH(s) QStringLiteral(s)
#define EN(s) QStringLiteral(s)

QRect qrect(const cv::Rect& r) { return QRect(r.x, r.y, r.width, r.height); }
void region(RuleResult& r, const QString& name, const cv::Rect& rect) { r.regions.append(RuleRegion{name, qrect(rect)}); }

double num(const Context& c, const char* rule, const char* key)
{
    return c.config->number(QString::fromLatin1(rule), QString::fromLatin1(key));
}

// Common preconditions: pixels / a face with landmarks.
bool needImage(const Context& c, RuleResult& r)
{
    if (c.hasImage())
        return true;
    r.values.insert(QStringLiteral("load_error"), c.loadError);
    set(r, Verdict::Error, ZH("照片无法解码，无法测量"), EN("the photo cannot be decoded; nothing to measure"));
    return false;
}
bool needFace(const Context& c, RuleResult& r)
{
    if (!needImage(c, r))
        return false;
    if (c.face)
        return true;
    set(r, Verdict::Error, ZH("未检测到人脸，无法测量"), EN("no face found; cannot measure"));
    return false;
}

// ---- file -----------------------------------------------------------------------------------

void fileFormat(const Context& c, RuleResult& r)
{
    const QByteArray& b = c.input->bytes;
    const bool soi = b.size() >= 3 && uchar(b[0]) == 0xFF && uchar(b[1]) == 0xD8 && uchar(b[2]) == 0xFF;
    const QString sniffed = c.header ? c.header->formatName : QStringLiteral("unknown");
    const bool complete = c.header && c.header->complete;
    const QString ext = QFileInfo(c.input->fileName).suffix().toLower();
    r.values = {{QStringLiteral("format"), sniffed}, {QStringLiteral("soi"), soi}, {QStringLiteral("eoi"), complete},
                {QStringLiteral("decoded"), c.hasImage()}, {QStringLiteral("extension"), ext}};
    if (!soi || sniffed != QLatin1String("jpeg"))
        return set(r, Verdict::Fail, ZH("文件内容不是JPEG（实际为%1）").arg(sniffed),
                   EN("the file content is not JPEG (it is %1)").arg(sniffed));
    if (!complete || !c.hasImage())
        return set(r, Verdict::Fail, ZH("JPEG文件不完整或无法解码"), EN("the JPEG is truncated or cannot be decoded"));
    if (c.config->enabled(QStringLiteral("FILE_FORMAT")) &&
        c.config->values.value(QStringLiteral("FILE_FORMAT")).value(QStringLiteral("check_extension")).toBool() &&
        !ext.isEmpty() && ext != QLatin1String("jpg") && ext != QLatin1String("jpeg"))
        return set(r, Verdict::Warn, ZH("JPEG文件的扩展名为 .%1").arg(ext), EN("a JPEG file named .%1").arg(ext));
    set(r, Verdict::Pass, ZH("完整的JPEG文件"), EN("a complete JPEG file"));
}

void fileSize(const Context& c, RuleResult& r)
{
    const qint64 bytes = c.input->bytes.size();
    const double minB = num(c, "FILE_SIZE", "min_bytes"), maxB = num(c, "FILE_SIZE", "max_bytes");
    r.values = {{QStringLiteral("bytes"), bytes}, {QStringLiteral("min_bytes"), minB}, {QStringLiteral("max_bytes"), maxB}};
    if (bytes <= minB)
        return set(r, Verdict::Fail, ZH("文件 %1 KB，须大于 %2 KB").arg(r2(bytes / 1024.0)).arg(minB / 1024.0),
                   EN("file is %1 KB; must be larger than %2 KB").arg(r2(bytes / 1024.0)).arg(minB / 1024.0));
    if (bytes > maxB)
        return set(r, Verdict::Fail, ZH("文件过大（%1 KB）").arg(bytes / 1024), EN("file too large (%1 KB)").arg(bytes / 1024));
    set(r, Verdict::Pass, ZH("文件大小 %1 KB").arg(r2(bytes / 1024.0)), EN("file size %1 KB").arg(r2(bytes / 1024.0)));
}

void resolution(const Context& c, RuleResult& r)
{
    if (!needImage(c, r))
        return;
    const int w = c.bgr.cols, h = c.bgr.rows;
    const double ew = num(c, "RESOLUTION", "width"), eh = num(c, "RESOLUTION", "height");
    const double aspect = double(w) / h, expected = ew / eh;
    const bool exact = c.config->values.value(QStringLiteral("RESOLUTION")).value(QStringLiteral("exact_size")).toBool();
    r.values = {{QStringLiteral("width"), w}, {QStringLiteral("height"), h}, {QStringLiteral("aspect"), r3(aspect)},
                {QStringLiteral("expected_width"), ew}, {QStringLiteral("expected_height"), eh}};
    if (std::abs(aspect - expected) > num(c, "RESOLUTION", "aspect_tolerance"))
        return set(r, Verdict::Fail, ZH("%1×%2 不是竖版3:4").arg(w).arg(h), EN("%1×%2 is not a 3:4 portrait").arg(w).arg(h));
    if (w < ew || h < eh)
        return set(r, Verdict::Fail, ZH("%1×%2 小于 %3×%4").arg(w).arg(h).arg(ew).arg(eh),
                   EN("%1×%2 is smaller than %3×%4").arg(w).arg(h).arg(ew).arg(eh));
    if (exact && (w != ew || h != eh))
        return set(r, Verdict::Warn, ZH("%1×%2，标准为 %3×%4（需缩放）").arg(w).arg(h).arg(ew).arg(eh),
                   EN("%1×%2; the standard is %3×%4 (needs resizing)").arg(w).arg(h).arg(ew).arg(eh));
    set(r, Verdict::Pass, ZH("%1×%2").arg(w).arg(h), EN("%1×%2").arg(w).arg(h));
}

void colorImage(const Context& c, RuleResult& r)
{
    if (!needImage(c, r))
        return;
    const bool greyHeader = c.header && c.header->greyscale;
    // Mean chroma (distance from the grey axis in a*b*), subsampled.
    double sum = 0;
    int n = 0;
    for (int y = 0; y < c.lab.rows; y += 2) {
        const auto* p = c.lab.ptr<cv::Vec3b>(y);
        for (int x = 0; x < c.lab.cols; x += 2, ++n)
            sum += std::hypot(double(p[x][1]) - 128.0, double(p[x][2]) - 128.0);
    }
    const double chroma = n ? sum / n : 0;
    const double minChroma = num(c, "COLOR_IMAGE", "min_chroma");
    r.values = {{QStringLiteral("greyscale_file"), greyHeader}, {QStringLiteral("mean_chroma"), r2(chroma)},
                {QStringLiteral("min_chroma"), minChroma}};
    if (greyHeader || chroma < minChroma)
        return set(r, Verdict::Fail, ZH("黑白（灰度）照片"), EN("a greyscale photo"));
    set(r, Verdict::Pass, ZH("彩色照片"), EN("a colour photo"));
}

// ---- face and pose ---------------------------------------------------------------------------

void singleFace(const Context& c, RuleResult& r)
{
    if (!needImage(c, r))
        return;
    if (!c.analysis)
        return set(r, Verdict::Error, ZH("未进行人脸检测"), EN("face detection did not run"));
    const auto& faces = c.analysis->faces;
    const double minRatio = num(c, "SINGLE_FACE", "secondary_face_min_ratio");
    int counted = 0;
    for (const auto& f : faces)
        if (!faces.empty() && f.box.width >= minRatio * faces.front().box.width)
            ++counted;
    r.values = {{QStringLiteral("faces"), int(faces.size())}, {QStringLiteral("faces_counted"), counted}};
    for (const auto& f : faces)
        region(r, QStringLiteral("face"), f.box);
    if (counted == 0)
        return set(r, Verdict::Fail, ZH("未检测到人脸"), EN("no face found"));
    if (counted > 1)
        return set(r, Verdict::Fail, ZH("检测到 %1 张人脸").arg(counted), EN("%1 faces found").arg(counted));
    set(r, Verdict::Pass, ZH("一张人脸"), EN("one face"));
}

void poseFrontal(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const FaceGeometry& f = *c.face;
    // Yaw, pitch and roll in degrees, each against its own limit, as OFIQ (ISO/IEC 29794-5) reports
    // head pose. Yaw and pitch: a generic 3-D face fitted to the landmarks (headPose()); roll: the
    // eye line (a 15° roll reads 14.7–15.3°, the fitted model's 12–16°). ISO/IEC 19794-5 and
    // ICAO 9303 tolerate ±5° yaw / pitch and ±8° roll for a full-frontal portrait. The fitted yaw
    // is uncertain by about 3° (a 15° roll moves it by up to 3°, framing jitter by ±1.5°, heads
    // that look straight read up to 5.9°), so yaw warns beyond 5° + 3° = 8° and fails beyond four
    // times the tolerance (20°, a turn no estimate error explains); roll fails
    // beyond the standard's 8° and warns from 5°. The generic model's pitch depends on the person's
    // proportions (upright heads of the corpus' 16 people read −19…+17°), so pitch is judged only
    // beyond the 5° tolerance plus that 20° spread (warn 25°, fail 35°).
    const HeadPose pose = headPose(f, c.bgr.size());
    region(r, QStringLiteral("face"), f.box);
    if (!pose.valid) {
        r.values = {{QStringLiteral("measured"), false}};
        return set(r, Verdict::NotApplicable, ZH("无法估计头部姿态，请目视检查"), EN("head pose could not be estimated; check by eye"));
    }
    struct Angle {
        const char* key;
        double value;
        const char* warnKey;
        const char* failKey;
        QString zh, en;
    };
    const Angle angles[] = {
        {"yaw_deg", pose.yawDeg, "yaw_warn_deg", "yaw_fail_deg", ZH("左右转头（偏航）"), EN("head turned sideways (yaw)")},
        {"pitch_deg", pose.pitchDeg, "pitch_warn_deg", "pitch_fail_deg", ZH("抬头或低头（俯仰）"), EN("head raised or lowered (pitch)")},
        {"roll_deg", f.rollDeg, "roll_warn_deg", "roll_fail_deg", ZH("头部歪斜（翻滚）"), EN("head tilted (roll)")},
    };
    r.values = {{QStringLiteral("measured"), true}, {QStringLiteral("reprojection_error"), r3(pose.reprojectionError)},
                {QStringLiteral("model_roll_deg"), r2(pose.rollDeg)}};
    Verdict worst = Verdict::Pass;
    QStringList zh, en;
    for (const Angle& a : angles) {
        const double warn = num(c, "POSE_FRONTAL", a.warnKey), fail = num(c, "POSE_FRONTAL", a.failKey);
        r.values.insert(QString::fromLatin1(a.key), r2(a.value));
        r.values.insert(QString::fromLatin1(a.warnKey), warn);
        r.values.insert(QString::fromLatin1(a.failKey), fail);
        const double v = std::abs(a.value);
        if (v <= warn)
            continue;
        const Verdict verdict = v > fail ? Verdict::Fail : Verdict::Warn;
        if (verdict == Verdict::Fail && worst != Verdict::Fail) {
            worst = Verdict::Fail;
            zh.clear(); // the message names what fails; a warned angle beside it is in the values
            en.clear();
        } else if (verdict == Verdict::Warn && worst == Verdict::Fail) {
            continue;
        }
        if (verdict == Verdict::Warn)
            worst = Verdict::Warn;
        zh << ZH("%1 %2°（限 %3°）").arg(a.zh).arg(r2(a.value)).arg(verdict == Verdict::Fail ? fail : warn);
        en << EN("%1 %2° (limit %3°)").arg(a.en).arg(r2(a.value)).arg(verdict == Verdict::Fail ? fail : warn);
    }
    if (worst == Verdict::Pass)
        return set(r, Verdict::Pass, ZH("正面（偏航 %1°，俯仰 %2°，翻滚 %3°）").arg(r2(pose.yawDeg)).arg(r2(pose.pitchDeg)).arg(r2(pose.rollDeg)),
                   EN("frontal (yaw %1°, pitch %2°, roll %3°)").arg(r2(pose.yawDeg)).arg(r2(pose.pitchDeg)).arg(r2(pose.rollDeg)));
    set(r, worst, zh.join(ZH("；")), en.join(EN("; ")));
}

void shouldersLevel(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const FaceGeometry& f = *c.face;
    const cv::Size size = c.bgr.size();
    const cv::Rect area = clampRect(cv::Rect(0, int(f.chinY), size.width, size.height - int(f.chinY)), size);
    region(r, QStringLiteral("shoulders"), area);
    if (!c.bgPlain) {
        r.values = {{QStringLiteral("measured"), false}};
        return set(r, Verdict::NotApplicable, ZH("背景不是纯色，无法测量肩线，请目视检查"),
                   EN("background not plain: shoulder line not measurable, check by eye"));
    }
    // Shoulder height on each side: the first row (below the chin) where a column at 0.95 face
    // widths from the centre stops being background.
    const auto shoulderY = [&](int x) -> int {
        x = std::clamp(x, 2, size.width - 3);
        int run = 0;
        for (int y = int(f.chinY - 0.3 * f.faceWidth); y < size.height; ++y) {
            if (y < 0)
                continue;
            if (deltaE(toCie(c.lab.at<cv::Vec3b>(y, x)), c.bgLab) > 18) {
                if (++run >= 3)
                    return y - 2;
            } else {
                run = 0;
            }
        }
        return -1;
    };
    // Three column pairs (0.8, 0.95 and 1.1 face widths from the centre). A raised shoulder lifts
    // the whole outline on that side, so the three pairs agree; where they disagree by more than
    // the warn angle the outline is the shape of the clothing (a collar ring, a cut-out portrait's
    // edge, a body turned away), not a shoulder line, and the measure cannot tell.
    const double tiltWarn = num(c, "SHOULDERS_LEVEL", "tilt_warn_deg");
    std::vector<double> tilts;
    QJsonArray heights;
    for (const double d : {0.8, 0.95, 1.1}) {
        const int xl = std::clamp(int(f.centreX - d * f.faceWidth), 2, size.width - 3);
        const int xr = std::clamp(int(f.centreX + d * f.faceWidth), 2, size.width - 3);
        const int yl = shoulderY(xl), yr = shoulderY(xr);
        if (yl < 0 || yr < 0 || xr - xl < f.faceWidth)
            continue;
        tilts.push_back(std::atan2(double(yr - yl), double(xr - xl)) * 180 / M_PI);
        heights.append(QJsonArray{xl, yl, xr, yr});
    }
    if (tilts.size() < 2) {
        r.values = {{QStringLiteral("measured"), false}};
        return set(r, Verdict::NotApplicable, ZH("肩部不在画面内，请目视检查"), EN("shoulders not in the frame; check by eye"));
    }
    std::sort(tilts.begin(), tilts.end());
    const double tilt = tilts[tilts.size() / 2], spread = tilts.back() - tilts.front();
    r.values = {{QStringLiteral("measured"), true}, {QStringLiteral("columns"), heights}, {QStringLiteral("tilt_deg"), r2(tilt)},
                {QStringLiteral("tilt_spread_deg"), r2(spread)}, {QStringLiteral("tilt_warn_deg"), tiltWarn}};
    if (spread > tiltWarn)
        return set(r, Verdict::NotApplicable, ZH("肩部轮廓不成直线（衣着形状），无法测量肩线，请目视检查"),
                   EN("the outline below the head is no straight shoulder line (clothing shape): check by eye"));
    if (std::abs(tilt) > tiltWarn)
        return set(r, Verdict::Warn, ZH("肩线倾斜约 %1°，请检查两肩是否同高").arg(r2(tilt)),
                   EN("shoulder line tilted by about %1°: check the shoulders").arg(r2(tilt)));
    set(r, Verdict::Pass, ZH("两肩基本同高"), EN("shoulders level"));
}

double hairTopOf(const Context& c, bool* measured)
{
    *measured = c.hairTop.has_value();
    return c.hairTop ? *c.hairTop : c.face->crownEstimate;
}

void headSize(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const FaceGeometry& f = *c.face;
    bool measured = false;
    const double top = hairTopOf(c, &measured);
    const double ratio = (f.chinY - top) / c.bgr.rows;
    const double fw = f.faceWidth / c.scale; // in reference pixels
    const double minW = num(c, "HEAD_SIZE", "face_width_min_px"), maxW = num(c, "HEAD_SIZE", "face_width_max_px");
    r.values = {{QStringLiteral("face_width_px"), r2(fw)}, {QStringLiteral("face_width_min_px"), minW},
                {QStringLiteral("face_width_max_px"), maxW}, {QStringLiteral("head_height_ratio"), r3(ratio)},
                {QStringLiteral("hair_top_measured"), measured}};
    region(r, QStringLiteral("head"), cv::Rect(cv::Point(int(f.faceLeft), int(std::max(0.0, top))), cv::Point(int(f.faceRight), int(f.chinY))));
    if (fw < minW)
        return set(r, Verdict::Fail, ZH("头部过小：脸宽 %1 px（应为 %2–%3）").arg(qRound(fw)).arg(minW).arg(maxW),
                   EN("head too small: face width %1 px (expected %2–%3)").arg(qRound(fw)).arg(minW).arg(maxW));
    if (fw > maxW)
        return set(r, Verdict::Fail, ZH("头部过大：脸宽 %1 px（应为 %2–%3）").arg(qRound(fw)).arg(minW).arg(maxW),
                   EN("head too large: face width %1 px (expected %2–%3)").arg(qRound(fw)).arg(minW).arg(maxW));
    if (ratio < num(c, "HEAD_SIZE", "head_height_ratio_warn_min") || ratio > num(c, "HEAD_SIZE", "head_height_ratio_warn_max"))
        return set(r, Verdict::Warn, ZH("头部高度占画面 %1，约应为1/2").arg(r2(ratio)),
                   EN("head height is %1 of the frame; about 1/2 expected").arg(r2(ratio)));
    set(r, Verdict::Pass, ZH("头部大小合适"), EN("head size fits"));
}

void headCentered(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const FaceGeometry& f = *c.face;
    bool measured = false;
    const double top = hairTopOf(c, &measured) / c.scale;
    const double offset = (f.centreX - c.bgr.cols / 2.0) / c.scale;
    const double eye = f.eyeLineY / c.scale;
    const double maxOff = num(c, "HEAD_CENTERED", "centre_offset_max_px");
    const double eyeMin = num(c, "HEAD_CENTERED", "eye_line_min_px"), eyeMax = num(c, "HEAD_CENTERED", "eye_line_max_px");
    const double hairMin = num(c, "HEAD_CENTERED", "hair_top_min_px"), hairMax = num(c, "HEAD_CENTERED", "hair_top_max_px");
    const double tol = num(c, "HEAD_CENTERED", "hair_top_tolerance_px");
    // Margins as OFIQ (ISO/IEC 29794-5) reports them, in reference pixels: from the face's
    // cheek-to-cheek extent to the left / right edge, from the hair top (or the landmark crown
    // estimate) to the top edge, from the chin to the bottom edge.
    const double marginLeft = f.faceLeft / c.scale, marginRight = (c.bgr.cols - f.faceRight) / c.scale;
    const double marginBelow = (c.bgr.rows - f.chinY) / c.scale;
    r.values = {{QStringLiteral("centre_offset_px"), r2(offset)}, {QStringLiteral("centre_offset_max_px"), maxOff},
                {QStringLiteral("eye_line_px"), r2(eye)}, {QStringLiteral("hair_top_px"), r2(top)},
                {QStringLiteral("hair_top_measured"), measured}, {QStringLiteral("eye_line_range"), QJsonArray{eyeMin, eyeMax}},
                {QStringLiteral("hair_top_range"), QJsonArray{hairMin, hairMax}}, {QStringLiteral("hair_top_tolerance_px"), tol},
                {QStringLiteral("margin_left_px"), r2(marginLeft)}, {QStringLiteral("margin_right_px"), r2(marginRight)},
                {QStringLiteral("margin_above_px"), r2(top)}, {QStringLiteral("margin_below_px"), r2(marginBelow)}};
    region(r, QStringLiteral("head"), clampRect(cv::Rect(cv::Point(int(f.faceLeft), int(std::max(0.0, top * c.scale))),
                                                         cv::Point(int(f.faceRight), int(f.chinY))), c.bgr.size()));
    region(r, QStringLiteral("face"), f.box);
    const bool cutOff = f.box.x < 0 || f.box.y < 0 || f.box.br().x > c.bgr.cols || f.box.br().y > c.bgr.rows ||
                        (measured && *c.hairTop <= 1);
    if (cutOff)
        return set(r, Verdict::Fail, ZH("头部被画面边缘裁切"), EN("head cut off by the frame"));
    if (std::abs(offset) > maxOff)
        return set(r, Verdict::Fail, ZH("头部偏离中心 %1 px").arg(qRound(offset)), EN("head off centre by %1 px").arg(qRound(offset)));
    if (eye < eyeMin || eye > eyeMax)
        return set(r, Verdict::Fail, ZH("眼睛高度 %1 px（应为 %2–%3）").arg(qRound(eye)).arg(eyeMin).arg(eyeMax),
                   EN("eye line at %1 px (expected %2–%3)").arg(qRound(eye)).arg(eyeMin).arg(eyeMax));
    // The hair top is accepted up to hair_top_tolerance_px outside the range (hair volume, the
    // edge of the hair against the backdrop); inside that it passes. (A "near the limit" warning
    // there flagged photos the tolerance accepts: jitter of ±10 px moved compliant hair tops of
    // 100–116 px across the range's end, and the warning said nothing the reviewer could act on.)
    if (measured && (top < hairMin - tol || top > hairMax + tol))
        return set(r, Verdict::Fail, ZH("头顶距上边 %1 px（应为 %2–%3，容差 %4）").arg(qRound(top)).arg(hairMin).arg(hairMax).arg(tol),
                   EN("hair top at %1 px (expected %2–%3, tolerance %4)").arg(qRound(top)).arg(hairMin).arg(hairMax).arg(tol));
    set(r, Verdict::Pass, ZH("头部位置合适（左右边距 %1 / %2 px，头顶 %3 px）").arg(qRound(marginLeft)).arg(qRound(marginRight)).arg(qRound(top)),
        EN("head well placed (margins left / right %1 / %2 px, hair top %3 px)").arg(qRound(marginLeft)).arg(qRound(marginRight)).arg(qRound(top)));
}

// ---- background and clothing ----------------------------------------------------------------

cv::Rect boundingOf(const cv::Mat& mask)
{
    std::vector<cv::Point> pts;
    cv::findNonZero(mask, pts);
    return pts.empty() ? cv::Rect() : cv::boundingRect(pts);
}

void backgroundUniform(const Context& c, RuleResult& r)
{
    if (!needImage(c, r))
        return;
    r.values = {{QStringLiteral("colour_deviation"), r2(c.bgDeviation)}, {QStringLiteral("edge_density"), r3(c.bgEdgeDensity)},
                {QStringLiteral("sample_pixels"), c.bgPixels},
                {QStringLiteral("colour_deviation_fail"), num(c, "BACKGROUND_UNIFORM", "colour_deviation_fail")},
                {QStringLiteral("edge_density_fail"), num(c, "BACKGROUND_UNIFORM", "edge_density_fail")}};
    region(r, QStringLiteral("background"), boundingOf(c.bgMask));
    if (c.bgPixels < 100)
        return set(r, Verdict::Error, ZH("背景区域太小，无法测量"), EN("background region too small to measure"));
    if (c.bgDeviation > num(c, "BACKGROUND_UNIFORM", "colour_deviation_fail") ||
        c.bgEdgeDensity > num(c, "BACKGROUND_UNIFORM", "edge_density_fail"))
        return set(r, Verdict::Fail, ZH("背景不是单一颜色（色差 %1，边缘 %2）").arg(r2(c.bgDeviation)).arg(r3(c.bgEdgeDensity)),
                   EN("background is not a single colour (deviation %1, edges %2)").arg(r2(c.bgDeviation)).arg(r3(c.bgEdgeDensity)));
    if (c.bgDeviation > num(c, "BACKGROUND_UNIFORM", "colour_deviation_warn") ||
        c.bgEdgeDensity > num(c, "BACKGROUND_UNIFORM", "edge_density_warn"))
        return set(r, Verdict::Warn, ZH("背景略有不均匀"), EN("background slightly uneven"));
    set(r, Verdict::Pass, ZH("单色背景"), EN("plain background"));
}

// The national backdrop colour of the configuration, as BGR.
cv::Vec3b referenceBackdropBgr(const Context& c)
{
    const QVariantList ref = c.config->values.value(QStringLiteral("BACKGROUND_BLUE")).value(QStringLiteral("reference_rgb")).toList();
    return cv::Vec3b(cv::saturate_cast<uchar>(ref.value(2).toDouble()), cv::saturate_cast<uchar>(ref.value(1).toDouble()),
                     cv::saturate_cast<uchar>(ref.value(0).toDouble()));
}

cv::Vec3b cieToBgr(const cv::Vec3d& lab)
{
    cv::Mat lab8(1, 1, CV_8UC3), bgr;
    lab8.at<cv::Vec3b>(0, 0) = cv::Vec3b(cv::saturate_cast<uchar>(lab[0] * 255 / 100), cv::saturate_cast<uchar>(lab[1] + 128),
                                         cv::saturate_cast<uchar>(lab[2] + 128));
    cv::cvtColor(lab8, bgr, cv::COLOR_Lab2BGR);
    return bgr.at<cv::Vec3b>(0, 0);
}

cv::Vec3d bgrToCie(const cv::Vec3d& bgr)
{
    cv::Mat pix(1, 1, CV_8UC3, cv::Scalar(bgr[0], bgr[1], bgr[2])), lab;
    cv::cvtColor(pix, lab, cv::COLOR_BGR2Lab);
    return toCie(lab.at<cv::Vec3b>(0, 0));
}

// A mean of 8-bit OpenCV Lab pixels → CIE L*, a*, b*.
cv::Vec3d toCieMean(const cv::Scalar& lab8) { return {lab8[0] * 100.0 / 255.0, lab8[1] - 128.0, lab8[2] - 128.0}; }

void backgroundBlue(const Context& c, RuleResult& r)
{
    if (!needImage(c, r))
        return;
    const cv::Vec3b refBgr = referenceBackdropBgr(c);
    const double de = deltaE(c.bgLab, bgrToCie(cv::Vec3d(refBgr[0], refBgr[1], refBgr[2])));
    const cv::Vec3b bgr = cieToBgr(c.bgLab);
    cv::Mat hsv;
    cv::cvtColor(cv::Mat(1, 1, CV_8UC3, cv::Scalar(bgr[0], bgr[1], bgr[2])), hsv, cv::COLOR_BGR2HSV_FULL);
    const cv::Vec3b h = hsv.at<cv::Vec3b>(0, 0);
    const double hue = h[0] * 360.0 / 256.0, sat = h[1] / 255.0;
    r.values = {{QStringLiteral("background_rgb"), QJsonArray{bgr[2], bgr[1], bgr[0]}}, {QStringLiteral("hue_deg"), r2(hue)},
                {QStringLiteral("saturation"), r3(sat)}, {QStringLiteral("delta_e_to_reference"), r2(de)},
                {QStringLiteral("delta_e_fail"), num(c, "BACKGROUND_BLUE", "delta_e_fail")}};
    region(r, QStringLiteral("background"), boundingOf(c.bgMask));
    const bool blue = hue >= num(c, "BACKGROUND_BLUE", "hue_min_deg") && hue <= num(c, "BACKGROUND_BLUE", "hue_max_deg") &&
                      sat >= num(c, "BACKGROUND_BLUE", "min_saturation");
    if (!blue || de > num(c, "BACKGROUND_BLUE", "delta_e_fail"))
        return set(r, Verdict::Fail, ZH("背景不是蓝色（RGB %1,%2,%3）").arg(bgr[2]).arg(bgr[1]).arg(bgr[0]),
                   EN("background is not blue (RGB %1,%2,%3)").arg(bgr[2]).arg(bgr[1]).arg(bgr[0]));
    if (de > num(c, "BACKGROUND_BLUE", "delta_e_warn"))
        return set(r, Verdict::Warn, ZH("背景蓝色与标准色差 %1").arg(r2(de)), EN("blue background %1 ΔE from the reference").arg(r2(de)));
    set(r, Verdict::Pass, ZH("蓝色背景"), EN("blue background"));
}

cv::Rect torsoRect(const Context& c)
{
    const FaceGeometry& f = *c.face;
    const int top = int(f.chinY + 0.45 * (f.chinY - f.eyeLineY));
    return clampRect(cv::Rect(int(f.centreX - 0.6 * f.faceWidth), top, int(1.2 * f.faceWidth), c.bgr.rows - top), c.bgr.size());
}

void clothingContrast(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const cv::Rect torso = torsoRect(c);
    region(r, QStringLiteral("clothing"), torso);
    if (torso.height < 8) {
        r.values = {{QStringLiteral("measured"), false}};
        return set(r, Verdict::Warn, ZH("画面中衣着区域太小，请目视检查"), EN("too little clothing in the frame; check by eye"));
    }
    const cv::Vec3d clothing = medianLab(c.lab(torso), cv::Mat());
    const double de = deltaE(clothing, c.bgLab);
    const double similarDe = num(c, "CLOTHING_CONTRAST", "similar_delta_e");
    int similar = 0, n = 0;
    for (int y = torso.y; y < torso.br().y; y += 2) {
        const auto* p = c.lab.ptr<cv::Vec3b>(y);
        for (int x = torso.x; x < torso.br().x; x += 2, ++n)
            if (deltaE(toCie(p[x]), c.bgLab) < similarDe)
                ++similar;
    }
    const double fraction = n ? double(similar) / n : 0;
    r.values = {{QStringLiteral("delta_e"), r2(de)}, {QStringLiteral("similar_fraction"), r3(fraction)},
                {QStringLiteral("min_delta_e"), num(c, "CLOTHING_CONTRAST", "min_delta_e")},
                {QStringLiteral("max_similar_fraction"), num(c, "CLOTHING_CONTRAST", "max_similar_fraction")}};
    if (de < num(c, "CLOTHING_CONTRAST", "min_delta_e") || fraction > num(c, "CLOTHING_CONTRAST", "max_similar_fraction"))
        return set(r, Verdict::Fail, ZH("衣着颜色与背景过于接近（色差 %1）").arg(r2(de)),
                   EN("clothing too close to the background colour (ΔE %1)").arg(r2(de)));
    set(r, Verdict::Pass, ZH("衣着与背景区分明显"), EN("clothing stands out from the background"));
}

// Skin: close to the face's own cheek colour in Cr/Cb (works for every skin tone).
struct SkinModel {
    double cr = 0, cb = 0;
    bool valid = false;
};
SkinModel skinModel(const Context& c)
{
    SkinModel m;
    const FaceGeometry& f = *c.face;
    const auto& lm = f.lm;
    const cv::Rect cheeks = clampRect(cv::Rect(cv::Point(int(lm[2].x + 0.1 * f.faceWidth), int(lm[29].y)),
                                               cv::Point(int(lm[14].x - 0.1 * f.faceWidth), int(lm[33].y))), c.bgr.size());
    if (cheeks.empty())
        return m;
    cv::Mat ycc;
    cv::cvtColor(c.bgr(cheeks), ycc, cv::COLOR_BGR2YCrCb);
    const cv::Scalar mean = cv::mean(ycc);
    m.cr = mean[1];
    m.cb = mean[2];
    m.valid = true;
    return m;
}
// A YCrCb pixel close to the face's own cheek colour (and not near black).
bool isSkin(const SkinModel& m, const cv::Vec3b& ycc)
{
    return ycc[0] > 40 && std::abs(ycc[1] - m.cr) < 10 && std::abs(ycc[2] - m.cb) < 10;
}
double skinFraction(const Context& c, const SkinModel& m, const cv::Rect& area)
{
    if (!m.valid || area.empty())
        return 0;
    cv::Mat ycc;
    cv::cvtColor(c.bgr(area), ycc, cv::COLOR_BGR2YCrCb);
    int skin = 0;
    for (int y = 0; y < ycc.rows; ++y) {
        const auto* p = ycc.ptr<cv::Vec3b>(y);
        for (int x = 0; x < ycc.cols; ++x)
            skin += isSkin(m, p[x]);
    }
    return double(skin) / area.area();
}

void noSleeveless(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const FaceGeometry& f = *c.face;
    const int top = int(f.chinY + 0.25 * f.faceWidth);
    const int h = std::min(int(0.35 * f.faceWidth), c.bgr.rows - top);
    const cv::Rect left = clampRect(cv::Rect(int(f.centreX - 1.1 * f.faceWidth), top, int(0.55 * f.faceWidth), h), c.bgr.size());
    const cv::Rect right = clampRect(cv::Rect(int(f.centreX + 0.55 * f.faceWidth), top, int(0.55 * f.faceWidth), h), c.bgr.size());
    const SkinModel m = skinModel(c);
    const double fl = skinFraction(c, m, left), fr = skinFraction(c, m, right);
    region(r, QStringLiteral("left_shoulder"), left);
    region(r, QStringLiteral("right_shoulder"), right);
    r.values = {{QStringLiteral("skin_fraction_left"), r3(fl)}, {QStringLiteral("skin_fraction_right"), r3(fr)},
                {QStringLiteral("skin_fraction_warn"), num(c, "NO_SLEEVELESS", "skin_fraction_warn")}};
    if (left.empty() && right.empty())
        return set(r, Verdict::NotApplicable, ZH("肩部不在画面内"), EN("shoulders not in the frame"));
    // A sleeveless or strap top bares both shoulders: skin on one side only is clothing of a
    // skin-like colour (an orange suit took 0.36–0.43 on one side, 0.06–0.11 on the other) or a
    // hand or hair, not a bare shoulder, so the smaller side decides.
    r.values.insert(QStringLiteral("skin_fraction_both"), r3(std::min(fl, fr)));
    if (std::min(fl, fr) > num(c, "NO_SLEEVELESS", "skin_fraction_warn"))
        return set(r, Verdict::Warn, ZH("肩部有较多裸露皮肤，请检查是否无袖或吊带"),
                   EN("much bare skin at the shoulders: check for sleeveless or strap tops"));
    set(r, Verdict::Pass, ZH("肩部有衣物覆盖"), EN("shoulders covered"));
}

// ---- eyes, mouth, ears, hair, make-up, glasses ----------------------------------------------

double eyeAspect(const std::vector<cv::Point2f>& lm, int i)
{
    const auto d = [&](int a, int b) { return double(cv::norm(lm[a] - lm[b])); };
    return (d(i + 1, i + 5) + d(i + 2, i + 4)) / (2.0 * std::max(1.0, d(i, i + 3)));
}

cv::Rect eyeRect(const FaceGeometry& f, int first)
{
    std::vector<cv::Point> pts;
    for (int i = first; i < first + 6; ++i)
        pts.emplace_back(f.lm[i]);
    const cv::Rect b = cv::boundingRect(pts);
    const int pad = int(0.04 * f.faceWidth);
    return cv::Rect(b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad);
}

// The visible iris height ÷ eye width: the longest vertical run of dark pixels in the middle third
// of the eye (where the iris sits when the student looks at the camera), searched from a little
// above the upper lid landmarks to a little below the lower ones. An open eye shows the iris over
// most of the opening (≈ 0.25–0.35 of the eye width); a closed lid leaves only the lash line
// (≈ 0.05). Dark is relative to the skin just below the eye, so it works for every skin tone.
double irisHeight(const Context& c, int first, cv::Rect* searched)
{
    const auto& lm = c.face->lm;
    const auto at = [&](int k) { return lm[size_t(first + k)]; };
    const double w = std::max(4.0, double(cv::norm(at(3) - at(0))));
    const int x0 = int(at(0).x + w / 3), x1 = int(at(0).x + 2 * w / 3);
    const int y0 = int(std::min(at(1).y, at(2).y) - 0.12 * w), y1 = int(std::max(at(4).y, at(5).y) + 0.12 * w);
    const cv::Rect box = clampRect(cv::Rect(cv::Point(x0, y0), cv::Point(x1, y1)), c.bgr.size());
    const cv::Rect cheek = clampRect(cv::Rect(cv::Point(int(at(0).x + 0.15 * w), int(y1 + 0.1 * w)),
                                              cv::Point(int(at(3).x - 0.15 * w), int(y1 + 0.35 * w))), c.bgr.size());
    *searched = box;
    if (box.width < 2 || box.height < 4 || cheek.area() < 4)
        return -1;
    const double skinL = cv::mean(c.lab(cheek))[0];
    const double dark = std::min(0.65 * skinL, skinL - 38); // 8-bit L (0..255)
    int best = 0;
    for (int x = box.x; x < box.br().x; ++x) {
        int run = 0;
        for (int y = box.y; y < box.br().y; ++y) {
            run = c.lab.at<cv::Vec3b>(y, x)[0] < dark ? run + 1 : 0;
            best = std::max(best, run);
        }
    }
    return best / w;
}

void eyesOpen(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const double left = eyeAspect(c.face->lm, 36), right = eyeAspect(c.face->lm, 42);
    cv::Rect irisBoxLeft, irisBoxRight;
    const double irisLeft = irisHeight(c, 36, &irisBoxLeft), irisRight = irisHeight(c, 42, &irisBoxRight);
    const double irisFail = num(c, "EYES_OPEN", "iris_height_fail");
    r.values = {{QStringLiteral("ear_left"), r3(left)}, {QStringLiteral("ear_right"), r3(right)},
                {QStringLiteral("ear_fail"), num(c, "EYES_OPEN", "ear_fail")},
                {QStringLiteral("iris_height_left"), r3(irisLeft)}, {QStringLiteral("iris_height_right"), r3(irisRight)},
                {QStringLiteral("iris_height_fail"), irisFail}};
    region(r, QStringLiteral("left_eye"), clampRect(eyeRect(*c.face, 36), c.bgr.size()));
    region(r, QStringLiteral("right_eye"), clampRect(eyeRect(*c.face, 42), c.bgr.size()));
    const double minEar = std::min(left, right);
    if (minEar < num(c, "EYES_OPEN", "ear_fail"))
        return set(r, Verdict::Fail, ZH("眼睛闭合或半闭（%1）").arg(r3(minEar)), EN("eyes closed or half closed (%1)").arg(r3(minEar)));
    // -1: the eye area is outside the photo; the landmark test above is all there is then.
    const double minIris = std::min(irisLeft < 0 ? 1.0 : irisLeft, irisRight < 0 ? 1.0 : irisRight);
    if (minIris < irisFail) {
        region(r, QStringLiteral("iris_search"), irisLeft <= irisRight ? irisBoxLeft : irisBoxRight);
        return set(r, Verdict::Fail, ZH("眼睛闭合：可见虹膜高度仅为眼宽的 %1").arg(r2(minIris)),
                   EN("eye closed: the visible iris is only %1 of the eye width").arg(r2(minIris)));
    }
    if (minEar < num(c, "EYES_OPEN", "ear_warn"))
        return set(r, Verdict::Warn, ZH("眼睛睁开较小，请检查"), EN("eyes narrowly open; check"));
    set(r, Verdict::Pass, ZH("双眼睁开"), EN("both eyes open"));
}

void mouthClosed(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const auto& lm = c.face->lm;
    const double width = std::max(1.0, double(cv::norm(lm[60] - lm[64])));
    const double opening = (cv::norm(lm[61] - lm[67]) + cv::norm(lm[62] - lm[66]) + cv::norm(lm[63] - lm[65])) / 3.0 / width;
    // Teeth: bright, unsaturated pixels inside the inner lip contour.
    std::vector<cv::Point> inner;
    for (int i = 60; i <= 67; ++i)
        inner.emplace_back(lm[i]);
    const cv::Rect box = clampRect(cv::boundingRect(inner), c.bgr.size());
    double teeth = 0, dark = 0;
    if (box.area() > 4) {
        cv::Mat mask = cv::Mat::zeros(box.size(), CV_8U);
        std::vector<cv::Point> shifted;
        for (const auto& p : inner)
            shifted.emplace_back(p.x - box.x, p.y - box.y);
        cv::fillConvexPoly(mask, shifted, cv::Scalar(255));
        const int area = cv::countNonZero(mask);
        int bright = 0, darkPx = 0;
        for (int y = 0; y < box.height; ++y)
            for (int x = 0; x < box.width; ++x) {
                if (!mask.at<uchar>(y, x))
                    continue;
                const cv::Vec3b hsv = c.hsv.at<cv::Vec3b>(box.y + y, box.x + x);
                if (hsv[2] > std::max(150.0, c.faceLuma * 1.05) && hsv[1] < 90)
                    ++bright;
                else if (c.gray.at<uchar>(box.y + y, box.x + x) < 0.5 * c.faceLuma)
                    ++darkPx;
            }
        teeth = area > 0 ? double(bright) / area : 0;
        dark = area > 0 ? double(darkPx) / area : 0;
    }
    // An open mouth shows something between the lips: teeth or the dark mouth cavity (under half
    // the face's brightness). Where the inner-lip landmarks stand apart over lip and skin only (a
    // moustache over the upper lip, a landmark fit thrown off), no opening is visible and the
    // landmark opening alone does not flag.
    const double visible = teeth + dark;
    const bool opened = visible >= num(c, "MOUTH_CLOSED", "visible_opening_min");
    r.values = {{QStringLiteral("opening"), r3(opening)}, {QStringLiteral("teeth_fraction"), r3(teeth)},
                {QStringLiteral("dark_fraction"), r3(dark)}, {QStringLiteral("visible_opening_min"), num(c, "MOUTH_CLOSED", "visible_opening_min")},
                {QStringLiteral("opening_fail"), num(c, "MOUTH_CLOSED", "opening_fail")},
                {QStringLiteral("opening_warn"), num(c, "MOUTH_CLOSED", "opening_warn")},
                {QStringLiteral("teeth_fraction_fail"), num(c, "MOUTH_CLOSED", "teeth_fraction_fail")}};
    std::vector<cv::Point> outer;
    for (int i = 48; i <= 59; ++i)
        outer.emplace_back(lm[i]);
    region(r, QStringLiteral("mouth"), clampRect(cv::boundingRect(outer), c.bgr.size()));
    if (opening > num(c, "MOUTH_CLOSED", "opening_fail") && opened)
        return set(r, Verdict::Fail, ZH("嘴部张开（%1）").arg(r3(opening)), EN("mouth open (%1)").arg(r3(opening)));
    if (opening > 0.03 && teeth > num(c, "MOUTH_CLOSED", "teeth_fraction_fail"))
        return set(r, Verdict::Fail, ZH("露齿"), EN("teeth visible"));
    if (opening > num(c, "MOUTH_CLOSED", "opening_warn") && opened)
        return set(r, Verdict::Warn, ZH("嘴唇微张，请检查"), EN("lips slightly apart; check"));
    set(r, Verdict::Pass, ZH("嘴唇闭合"), EN("lips closed"));
}

void earsVisible(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const FaceGeometry& f = *c.face;
    const auto& lm = f.lm;
    const int w = int(0.12 * f.faceWidth);
    const int top = int(f.eyeLineY - 0.05 * f.faceWidth), h = int(lm[3].y - top);
    const cv::Rect left = clampRect(cv::Rect(int(lm[1].x) - w, top, w, h), c.bgr.size());
    const cv::Rect right = clampRect(cv::Rect(int(lm[15].x), top, w, h), c.bgr.size());
    region(r, QStringLiteral("left_ear"), left);
    region(r, QStringLiteral("right_ear"), right);
    const double warn = num(c, "EARS_VISIBLE", "skin_fraction_warn");
    if (!c.bgPlain) {
        r.values = {{QStringLiteral("measured"), false}};
        return set(r, Verdict::NotApplicable, ZH("背景不是纯色，无法区分头发与背景，请目视检查双耳"),
                   EN("background not plain: hair and backdrop cannot be told apart, check the ears by eye"));
    }
    // Beside the jaw at ear height each pixel is skin (the face's own Cr/Cb), backdrop (within
    // ΔE 18 of its median, as for the hair top) or something else: hair or a scarf. Hair over an
    // ear fills the strip; a strip of backdrop only says the ear lies close to the head or is
    // turned away — the measure cannot tell, so that is left to the eye, not warned.
    const SkinModel m = skinModel(c);
    struct Side {
        double skin = 0, backdrop = 0, other = 0;
    };
    const auto classify = [&](const cv::Rect& area) {
        Side s;
        if (!m.valid || area.empty())
            return s;
        cv::Mat ycc;
        cv::cvtColor(c.bgr(area), ycc, cv::COLOR_BGR2YCrCb);
        int skin = 0, backdrop = 0;
        for (int y = 0; y < area.height; ++y) {
            const auto* p = ycc.ptr<cv::Vec3b>(y);
            const auto* q = c.lab.ptr<cv::Vec3b>(area.y + y) + area.x;
            for (int x = 0; x < area.width; ++x) {
                if (isSkin(m, p[x]))
                    ++skin;
                else if (deltaE(toCie(q[x]), c.bgLab) < 18)
                    ++backdrop;
            }
        }
        const double n = std::max(1, area.area());
        s.skin = skin / n;
        s.backdrop = backdrop / n;
        s.other = 1 - s.skin - s.backdrop;
        return s;
    };
    const Side sl = classify(left), sr = classify(right);
    const double coveredMin = num(c, "EARS_VISIBLE", "covered_fraction_warn");
    r.values = {{QStringLiteral("measured"), true},
                {QStringLiteral("skin_fraction_left"), r3(sl.skin)}, {QStringLiteral("skin_fraction_right"), r3(sr.skin)},
                {QStringLiteral("backdrop_fraction_left"), r3(sl.backdrop)}, {QStringLiteral("backdrop_fraction_right"), r3(sr.backdrop)},
                {QStringLiteral("covered_fraction_left"), r3(sl.other)}, {QStringLiteral("covered_fraction_right"), r3(sr.other)},
                {QStringLiteral("skin_fraction_warn"), warn}, {QStringLiteral("covered_fraction_warn"), coveredMin}};
    const bool coveredL = sl.skin < warn && sl.other > coveredMin, coveredR = sr.skin < warn && sr.other > coveredMin;
    if (coveredL || coveredR)
        return set(r, Verdict::Warn,
                   coveredL && coveredR ? ZH("双耳处多为头发或遮挡物，请检查双耳是否外露") : ZH("一侧耳部多为头发或遮挡物，请检查双耳是否外露"),
                   coveredL && coveredR ? EN("hair or a cover where both ears should be: check the ears are visible")
                                        : EN("hair or a cover where one ear should be: check the ears are visible"));
    if (sl.skin < warn || sr.skin < warn)
        return set(r, Verdict::NotApplicable, ZH("耳部区域为背景（耳朵贴近头部或被转开），无法测量，请目视检查"),
                   EN("backdrop beside the face at ear height (ears close to the head or turned away): check by eye"));
    set(r, Verdict::Pass, ZH("双耳区域可见"), EN("ear regions visible"));
}

void hairClear(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const FaceGeometry& f = *c.face;
    const auto& lm = f.lm;
    // The band just above the eyebrows against the cheeks: a fringe makes it much darker.
    const int h = std::max(2, int(0.08 * f.faceWidth));
    const cv::Rect band = clampRect(cv::Rect(cv::Point(int(lm[18].x), int(f.browTop) - h), cv::Point(int(lm[25].x), int(f.browTop))), c.bgr.size());
    region(r, QStringLiteral("forehead"), band);
    if (band.empty() || c.faceLuma <= 0)
        return set(r, Verdict::NotApplicable, ZH("额头区域不在画面内"), EN("forehead not in the frame"));
    const double ratio = cv::mean(c.gray(band))[0] / c.faceLuma;
    r.values = {{QStringLiteral("forehead_to_cheek_luma"), r3(ratio)},
                {QStringLiteral("darkness_ratio_warn"), num(c, "HAIR_CLEAR", "darkness_ratio_warn")}};
    if (ratio < num(c, "HAIR_CLEAR", "darkness_ratio_warn"))
        return set(r, Verdict::Warn, ZH("眉毛上方较暗，可能有头发遮挡眉毛或眼睛"), EN("dark above the eyebrows: hair may cover brows or eyes"));
    set(r, Verdict::Pass, ZH("眉毛上方无遮挡"), EN("nothing over the eyebrows"));
}

void checklist(const Context& c, RuleResult& r, const QString& zh, const QString& en, const char* area)
{
    if (c.face) {
        const FaceGeometry& f = *c.face;
        cv::Rect rect;
        if (qstrcmp(area, "head") == 0)
            rect = cv::Rect(int(f.faceLeft - 0.2 * f.faceWidth), 0, int(1.4 * f.faceWidth), int(f.browTop));
        else
            rect = cv::Rect(int(f.faceLeft - 0.25 * f.faceWidth), int(f.eyeLineY), int(1.5 * f.faceWidth), int(1.6 * (f.chinY - f.eyeLineY)));
        region(r, QString::fromLatin1(area), clampRect(rect, c.bgr.size()));
    }
    set(r, Verdict::NotApplicable, zh, en);
}
void noHeadwear(const Context& c, RuleResult& r)
{
    checklist(c, r, ZH("请确认未佩戴头部覆盖物（宗教/医疗用品不得遮挡面部或产生阴影）"),
              EN("confirm no head covering (religious/medical ones must not hide the face or cast shadows)"), "head");
}
void noJewelry(const Context& c, RuleResult& r)
{
    checklist(c, r, ZH("请确认未佩戴耳环、项链等饰品"), EN("confirm no earrings, necklaces or other jewellery"), "ears_and_neck");
}

void noHeavyMakeup(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const auto& lm = c.face->lm;
    std::vector<cv::Point> outer;
    for (int i = 48; i <= 59; ++i)
        outer.emplace_back(lm[i]);
    const cv::Rect lips = clampRect(cv::boundingRect(outer), c.bgr.size());
    const FaceGeometry& f = *c.face;
    const cv::Rect cheeks = clampRect(cv::Rect(cv::Point(int(lm[2].x + 0.1 * f.faceWidth), int(lm[29].y)),
                                               cv::Point(int(lm[14].x - 0.1 * f.faceWidth), int(lm[33].y))), c.bgr.size());
    region(r, QStringLiteral("lips"), lips);
    region(r, QStringLiteral("eyes"), clampRect(eyeRect(f, 36) | eyeRect(f, 42), c.bgr.size()));
    if (lips.empty() || cheeks.empty())
        return set(r, Verdict::NotApplicable, ZH("无法测量"), EN("cannot measure"));
    // Lipstick: the lips' redness (CIE a*) against the person's own cheeks, on the lip ring between
    // the outer and inner lip contours (teeth of an open mouth left out). Natural lips are a little
    // redder than the skin around them (compliant photos Δa* −4…+10, the held-out people up to
    // +15); lipstick lays a pigment of its own over them (the corpus' saturated red: +22…+37).
    // HSV saturation against the cheeks read 1.3–1.6 for that red: a pale face's low saturation and
    // a dark face's high one move the ratio more than lipstick does.
    cv::Mat lipMask = cv::Mat::zeros(c.bgr.size(), CV_8U);
    std::vector<cv::Point> inner;
    for (int i = 60; i <= 67; ++i)
        inner.emplace_back(lm[i]);
    cv::fillPoly(lipMask, std::vector<std::vector<cv::Point>>{outer}, cv::Scalar(255));
    cv::fillPoly(lipMask, std::vector<std::vector<cv::Point>>{inner}, cv::Scalar(0));
    if (cv::countNonZero(lipMask) < 20) // thin lips (under a moustache) the landmarks draw as a line: their box
        lipMask(lips).setTo(255);
    const cv::Vec3d lip = toCieMean(cv::mean(c.lab, lipMask)), skin = toCieMean(cv::mean(c.lab(cheeks)));
    const double redness = lip[1] - skin[1];
    const double warnAt = num(c, "NO_HEAVY_MAKEUP", "lip_redness_delta_warn");
    r.values = {{QStringLiteral("lip_lab"), QJsonArray{r2(lip[0]), r2(lip[1]), r2(lip[2])}},
                {QStringLiteral("cheek_lab"), QJsonArray{r2(skin[0]), r2(skin[1]), r2(skin[2])}},
                {QStringLiteral("lip_redness_delta"), r2(redness)}, {QStringLiteral("lip_redness_delta_warn"), warnAt},
                {QStringLiteral("lip_chroma_delta"), r2(std::hypot(lip[1], lip[2]) - std::hypot(skin[1], skin[2]))}};
    region(r, QStringLiteral("cheeks"), cheeks);
    if (redness > warnAt)
        return set(r, Verdict::Warn, ZH("嘴唇比自身肤色红得多（Δa* %1），请检查是否浓妆").arg(r2(redness)),
                   EN("lips far redder than the own skin (Δa* %1): check for heavy make-up").arg(r2(redness)));
    set(r, Verdict::Pass, ZH("未见浓妆迹象"), EN("no sign of heavy make-up"));
}

// The lens area: from the eyebrow down to below the eye, a little wider than the eye.
cv::Rect lensRect(const FaceGeometry& f, int eyeFirst, int browFirst)
{
    std::vector<cv::Point> pts;
    for (int i = eyeFirst; i < eyeFirst + 6; ++i)
        pts.emplace_back(f.lm[i]);
    const cv::Rect eye = cv::boundingRect(pts);
    double browY = 0;
    for (int i = browFirst; i < browFirst + 5; ++i)
        browY += f.lm[i].y / 5.0;
    const int top = int(browY + 0.35 * (eye.y - browY));
    const int bottom = int(eye.br().y + 0.45 * (eye.y - browY));
    const int padX = int(0.05 * f.faceWidth);
    return cv::Rect(eye.x - padX, top, eye.width + 2 * padX, std::max(2, bottom - top));
}

void glassesOk(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const FaceGeometry& f = *c.face;
    const cv::Rect left = clampRect(lensRect(f, 36, 17), c.bgr.size()), right = clampRect(lensRect(f, 42, 22), c.bgr.size());
    region(r, QStringLiteral("left_eye"), left);
    region(r, QStringLiteral("right_eye"), right);
    if (left.empty() || right.empty() || c.faceLuma <= 0)
        return set(r, Verdict::Error, ZH("眼部不在画面内"), EN("eyes not in the frame"));
    // Tint: the lens areas' median brightness against the cheeks (eyes and brows are darker than
    // skin anyway; tinted lenses much more).
    const auto medianOf = [&](const cv::Rect& rect) {
        std::vector<uchar> v;
        v.reserve(rect.area());
        for (int y = rect.y; y < rect.br().y; ++y)
            for (int x = rect.x; x < rect.br().x; ++x)
                v.push_back(c.gray.at<uchar>(y, x));
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        return double(v[v.size() / 2]);
    };
    const double tint = std::min(medianOf(left), medianOf(right)) / c.faceLuma;
    // Glare: near-white, unsaturated pixels in the lens areas. Catch-lights in the pupils are a
    // few pixels; a reflection on a lens is a patch.
    const double minV = num(c, "GLASSES_OK", "glare_value_min");
    const auto glareOf = [&](const cv::Rect& rect) {
        int n = 0;
        for (int y = rect.y; y < rect.br().y; ++y) {
            const auto* p = c.hsv.ptr<cv::Vec3b>(y);
            for (int x = rect.x; x < rect.br().x; ++x)
                if (p[x][2] >= minV && p[x][1] < 60)
                    ++n;
        }
        return double(n) / rect.area();
    };
    const double glare = std::max(glareOf(left), glareOf(right));
    r.values = {{QStringLiteral("tint_ratio"), r3(tint)}, {QStringLiteral("glare_fraction"), r3(glare)},
                {QStringLiteral("tint_ratio_fail"), num(c, "GLASSES_OK", "tint_ratio_fail")},
                {QStringLiteral("glare_fraction_fail"), num(c, "GLASSES_OK", "glare_fraction_fail")}};
    if (tint < num(c, "GLASSES_OK", "tint_ratio_fail"))
        return set(r, Verdict::Fail, ZH("眼部很暗，疑似有色眼镜（%1）").arg(r3(tint)), EN("eye area very dark: tinted glasses? (%1)").arg(r3(tint)));
    if (glare > num(c, "GLASSES_OK", "glare_fraction_fail"))
        return set(r, Verdict::Fail, ZH("眼部有反光（%1）").arg(r3(glare)), EN("glare on the eyes (%1)").arg(r3(glare)));
    if (tint < num(c, "GLASSES_OK", "tint_ratio_warn") || glare > num(c, "GLASSES_OK", "glare_fraction_warn"))
        return set(r, Verdict::Warn, ZH("眼部偏暗或有亮点，请检查眼镜"), EN("eye area dark or with bright spots: check glasses"));
    set(r, Verdict::Pass, ZH("眼部清晰，无反光、无有色镜片"), EN("eyes clear, no glare or tint"));
}

// ---- image quality --------------------------------------------------------------------------

// Grey face crop scaled to a 200-px wide face, so the measures do not depend on resolution.
cv::Mat normalisedFace(const Context& c, cv::Rect* used = nullptr)
{
    const FaceGeometry& f = *c.face;
    const cv::Rect rect = clampRect(cv::Rect(int(f.faceLeft), int(f.browTop), int(f.faceWidth), int(f.chinY - f.browTop)), c.bgr.size());
    if (used)
        *used = rect;
    if (rect.width < 8 || rect.height < 8)
        return {};
    cv::Mat out;
    const double s = 200.0 / rect.width;
    cv::resize(c.gray(rect), out, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

double laplacianVariance(const cv::Mat& gray)
{
    cv::Mat lap;
    cv::Laplacian(gray, lap, CV_32F);
    cv::Scalar mean, stddev;
    cv::meanStdDev(lap, mean, stddev);
    return stddev[0] * stddev[0];
}

// The face outline (convex hull of the jaw and brow landmarks 0–26) filled into a mask of `size`,
// the landmarks mapped by (p − origin) · scale: the region of the face-wide image measures.
cv::Mat faceOutlineMask(const std::vector<cv::Point2f>& lm, const cv::Size& size, cv::Point2f origin = {0, 0}, double scale = 1)
{
    std::vector<cv::Point> pts, hull;
    for (int i = 0; i <= 26; ++i)
        pts.emplace_back(int((lm[size_t(i)].x - origin.x) * scale), int((lm[size_t(i)].y - origin.y) * scale));
    cv::convexHull(pts, hull);
    cv::Mat mask = cv::Mat::zeros(size, CV_8U);
    cv::fillConvexPoly(mask, hull, cv::Scalar(255));
    return mask;
}

// Fine detail of the face at the normalised scale (200 px face width): the RMS of the finest band
// (I − G(0.7 px), periods under ≈ 4 px: pores, lashes, hair strands) over the RMS of a mid band
// (G(1.4) − G(2.8), periods ≈ 9–18 px: eyes, nostrils, lip line), inside the face outline (jaw and
// brows, 8 px in from it so the cut-out's edge does not count). A ratio of two bands of the same face
// does not move with contrast, exposure gain or face size as the Laplacian variance does (which read
// 57–60 on sharp compliant photos of lower contrast); what lowers it is detail that was never there:
// defocus, or a small picture enlarged.
struct FineDetail {
    double ratio = 0, fine = 0, mid = 0;
};
FineDetail fineDetail(const Context& c, const cv::Mat& face, const cv::Rect& used)
{
    cv::Mat f32, g1, g2, g4;
    face.convertTo(f32, CV_32F);
    cv::GaussianBlur(f32, g1, cv::Size(0, 0), 0.7);
    cv::GaussianBlur(f32, g2, cv::Size(0, 0), 1.4);
    cv::GaussianBlur(f32, g4, cv::Size(0, 0), 2.8);
    cv::Mat mask = faceOutlineMask(c.face->lm, face.size(), cv::Point2f(float(used.x), float(used.y)), double(face.cols) / used.width);
    cv::erode(mask, mask, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(17, 17)));
    FineDetail out;
    if (cv::countNonZero(mask) < 100)
        return out;
    const auto rms = [&](const cv::Mat& a, const cv::Mat& b) {
        cv::Mat d = a - b;
        return std::sqrt(cv::mean(d.mul(d), mask)[0]);
    };
    out.fine = rms(f32, g1);
    out.mid = rms(g2, g4);
    out.ratio = out.mid > 0 ? out.fine / out.mid : 0;
    return out;
}

void sharpness(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    cv::Rect used;
    const cv::Mat face = normalisedFace(c, &used);
    region(r, QStringLiteral("face"), used);
    if (face.empty())
        return set(r, Verdict::Error, ZH("人脸太小，无法测量"), EN("face too small to measure"));
    const FineDetail d = fineDetail(c, face, used);
    const double v = d.ratio;
    const double failAt = num(c, "SHARPNESS", "fine_detail_ratio_fail"), warnAt = num(c, "SHARPNESS", "fine_detail_ratio_warn");
    r.values = {{QStringLiteral("fine_detail_ratio"), r3(v)}, {QStringLiteral("fine_band_rms"), r3(d.fine)},
                {QStringLiteral("mid_band_rms"), r3(d.mid)}, {QStringLiteral("fine_detail_ratio_fail"), failAt},
                {QStringLiteral("fine_detail_ratio_warn"), warnAt},
                {QStringLiteral("laplacian_variance"), r2(laplacianVariance(face))}}; // shown for comparison, no threshold
    if (d.mid <= 0)
        return set(r, Verdict::Error, ZH("人脸太小，无法测量"), EN("face too small to measure"));
    if (v < failAt)
        return set(r, Verdict::Fail, ZH("图像模糊，面部缺少细节（%1）").arg(r3(v)), EN("blurred: the face lacks fine detail (%1)").arg(r3(v)));
    if (v < warnAt)
        return set(r, Verdict::Warn, ZH("图像略模糊（%1）").arg(r3(v)), EN("slightly soft (%1)").arg(r3(v)));
    set(r, Verdict::Pass, ZH("图像清晰"), EN("sharp"));
}

// Distance of a face's mean a*b* from a typical skin tone (CIE a* 12, b* 18).
double skinCast(const cv::Vec3d& lab) { return std::hypot(lab[1] - 12, lab[2] - 18); }

// The backdrop as a white-balance reference: the per-channel gains that turn the national blue into
// the backdrop seen, without their common brightness (geometric mean 1). `cast` is the largest
// |log gain|: 0 for the reference blue, ≈ 0.08 for a blue cloth a shade off, ≈ 0.3 for daylight
// white balance under a tungsten lamp. `balancedSkinCast`: the skin's distance from a typical tone
// once the face is divided by those gains.
struct BackdropCast {
    bool measured = false;
    cv::Vec3d gains{1, 1, 1}; // B, G, R
    double cast = 0;
    double balancedSkinCast = 0;
};

BackdropCast backdropCast(const Context& c, const cv::Rect& face)
{
    BackdropCast out;
    if (c.bgPixels < 500 || !c.bgPlain) // a busy backdrop is no colour reference
        return out;
    const cv::Vec3b seen = cieToBgr(c.bgLab);
    const cv::Vec3b ref = referenceBackdropBgr(c);
    double logSum = 0;
    cv::Vec3d logGain;
    for (int i = 0; i < 3; ++i) {
        logGain[i] = std::log(std::max(1.0, double(seen[i])) / std::max(1.0, double(ref[i])));
        logSum += logGain[i];
    }
    const cv::Scalar faceBgr = cv::mean(c.bgr(face));
    cv::Vec3d balanced;
    for (int i = 0; i < 3; ++i) {
        const double centred = logGain[i] - logSum / 3;
        out.gains[i] = std::exp(centred);
        out.cast = std::max(out.cast, std::abs(centred));
        balanced[i] = std::clamp(faceBgr[i] / out.gains[i], 0.0, 255.0);
    }
    out.balancedSkinCast = skinCast(bgrToCie(balanced));
    out.measured = true;
    return out;
}

void exposure(const Context& c, RuleResult& r)
{
    if (!needFace(c, r))
        return;
    const FaceGeometry& f = *c.face;
    const cv::Rect face = clampRect(cv::Rect(int(f.faceLeft), int(f.browTop), int(f.faceWidth), int(f.chinY - f.browTop)), c.bgr.size());
    region(r, QStringLiteral("face"), face);
    if (face.empty())
        return set(r, Verdict::Error, ZH("无法测量"), EN("cannot measure"));
    int clipped = 0;
    for (int y = face.y; y < face.br().y; ++y) {
        const uchar* p = c.gray.ptr<uchar>(y);
        for (int x = face.x; x < face.br().x; ++x)
            if (p[x] >= 250 || p[x] <= 5)
                ++clipped;
    }
    const double clip = double(clipped) / face.area();
    const cv::Scalar lab = cv::mean(c.lab(face));
    const double cast = skinCast(cv::Vec3d(lab[0] * 100 / 255, lab[1] - 128, lab[2] - 128));
    const BackdropCast wb = backdropCast(c, face);
    const double minL = num(c, "EXPOSURE", "face_luma_min"), maxL = num(c, "EXPOSURE", "face_luma_max");
    const auto& lm = f.lm;
    // The skin itself (cheeks down to the mouth, the region of face_luma) against the natural skin
    // locus in CIELAB: measured skin of every ethnic group lies at hue angles ≈ 25°–60° (red-orange
    // to yellow) with chroma C*ab ≈ 10–35 (spectrophotometric surveys, e.g. Xiao et al. 2017); a
    // lamp's or a white balance's tint pushes it out (tungsten/orange: C* 44–65; green
    // fluorescent: hue 70°–103°). Compliant photos read C* 25–33, hue 27°–55°; the held-out
    // people C* 26–36, hue 34°–57°.
    const cv::Rect skin = clampRect(cv::Rect(cv::Point(int(lm[1].x + 0.1 * f.faceWidth), int(f.eyeLineY + 0.08 * f.faceWidth)),
                                             cv::Point(int(lm[15].x - 0.1 * f.faceWidth), int(lm[51].y))), c.bgr.size());
    double skinChroma = 0, skinHue = 0;
    if (!skin.empty()) {
        const cv::Scalar m = cv::mean(c.lab(skin));
        skinChroma = std::hypot(m[1] - 128, m[2] - 128);
        skinHue = std::atan2(m[2] - 128, m[1] - 128) * 180.0 / M_PI;
        region(r, QStringLiteral("skin"), skin);
    }
    // OFIQ's face exposure measures on the face outline (jaw and brows): illumination uniformity
    // (mean luma of the darker half ÷ the brighter half, split at the nose), dynamic range (1st to
    // 99th percentile of luma) and the shares of under- (≤ 25) and over-exposed (≥ 247) pixels.
    const cv::Mat hullMask = faceOutlineMask(lm, c.bgr.size());
    std::array<int, 256> hist{};
    double sumL = 0, sumR = 0;
    int nL = 0, nR = 0, n = 0;
    const int noseX = int(lm[30].x);
    for (int y = face.y; y < face.br().y; ++y) {
        const uchar* p = c.gray.ptr<uchar>(y);
        const uchar* m = hullMask.ptr<uchar>(y);
        for (int x = face.x; x < face.br().x; ++x) {
            if (!m[x])
                continue;
            ++hist[p[x]];
            ++n;
            if (x < noseX) {
                sumL += p[x];
                ++nL;
            } else {
                sumR += p[x];
                ++nR;
            }
        }
    }
    double uniformity = 1, dark = 0, bright = 0;
    int p1 = 0, p99 = 255;
    if (n > 0 && nL > 0 && nR > 0) {
        const double l = sumL / nL, rr = sumR / nR;
        uniformity = std::min(l, rr) / std::max(1.0, std::max(l, rr));
        int acc = 0;
        bool lowSet = false;
        for (int v = 0; v < 256; ++v) {
            acc += hist[size_t(v)];
            if (!lowSet && acc * 100 >= n) {
                p1 = v;
                lowSet = true;
            }
            if (acc * 100 >= 99 * n) {
                p99 = v;
                break;
            }
        }
        for (int v = 0; v <= 25; ++v)
            dark += hist[size_t(v)];
        for (int v = 247; v < 256; ++v)
            bright += hist[size_t(v)];
        dark /= n;
        bright /= n;
    }
    r.values = {{QStringLiteral("face_luma"), r2(c.faceLuma)}, {QStringLiteral("clip_fraction"), r3(clip)},
                {QStringLiteral("colour_cast"), r2(cast)}, {QStringLiteral("face_luma_range"), QJsonArray{minL, maxL}},
                {QStringLiteral("skin_chroma"), r2(skinChroma)}, {QStringLiteral("skin_hue_deg"), r2(skinHue)},
                {QStringLiteral("skin_chroma_max"), num(c, "EXPOSURE", "skin_chroma_max")},
                {QStringLiteral("skin_hue_range_deg"), QJsonArray{num(c, "EXPOSURE", "skin_hue_min_deg"), num(c, "EXPOSURE", "skin_hue_max_deg")}},
                {QStringLiteral("illumination_uniformity"), r3(uniformity)},
                {QStringLiteral("illumination_uniformity_warn"), num(c, "EXPOSURE", "illumination_uniformity_warn")},
                {QStringLiteral("dynamic_range"), p99 - p1}, {QStringLiteral("dynamic_range_warn"), num(c, "EXPOSURE", "dynamic_range_warn")},
                {QStringLiteral("underexposed_fraction"), r3(dark)}, {QStringLiteral("overexposed_fraction"), r3(bright)}};
    region(r, QStringLiteral("face_outline"), clampRect(cv::boundingRect(std::vector<cv::Point2f>(lm.begin(), lm.begin() + 27)), c.bgr.size()));
    if (wb.measured) {
        r.values.insert(QStringLiteral("backdrop_cast"), r3(wb.cast));
        r.values.insert(QStringLiteral("backdrop_gains_rgb"), QJsonArray{r3(wb.gains[2]), r3(wb.gains[1]), r3(wb.gains[0])});
        r.values.insert(QStringLiteral("skin_cast_balanced"), r2(wb.balancedSkinCast));
        r.values.insert(QStringLiteral("backdrop_cast_warn"), num(c, "EXPOSURE", "backdrop_cast_warn"));
        region(r, QStringLiteral("background"), boundingOf(c.bgMask));
    }
    if (c.faceLuma < minL)
        return set(r, Verdict::Fail, ZH("曝光不足（面部亮度 %1）").arg(qRound(c.faceLuma)), EN("under-exposed (face luma %1)").arg(qRound(c.faceLuma)));
    if (c.faceLuma > maxL || clip > num(c, "EXPOSURE", "clip_fraction_max"))
        return set(r, Verdict::Fail, ZH("曝光过度（面部亮度 %1，溢出 %2）").arg(qRound(c.faceLuma)).arg(r3(clip)),
                   EN("over-exposed (face luma %1, clipped %2)").arg(qRound(c.faceLuma)).arg(r3(clip)));
    // A white-balance error tints backdrop and face alike: the backdrop is off its known blue and
    // undoing that tint brings the skin closer to a natural tone. (A backdrop of another colour
    // also looks "off blue", but undoing it would push the skin away: that is BACKGROUND_BLUE's
    // business, not a cast.)
    const bool wholePhotoCast = wb.measured && wb.cast > num(c, "EXPOSURE", "backdrop_cast_warn") && wb.balancedSkinCast < cast;
    const bool hueOff = !skin.empty() && (skinHue < num(c, "EXPOSURE", "skin_hue_min_deg") || skinHue > num(c, "EXPOSURE", "skin_hue_max_deg"));
    const bool chromaOff = !skin.empty() && skinChroma > num(c, "EXPOSURE", "skin_chroma_max");
    // Two witnesses of one white-balance error: the skin's hue off the locus and the backdrop off its
    // blue by more than a blue cloth's own shade does (compliant backdrops ≤ 0.09: the national
    // blue ±8 levels per channel moves its red, 100, by ≤ 0.08 in log).
    const bool corroboratedCast = hueOff && wb.measured && wb.cast > num(c, "EXPOSURE", "backdrop_cast_corroborating");
    if (wholePhotoCast && wb.cast > num(c, "EXPOSURE", "backdrop_cast_fail"))
        return set(r, Verdict::Fail, ZH("整张照片严重偏色（白平衡错误，背景偏离标准蓝 %1）").arg(r2(wb.cast)),
                   EN("strong colour cast over the whole photo (white balance; backdrop %1 off the reference blue)").arg(r2(wb.cast)));
    if (wholePhotoCast)
        return set(r, Verdict::Warn, ZH("整张照片偏色（白平衡），请检查色彩"), EN("colour cast over the whole photo (white balance): check colours"));
    if (corroboratedCast)
        return set(r, Verdict::Warn, ZH("整张照片偏色：肤色色调 %1° 超出自然肤色范围，背景也偏离标准蓝").arg(qRound(skinHue)),
                   EN("colour cast over the whole photo: skin hue %1° outside natural skin, the backdrop off the blue too").arg(qRound(skinHue)));
    if (chromaOff)
        return set(r, Verdict::Warn, ZH("肤色过于饱和（%1），超出自然肤色范围：面部偏色（如台灯照射）").arg(qRound(skinChroma)),
                   EN("skin colour too saturated (%1) for natural skin: a cast on the face (a lamp?)").arg(qRound(skinChroma)));
    if (cast > num(c, "EXPOSURE", "cast_warn"))
        return set(r, Verdict::Warn, ZH("肤色偏色，请检查色彩"), EN("skin colour cast: check colours"));
    if (p99 - p1 < num(c, "EXPOSURE", "dynamic_range_warn"))
        return set(r, Verdict::Warn, ZH("面部影调范围很窄（%1 级），画面发灰").arg(p99 - p1),
                   EN("narrow tonal range on the face (%1 levels): flat, washed out").arg(p99 - p1));
    if (uniformity < num(c, "EXPOSURE", "illumination_uniformity_warn"))
        return set(r, Verdict::Warn, ZH("面部光照不均匀（暗侧/亮侧 %1），有明显阴影").arg(r2(uniformity)),
                   EN("uneven light on the face (darker/brighter half %1): strong shadow").arg(r2(uniformity)));
    set(r, Verdict::Pass, ZH("曝光正常"), EN("exposure fine"));
}

// ---- authenticity -----------------------------------------------------------------------------

// JPEG blockiness (OFIQ's compression artefacts): the mean absolute step between neighbouring pixels
// across the 8×8 block boundaries of the decoder's grid, over the mean step inside the blocks, on the
// luma of `area`. 1 for an image without blocking; a coarse quantiser makes each block flat and
// its edges jump. Read from the pixels, so a copy saved at low quality and re-saved at a high one
// (whose last quantisation tables say 92) shows it as much as the low-quality file.
double blockiness(const cv::Mat& gray, const cv::Rect& area)
{
    const cv::Rect a = clampRect(area, gray.size());
    double onEdge = 0, inside = 0;
    long nEdge = 0, nInside = 0;
    for (int y = a.y; y < a.br().y - 1; ++y) {
        const uchar* p = gray.ptr<uchar>(y);
        const uchar* below = gray.ptr<uchar>(y + 1);
        const bool rowEdge = y % 8 == 7;
        for (int x = a.x; x < a.br().x - 1; ++x) {
            const int dh = std::abs(int(p[x + 1]) - int(p[x])), dv = std::abs(int(below[x]) - int(p[x]));
            if (x % 8 == 7) {
                onEdge += dh;
                ++nEdge;
            } else {
                inside += dh;
                ++nInside;
            }
            if (rowEdge) {
                onEdge += dv;
                ++nEdge;
            } else {
                inside += dv;
                ++nInside;
            }
        }
    }
    if (nEdge == 0 || nInside == 0)
        return 0;
    return (onEdge / nEdge) / std::max(0.05, inside / nInside);
}

// Fine texture |I − G(σ)| (σ scaled with the face) of the flat backdrop: the camera's noise floor.
// The median of 16×16 tiles wholly in the background sample, so an object or person in a corner
// does not raise it.
double backdropTexture(const Context& c, double sigma)
{
    const cv::Rect bb = boundingOf(c.bgMask);
    if (bb.width < 16 || bb.height < 16)
        return -1;
    cv::Mat g, blurred, diff;
    c.gray(bb).convertTo(g, CV_32F);
    cv::GaussianBlur(g, blurred, cv::Size(0, 0), sigma);
    cv::absdiff(g, blurred, diff);
    std::vector<double> tiles;
    for (int y = 0; y + 16 <= bb.height; y += 16)
        for (int x = 0; x + 16 <= bb.width; x += 16) {
            const cv::Rect t(x, y, 16, 16);
            if (cv::countNonZero(c.bgMask(bb)(t)) == 256)
                tiles.push_back(cv::mean(diff(t))[0]);
        }
    if (tiles.size() < 8)
        return -1;
    std::nth_element(tiles.begin(), tiles.begin() + long(tiles.size() / 2), tiles.end());
    return tiles[tiles.size() / 2];
}

void notEdited(const Context& c, RuleResult& r)
{
    const QStringList editors = c.config->strings(QStringLiteral("NOT_EDITED"), QStringLiteral("editors"));
    const ExifSoftwareTags& t = c.exif;
    QString hitTag, hitValue, hitEditor;
    const QList<QPair<QString, QString>> tags{{QStringLiteral("Software"), t.software},
                                               {QStringLiteral("ProcessingSoftware"), t.processingSoftware},
                                               {QStringLiteral("Make"), t.make},
                                               {QStringLiteral("Model"), t.model},
                                               {QStringLiteral("CreatorTool"), t.creatorTool},
                                               {QStringLiteral("UserComment"), t.userComment}};
    for (const auto& [tag, value] : tags) {
        const QString lower = value.toLower();
        for (const QString& e : editors)
            if (!lower.isEmpty() && lower.contains(e)) {
                hitTag = tag;
                hitValue = value;
                hitEditor = e;
                break;
            }
        if (!hitTag.isEmpty())
            break;
    }
    const JpegQuantisation q = estimateJpegQuality(c.input->bytes);
    r.values = {{QStringLiteral("exif_software"), t.software}, {QStringLiteral("exif_make"), t.make},
                {QStringLiteral("jpeg_quality"), q.estimatedQuality}, {QStringLiteral("standard_tables"), q.standardTables},
                {QStringLiteral("min_jpeg_quality"), num(c, "NOT_EDITED", "min_jpeg_quality")}};
    // Over-smoothed skin. Skin carries at least the camera's noise that every surface of the photo
    // carries, plus its own pores and lines, so its fine texture is never below that of the flat
    // backdrop — unless a filter smoothed the skin after the picture was taken (a beauty app
    // flattens skin and leaves the rest). `skin_backdrop_texture` = cheek texture ÷ backdrop
    // texture (same filter); under `skin_backdrop_texture_warn` (1: the skin smoother than a flat
    // wall) → warn. Only against a plain backdrop; a noise-free (synthetic) backdrop gives a large
    // ratio: no judgement, no false alarm. The earlier reference, the eye region (cheek ÷ eye
    // texture, still shown), flagged every photo of meir_1: her portrait is a soft studio shot
    // (cheek texture 0.9–1.4, the lowest of the bases) with strongly made-up, high-contrast eyes
    // (eye texture 6.6–8.1, the highest) — a person's eyes and make-up, not an edit.
    double smoothness = -1, skinVsBackdrop = -1, backdropTex = -1;
    if (c.face) {
        const FaceGeometry& f = *c.face;
        const auto& lm = f.lm;
        const auto hf = [&](const cv::Rect& rect) {
            const cv::Rect rr = clampRect(rect, c.bgr.size());
            if (rr.width < 4 || rr.height < 4)
                return -1.0;
            cv::Mat g, blurred, diff;
            c.gray(rr).convertTo(g, CV_32F);
            cv::GaussianBlur(g, blurred, cv::Size(0, 0), 1.0 * c.face->faceWidth / 200.0 + 0.3);
            cv::absdiff(g, blurred, diff);
            return cv::mean(diff)[0];
        };
        const int s = int(0.14 * f.faceWidth);
        const cv::Point2f cl = lm[2] * 0.45f + lm[31] * 0.55f, cr = lm[14] * 0.45f + lm[35] * 0.55f;
        const cv::Rect cheekL(int(cl.x - s / 2), int(cl.y - s / 2), s, s), cheekR(int(cr.x - s / 2), int(cr.y - s / 2), s, s);
        const double cheeks = (hf(cheekL) + hf(cheekR)) / 2, eyes = (hf(eyeRect(f, 36)) + hf(eyeRect(f, 42))) / 2;
        if (cheeks >= 0 && eyes > 0)
            smoothness = cheeks / eyes;
        if (c.bgPlain)
            backdropTex = backdropTexture(c, 1.0 * f.faceWidth / 200.0 + 0.3);
        if (cheeks >= 0 && backdropTex > 0.05) // under 0.05: a noise-free backdrop is no reference
            skinVsBackdrop = cheeks / backdropTex;
        region(r, QStringLiteral("left_cheek"), clampRect(cheekL, c.bgr.size()));
        region(r, QStringLiteral("right_cheek"), clampRect(cheekR, c.bgr.size()));
        r.values.insert(QStringLiteral("cheek_texture_ratio"), r3(smoothness));
        r.values.insert(QStringLiteral("cheek_texture"), r3(cheeks));
        r.values.insert(QStringLiteral("backdrop_texture"), r3(backdropTex));
        r.values.insert(QStringLiteral("skin_backdrop_texture"), r3(skinVsBackdrop));
        r.values.insert(QStringLiteral("skin_backdrop_texture_warn"), num(c, "NOT_EDITED", "skin_backdrop_texture_warn"));
    }
    // Compression artefacts on the face (where a reviewer looks and the matcher reads).
    double blocky = 0;
    if (c.face && c.hasImage()) {
        const FaceGeometry& f = *c.face;
        const cv::Rect faceRect = clampRect(cv::Rect(int(f.faceLeft), int(f.browTop), int(f.faceWidth), int(f.chinY - f.browTop)), c.bgr.size());
        blocky = blockiness(c.gray, faceRect);
        region(r, QStringLiteral("face"), faceRect);
        r.values.insert(QStringLiteral("blockiness"), r3(blocky));
        r.values.insert(QStringLiteral("blockiness_warn"), num(c, "NOT_EDITED", "blockiness_warn"));
    }
    if (!hitTag.isEmpty()) {
        r.values.insert(QStringLiteral("editor_tag"), hitTag);
        r.values.insert(QStringLiteral("editor"), hitValue);
        return set(r, Verdict::Fail, ZH("文件由编辑/美颜软件保存（%1: %2）").arg(hitTag, hitValue),
                   EN("saved by an editor or beauty app (%1: %2)").arg(hitTag, hitValue));
    }
    if (q.estimatedQuality > 0 && q.estimatedQuality < num(c, "NOT_EDITED", "min_jpeg_quality"))
        return set(r, Verdict::Warn, ZH("JPEG质量约 %1，疑似多次压缩").arg(q.estimatedQuality),
                   EN("JPEG quality about %1: re-compressed?").arg(q.estimatedQuality));
    if (blocky > num(c, "NOT_EDITED", "blockiness_warn"))
        return set(r, Verdict::Warn, ZH("面部有明显的JPEG方块压缩痕迹（%1），疑似低质量或多次压缩").arg(r2(blocky)),
                   EN("visible JPEG blocking on the face (%1): a low-quality or re-compressed copy?").arg(r2(blocky)));
    if (skinVsBackdrop >= 0 && skinVsBackdrop < num(c, "NOT_EDITED", "skin_backdrop_texture_warn"))
        return set(r, Verdict::Warn, ZH("面颊皮肤比背景还平滑（%1），疑似美颜").arg(r2(skinVsBackdrop)),
                   EN("cheek skin smoother than the plain backdrop (%1): beautified?").arg(r2(skinVsBackdrop)));
    set(r, Verdict::Pass, ZH("未见编辑痕迹"), EN("no sign of editing"));
}

void notSelfie(const Context& c, RuleResult& r)
{
    if (!needImage(c, r))
        return;
    const double faceRatio = c.face ? c.face->faceWidth / c.bgr.cols : 0;
    const double roll = c.face ? std::abs(c.face->rollDeg) : 0;
    r.values = {{QStringLiteral("background_edge_density"), r3(c.bgEdgeDensity)}, {QStringLiteral("face_width_ratio"), r3(faceRatio)},
                {QStringLiteral("roll_deg"), r2(roll)}};
    region(r, QStringLiteral("background"), boundingOf(c.bgMask));
    QStringList zh, en;
    if (c.bgEdgeDensity > num(c, "NOT_SELFIE", "edge_density_warn")) {
        zh << ZH("背景杂乱");
        en << EN("busy background");
    }
    if (faceRatio > num(c, "NOT_SELFIE", "face_width_ratio_warn")) {
        zh << ZH("近距离拍摄");
        en << EN("close-range shot");
    }
    if (roll > num(c, "NOT_SELFIE", "roll_warn_deg")) {
        zh << ZH("相机倾斜");
        en << EN("tilted camera");
    }
    if (!zh.isEmpty())
        return set(r, Verdict::Warn, ZH("疑似生活照或自拍：%1").arg(zh.join(QStringLiteral("、"))),
                   EN("looks like a snapshot or selfie: %1").arg(en.join(QStringLiteral(", "))));
    set(r, Verdict::Pass, ZH("未见自拍特征"), EN("no sign of a selfie"));
}

void matchReference(const Context& c, RuleResult& r, const ReferencePhoto& ref, const QString& nameZh, const QString& nameEn)
{
    if (!ref.given)
        return set(r, Verdict::NotApplicable, ZH("无%1，未比对").arg(nameZh), EN("no %1 photo to compare with").arg(nameEn));
    const DetectedFace* face = c.analysis ? c.analysis->largest() : nullptr;
    if (!face || !face->hasDescriptor())
        return set(r, Verdict::Error, ZH("提交照片中无人脸特征"), EN("no face descriptor in the submission"));
    if (ref.descriptor.empty())
        return set(r, Verdict::Warn, ZH("%1中未检测到人脸，请人工比对").arg(nameZh), EN("no face in the %1 photo: compare by eye").arg(nameEn));
    const double d = descriptorDistance(face->descriptor, ref.descriptor);
    const MatchBands bands = c.bands->forFaces(face->box.width, ref.faceWidth);
    const MatchBand band = classifyDistance(d, bands);
    r.values = {{QStringLiteral("distance"), r3(d)}, {QStringLiteral("band"), matchBandName(band)},
                {QStringLiteral("match_max"), bands.matchMax}, {QStringLiteral("mismatch_min"), bands.mismatchMin},
                {QStringLiteral("reference_face_px"), ref.faceWidth}};
    region(r, QStringLiteral("face"), face->box);
    if (band == MatchBand::Mismatch)
        return set(r, Verdict::Fail, ZH("与%1不是同一人（距离 %2）").arg(nameZh).arg(r3(d)),
                   EN("not the same person as the %1 photo (distance %2)").arg(nameEn).arg(r3(d)));
    if (band == MatchBand::Uncertain)
        return set(r, Verdict::Warn, ZH("与%1相似度不确定（距离 %2），请人工比对").arg(nameZh).arg(r3(d)),
                   EN("uncertain match with the %1 photo (distance %2): compare by eye").arg(nameEn).arg(r3(d)));
    set(r, Verdict::Pass, ZH("与%1为同一人").arg(nameZh), EN("same person as the %1 photo").arg(nameEn));
}
void matchEnrollment(const Context& c, RuleResult& r)
{
    matchReference(c, r, c.input->enrollment, ZH("录取照片"), EN("enrollment"));
}
void matchId(const Context& c, RuleResult& r)
{
    matchReference(c, r, c.input->idCard, ZH("身份证照片"), EN("ID-card"));
}

void notReused(const Context& c, RuleResult& r)
{
    if (!needImage(c, r))
        return;
    const int maxHash = int(num(c, "NOT_REUSED", "phash_max_distance"));
    const int maxCode = int(num(c, "NOT_REUSED", "face_code_max_distance"));
    const double maxDesc = num(c, "NOT_REUSED", "descriptor_max_distance");
    const DetectedFace* face = c.analysis ? c.analysis->largest() : nullptr;
    const std::vector<float> none;
    const std::vector<float>& desc = face && face->hasDescriptor() ? face->descriptor : none;
    const quint64 hash = c.phash.value_or(0);
    r.values = {{QStringLiteral("phash"), QString::number(hash, 16).rightJustified(16, QLatin1Char('0'))},
                {QStringLiteral("phash_max_distance"), maxHash}, {QStringLiteral("descriptor_max_distance"), maxDesc}};
    QStringList zh, en;
    const auto checkRef = [&](const ReferencePhoto& ref, const QString& key, const QString& nameZh, const QString& nameEn) {
        if (!ref.given)
            return;
        if (ref.phash) {
            const int d = hammingDistance(hash, *ref.phash);
            r.values.insert(key + QLatin1String("_phash_distance"), d);
            if (d <= maxHash) {
                zh << ZH("与%1是同一张图片").arg(nameZh);
                en << EN("the same picture as the %1 photo").arg(nameEn);
                return;
            }
        }
        if (!desc.empty() && !ref.descriptor.empty()) {
            const double d = descriptorDistance(desc, ref.descriptor);
            r.values.insert(key + QLatin1String("_descriptor_distance"), r3(d));
            if (d <= maxDesc) {
                zh << ZH("人像与%1几乎完全相同").arg(nameZh);
                en << EN("the face is a near copy of the %1 photo").arg(nameEn);
            }
        }
    };
    checkRef(c.input->enrollment, QStringLiteral("enrollment"), ZH("录取照片"), EN("enrollment"));
    checkRef(c.input->idCard, QStringLiteral("id_card"), ZH("身份证照片"), EN("ID-card"));
    bool ownEarlier = false;
    if (c.input->duplicates) {
        const quint64 code = descriptorCode(desc);
        const auto candidates = c.input->duplicates->findNear(hash, maxHash, code, desc.empty() ? -1 : maxCode);
        QJsonArray others;
        for (const DuplicateCandidate& cand : candidates) {
            if (c.input->photoId != 0 && cand.photoId == c.input->photoId)
                continue;
            bool dup = cand.hashDistance <= maxHash;
            double dd = -1;
            if (!dup && !desc.empty() && !cand.descriptor.isEmpty() && cand.descriptor.size() == qsizetype(desc.size() * sizeof(float))) {
                std::vector<float> other(desc.size());
                std::memcpy(other.data(), cand.descriptor.constData(), size_t(cand.descriptor.size()));
                dd = descriptorDistance(desc, other);
                dup = dd >= 0 && dd <= maxDesc;
            } else if (!dup && !desc.empty() && cand.descriptor.isEmpty()) {
                dup = cand.faceCodeDistance <= maxCode; // no descriptor stored: the code decides
            }
            if (!dup)
                continue;
            if (cand.studentId == c.input->studentId && c.input->studentId != 0) {
                if (cand.role == QLatin1String("submitted"))
                    ownEarlier = true;
                continue; // the student's own references were checked above
            }
            others.append(QJsonObject{{QStringLiteral("photo_id"), cand.photoId}, {QStringLiteral("student_id"), cand.studentId},
                                      {QStringLiteral("role"), cand.role}, {QStringLiteral("phash_distance"), cand.hashDistance},
                                      {QStringLiteral("descriptor_distance"), r3(dd)}});
        }
        r.values.insert(QStringLiteral("store_candidates"), int(candidates.size()));
        if (!others.isEmpty()) {
            r.values.insert(QStringLiteral("other_students"), others);
            zh << ZH("与其他学生的照片相同（%1 张）").arg(others.size());
            en << EN("the same as another student's photo (%1)").arg(others.size());
        }
    }
    if (!zh.isEmpty())
        return set(r, Verdict::Fail, ZH("重复使用的照片：%1").arg(zh.join(QStringLiteral("；"))),
                   EN("re-used photo: %1").arg(en.join(QStringLiteral("; "))));
    if (ownEarlier)
        return set(r, Verdict::Warn, ZH("与本人以前提交的照片相同"), EN("the same picture as this student's earlier submission"));
    set(r, Verdict::Pass, ZH("未发现重复使用"), EN("no re-use found"));
}

// Catalog order (allRuleIds()).
const Rule kRuleTable[] = {
    {"FILE_FORMAT", fileFormat},           {"FILE_SIZE", fileSize},
    {"RESOLUTION", resolution},            {"COLOR_IMAGE", colorImage},
    {"SINGLE_FACE", singleFace},           {"POSE_FRONTAL", poseFrontal},
    {"SHOULDERS_LEVEL", shouldersLevel},   {"HEAD_SIZE", headSize},
    {"HEAD_CENTERED", headCentered},       {"BACKGROUND_UNIFORM", backgroundUniform},
    {"BACKGROUND_BLUE", backgroundBlue},   {"CLOTHING_CONTRAST", clothingContrast},
    {"NO_SLEEVELESS", noSleeveless},       {"EYES_OPEN", eyesOpen},
    {"MOUTH_CLOSED", mouthClosed},         {"EARS_VISIBLE", earsVisible},
    {"HAIR_CLEAR", hairClear},             {"NO_HEADWEAR", noHeadwear},
    {"NO_HEAVY_MAKEUP", noHeavyMakeup},    {"NO_JEWELRY", noJewelry},
    {"GLASSES_OK", glassesOk},             {"SHARPNESS", sharpness},
    {"EXPOSURE", exposure},                {"NOT_EDITED", notEdited},
    {"NOT_SELFIE", notSelfie},             {"MATCH_ENROLLMENT", matchEnrollment},
    {"MATCH_ID", matchId},                 {"NOT_REUSED", notReused},
};
static_assert(std::size(kRuleTable) == 28);

} // namespace

RuleEngine::RuleEngine(RuleConfig config, MatchBands bands) : m_config(std::move(config)), m_bands(std::move(bands)) {}

RuleReport RuleEngine::evaluate(const RuleInput& input) const
{
    QElapsedTimer timer;
    timer.start();
    RuleReport report;
    report.file = input.fileName;
    report.configName = m_config.name;
    report.configVersion = m_config.version;
    report.configSource = m_config.source;
    Context c;
    c.input = &input;
    c.config = &m_config;
    c.bands = &m_bands;
    try {
        prepare(c);
    } catch (const cv::Exception& e) {
        c.bgr.release();
        c.loadError = QStringLiteral("opencv: %1").arg(QString::fromStdString(e.msg));
    }
    for (const Rule& rule : kRuleTable) {
        RuleResult r;
        r.id = QString::fromLatin1(rule.id);
        r.kind = *ruleKind(r.id);
        if (!m_config.enabled(r.id)) {
            set(r, Verdict::NotApplicable, ZH("此规则已在配置中停用"), EN("rule disabled by the configuration"));
        } else {
            try {
                rule.run(c, r);
            } catch (const std::exception& e) {
                r.values.insert(QStringLiteral("exception"), QString::fromUtf8(e.what()));
                set(r, Verdict::Error, ZH("测量出错"), EN("measurement failed"));
            }
            // Checklist rules are always the reviewer's: whatever was measured, not applicable.
            if (r.kind == RuleKind::Checklist)
                r.verdict = Verdict::NotApplicable;
        }
        report.results.push_back(std::move(r));
    }
    report.elapsedMs = timer.nsecsElapsed() / 1e6;
    return report;
}

} // namespace pd::rules
