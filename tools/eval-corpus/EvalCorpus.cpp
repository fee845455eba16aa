#include "tools/eval-corpus/EvalCorpus.h"

#include "core/vision/IdCardSimulation.h"
#include "core/vision/ImageLoader.h"
#include "tools/rule-variants/PortraitImaging.h"
#include "tools/rule-variants/RuleVariants.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <map>

namespace pd::eval {

using variants::NormalisedPortrait;

namespace {

constexpr int kW = variants::kPhotoWidth, kH = variants::kPhotoHeight;

// FNV-1a: a seed from a name that is the same in every process (qHash is randomised per process).
quint32 seedOf(const QString& s)
{
    quint32 h = 2166136261u;
    for (const char c : s.toUtf8()) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    return h;
}

QByteArray bytesOf(const std::vector<uchar>& v) { return QByteArray(reinterpret_cast<const char*>(v.data()), qsizetype(v.size())); }

cv::Mat decoded(const QByteArray& bytes)
{
    const std::vector<uchar> v(bytes.begin(), bytes.end());
    return cv::imdecode(v, cv::IMREAD_COLOR);
}

// The portrait re-framed (scaled/rotated about the eye centre, shifted) with its cut-out and
// landmarks, re-composited on blue: framing jitter and framing faults start from it.
NormalisedPortrait reframed(const NormalisedPortrait& b, double scale, double angle, double dx, double dy)
{
    cv::Mat m = cv::getRotationMatrix2D(b.eyeMid, angle, scale);
    m.at<double>(0, 2) += dx;
    m.at<double>(1, 2) += dy;
    NormalisedPortrait out = b;
    // The clothes continue below the frame (replicated downwards); beside the frame there is
    // only backdrop. Fresh matrices: a copied cv::Mat shares its pixels with b's.
    cv::Mat person, alpha;
    const int below = kH / 2;
    cv::copyMakeBorder(b.person, person, 0, below, 0, 0, cv::BORDER_REPLICATE);
    cv::copyMakeBorder(b.alpha, alpha, 0, below, 0, 0, cv::BORDER_REPLICATE);
    out.person = cv::Mat();
    out.alpha = cv::Mat();
    cv::warpAffine(person, out.person, m, b.person.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::warpAffine(alpha, out.alpha, m, b.alpha.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::transform(b.lm, out.lm, m);
    std::vector<cv::Point2f> eye{b.eyeMid};
    cv::transform(eye, eye, m);
    out.eyeMid = eye[0];
    out.eyeLineY = eye[0].y;
    out.faceWidth = cv::norm(out.lm[16] - out.lm[0]);
    out.chinY = out.lm[8].y;
    out.photo = variants::composite(out, variants::blueBackground());
    return out;
}

// A plain backdrop of colour `bgr` lit from above-left (light falls off by `falloff` towards the
// far corner) with sensor noise of `sigma`.
cv::Mat backdrop(const cv::Scalar& bgr, double falloff, double sigma, quint32 seed)
{
    cv::Mat bg(kH, kW, CV_32FC3);
    const double diag = std::hypot(kW, kH);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const double f = 1.0 - falloff * std::hypot(x, y) / diag;
            bg.at<cv::Vec3f>(y, x) = cv::Vec3f(float(bgr[0] * f), float(bgr[1] * f), float(bgr[2] * f));
        }
    cv::Mat noise(kH, kW, CV_32FC3);
    cv::RNG rng(seed);
    rng.fill(noise, cv::RNG::NORMAL, 0, sigma);
    bg += noise;
    cv::Mat out;
    bg.convertTo(out, CV_8UC3);
    return out;
}

// A vignette as an on-camera flash or a single lamp gives it: bright centre, dark corners.
cv::Mat vignetteBackdrop(double strength)
{
    cv::Mat bg = backdrop(variants::kNationalBlueBgr, 0, 2.0, 99);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const double r = std::hypot((x - kW / 2.0) / (kW / 2.0), (y - kH * 0.4) / (kH / 2.0));
            const double f = 1.0 - strength * std::min(1.0, r * r);
            cv::Vec3b& p = bg.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c)
                p[c] = cv::saturate_cast<uchar>(p[c] * f);
        }
    return bg;
}

void addNoise(cv::Mat& img, double sigma, quint32 seed)
{
    cv::Mat noise(img.size(), CV_16SC3), wide;
    cv::RNG rng(seed);
    rng.fill(noise, cv::RNG::NORMAL, 0, sigma);
    img.convertTo(wide, CV_16SC3);
    wide += noise;
    wide.convertTo(img, CV_8UC3);
}

// Per-channel gains (B, G, R) over the pixels where `mask` (CV_32F 0..1; empty: everywhere) is set:
// a camera's white balance left at daylight under another light.
cv::Mat colourCast(const cv::Mat& img, const cv::Vec3f& gains, const cv::Mat& mask = {})
{
    cv::Mat out = img.clone();
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const float a = mask.empty() ? 1.0f : mask.at<float>(y, x);
            cv::Vec3b& p = out.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c)
                p[c] = cv::saturate_cast<uchar>(p[c] * (1 - a + a * gains[c]));
        }
    return out;
}

cv::Mat faceHullMask(const NormalisedPortrait& b, double blur)
{
    cv::Mat mask = cv::Mat::zeros(kH, kW, CV_32F);
    std::vector<cv::Point> pts, hull;
    for (int k = 0; k <= 26; ++k)
        pts.emplace_back(b.lm[size_t(k)]);
    cv::convexHull(pts, hull);
    cv::fillConvexPoly(mask, hull, cv::Scalar(1));
    if (blur > 0)
        cv::GaussianBlur(mask, mask, cv::Size(0, 0), blur);
    return mask;
}

