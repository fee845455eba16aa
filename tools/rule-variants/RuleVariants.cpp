#include "tools/rule-variants/RuleVariants.h"

#include "tools/rule-variants/PortraitImaging.h"

#include "core/vision/ImageLoader.h"
#include "core/vision/rules/ExifTags.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/photo.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <functional>

namespace pd::variants {

// The imaging helpers (PortraitImaging.h) are shared with tools/eval-corpus.
using Base = NormalisedPortrait;
namespace {
const cv::Scalar kBlue = kNationalBlueBgr;
constexpr int kW = kPhotoWidth, kH = kPhotoHeight;
constexpr double kFaceWidth = kBaseFaceWidth, kEyeY = kBaseEyeLineY;
} // namespace

QByteArray encodeJpeg(const cv::Mat& img, int quality)
{
    std::vector<uchar> buf;
    cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

// Large enough for FILE_SIZE (> 30 KB) at a quality a camera would use.
QByteArray encodeCompliant(const cv::Mat& img)
{
    for (int q : {92, 95, 97, 99}) {
        QByteArray b = encodeJpeg(img, q);
        if (b.size() > 40 * 1024)
            return b;
    }
    return encodeJpeg(img, 100);
}

cv::Mat composite(const Base& b, const cv::Mat& background)
{
    cv::Mat fg, bg, out;
    b.person.convertTo(fg, CV_32FC3);
    background.convertTo(bg, CV_32FC3);
    cv::Mat a3;
    cv::merge(std::vector<cv::Mat>{b.alpha, b.alpha, b.alpha}, a3);
    out = fg.mul(a3) + bg.mul(cv::Scalar::all(1.0) - a3);
    out.convertTo(out, CV_8UC3);
    return out;
}

// A plain blue with faint sensor-like noise (deterministic), so files are not unrealistically
// small and the background is not a mathematically flat colour.
cv::Mat blueBackground()
{
    cv::Mat bg(kH, kW, CV_8UC3, kBlue);
    cv::Mat noise(kH, kW, CV_16SC3);
    cv::RNG rng(20240601);
    rng.fill(noise, cv::RNG::NORMAL, 0, 2.0);
    cv::Mat out;
    bg.convertTo(out, CV_16SC3);
    out += noise;
    out.convertTo(out, CV_8UC3);
    return out;
}

VisionResult<Base> normalisePortrait(const FaceAnalyzer& analyzer, const QString& path)
{
    auto loaded = loadImageFile(path);
    if (!loaded)
        return loaded.error();
    auto analysis = analyzer.analyze(loaded->bgr, AnalyzeOptions{DescriptorScope::None, false});
    if (!analysis)
        return analysis.error();
    const DetectedFace* face = analysis->largest();
    if (!face || face->landmarks.size() != 68)
        return visionError(VisionErrorCode::NoFace, QStringLiteral("no face in %1").arg(path));
    const auto& lm = face->landmarks;
    cv::Point2f eyeL(0, 0), eyeR(0, 0);
    for (int i = 36; i < 42; ++i)
        eyeL += lm[i] * (1.0f / 6);
    for (int i = 42; i < 48; ++i)
        eyeR += lm[i] * (1.0f / 6);
    const cv::Point2f eyeMid = (eyeL + eyeR) * 0.5f;
    const double roll = std::atan2(eyeR.y - eyeL.y, eyeR.x - eyeL.x) * 180 / M_PI;
    const double width = cv::norm(lm[16] - lm[0]);
    const double s = kFaceWidth / width;
    cv::Mat src = loaded->bgr;
    if (s < 0.7) { // pre-filter before shrinking (warpAffine samples bilinearly)
        cv::Mat blurred;
        cv::GaussianBlur(src, blurred, cv::Size(0, 0), 0.45 / s);
        src = blurred;
    }
    cv::Mat m = cv::getRotationMatrix2D(eyeMid, roll, s);
    m.at<double>(0, 2) += kW / 2.0 - eyeMid.x;
    m.at<double>(1, 2) += kEyeY - eyeMid.y;
    Base b;
    b.name = QFileInfo(path).completeBaseName();
    cv::warpAffine(src, b.person, m, cv::Size(kW, kH), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::transform(lm, b.lm, m);
    b.eyeMid = cv::Point2f(kW / 2.0f, float(kEyeY));
    b.eyeLineY = kEyeY;
    b.faceWidth = cv::norm(b.lm[16] - b.lm[0]);
    b.chinY = b.lm[8].y;

    // GrabCut at half resolution, seeded from the landmarks.
    const double fw = b.faceWidth, cx = kW / 2.0;
    double browTop = b.lm[17].y;
    for (int i = 17; i <= 26; ++i)
        browTop = std::min<double>(browTop, b.lm[i].y);
    const double crown = browTop - 0.6 * (b.chinY - browTop);
    cv::Mat mask(kH, kW, CV_8U, cv::Scalar(cv::GC_PR_BGD));
    // Sure background: the top strip above the crown and the sides above the chin.
    mask(cv::Rect(0, 0, kW, std::max(1, int(crown - 0.12 * fw)))).setTo(cv::GC_BGD);
    for (int y = 0; y < int(b.chinY); ++y)
        for (int x = 0; x < kW; ++x)
            if (std::abs(x - cx) > 0.95 * fw)
                mask.at<uchar>(y, x) = cv::GC_BGD;
    // Probable foreground: head ellipse and the torso below the chin.
    cv::ellipse(mask, cv::Point(int(cx), int((crown + b.chinY) / 2)), cv::Size(int(0.62 * fw), int((b.chinY - crown) / 2 + 0.05 * fw)),
                0, 0, 360, cv::Scalar(cv::GC_PR_FGD), cv::FILLED);
    std::vector<cv::Point> torso{{int(cx - 0.45 * fw), int(b.chinY)}, {int(cx + 0.45 * fw), int(b.chinY)},
                                 {int(cx + 1.6 * fw), kH}, {int(cx - 1.6 * fw), kH}};
    cv::fillConvexPoly(mask, torso, cv::Scalar(cv::GC_PR_FGD));
    // Sure foreground: the face, the neck, the centre of the torso.
    std::vector<cv::Point> hull, pts;
    for (const auto& p : b.lm)
        pts.emplace_back(p);
    cv::convexHull(pts, hull);
    cv::fillConvexPoly(mask, hull, cv::Scalar(cv::GC_FGD));
    cv::rectangle(mask, cv::Rect(int(cx - 0.25 * fw), int(b.chinY - 0.1 * fw), int(0.5 * fw), int(0.5 * fw)), cv::Scalar(cv::GC_FGD), cv::FILLED);
    const int torsoTop = int(b.chinY + 0.55 * fw);
    if (torsoTop < kH)
        cv::rectangle(mask, cv::Rect(int(cx - 0.7 * fw), torsoTop, int(1.4 * fw), kH - torsoTop), cv::Scalar(cv::GC_FGD), cv::FILLED);
    cv::Mat small, smallMask;
    cv::resize(b.person, small, cv::Size(kW / 2, kH / 2), 0, 0, cv::INTER_AREA);
    cv::resize(mask, smallMask, small.size(), 0, 0, cv::INTER_NEAREST);
    cv::theRNG().state = 0x12345678; // GrabCut's GMM initialisation draws from it
    cv::Mat bgdModel, fgdModel;
    cv::grabCut(small, smallMask, cv::Rect(), bgdModel, fgdModel, 5, cv::GC_INIT_WITH_MASK);
    cv::Mat fgSmall = (smallMask == cv::GC_FGD) | (smallMask == cv::GC_PR_FGD);
    cv::Mat fg;
    cv::resize(fgSmall, fg, cv::Size(kW, kH), 0, 0, cv::INTER_LINEAR);
    cv::morphologyEx(fg, fg, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
    cv::morphologyEx(fg, fg, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(7, 7)));
    fg.convertTo(b.alpha, CV_32F, 1.0 / 255);
    cv::GaussianBlur(b.alpha, b.alpha, cv::Size(0, 0), 1.2);
    b.photo = composite(b, blueBackground());
    return b;
}

// Scales/rotates/shifts the composited photo about the eye centre, filling with the border.
cv::Mat transformed(const Base& b, double scale, double angle, double dx)
{
    cv::Mat m = cv::getRotationMatrix2D(b.eyeMid, angle, scale);
    m.at<double>(0, 2) += dx;
    cv::Mat out;
    cv::warpAffine(b.photo, out, m, b.photo.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

cv::Point2f meanOf(const std::vector<cv::Point2f>& lm, int from, int to)
{
    cv::Point2f s(0, 0);
    for (int i = from; i <= to; ++i)
        s += lm[i];
    return s * (1.0f / float(to - from + 1));
}

// Blends `colour` into `img` where `mask` (CV_32F 0..1) is set: out = img*(1-a*k) + colour*a*k.
void paint(cv::Mat& img, const cv::Mat& mask, const std::function<cv::Vec3f(const cv::Vec3f&)>& f)
{
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const float a = mask.at<float>(y, x);
            if (a <= 0)
                continue;
            cv::Vec3b& p = img.at<cv::Vec3b>(y, x);
            const cv::Vec3f v(p[0], p[1], p[2]);
            const cv::Vec3f t = f(v);
            for (int c = 0; c < 3; ++c)
                p[c] = cv::saturate_cast<uchar>(v[c] * (1 - a) + t[c] * a);
        }
}

cv::Mat lensMask(const Base& b, double grow)
{
    cv::Mat mask = cv::Mat::zeros(kH, kW, CV_32F);
    for (auto [eye, brow] : {std::pair{36, 17}, std::pair{42, 22}}) {
        const cv::Point2f c = meanOf(b.lm, eye, eye + 5);
        const double w = cv::norm(b.lm[eye + 3] - b.lm[eye]);
        const double browY = meanOf(b.lm, brow, brow + 4).y;
        cv::ellipse(mask, cv::Point(c), cv::Size(int(w * 0.95 * grow), int((c.y - browY) * 0.95 * grow)), 0, 0, 360, cv::Scalar(1), cv::FILLED);
    }
    cv::GaussianBlur(mask, mask, cv::Size(0, 0), 2);
    return mask;
}

QStringList defaultBaseNames()
{
    return {QStringLiteral("meir_1"), QStringLiteral("obama_3"), QStringLiteral("scott_kelly_1"), QStringLiteral("biden_1")};
}

QJsonObject VariantCorpus::manifest() const
{
    QJsonArray b, v;
    for (const BasePhoto& base : bases)
        b.append(QJsonObject{{QStringLiteral("name"), base.name}, {QStringLiteral("file"), base.file}});
    for (const VariantEntry& e : variants) {
        QJsonObject o{{QStringLiteral("file"), e.file}, {QStringLiteral("base"), e.base}, {QStringLiteral("variant"), e.variant},
                      {QStringLiteral("rule"), e.rule}, {QStringLiteral("expect"), e.expect}};
        if (!e.enrollment.isEmpty())
            o.insert(QStringLiteral("enrollment"), e.enrollment);
        if (!e.idCard.isEmpty())
            o.insert(QStringLiteral("id"), e.idCard);
        v.append(o);
    }
    return QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("bases"), b}, {QStringLiteral("variants"), v}};
}

// The upper eyelids lowered by `closure` (1 = shut) of the eye opening — what a camera catches in
// a blink (1) or a drowsy, half-closed look (≈ 0.6). The lid is skin: the skin of the cheek just
// below the eye, Poisson-blended (cv::seamlessClone) over the covered part of the eye so that its
// colour meets the surrounding skin without an edge, then the lashes along the new lid margin,
// darker than that skin and slightly soft. The landmarks are not told: the detector must see the
// closed lid in the pixels.
cv::Mat closedEyes(const cv::Mat& img, const Base& b, double closure)
{
    cv::Mat out = img.clone();
    for (int e : {36, 42}) {
        const auto p = [&](int k) { return b.lm[size_t(e + k)]; };
        const double eyeWidth = cv::norm(p(3) - p(0));
        // The lid margin: corners fixed, the upper points moved towards the lower lid.
        const cv::Point2f m1 = p(1) + float(closure) * (p(5) - p(1)), m2 = p(2) + float(closure) * (p(4) - p(2));
        const cv::Point2f centre = 0.25f * (p(0) + p(3) + p(1) + p(5));
        // Covered: from above the upper lid line down to just past the new margin, a little wider
        // than the eye so no line of the open eye is left at the edges.
        const auto grow = [&](const cv::Point2f& q, float gy) {
            return cv::Point(int(std::lround(centre.x + 1.3f * (q.x - centre.x))), int(std::lround(q.y + gy)));
        };
        // The edge of the covered area must lie on skin (seamlessClone carries the colour of the
        // edge inwards): past the lid crease above, past the lower lashes below.
        const float up = float(0.24 * eyeWidth), downPad = float(0.16 * eyeWidth);
        const bool shut = closure >= 0.95;
        const std::vector<cv::Point> lid{grow(p(0), 0), grow(p(1), -up), grow(p(2), -up), grow(p(3), 0),
                                         grow(shut ? p(4) : m2, shut ? downPad : downPad * 0.3f), grow(shut ? p(5) : m1, shut ? downPad : downPad * 0.3f)};
        cv::Mat mask = cv::Mat::zeros(img.size(), CV_8U);
        cv::fillConvexPoly(mask, lid, cv::Scalar(255), cv::LINE_AA);
        // The cheek skin below the eye, moved up onto it.
        const double down = 0.75 * eyeWidth;
        const cv::Mat shiftUp = (cv::Mat_<double>(2, 3) << 1, 0, 0, 0, 1, -down);
        cv::Mat skin;
        cv::warpAffine(out, skin, shiftUp, out.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        const cv::Rect box = cv::boundingRect(lid) & cv::Rect(1, 1, img.cols - 2, img.rows - 2);
        if (box.area() < 9)
            continue;
        cv::Mat blended;
        cv::seamlessClone(skin(box), out, mask(box), cv::Point(box.x + box.width / 2, box.y + box.height / 2), blended, cv::NORMAL_CLONE);
        out = blended;
        // The lashes: a soft dark curve along the margin, sagging a little in the middle.
        const cv::Point2f sag(0, float(0.04 * eyeWidth));
        const std::vector<cv::Point> lashes{cv::Point(p(0)), cv::Point(m1 + sag), cv::Point(m2 + sag), cv::Point(p(3))};
        cv::Mat line = cv::Mat::zeros(img.size(), CV_32F);
        cv::polylines(line, lashes, false, cv::Scalar(1), std::max(1, int(std::lround(0.045 * eyeWidth))), cv::LINE_AA);
        cv::GaussianBlur(line, line, cv::Size(0, 0), 0.8);
        paint(out, line * 0.85, [](const cv::Vec3f& v) { return v * 0.3f; });
    }
    return out;
}

VisionResult<QByteArray> makeCompliantPhoto(const FaceAnalyzer& analyzer, const QString& portraitPath)
{
    auto b = normalisePortrait(analyzer, portraitPath);
    if (!b)
        return b.error();
    return encodeCompliant(b->photo);
}

VisionResult<VariantCorpus> makeRuleVariants(const FaceAnalyzer& analyzer, const QStringList& portraitPaths, const QString& outDir)
{
    VariantCorpus corpus;
    corpus.dir = outDir;
    QDir().mkpath(outDir);
    const QDir dir(outDir);
    const auto write = [&](const QString& name, const QByteArray& bytes) -> bool {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    std::vector<Base> bases;
    for (const QString& path : portraitPaths) {
        auto b = normalisePortrait(analyzer, path);
        if (!b)
            return b.error();
        bases.push_back(std::move(b.value()));
    }
    for (size_t i = 0; i < bases.size(); ++i) {
        const Base& b = bases[i];
        const QString baseFile = b.name + QStringLiteral("_base.jpg");
        const QByteArray baseJpeg = encodeCompliant(b.photo);
        if (!write(baseFile, baseJpeg))
            return visionError(VisionErrorCode::Unreadable, QStringLiteral("cannot write %1").arg(dir.filePath(baseFile)));
        corpus.bases.append(BasePhoto{b.name, baseFile});

        const auto add = [&](const QString& variant, const QString& rule, const QByteArray& bytes, const QString& ext = QStringLiteral("jpg"),
                             const QString& expect = QStringLiteral("fail")) {
            const QString file = QStringLiteral("%1_%2.%3").arg(b.name, variant, ext);
            write(file, bytes);
            corpus.variants.append(VariantEntry{file, b.name, variant, rule, expect, {}, {}});
        };
        const auto addImage = [&](const QString& variant, const QString& rule, const cv::Mat& img) {
            add(variant, rule, encodeCompliant(img));
        };

        // Background.
        addImage(QStringLiteral("bg_white"), QStringLiteral("BACKGROUND_BLUE"), composite(b, cv::Mat(kH, kW, CV_8UC3, cv::Scalar(235, 235, 235))));
        addImage(QStringLiteral("bg_red"), QStringLiteral("BACKGROUND_BLUE"), composite(b, cv::Mat(kH, kW, CV_8UC3, cv::Scalar(40, 30, 200))));
        {
            cv::Mat g(kH, kW, CV_8UC3);
            for (int y = 0; y < kH; ++y)
                for (int x = 0; x < kW; ++x) {
                    const double t = std::min(1.0, (0.7 * y / kH + 0.3 * x / kW) * 1.6);
                    g.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(255 - 120 * t), uchar(197 - 150 * t), uchar(100 - 80 * t));
                }
            addImage(QStringLiteral("bg_gradient"), QStringLiteral("BACKGROUND_UNIFORM"), composite(b, g));
        }
        {
            cv::Mat clutter = blueBackground();
            cv::RNG rng(7 + int(i));
            for (int k = 0; k < 40; ++k) {
                const cv::Point p(rng.uniform(0, kW), rng.uniform(0, kH));
                const cv::Scalar colour(rng.uniform(0, 256), rng.uniform(0, 256), rng.uniform(0, 256));
                if (k % 2)
                    cv::rectangle(clutter, cv::Rect(p, cv::Size(rng.uniform(20, 120), rng.uniform(20, 120))), colour, cv::FILLED);
                else
                    cv::line(clutter, p, cv::Point(rng.uniform(0, kW), rng.uniform(0, kH)), colour, rng.uniform(2, 6));
            }
            addImage(QStringLiteral("bg_clutter"), QStringLiteral("BACKGROUND_UNIFORM"), composite(b, clutter));
        }
        // Colour, focus, exposure.
        {
            cv::Mat grey;
            cv::cvtColor(b.photo, grey, cv::COLOR_BGR2GRAY);
            add(QStringLiteral("greyscale"), QStringLiteral("COLOR_IMAGE"), encodeJpeg(grey, 97));
        }
        {
            cv::Mat blurred;
            cv::GaussianBlur(b.photo, blurred, cv::Size(0, 0), 4.0);
            addImage(QStringLiteral("blur"), QStringLiteral("SHARPNESS"), blurred);
        }
        {
            cv::Mat over, under;
            b.photo.convertTo(over, -1, 1.5, 70);
            b.photo.convertTo(under, -1, 0.3, 0);
            addImage(QStringLiteral("overexposed"), QStringLiteral("EXPOSURE"), over);
            addImage(QStringLiteral("underexposed"), QStringLiteral("EXPOSURE"), under);
        }
        // File.
        {
            QByteArray small;
            for (int q = 40; q >= 5; q -= 5) {
                small = encodeJpeg(b.photo, q);
                if (small.size() < 30 * 1024)
                    break;
            }
            add(QStringLiteral("small_file"), QStringLiteral("FILE_SIZE"), small);
            std::vector<uchar> png;
            cv::imencode(".png", b.photo, png);
            add(QStringLiteral("png_as_jpg"), QStringLiteral("FILE_FORMAT"), QByteArray(reinterpret_cast<const char*>(png.data()), qsizetype(png.size())));
            cv::Mat square;
            cv::resize(b.photo, square, cv::Size(600, 600), 0, 0, cv::INTER_AREA);
            addImage(QStringLiteral("square"), QStringLiteral("RESOLUTION"), square);
        }
        // Geometry.
        addImage(QStringLiteral("head_large"), QStringLiteral("HEAD_SIZE"), transformed(b, 1.45, 0, 0));
        addImage(QStringLiteral("head_small"), QStringLiteral("HEAD_SIZE"), transformed(b, 0.68, 0, 0));
        addImage(QStringLiteral("off_centre"), QStringLiteral("HEAD_CENTERED"), transformed(b, 1.0, 0, 100));
        addImage(QStringLiteral("rolled"), QStringLiteral("POSE_FRONTAL"), transformed(b, 1.0, 15, 0));
        // Glasses: tinted lenses, glare spots.
        {
            cv::Mat tinted = b.photo.clone();
            paint(tinted, lensMask(b, 1.0), [](const cv::Vec3f& v) { return cv::Vec3f(v[0] * 0.22f + 5, v[1] * 0.26f + 8, v[2] * 0.3f + 12); });
            addImage(QStringLiteral("tinted_glasses"), QStringLiteral("GLASSES_OK"), tinted);
            cv::Mat glare = b.photo.clone();
            cv::Mat spots = cv::Mat::zeros(kH, kW, CV_32F);
            for (int eye : {36, 42}) {
                const cv::Point2f c = meanOf(b.lm, eye, eye + 5);
                const double w = cv::norm(b.lm[eye + 3] - b.lm[eye]);
                cv::ellipse(spots, cv::Point(int(c.x - 0.15 * w), int(c.y - 0.1 * w)), cv::Size(int(0.38 * w), int(0.2 * w)), -20, 0, 360,
                            cv::Scalar(1), cv::FILLED);
            }
            cv::GaussianBlur(spots, spots, cv::Size(0, 0), 1.0);
            paint(glare, spots, [](const cv::Vec3f&) { return cv::Vec3f(255, 255, 255); });
            addImage(QStringLiteral("glare"), QStringLiteral("GLASSES_OK"), glare);
        }
        // Eyes: a blink.
        addImage(QStringLiteral("eyes_closed"), QStringLiteral("EYES_OPEN"), closedEyes(b.photo, b, 1.0));
        // Metadata of a beauty app.
        {
            auto tagged = rules::withExifSoftware(baseJpeg, QStringLiteral("Meitu 美图秀秀 9.9.1"), QStringLiteral("Meitu"));
            if (!tagged)
                return tagged.error();
            add(QStringLiteral("beauty_app_exif"), QStringLiteral("NOT_EDITED"), tagged.value());
        }
        // Clothing recoloured to the background colour (luminance texture kept).
        {
            cv::Mat dressed = b.photo.clone();
            cv::Mat mask = cv::Mat::zeros(kH, kW, CV_32F);
            const int top = int(b.chinY + 0.4 * (b.chinY - b.eyeLineY));
            cv::Mat ycc;
            cv::cvtColor(b.photo, ycc, cv::COLOR_BGR2YCrCb);
            const cv::Rect cheeks(cv::Point(int(b.lm[2].x + 0.1 * b.faceWidth), int(b.lm[29].y)),
                                  cv::Point(int(b.lm[14].x - 0.1 * b.faceWidth), int(b.lm[33].y)));
            const cv::Scalar skin = cv::mean(ycc(cheeks));
            for (int y = std::max(0, top); y < kH; ++y)
                for (int x = 0; x < kW; ++x) {
                    const cv::Vec3b p = ycc.at<cv::Vec3b>(y, x);
                    const bool isSkin = std::abs(p[1] - skin[1]) < 12 && std::abs(p[2] - skin[2]) < 12;
                    if (!isSkin)
                        mask.at<float>(y, x) = b.alpha.at<float>(y, x);
                }
            cv::Mat grey;
            cv::cvtColor(b.photo, grey, cv::COLOR_BGR2GRAY);
            const double meanGrey = cv::mean(grey, grey > 0)[0];
            for (int y = 0; y < kH; ++y)
                for (int x = 0; x < kW; ++x) {
                    const float a = mask.at<float>(y, x);
                    if (a <= 0)
                        continue;
                    const double d = (grey.at<uchar>(y, x) - meanGrey) * 0.15;
                    cv::Vec3b& p = dressed.at<cv::Vec3b>(y, x);
                    for (int c = 0; c < 3; ++c)
                        p[c] = cv::saturate_cast<uchar>(p[c] * (1 - a) + (kBlue[c] + d) * a);
                }
            addImage(QStringLiteral("clothing_like_background"), QStringLiteral("CLOTHING_CONTRAST"), dressed);
        }
        // Skin smoothed by a "beauty" filter (assisted: a warning is enough).
        {
            cv::Mat smooth = b.photo.clone(), filtered;
            cv::bilateralFilter(b.photo, filtered, 9, 60, 9);
            cv::GaussianBlur(filtered, filtered, cv::Size(0, 0), 2.0);
            cv::Mat mask = cv::Mat::zeros(kH, kW, CV_32F);
            std::vector<cv::Point> hull, pts;
            for (int k = 0; k <= 16; ++k)
                pts.emplace_back(b.lm[k]);
            for (int k = 17; k <= 26; ++k)
                pts.emplace_back(b.lm[k]);
            cv::convexHull(pts, hull);
            cv::fillConvexPoly(mask, hull, cv::Scalar(1));
            for (int eye : {36, 42}) { // keep eyes and brows sharp, as beauty apps do
                const cv::Point2f c = meanOf(b.lm, eye, eye + 5);
                cv::ellipse(mask, cv::Point(c), cv::Size(int(0.16 * b.faceWidth), int(0.1 * b.faceWidth)), 0, 0, 360, cv::Scalar(0), cv::FILLED);
            }
            cv::GaussianBlur(mask, mask, cv::Size(0, 0), 3);
            for (int y = 0; y < kH; ++y)
                for (int x = 0; x < kW; ++x) {
                    const float a = mask.at<float>(y, x);
                    if (a > 0)
                        for (int c = 0; c < 3; ++c)
                            smooth.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<uchar>(smooth.at<cv::Vec3b>(y, x)[c] * (1 - a) + filtered.at<cv::Vec3b>(y, x)[c] * a);
                }
            add(QStringLiteral("skin_smoothed"), QStringLiteral("NOT_EDITED"), encodeCompliant(smooth), QStringLiteral("jpg"), QStringLiteral("warn"));
        }
        // References: another person as the enrollment / ID photo; the enrollment photo re-used.
        if (bases.size() > 1) {
            const Base& other = bases[(i + 1) % bases.size()];
            const QString otherFile = other.name + QStringLiteral("_base.jpg");
            const QString file = QStringLiteral("%1_other_person.jpg").arg(b.name);
            write(file, baseJpeg);
            corpus.variants.append(VariantEntry{file, b.name, QStringLiteral("enrollment_other_person"), QStringLiteral("MATCH_ENROLLMENT"),
                                                QStringLiteral("fail"), otherFile, {}});
            corpus.variants.append(VariantEntry{file, b.name, QStringLiteral("id_other_person"), QStringLiteral("MATCH_ID"),
                                                QStringLiteral("fail"), {}, otherFile});
        }
        {
            cv::Mat copy;
            cv::resize(b.photo, copy, cv::Size(), 0.9, 0.9, cv::INTER_AREA);
            cv::resize(copy, copy, b.photo.size(), 0, 0, cv::INTER_LINEAR);
            const QString file = QStringLiteral("%1_reused_enrollment.jpg").arg(b.name);
            write(file, encodeJpeg(copy, 85));
            corpus.variants.append(VariantEntry{file, b.name, QStringLiteral("reused_enrollment"), QStringLiteral("NOT_REUSED"),
                                                QStringLiteral("fail"), baseFile, {}});
        }
    }
    QFile m(dir.filePath(QStringLiteral("manifest.json")));
    if (!m.open(QIODevice::WriteOnly))
        return visionError(VisionErrorCode::Unreadable, QStringLiteral("cannot write manifest.json"));
    m.write(QJsonDocument(corpus.manifest()).toJson());
    return corpus;
}

} // namespace pd::variants