// Glasses frames drawn round both eyes; `inside` is applied to the lens area (tint, nothing).
cv::Mat withGlasses(const NormalisedPortrait& b, const std::function<cv::Vec3f(const cv::Vec3f&)>& inside)
{
    cv::Mat img = b.photo.clone();
    variants::paint(img, variants::lensMask(b, 1.05), inside);
    std::vector<cv::Point> centres;
    for (auto [eye, brow] : {std::pair{36, 17}, std::pair{42, 22}}) {
        const cv::Point2f c = variants::meanOf(b.lm, eye, eye + 5);
        const double w = cv::norm(b.lm[size_t(eye + 3)] - b.lm[size_t(eye)]);
        const double browY = variants::meanOf(b.lm, brow, brow + 4).y;
        cv::ellipse(img, cv::Point(c), cv::Size(int(w * 1.0), int((c.y - browY) * 1.0)), 0, 0, 360, cv::Scalar(35, 30, 30), 3, cv::LINE_AA);
        centres.emplace_back(c);
    }
    const double w = cv::norm(b.lm[39] - b.lm[36]);
    cv::line(img, cv::Point(int(centres[0].x + w), centres[0].y), cv::Point(int(centres[1].x - w), centres[1].y), cv::Scalar(35, 30, 30), 3, cv::LINE_AA);
    return img;
}

// Local magnification (r' = r·(1 − k·(1 − (r/R)²))) around each eye and a horizontal squeeze of the
// cheeks and jaw, as a beauty app's "big eyes" and "slim face" sliders do.
cv::Mat beautyWarp(const cv::Mat& img, const NormalisedPortrait& b, double eyeK, double slim)
{
    cv::Mat mapX(img.size(), CV_32F), mapY(img.size(), CV_32F);
    const double cx = b.lm[30].x, top = b.eyeLineY, bottom = b.chinY + 0.1 * b.faceWidth;
    const cv::Point2f eyes[2] = {variants::meanOf(b.lm, 36, 41), variants::meanOf(b.lm, 42, 47)};
    const double radius = 1.1 * cv::norm(b.lm[39] - b.lm[36]);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            double sx = x, sy = y;
            for (const cv::Point2f& e : eyes) {
                const double d = std::hypot(x - e.x, y - e.y);
                if (d < radius) {
                    const double f = 1 - eyeK * (1 - (d / radius) * (d / radius));
                    sx = e.x + (x - e.x) * f;
                    sy = e.y + (y - e.y) * f;
                }
            }
            if (slim > 0 && y > top && y < bottom && std::abs(x - cx) < 0.9 * b.faceWidth) {
                const double v = std::sin(M_PI * (y - top) / (bottom - top));
                const double u = std::abs(x - cx) / (0.9 * b.faceWidth);
                sx = cx + (sx - cx) * (1 + slim * v * std::sin(M_PI * u));
            }
            mapX.at<float>(y, x) = float(sx);
            mapY.at<float>(y, x) = float(sy);
        }
    cv::Mat out;
    cv::remap(img, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

cv::Mat smoothSkin(const cv::Mat& img, const NormalisedPortrait& b, double strength)
{
    cv::Mat filtered;
    cv::bilateralFilter(img, filtered, 9, 70, 9);
    cv::GaussianBlur(filtered, filtered, cv::Size(0, 0), 1.5);
    cv::Mat mask = faceHullMask(b, 0);
    for (int eye : {36, 42}) // beauty apps keep eyes and brows sharp
        cv::ellipse(mask, cv::Point(variants::meanOf(b.lm, eye, eye + 5)), cv::Size(int(0.16 * b.faceWidth), int(0.1 * b.faceWidth)), 0, 0, 360,
                    cv::Scalar(0), cv::FILLED);
    cv::GaussianBlur(mask, mask, cv::Size(0, 0), 3);
    mask *= strength;
    cv::Mat out = img.clone();
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const float a = mask.at<float>(y, x);
            for (int c = 0; c < 3; ++c)
                out.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<uchar>(img.at<cv::Vec3b>(y, x)[c] * (1 - a) + filtered.at<cv::Vec3b>(y, x)[c] * a);
        }
    return out;
}

// Barrel distortion about the nose: a phone at arm's length makes the middle of the face bulge.
cv::Mat closeRange(const cv::Mat& img, const cv::Point2f& centre, double k)
{
    cv::Mat mapX(img.size(), CV_32F), mapY(img.size(), CV_32F);
    const double norm = 0.5 * std::hypot(img.cols, img.rows);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const double dx = (x - centre.x) / norm, dy = (y - centre.y) / norm;
            const double f = 1 - k * std::exp(-(dx * dx + dy * dy) * 6);
            mapX.at<float>(y, x) = float(centre.x + dx * f * norm);
            mapY.at<float>(y, x) = float(centre.y + dy * f * norm);
        }
    cv::Mat out;
    cv::remap(img, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

// The head and shoulders of `other`, scaled so that its face is `faceWidth` px wide, blurred as an
// out-of-focus background is, drawn into `bg` with its eye centre at `at`.
void pasteBackgroundPerson(cv::Mat& bg, const NormalisedPortrait& other, double faceWidth, const cv::Point2f& at, double blur)
{
    const double s = faceWidth / other.faceWidth;
    cv::Mat m = cv::getRotationMatrix2D(other.eyeMid, 0, s);
    m.at<double>(0, 2) += at.x - other.eyeMid.x;
    m.at<double>(1, 2) += at.y - other.eyeMid.y;
    cv::Mat person, alpha;
    cv::warpAffine(other.person, person, m, bg.size(), cv::INTER_AREA, cv::BORDER_CONSTANT);
    cv::warpAffine(other.alpha, alpha, m, bg.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    if (blur > 0)
        cv::GaussianBlur(person, person, cv::Size(0, 0), blur);
    for (int y = 0; y < bg.rows; ++y)
        for (int x = 0; x < bg.cols; ++x) {
            const float a = alpha.at<float>(y, x);
            if (a > 0)
                for (int c = 0; c < 3; ++c)
                    bg.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<uchar>(bg.at<cv::Vec3b>(y, x)[c] * (1 - a) + person.at<cv::Vec3b>(y, x)[c] * a);
        }
}

// A poster on the wall: a rectangle of `other`'s photo (its own background and all) with a white border.
void pastePoster(cv::Mat& bg, const NormalisedPortrait& other, double faceWidth, const cv::Point& topLeft)
{
    const double s = faceWidth / other.faceWidth;
    cv::Mat small;
    cv::resize(other.person, small, cv::Size(), s, s, cv::INTER_AREA);
    const cv::Rect crop(int(small.cols * 0.15), int(small.rows * 0.1), int(small.cols * 0.7), int(small.rows * 0.62));
    cv::Mat poster;
    cv::copyMakeBorder(small(crop), poster, 6, 6, 6, 6, cv::BORDER_CONSTANT, cv::Scalar(238, 238, 238));
    const cv::Rect where = cv::Rect(topLeft, poster.size()) & cv::Rect(0, 0, bg.cols, bg.rows);
    poster(cv::Rect(0, 0, where.width, where.height)).copyTo(bg(where));
}

// A real cluttered room: the ISS module behind Andrew Morgan (morgan_2_iss), a 3:4 crop away from
// his face, scaled to the frame and a little out of focus as a background is.
cv::Mat roomBackdrop(const FaceAnalyzer& analyzer, const QString& fixtureDir)
{
    auto room = loadImageFile(QDir(fixtureDir).filePath(QStringLiteral("morgan_2_iss.jpg")));
    if (!room)
        return vignetteBackdrop(0.5);
    const cv::Mat& img = room->bgr;
    int faceX = img.cols / 2;
    if (auto a = analyzer.analyze(img, AnalyzeOptions{DescriptorScope::None, false}); a && a->largest())
        faceX = a->largest()->box.x + a->largest()->box.width / 2;
    const int cropW = std::min(img.cols, img.rows * 3 / 4), cropH = cropW * 4 / 3;
    const int x = faceX > img.cols / 2 ? 0 : img.cols - cropW;
    cv::Mat out;
    cv::resize(img(cv::Rect(x, 0, cropW, std::min(cropH, img.rows))), out, cv::Size(kW, kH), 0, 0, cv::INTER_AREA);
    cv::GaussianBlur(out, out, cv::Size(0, 0), 1.2);
    return out;
}

QString portraitFile(const QString& fixtureDir, const QString& name)
{
    const QDir dir(fixtureDir);
    for (const char* ext : {".jpg", ".png"})
        if (QFileInfo::exists(dir.filePath(name + QLatin1String(ext))))
            return dir.filePath(name + QLatin1String(ext));
    return dir.filePath(name + QStringLiteral(".jpg"));
}

// ID-card references. Print: the card photo as a scanner or the card's print gives it (358×441,
// face box about half the width as on a real card, JPEG). Chip: the reader's 102×126 image, soft
// and heavily compressed; the BMP kind is the same image as a reader saves it (decoded to BMP).
struct CardLook {
    cv::Size size;
    double faceFraction; // detector face box width / card width
    double blur;         // Gaussian σ before encoding (chip images are soft)
};

VisionResult<cv::Mat> cardPhoto(const cv::Mat& bgr, const cv::Rect& face, const CardLook& look)
{
    IdCardSimulation sim;
    sim.size = look.size;
    sim.faceWidth = std::max(8, int(std::lround(look.faceFraction * look.size.width)));
    sim.jpegQuality = 98;
    auto card = simulateIdCardPhoto(bgr, face, sim);
    if (!card)
        return card.error();
    cv::Mat img = decoded(card.value());
    if (look.blur > 0)
        cv::GaussianBlur(img, img, cv::Size(0, 0), look.blur);
    return img;
}

const QList<UncoveredRule>& uncoveredRules()
{
    static const QList<UncoveredRule> list{
        {QStringLiteral("NO_SLEEVELESS"), QStringLiteral("changing clothes to a strap top needs a body model; no fixture wears one")},
        {QStringLiteral("EARS_VISIBLE"), QStringLiteral("hair over the ears needs a generative hair edit; drawing hair looks nothing like it")},
        {QStringLiteral("HAIR_CLEAR"), QStringLiteral("a fringe over the brows needs a generative hair edit")},
        {QStringLiteral("SHOULDERS_LEVEL"), QStringLiteral("one shoulder raised needs the torso re-posed apart from the head; rotating the whole photo is a POSE_FRONTAL fault")},
        {QStringLiteral("POSE_FRONTAL"), QStringLiteral("roll is made (rule-variants: rolled 15°); turned heads are only the two real ones among the smiling portraits (a made yaw needs a 3-D face model)")},
        {QStringLiteral("NO_HEADWEAR"), QStringLiteral("checklist rule: the reviewer confirms it, the machine measures nothing")},
        {QStringLiteral("NO_JEWELRY"), QStringLiteral("checklist rule: the reviewer confirms it, the machine measures nothing")},
    };
    return list;
}

QJsonArray expectationsJson(const QList<RuleExpectation>& rules)
{
    QJsonArray a;
    for (const RuleExpectation& e : rules)
        a.append(QJsonObject{{QStringLiteral("rule"), e.rule}, {QStringLiteral("expect"), e.expect}});
    return a;
}

} // namespace

QStringList referenceKinds()
{
    return {QLatin1String(kChipJpeg), QLatin1String(kChipBmp), QLatin1String(kPrint), QLatin1String(kEnrollment)};
}

QString personOf(const QString& portraitName)
{
    static const QRegularExpression re(QStringLiteral("^(.*?)_\\d+(_.*)?$"));
    const auto m = re.match(portraitName);
    return m.hasMatch() ? m.captured(1) : portraitName;
}

EvalCorpusOptions fullCorpusOptions()
{
    EvalCorpusOptions o;
    // Normalise into a photo that fails no automated rule (docs/photo-rules.md "Evaluation corpus").
    o.compliantBases = {QStringLiteral("biden_1"), QStringLiteral("mark_kelly_1"), QStringLiteral("meir_1"), QStringLiteral("obama_3"),
                        QStringLiteral("scott_kelly_1")};
    // Smile with teeth: a real MOUTH_CLOSED fault. wilson_1 and obama_2 are also turned (POSE_FRONTAL).
    o.smilingBases = {QStringLiteral("biden_2"), QStringLiteral("hague_1"), QStringLiteral("hernandez_1"), QStringLiteral("koch_1"),
                      QStringLiteral("mcclain_1"), QStringLiteral("melvin_1"), QStringLiteral("morgan_1"), QStringLiteral("obama_1"),
                      QStringLiteral("ochoa_1"), QStringLiteral("wilson_1"), QStringLiteral("obama_2")};
    o.turnedBases = {QStringLiteral("wilson_1"), QStringLiteral("obama_2")};
    // morgan_2_iss (on board the ISS: soft, head cut at the top) is no compliant photo, but a second
    // photo of Andrew Morgan for the same-person pairs.
    o.pairPortraits = o.compliantBases + o.smilingBases + QStringList{QStringLiteral("morgan_2_iss")};
    return o;
}

EvalCorpusOptions smallCorpusOptions()
{
    EvalCorpusOptions o;
    o.compliantBases = {QStringLiteral("obama_3")};
    o.smilingBases = {QStringLiteral("biden_2")};
    o.pairPortraits = {QStringLiteral("obama_3"), QStringLiteral("biden_2")};
    o.compliantPerBase = 3;
    o.ruleVariants = false;
    return o;
}

QJsonObject EvalCorpus::manifest() const
{
    QJsonArray p, q, u;
    for (const EvalPhoto& e : photos) {
        QJsonObject o{{QStringLiteral("file"), e.file}, {QStringLiteral("kind"), e.kind}, {QStringLiteral("base"), e.base},
                      {QStringLiteral("variant"), e.variant}, {QStringLiteral("rules"), expectationsJson(e.rules)}};
        if (!e.enrollment.isEmpty())
            o.insert(QStringLiteral("enrollment"), e.enrollment);
        if (!e.idCard.isEmpty())
            o.insert(QStringLiteral("id"), e.idCard);
        p.append(o);
    }
    for (const EvalPair& e : pairs)
        q.append(QJsonObject{{QStringLiteral("submission"), e.submission}, {QStringLiteral("reference"), e.reference},
                             {QStringLiteral("reference_kind"), e.referenceKind}, {QStringLiteral("same"), e.same},
                             {QStringLiteral("person_a"), e.personA}, {QStringLiteral("person_b"), e.personB},
                             {QStringLiteral("same_source"), e.sameSource}, {QStringLiteral("twins"), e.twins}});
    for (const UncoveredRule& r : uncovered)
        u.append(QJsonObject{{QStringLiteral("rule"), r.rule}, {QStringLiteral("why"), r.why}});
    return QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("photos"), p}, {QStringLiteral("pairs"), q}, {QStringLiteral("uncovered"), u}};
}

VisionResult<EvalCorpus> EvalCorpus::fromManifest(const QJsonObject& manifest, const QString& dir)
{
    if (manifest.value(QStringLiteral("version")).toInt() != 1)
        return visionError(VisionErrorCode::Config, QStringLiteral("manifest.json: version 1 expected"));
    EvalCorpus c;
    c.dir = dir;
    const QStringList kinds = referenceKinds();
    for (const QJsonValue& v : manifest.value(QStringLiteral("photos")).toArray()) {
        const QJsonObject o = v.toObject();
        EvalPhoto e{o.value(QStringLiteral("file")).toString(), o.value(QStringLiteral("kind")).toString(), o.value(QStringLiteral("base")).toString(),
                    o.value(QStringLiteral("variant")).toString(), {}, o.value(QStringLiteral("enrollment")).toString(),
                    o.value(QStringLiteral("id")).toString()};
        for (const QJsonValue& r : o.value(QStringLiteral("rules")).toArray())
            e.rules.append({r.toObject().value(QStringLiteral("rule")).toString(), r.toObject().value(QStringLiteral("expect")).toString()});
        if (e.file.isEmpty() || (e.kind != QLatin1String("compliant") && e.kind != QLatin1String("fault"))
            || (e.kind == QLatin1String("fault")) == e.rules.isEmpty())
            return visionError(VisionErrorCode::Config, QStringLiteral("manifest.json: bad photo entry %1").arg(e.file));
        c.photos.append(e);
    }
    for (const QJsonValue& v : manifest.value(QStringLiteral("pairs")).toArray()) {
        const QJsonObject o = v.toObject();
        EvalPair e{o.value(QStringLiteral("submission")).toString(), o.value(QStringLiteral("reference")).toString(),
                   o.value(QStringLiteral("reference_kind")).toString(), o.value(QStringLiteral("same")).toBool(),
                   o.value(QStringLiteral("person_a")).toString(), o.value(QStringLiteral("person_b")).toString(),
                   o.value(QStringLiteral("same_source")).toBool(), o.value(QStringLiteral("twins")).toBool()};
        if (e.submission.isEmpty() || e.reference.isEmpty() || !kinds.contains(e.referenceKind))
            return visionError(VisionErrorCode::Config, QStringLiteral("manifest.json: bad pair entry %1").arg(e.reference));
        c.pairs.append(e);
    }
    for (const QJsonValue& v : manifest.value(QStringLiteral("uncovered")).toArray())
        c.uncovered.append({v.toObject().value(QStringLiteral("rule")).toString(), v.toObject().value(QStringLiteral("why")).toString()});
    return c;
}

VisionResult<EvalCorpus> EvalCorpus::load(const QString& dir)
{
    QFile f(QDir(dir).filePath(QStringLiteral("manifest.json")));
    if (!f.open(QIODevice::ReadOnly))
        return visionError(VisionErrorCode::Unreadable, QStringLiteral("cannot read %1").arg(f.fileName()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        return visionError(VisionErrorCode::Config, QStringLiteral("manifest.json: %1").arg(error.errorString()));
    return fromManifest(doc.object(), dir);
}

namespace {

// Writes the files of one corpus and collects their labels.
class CorpusWriter {
public:
    CorpusWriter(const FaceAnalyzer& analyzer, QString fixtureDir, const QString& outDir)
        : m_analyzer(analyzer), m_fixtures(std::move(fixtureDir)), m_dir(outDir)
    {
        m_corpus.dir = outDir;
        m_corpus.uncovered = uncoveredRules();
    }

    VisionResult<const NormalisedPortrait*> portrait(const QString& name)
    {
        if (auto it = m_portraits.find(name); it != m_portraits.end())
            return &it->second;
        auto b = variants::normalisePortrait(m_analyzer, portraitFile(m_fixtures, name));
        if (!b)
            return b.error();
        return &m_portraits.emplace(name, std::move(b.value())).first->second;
    }

    bool write(const QString& file, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(m_dir.filePath(file)).path());
        QFile f(m_dir.filePath(file));
        if (!(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size()))
            m_failed = file;
        return m_failed.isEmpty();
    }

    void photo(const QString& base, const QString& variant, const QString& kind, const QByteArray& bytes,
               const QList<RuleExpectation>& rules = {}, const QString& ext = QStringLiteral("jpg"))
    {
        const QString file = QStringLiteral("%1/%2_%3.%4").arg(kind, base, variant, ext);
        write(file, bytes);
        m_corpus.photos.append(EvalPhoto{file, kind, base, variant, rules, {}, {}});
    }

    void fault(const QString& base, const QString& variant, const cv::Mat& img, const QList<RuleExpectation>& rules)
    {
        photo(base, variant, QStringLiteral("fault"), variants::encodeCompliant(img), rules);
    }

    void compliant(const NormalisedPortrait& b, int count);
    void realisticFaults(const NormalisedPortrait& b, const NormalisedPortrait& other);
    VisionResult<bool> ruleVariants(const QStringList& basePaths);
    VisionResult<bool> references(const QString& name);
    void pairs(const QStringList& names);
    void linkReferences(const QStringList& names);

    VisionResult<EvalCorpus> finish()
    {
        if (!m_failed.isEmpty())
            return visionError(VisionErrorCode::Unreadable, QStringLiteral("cannot write %1").arg(m_dir.filePath(m_failed)));
        write(QStringLiteral("manifest.json"), QJsonDocument(m_corpus.manifest()).toJson());
        return m_corpus;
    }

    const cv::Mat& room()
    {
        if (m_room.empty())
            m_room = roomBackdrop(m_analyzer, m_fixtures);
        return m_room;
    }

private:
    const FaceAnalyzer& m_analyzer;
    QString m_fixtures;
    QDir m_dir;
    EvalCorpus m_corpus;
    QString m_failed;
    std::map<QString, NormalisedPortrait> m_portraits;
    std::map<QString, QMap<QString, QString>> m_references; // portrait → kind → file
    cv::Mat m_room;
};

// Compliant photos as a studio or a careful phone shot gives them: framing a little off within the
// standard's tolerances, the backdrop's shade and light fall-off, exposure, sensor noise and JPEG
// quality vary; one in seven wears clear glasses. White backdrops are not among them: the final
// photo must be blue (最终成品照片为蓝色背景证件照), a white one is a BACKGROUND_BLUE fault.
void CorpusWriter::compliant(const NormalisedPortrait& b, int count)
{
    cv::RNG rng(seedOf(b.name) ^ 0xC0FFEEu);
    for (int i = 0; i < count; ++i) {
        const double scale = rng.uniform(0.95, 1.06), angle = rng.uniform(-1.5, 1.5);
        const double dx = rng.uniform(-12.0, 12.0), dy = rng.uniform(-10.0, 10.0);
        NormalisedPortrait r = reframed(b, scale, angle, dx, dy);
        const cv::Scalar shade(variants::kNationalBlueBgr[0] + rng.uniform(-8, 1), variants::kNationalBlueBgr[1] + rng.uniform(-8, 8),
                               variants::kNationalBlueBgr[2] + rng.uniform(-8, 8));
        r.photo = variants::composite(r, backdrop(shade, rng.uniform(0.0, 0.05), 1.5, rng.next()));
        cv::Mat img = i % 7 == 6 ? withGlasses(r, [](const cv::Vec3f& v) { return v * 0.96f; }) : r.photo;
        img.convertTo(img, -1, rng.uniform(0.93, 1.07), rng.uniform(-5.0, 5.0));
        addNoise(img, rng.uniform(0.8, 2.5), rng.next());
        int quality = rng.uniform(75, 96);
        QByteArray bytes = variants::encodeJpeg(img, quality);
        while (bytes.size() <= 30 * 1024 + 1024 && quality < 100) // a camera's file is never that small
            bytes = variants::encodeJpeg(img, ++quality);
        photo(b.name, QStringLiteral("jitter_%1%2").arg(i, 2, 10, QLatin1Char('0')).arg(i % 7 == 6 ? QStringLiteral("_glasses") : QString()),
              QStringLiteral("compliant"), bytes);
    }
}

void CorpusWriter::realisticFaults(const NormalisedPortrait& b, const NormalisedPortrait& other)
{
    const auto fail = [](const char* rule) { return QList<RuleExpectation>{{QLatin1String(rule), QStringLiteral("fail")}}; };
    const auto warn = [](const char* rule) { return QList<RuleExpectation>{{QLatin1String(rule), QStringLiteral("warn")}}; };
    const quint32 seed = seedOf(b.name);
    // Backdrops: the wall or sheet a student stands against at home or in a cheap studio.
    fault(b.name, QStringLiteral("bg_grey_wall"), variants::composite(b, backdrop(cv::Scalar(172, 176, 178), 0.12, 2.0, seed)), fail("BACKGROUND_BLUE"));
    fault(b.name, QStringLiteral("bg_beige"), variants::composite(b, backdrop(cv::Scalar(188, 212, 230), 0.1, 2.0, seed + 1)), fail("BACKGROUND_BLUE"));
    fault(b.name, QStringLiteral("bg_light_green"), variants::composite(b, backdrop(cv::Scalar(196, 228, 198), 0.08, 2.0, seed + 2)), fail("BACKGROUND_BLUE"));
    fault(b.name, QStringLiteral("bg_white_sheet"), variants::composite(b, backdrop(cv::Scalar(238, 240, 242), 0.1, 2.0, seed + 3)), fail("BACKGROUND_BLUE"));
    fault(b.name, QStringLiteral("bg_vignette"), variants::composite(b, vignetteBackdrop(0.55)), fail("BACKGROUND_UNIFORM"));
    fault(b.name, QStringLiteral("bg_room"), variants::composite(b, room()),
          {{QStringLiteral("BACKGROUND_UNIFORM"), QStringLiteral("fail")}, {QStringLiteral("BACKGROUND_BLUE"), QStringLiteral("fail")},
           {QStringLiteral("NOT_SELFIE"), QStringLiteral("warn")}});
    // Framing just outside the tolerances, as a hurried photographer leaves it.
    fault(b.name, QStringLiteral("frame_too_tight"), reframed(b, 1.36, 0, 0, 0).photo, fail("HEAD_SIZE"));
    fault(b.name, QStringLiteral("frame_too_loose"), reframed(b, 0.74, 0, 0, 0).photo, fail("HEAD_SIZE"));
    fault(b.name, QStringLiteral("frame_off_centre"), reframed(b, 1.0, 0, 62, 0).photo, fail("HEAD_CENTERED"));
    fault(b.name, QStringLiteral("frame_top_cut"), reframed(b, 1.0, 0, 0, -115).photo, fail("HEAD_CENTERED"));
    fault(b.name, QStringLiteral("frame_low"), reframed(b, 1.0, 0, 0, 75).photo, fail("HEAD_CENTERED"));
    // Colour casts: white balance left at daylight under tungsten / fluorescent light, or a desk
    // lamp lighting only the face. The rule warns on a skin cast (EXPOSURE cast_warn).
    fault(b.name, QStringLiteral("cast_tungsten"), colourCast(b.photo, cv::Vec3f(0.62f, 0.86f, 1.08f)), warn("EXPOSURE"));
    fault(b.name, QStringLiteral("cast_orange"), colourCast(b.photo, cv::Vec3f(0.5f, 0.8f, 1.12f)), warn("EXPOSURE"));
    fault(b.name, QStringLiteral("cast_green_fluorescent"), colourCast(b.photo, cv::Vec3f(0.9f, 1.07f, 0.82f)), warn("EXPOSURE"));
    {
        cv::Mat lamp = faceHullMask(b, 0.25 * b.faceWidth);
        fault(b.name, QStringLiteral("cast_face_lamp"), colourCast(b.photo, cv::Vec3f(0.6f, 0.85f, 1.1f), lamp), warn("EXPOSURE"));
    }
    // Glasses: sunglasses / photochromic lenses, a flash reflected in clear lenses.
    fault(b.name, QStringLiteral("glasses_tinted"), withGlasses(b, [](const cv::Vec3f& v) { return cv::Vec3f(v[0] * 0.38f, v[1] * 0.42f, v[2] * 0.5f); }),
          fail("GLASSES_OK"));
    {
        NormalisedPortrait g = b;
        g.photo = withGlasses(b, [](const cv::Vec3f& v) { return v * 0.96f; });
        cv::Mat spot = cv::Mat::zeros(kH, kW, CV_32F);
        for (int eye : {36, 42}) {
            const cv::Point2f c = variants::meanOf(b.lm, eye, eye + 5);
            const double w = cv::norm(b.lm[size_t(eye + 3)] - b.lm[size_t(eye)]);
            cv::ellipse(spot, cv::Point(int(c.x + 0.2 * w), int(c.y - 0.15 * w)), cv::Size(int(0.5 * w), int(0.28 * w)), 25, 0, 360, cv::Scalar(1), cv::FILLED);
        }
        cv::GaussianBlur(spot, spot, cv::Size(0, 0), 2.5);
        variants::paint(g.photo, spot, [](const cv::Vec3f&) { return cv::Vec3f(252, 252, 252); });
        fault(b.name, QStringLiteral("glasses_flash_glare"), g.photo, fail("GLASSES_OK"));
    }
    // Beauty apps: smoothing with big eyes; smoothing, big eyes, slim face and brightened skin.
    fault(b.name, QStringLiteral("beauty_smooth_eyes"), beautyWarp(smoothSkin(b.photo, b, 0.9), b, 0.16, 0), warn("NOT_EDITED"));
    {
        cv::Mat full = beautyWarp(smoothSkin(b.photo, b, 1.0), b, 0.2, 0.07);
        variants::paint(full, faceHullMask(b, 6) * 0.5, [](const cv::Vec3f& v) { return cv::Vec3f(std::min(255.f, v[0] * 1.12f + 12), std::min(255.f, v[1] * 1.1f + 10), std::min(255.f, v[2] * 1.06f + 8)); });
        fault(b.name, QStringLiteral("beauty_full"), full, warn("NOT_EDITED"));
    }
    // Heavy lipstick.
    {
        cv::Mat lips = cv::Mat::zeros(kH, kW, CV_32F);
        std::vector<cv::Point> outer;
        for (int k = 48; k <= 59; ++k)
            outer.emplace_back(b.lm[size_t(k)]);
        cv::fillPoly(lips, std::vector<std::vector<cv::Point>>{outer}, cv::Scalar(0.75));
        cv::GaussianBlur(lips, lips, cv::Size(0, 0), 1.2);
        cv::Mat made = b.photo.clone();
        variants::paint(made, lips, [](const cv::Vec3f& v) { const float l = (v[0] + v[1] + v[2]) / 3; return cv::Vec3f(l * 0.25f + 20, l * 0.2f + 10, std::min(255.f, l * 0.6f + 130)); });
        fault(b.name, QStringLiteral("makeup_lipstick"), made, warn("NO_HEAVY_MAKEUP"));
    }
    // Selfies and life photos: phone at arm's length (close, bulging), tilted, a room behind, the arm in view.
    {
        NormalisedPortrait near = reframed(b, 1.55, 0, 0, 40);
        fault(b.name, QStringLiteral("selfie_close"), closeRange(near.photo, near.lm[30], 0.12), warn("NOT_SELFIE"));
        NormalisedPortrait tilted = reframed(b, 1.2, 12, 0, 20);
        cv::Mat img = variants::composite(tilted, room());
        std::vector<cv::Point> arm{{kW, kH - 260}, {kW, kH}, {kW - 150, kH}, {kW - 40, kH - 230}};
        cv::fillConvexPoly(img, arm, cv::Scalar(120, 150, 200), cv::LINE_AA);
        fault(b.name, QStringLiteral("selfie_room_arm"), img,
              {{QStringLiteral("NOT_SELFIE"), QStringLiteral("warn")}, {QStringLiteral("BACKGROUND_UNIFORM"), QStringLiteral("fail")}});
        NormalisedPortrait snap = reframed(b, 0.85, 0, 30, 30);
        fault(b.name, QStringLiteral("life_photo"), variants::composite(snap, room()),
              {{QStringLiteral("NOT_SELFIE"), QStringLiteral("warn")}, {QStringLiteral("BACKGROUND_UNIFORM"), QStringLiteral("fail")}});
    }
    // A blink caught by the camera, and the drowsy half-closed look of a student who was told to
    // relax their face.
    fault(b.name, QStringLiteral("eyes_closed_blink"), variants::closedEyes(b.photo, b, 1.0), fail("EYES_OPEN"));
    fault(b.name, QStringLiteral("eyes_half_closed"), variants::closedEyes(b.photo, b, 0.6), warn("EYES_OPEN"));
    // A second face behind the student at about a third of the main face's width: a person in the
    // background (out of focus) or a face on a poster.
    {
        cv::Mat bg = backdrop(variants::kNationalBlueBgr, 0.03, 2.0, seed + 4);
        pasteBackgroundPerson(bg, other, b.faceWidth / 3, cv::Point2f(70, 150), 1.0);
        fault(b.name, QStringLiteral("second_face_person"), variants::composite(b, bg), fail("SINGLE_FACE"));
        cv::Mat wall = backdrop(variants::kNationalBlueBgr, 0.03, 2.0, seed + 5);
        pastePoster(wall, other, b.faceWidth / 3, cv::Point(kW - 125, 60));
        fault(b.name, QStringLiteral("second_face_poster"), variants::composite(b, wall), fail("SINGLE_FACE"));
    }
    // An upscaled thumbnail (a chat app's preview saved and blown up), a chat app's low-quality
    // copy, and a copy re-compressed twice (low quality, then saved again at high quality).
    {
        cv::Mat thumb, up;
        cv::resize(b.photo, thumb, cv::Size(120, 160), 0, 0, cv::INTER_AREA);
        cv::resize(thumb, up, b.photo.size(), 0, 0, cv::INTER_CUBIC);
        fault(b.name, QStringLiteral("upscaled_thumbnail"), up, fail("SHARPNESS"));
        photo(b.name, QStringLiteral("low_quality_q45"), QStringLiteral("fault"), variants::encodeJpeg(b.photo, 45), warn("NOT_EDITED"));
        photo(b.name, QStringLiteral("recompressed_q35_q92"), QStringLiteral("fault"),
              variants::encodeJpeg(decoded(variants::encodeJpeg(b.photo, 35)), 92), warn("NOT_EDITED"));
    }
}

VisionResult<bool> CorpusWriter::ruleVariants(const QStringList& basePaths)
{
    auto v = variants::makeRuleVariants(m_analyzer, basePaths, m_dir.filePath(QStringLiteral("rule-variants")));
    if (!v)
        return v.error();
    for (const variants::VariantEntry& e : v->variants) {
        EvalPhoto p{QStringLiteral("rule-variants/") + e.file, QStringLiteral("fault"), e.base, QStringLiteral("rule-variants:") + e.variant,
                    {{e.rule, e.expect}}, {}, {}};
        if (!e.enrollment.isEmpty())
            p.enrollment = QStringLiteral("rule-variants/") + e.enrollment;
        if (!e.idCard.isEmpty())
            p.idCard = QStringLiteral("rule-variants/") + e.idCard;
        m_corpus.photos.append(p);
    }
    for (const variants::BasePhoto& base : v->bases)
        m_corpus.photos.append(EvalPhoto{QStringLiteral("rule-variants/") + base.file, QStringLiteral("compliant"), base.name,
                                         QStringLiteral("rule-variants:base"), {}, {}, {}});
    return true;
}

// The reference photos made from one portrait: chip (JPEG and BMP), print, and the portrait
// file itself as an enrollment photo arrives (another photo, as it was taken).
VisionResult<bool> CorpusWriter::references(const QString& name)
{
    if (m_references.count(name))
        return true;
    auto loaded = loadImageFile(portraitFile(m_fixtures, name));
    if (!loaded)
        return loaded.error();
    auto a = m_analyzer.analyze(loaded->bgr, AnalyzeOptions{DescriptorScope::None, false});
    if (!a)
        return a.error();
    if (!a->largest())
        return visionError(VisionErrorCode::NoFace, QStringLiteral("no face in %1").arg(name));
    const cv::Rect box = a->largest()->box;
    cv::RNG rng(seedOf(name) ^ 0x1DCA4Du);
    QMap<QString, QString>& refs = m_references[name];
    auto chip = cardPhoto(loaded->bgr, box, CardLook{cv::Size(102, 126), 0.48, 0.6});
    if (!chip)
        return chip.error();
    const QString chipFile = QStringLiteral("references/%1_chip.jpg").arg(name);
    const QByteArray chipJpeg = variants::encodeJpeg(chip.value(), rng.uniform(30, 51));
    write(chipFile, chipJpeg);
    refs.insert(QLatin1String(kChipJpeg), chipFile);
    std::vector<uchar> bmp;
    cv::imencode(".bmp", decoded(variants::encodeJpeg(chip.value(), rng.uniform(30, 51))), bmp);
    const QString bmpFile = QStringLiteral("references/%1_chip.bmp").arg(name);
    write(bmpFile, bytesOf(bmp));
    refs.insert(QLatin1String(kChipBmp), bmpFile);
    auto print = cardPhoto(loaded->bgr, box, CardLook{cv::Size(358, 441), 0.48, 0.0});
    if (!print)
        return print.error();
    const QString printFile = QStringLiteral("references/%1_print.jpg").arg(name);
    write(printFile, variants::encodeJpeg(print.value(), rng.uniform(60, 76)));
    refs.insert(QLatin1String(kPrint), printFile);
    QFile original(portraitFile(m_fixtures, name));
    const QString enrolFile = QStringLiteral("references/%1_enrollment.%2").arg(name, QFileInfo(original.fileName()).suffix());
    if (!original.open(QIODevice::ReadOnly) || !write(enrolFile, original.readAll()))
        return visionError(VisionErrorCode::Unreadable, QStringLiteral("cannot copy %1").arg(original.fileName()));
    refs.insert(QLatin1String(kEnrollment), enrolFile);
    return true;
}

// Each portrait's normalised photo against every reference kind: same person from each other photo
// of that person (or from its own portrait when there is none: same_source), and different people
// — the next two persons in the list and, for the Kelly twins, the twin.
void CorpusWriter::pairs(const QStringList& names)
{
    QStringList persons;
    for (const QString& n : names)
        if (!persons.contains(personOf(n)))
            persons << personOf(n);
    for (const QString& name : names) {
        const QString submission = QStringLiteral("pairs/%1_submission.jpg").arg(name);
        const QString person = personOf(name);
        QStringList same, different;
        for (const QString& n : names)
            if (n != name && personOf(n) == person)
                same << n;
        const bool sameSource = same.isEmpty();
        if (sameSource)
            same << name;
        const int idx = int(persons.indexOf(person));
        for (int k = 1; k <= 2 && persons.size() > 1; ++k) {
            const QString other = persons.at((idx + k) % persons.size());
            if (other == person)
                continue;
            for (const QString& n : names)
                if (personOf(n) == other) {
                    different << n;
                    break;
                }
        }
        const QString twin = person == QLatin1String("scott_kelly") ? QStringLiteral("mark_kelly_1")
                             : person == QLatin1String("mark_kelly") ? QStringLiteral("scott_kelly_1") : QString();
        if (!twin.isEmpty() && names.contains(twin) && !different.contains(twin))
            different << twin;
        for (const QString& kind : referenceKinds()) {
            for (const QString& n : same)
                if (m_references.count(n))
                    m_corpus.pairs.append(EvalPair{submission, m_references[n].value(kind), kind, true, person, person, sameSource});
            for (const QString& n : different)
                if (m_references.count(n))
                    m_corpus.pairs.append(EvalPair{submission, m_references[n].value(kind), kind, false, person, personOf(n), false, n == twin});
        }
    }
}

// A compliant photo of a person with another photo among `names` gets that photo as its
// enrollment reference and its print copy as the ID card, as a real submission does, so that
// MATCH_ENROLLMENT, MATCH_ID and NOT_REUSED are measured on good photos too.
void CorpusWriter::linkReferences(const QStringList& names)
{
    for (EvalPhoto& p : m_corpus.photos) {
        if (p.kind != QLatin1String("compliant") || p.variant.startsWith(QLatin1String("rule-variants:")))
            continue;
        for (const QString& n : names)
            if (n != p.base && personOf(n) == personOf(p.base) && m_references.count(n)) {
                p.enrollment = m_references[n].value(QLatin1String(kEnrollment));
                p.idCard = m_references[n].value(QLatin1String(kPrint));
                break;
            }
    }
}

} // namespace

VisionResult<EvalCorpus> makeEvalCorpus(const FaceAnalyzer& analyzer, const QString& fixtureDir, const QString& outDir,
                                        const EvalCorpusOptions& options)
{
    QDir().mkpath(outDir);
    CorpusWriter w(analyzer, fixtureDir, outDir);
    QStringList basePaths;
    for (const QString& name : options.compliantBases) {
        auto b = w.portrait(name);
        if (!b)
            return b.error();
        w.compliant(*b.value(), options.compliantPerBase);
        basePaths << portraitFile(fixtureDir, name);
    }
    if (options.realisticFaults)
        for (int i = 0; i < options.compliantBases.size(); ++i) {
            // The second face is another person's: the next base (or a pair portrait when there is one base).
            const QStringList pool = options.compliantBases.size() > 1 ? options.compliantBases : options.pairPortraits;
            QString otherName = pool.at((pool.indexOf(options.compliantBases.at(i)) + 1) % pool.size());
            auto b = w.portrait(options.compliantBases.at(i));
            auto other = w.portrait(otherName);
            if (!b || !other)
                return b ? other.error() : b.error();
            w.realisticFaults(*b.value(), *other.value());
        }
    for (const QString& name : options.smilingBases) {
        auto b = w.portrait(name);
        if (!b)
            return b.error();
        QList<RuleExpectation> expected{{QStringLiteral("MOUTH_CLOSED"), QStringLiteral("fail")}};
        // obama_2 and wilson_1 are also turned (head pose yaw 27° / 20° against ISO/IEC 19794-5's
        // ±5°): the realistic POSE_FRONTAL fault the corpus otherwise lacks.
        if (options.turnedBases.contains(name))
            expected.append({QStringLiteral("POSE_FRONTAL"), QStringLiteral("warn")});
        w.photo(name, QStringLiteral("smile_teeth"), QStringLiteral("fault"), variants::encodeCompliant(b.value()->photo), expected);
    }
    if (options.ruleVariants)
        if (auto v = w.ruleVariants(basePaths); !v)
            return v.error();
    for (const QString& name : options.pairPortraits) {
        auto b = w.portrait(name);
        if (!b)
            return b.error();
        w.write(QStringLiteral("pairs/%1_submission.jpg").arg(name), variants::encodeCompliant(b.value()->photo));
        if (auto r = w.references(name); !r)
            return r.error();
    }
    w.pairs(options.pairPortraits);
    w.linkReferences(options.pairPortraits);
    return w.finish();
}

} // namespace pd::eval
