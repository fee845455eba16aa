// photodesk-make-demo-photos --faces DIR --out DIR [--landmarks FILE] [--contact-sheet FILE.png]
//
// Builds the demo data set (resources/demo/) from the public-domain portraits in
// tests/fixtures/faces/: per student an enrollment photo and an ID-card photo, per attempt a
// submitted photo (good ones on the national light blue, failures of known kinds), demo.json and
// ATTRIBUTION.md. Same input, same bytes: no clock, no unseeded randomness, single-threaded OpenCV.

#include "plan.h"
#include "portrait.h"

#include "tools/rule-variants/RuleVariants.h"

#include <QCoreApplication>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace pd {
namespace {

const cv::Scalar kNationalBlue(255, 197, 100);  // RGB(100,197,255) as BGR
constexpr std::size_t kMinBytes = 30 * 1024;

std::vector<uchar> encodeJpeg(const cv::Mat& img, int quality)
{
    std::vector<uchar> buf;
    cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality, cv::IMWRITE_JPEG_OPTIMIZE, 1});
    return buf;
}

std::vector<uchar> encodePng(const cv::Mat& img)
{
    std::vector<uchar> buf;
    cv::imencode(".png", img, buf, {cv::IMWRITE_PNG_COMPRESSION, 9});
    return buf;
}

void writeFile(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

void writeFile(const fs::path& path, const std::vector<uchar>& bytes)
{
    writeFile(path, std::string(bytes.begin(), bytes.end()));
}

// Photo-sensor style noise from a generator seeded per photo.
void addNoise(cv::Mat& img, double sigma, std::uint64_t seed)
{
    cv::RNG rng(seed);
    cv::Mat noise(img.size(), CV_16SC3);
    rng.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(sigma));
    cv::Mat wide;
    img.convertTo(wide, CV_16SC3);
    wide += noise;
    wide.convertTo(img, CV_8UC3);
}

cv::Mat adjust(const cv::Mat& img, double gain, double bias, cv::Vec3d channelGain = {1, 1, 1}, double saturation = 1)
{
    cv::Mat f;
    img.convertTo(f, CV_32FC3, gain, bias);
    if (saturation != 1) {
        cv::Mat grey, grey3;
        cv::cvtColor(f, grey, cv::COLOR_BGR2GRAY);
        cv::cvtColor(grey, grey3, cv::COLOR_GRAY2BGR);
        f = grey3 + (f - grey3) * saturation;
    }
    f = f.mul(cv::Scalar(channelGain[0], channelGain[1], channelGain[2]));
    cv::Mat out;
    f.convertTo(out, CV_8UC3);
    return out;
}

struct Generated {
    std::string file;   // relative to the output folder
    std::string label;  // for the contact sheet
    cv::Mat thumb;
    std::size_t bytes = 0;
};

HairZone hairZone(const std::string& file)
{
    static const std::map<std::string, HairZone> zones = {
        {"ochoa_1.jpg", {0.95f, 1.45f, true}},  {"koch_1.jpg", {0.85f, 1.0f, true}},
        {"meir_1.jpg", {0.95f, 1.3f, true}},   {"wilson_1.jpg", {0.95f, 1.45f, true}},
        {"collins_1.png", {0.95f, 1.45f, false, true}}, {"mcclain_1.jpg", {0.85f, 1.4f, false}},
        {"obama_1.jpg", {0.72f, 0.98f, false, true}}, {"scott_kelly_1.jpg", {0.6f, 1.15f, false, true}},
        {"biden_1.jpg", {0.78f, 1.3f, false, true}},  {"biden_2.jpg", {0.78f, 1.3f, false, true}},
        {"mark_kelly_1.jpg", {0.64f, 1.2f, false}},
    };
    const auto it = zones.find(file);
    return it == zones.end() ? HairZone{} : it->second;
}

class Generator {
public:
    Generator(std::string facesDir, const std::string& landmarks) : facesDir_(std::move(facesDir)), finder_(landmarks) {}

    const Portrait& portrait(const std::string& file)
    {
        auto it = portraits_.find(file);
        if (it == portraits_.end()) {
            std::cerr << "  segmenting " << file << "\n";
            it = portraits_.emplace(file, loadPortrait(facesDir_, file, finder_, hairZone(file))).first;
            const Portrait& p = it->second;
            const double u = p.face.eyeToChin;
            std::fprintf(stderr, "    %dx%d u=%.0f w/u=%.2f head/u=%.2f below-chin=%.2fu left=%.2fu right=%.2fu roll=%.1f\n",
                         p.bgr.cols, p.bgr.rows, u, p.face.faceWidth / u, p.headHeight() / u,
                         (p.bgr.rows - p.face.chin.y) / u, p.face.eyeMid.x / u, (p.bgr.cols - p.face.eyeMid.x) / u,
                         p.face.rollDeg);
        }
        return it->second;
    }

    const std::map<std::string, Portrait>& portraits() const { return portraits_; }

    // variants::makeCompliantPhoto of one portrait: JPEG bytes. The face analyzer (and with it
    // the face model in share/photodesk/models) is loaded only when a plan asks for one.
    std::vector<uchar> compliantPhoto(const std::string& file)
    {
        std::cerr << "  compliant photo of " << file << "\n";
        if (!analyzer_) {
            auto created = FaceAnalyzer::shared();
            if (!created)
                throw std::runtime_error("face analyzer: " + created.error().message.toStdString());
            analyzer_ = created.value();
        }
        const auto path = QString::fromStdString((fs::path(facesDir_) / file).string());
        auto bytes = variants::makeCompliantPhoto(*analyzer_, path);
        if (!bytes)
            throw std::runtime_error("compliant photo of " + file + ": " + bytes.error().message.toStdString());
        return std::vector<uchar>(bytes.value().begin(), bytes.value().end());
    }

private:
    std::string facesDir_;
    FaceFinder finder_;
    std::map<std::string, Portrait> portraits_;
    std::shared_ptr<const FaceAnalyzer> analyzer_;
};

// The 录取照片: an older studio photo on a plain backdrop, a little warmer and softer.
cv::Mat enrollmentPhoto(const Portrait& p, int index)
{
    static const cv::Scalar backdrops[] = {
        cv::Scalar(219, 142, 67),   // studio blue
        cv::Scalar(250, 250, 250),  // white
        cv::Scalar(235, 180, 90),   // light blue
    };
    Framing f;
    f.size = {390, 567};
    f.headFraction = 0.52 + 0.01 * (index % 3);
    f.topMargin = 0.12;
    Layered l = frame(p, f);
    l = withPerson(l, adjust(l.bgr, 0.92, 14, {0.95, 1.0, 1.06}, 0.9));
    cv::Mat img = composite(l, backdrops[index % 3]);
    cv::GaussianBlur(img, img, {0, 0}, 0.6);
    return img;
}

// The 身份证照片 as the platform supplies it: small, near-white backdrop, a scan's flat colours and grain.
cv::Mat idCardPhoto(const Portrait& p, int index)
{
    Framing f;
    f.size = {358, 441};
    f.headFraction = 0.64;
    f.topMargin = 0.07;
    Layered l = frame(p, f);
    cv::Mat img = composite(l, cv::Scalar(236, 240, 242));
    img = adjust(img, 0.86, 26, {1.0, 0.99, 0.97}, 0.7);
    cv::GaussianBlur(img, img, {0, 0}, 0.8);
    addNoise(img, 3.0, 0x1dca4d00ULL + static_cast<std::uint64_t>(index));
    return img;
}

Framing goodFraming(int variant)
{
    Framing f;
    f.headFraction = 0.49 + 0.01 * (variant % 4);
    f.topMargin = 0.11 + 0.01 * (variant % 3);
    f.centreX = 0.5 + 0.004 * ((variant % 5) - 2);
    // The national check wants 180-300 px cheek to cheek; jaw landmarks run a little narrow.
    f.minFaceWidth = 196;
    return f;
}

// The submitted photo for one attempt, encoded as the file bytes the student's upload would have.
std::vector<uchar> submittedPhoto(Generator& gen, const Plan& plan, const Attempt& a, int variant, cv::Mat& shown)
{
    const Student& s = plan.students[a.student];
    if (a.kind == PhotoKind::OtherPicture) {
        // The photo must pass every rule for real, so it is the compliant base photo of
        // tools/rule-variants (the one the clean-lane tests use), not this generator's framing:
        // its cut-out of a portrait taken in front of bright lamps (obama_3) lets some through.
        std::vector<uchar> bytes = gen.compliantPhoto(a.otherSource);
        shown = cv::imdecode(bytes, cv::IMREAD_COLOR);
        return bytes;
    }
    const Portrait& p = gen.portrait(a.kind == PhotoKind::OtherPerson ? a.otherSource : s.source);
    Framing f = goodFraming(variant);
    const std::uint64_t seed = 0xa77e0000ULL + static_cast<std::uint64_t>(variant);
    // A phone camera's grain on the person; the app's replaced background stays flat.
    auto frame = [&seed, &a](const Portrait& portrait, const Framing& framing) {
        Layered l = pd::frame(portrait, framing);
        addNoise(l.bgr, 2.0, seed);
        const double k = framing.size.height / 640.0;  // national pixel values, scaled
        const bool geometryMeantToFail = a.kind == PhotoKind::HeadTooSmall || a.kind == PhotoKind::HeadTooLarge ||
                                         a.kind == PhotoKind::OffCentre;
        const bool hairOk = l.hairTopY >= 35 * k && l.hairTopY <= 125 * k;
        const bool eyesOk = l.eyeY >= 200 * k && l.eyeY <= 300 * k;
        const bool widthOk = l.faceWidth >= 180 * k && l.faceWidth <= 300 * k;
        const bool centred = std::abs(l.centreOffset) <= 40 * k;
        const bool sizeOk = l.headFraction >= 0.38 && l.headFraction <= 0.66;
        if (!geometryMeantToFail && !(hairOk && eyesOk && widthOk && centred && sizeOk))
            std::fprintf(stderr, "warning: %s geometry: hair top %.0f, eyes %.0f, face width %.0f, offset %.0f, head %.2f\n",
                         a.key.c_str(), l.hairTopY / k, l.eyeY / k, l.faceWidth / k, l.centreOffset / k, l.headFraction);
        if (geometryMeantToFail)
            std::fprintf(stderr, "  %s (%s): hair top %.0f, eyes %.0f, face width %.0f, offset %.0f, head %.2f\n",
                         a.key.c_str(), kindName(a.kind), l.hairTopY / k, l.eyeY / k, l.faceWidth / k, l.centreOffset / k,
                         l.headFraction);
        return l;
    };
    cv::Mat img;
    std::vector<uchar> bytes;
    switch (a.kind) {
    case PhotoKind::Good:
    case PhotoKind::OtherPicture:  // handled above
    case PhotoKind::OtherPerson:
    case PhotoKind::PngRenamed:
        img = composite(frame(p, f), kNationalBlue);
        break;
    case PhotoKind::BackdropKept:
        img = frame(p, f).bgr;
        break;
    case PhotoKind::GreyBackground:
        img = composite(frame(p, f), cv::Scalar(165, 165, 162));
        break;
    case PhotoKind::WhiteBackground:
        img = composite(frame(p, f), cv::Scalar(246, 246, 246));
        break;
    case PhotoKind::SmallFile:
        f.size = {240, 320};
        img = composite(frame(p, f), kNationalBlue);
        break;
    case PhotoKind::Blurred:
        img = composite(frame(p, f), kNationalBlue);
        cv::GaussianBlur(img, img, {0, 0}, 4.5);
        break;
    case PhotoKind::HeadTooSmall:
        f.headFraction = 0.3;
        f.minFaceWidth = 0;
        f.topMargin = 0.165;  // hair top still inside 50-110 px, so only the size is wrong
        img = composite(frame(p, f), kNationalBlue);
        break;
    case PhotoKind::HeadTooLarge:
        f.headFraction = 0.72;
        f.topMargin = 0.08;  // hair top still inside 50-110 px, eye line still above 300 px
        img = composite(frame(p, f), kNationalBlue);
        break;
    case PhotoKind::OffCentre:
        f.centreX = variant % 2 ? 0.25 : 0.75;
        img = composite(frame(p, f), kNationalBlue);
        break;
    case PhotoKind::OverExposed: {
        Layered l = frame(p, f);
        img = composite(withPerson(l, adjust(l.bgr, 1.6, 75)), kNationalBlue);
        break;
    }
    case PhotoKind::UnderExposed: {
        Layered l = frame(p, f);
        img = composite(withPerson(l, adjust(l.bgr, 0.4, -6)), kNationalBlue);
        break;
    }
    case PhotoKind::Greyscale: {
        cv::Mat grey;
        cv::cvtColor(composite(frame(p, f), kNationalBlue), grey, cv::COLOR_BGR2GRAY);
        cv::cvtColor(grey, img, cv::COLOR_GRAY2BGR);
        break;
    }
    case PhotoKind::Rolled:
        f.extraRollDeg = variant % 2 ? 15 : -15;
        img = composite(frame(p, f), kNationalBlue);
        break;
    }
    shown = img;
    if (a.kind == PhotoKind::PngRenamed)
        return encodePng(img);
    if (a.kind == PhotoKind::SmallFile)
        return encodeJpeg(img, 35);
    // Keep every other photo clearly above the 30 KB rule so it fails only what it is meant to.
    std::vector<uchar> jpeg;
    for (int quality = 90; quality <= 98; quality += 2) {
        jpeg = encodeJpeg(img, quality);
        if (jpeg.size() >= kMinBytes + 4096)
            break;
    }
    return jpeg;
}

cv::Mat thumbnail(const cv::Mat& img, cv::Size cell)
{
    cv::Mat out(cell, CV_8UC3, cv::Scalar(60, 60, 60));
    const double s = std::min(static_cast<double>(cell.width) / img.cols, static_cast<double>(cell.height) / img.rows);
    cv::Mat r;
    cv::resize(img, r, {}, s, s, cv::INTER_AREA);
    r.copyTo(out(cv::Rect((cell.width - r.cols) / 2, (cell.height - r.rows) / 2, r.cols, r.rows)));
    return out;
}

void writeSheets(const std::vector<std::vector<Generated>>& rows, const std::string& base)
{
    const cv::Size cell(180, 240);
    const int label = 34, perSheet = 5;
    std::size_t cols = 0;
    for (const auto& r : rows)
        cols = std::max(cols, r.size());
    const std::string stem = base.size() > 4 && base.ends_with(".png") ? base.substr(0, base.size() - 4) : base;
    for (std::size_t first = 0, sheet = 1; first < rows.size(); first += perSheet, ++sheet) {
        const std::size_t n = std::min<std::size_t>(perSheet, rows.size() - first);
        cv::Mat canvas(static_cast<int>(n) * (cell.height + label), static_cast<int>(cols) * cell.width, CV_8UC3,
                       cv::Scalar(30, 30, 30));
        for (std::size_t r = 0; r < n; ++r) {
            for (std::size_t c = 0; c < rows[first + r].size(); ++c) {
                const Generated& g = rows[first + r][c];
                const int x = static_cast<int>(c) * cell.width, y = static_cast<int>(r) * (cell.height + label);
                thumbnail(g.thumb, {cell.width - 4, cell.height - 4}).copyTo(canvas(cv::Rect(x + 2, y + 2, cell.width - 4, cell.height - 4)));
                const auto split = g.label.find('|');
                cv::putText(canvas, g.label.substr(0, split), {x + 4, y + cell.height + 13}, cv::FONT_HERSHEY_SIMPLEX, 0.42,
                            cv::Scalar(255, 255, 255), 1, cv::LINE_AA);
                if (split != std::string::npos)
                    cv::putText(canvas, g.label.substr(split + 1), {x + 4, y + cell.height + 29}, cv::FONT_HERSHEY_SIMPLEX,
                                0.42, cv::Scalar(180, 220, 255), 1, cv::LINE_AA);
            }
        }
        const std::string path = stem + "_" + std::to_string(sheet) + ".png";
        cv::imwrite(path, canvas);
        std::cerr << "contact sheet " << path << "\n";
    }
}

// Source portraits with landmarks, the estimated head top and the person mask, for checking.
void writeSourceSheet(const std::map<std::string, Portrait>& portraits, const std::string& base)
{
    std::vector<std::vector<Generated>> rows(1);
    for (const auto& [file, p] : portraits) {
        cv::Mat tint(p.bgr.size(), CV_8UC3, cv::Scalar(255, 60, 0));
        cv::Mat a3, over;
        cv::merge(std::vector<cv::Mat>{p.alpha, p.alpha, p.alpha}, a3);
        cv::Mat f;
        p.bgr.convertTo(f, CV_32FC3);
        cv::Mat t;
        tint.convertTo(t, CV_32FC3);
        over = f.mul(a3) + (f * 0.2 + t * 0.5).mul(cv::Scalar::all(1) - a3);
        over.convertTo(over, CV_8UC3);
        const int r = std::max(2, p.bgr.cols / 200);
        for (const auto& pt : p.face.pts)
            cv::circle(over, pt, r, cv::Scalar(0, 255, 0), cv::FILLED);
        cv::line(over, {0, cvRound(p.face.crownY)}, {over.cols, cvRound(p.face.crownY)}, cv::Scalar(0, 255, 255), r);
        if (rows.back().size() == 6)
            rows.emplace_back();
        rows.back().push_back({file, file, p.bgr, 0});
        rows.back().push_back({file, file + " mask", over, 0});
    }
    writeSheets(rows, base + "_sources.png");
}

std::string attribution(const Plan& plan)
{
    std::string o;
    o += "# Demo photos: sources and licences\n\n";
    o += "Every image in `photos/` was made by `photodesk-make-demo-photos` (`tools/demo-photos/`) from the\n"
         "public-domain portraits in `tests/fixtures/faces/` (see `tests/fixtures/faces/ATTRIBUTION.md` for\n"
         "each file's source repository and commit). The generator found the face with dlib, cut the person\n"
         "out with GrabCut, re-framed, recoloured the background, and on purpose degraded some copies\n"
         "(blur, exposure, greyscale, rotation, low quality, wrong format, wrong framing). Where a frame\n"
         "reaches past the original picture, the edge pixels were repeated and smoothed, and neck and\n"
         "shoulders follow an outline drawn from the face geometry. The results are\n"
         "derived works of public-domain US-government images. The people pictured have nothing to do with\n"
         "the fictional students' names, numbers and programmes in `demo.json`. They do not endorse this\n"
         "project.\n\n";
    o += "## Licence bases (copied from tests/fixtures/faces/ATTRIBUTION.md)\n\n";
    o += "- **PD-WH.** The photo is public domain in the US. It is a work of a US federal employee made in\n"
         "  official duties (17 U.S.C. §105). The photographers are White House staff. The EXIF caption on\n"
         "  the Pete Souza photos carries the White House usage notice: do not manipulate, and do not use in\n"
         "  commercial or political material that suggests endorsement. That notice is a publicity and\n"
         "  endorsement condition, not a copyright licence. Do not use these images to imply endorsement.\n"
         "  The demo photos made from them are manipulated test material for a photo-review workstation;\n"
         "  they are not presented as photos of the people pictured.\n"
         "- **PD-NASA.** The photo is a NASA work, public domain in the US (17 U.S.C. §105; NASA Images and\n"
         "  Media Usage Guidelines). NASA insignia visible on suits may not be used to imply endorsement.\n\n";
    o += "The NASA portraits came through the issapFaces repository, which states no licence and no sources;\n"
         "they were identified by eye and file name as NASA official portraits. Re-check each one against\n"
         "NASA's image library before redistributing them outside the project.\n\n";
    o += "## Students\n\n";
    o += "| student | submitted and ID-card photos from | enrollment photo from | pictured | basis |\n";
    o += "|---|---|---|---|---|\n";
    for (const Student& s : plan.students) {
        const bool wh = s.pictured.find("White House") != std::string::npos;
        o += "| " + s.key + " | " + s.source + " | " + s.enrollmentSource + " | " + s.pictured + " | " +
             (wh ? "PD-WH" : "PD-NASA") + " |\n";
    }
    o += "\n## Attempts showing another person\n\n";
    o += "| attempt | student | photo from | note |\n|---|---|---|---|\n";
    for (const Attempt& a : plan.attempts) {
        if (a.kind != PhotoKind::OtherPerson)
            continue;
        const bool twin = a.otherSource == "scott_kelly_1.jpg" && plan.students[a.student].source == "mark_kelly_1.jpg";
        o += "| " + a.key + " | " + plan.students[a.student].key + " | " + a.otherSource + " | " +
             (twin ? "identical twin of the student's source person; face descriptors cannot tell them apart" : "") +
             " |\n";
    }
    o += "\n## Attempts from another picture of the student's person\n\n";
    o += "These pass every photo rule: their picture is not the one the student's enrollment and ID-card\n"
         "photos were made from (the clean lane, docs/review.md).\n\n";
    o += "| attempt | student | photo from | pictured | basis |\n|---|---|---|---|---|\n";
    for (const Attempt& a : plan.attempts) {
        if (a.kind != PhotoKind::OtherPicture)
            continue;
        const Student& s = plan.students[a.student];
        const bool wh = s.pictured.find("White House") != std::string::npos;
        o += "| " + a.key + " | " + s.key + " | " + a.otherSource + " | " + s.pictured + " | " + (wh ? "PD-WH" : "PD-NASA") + " |\n";
    }
    o += "\nRegenerate with `build/bin/photodesk-make-demo-photos --faces tests/fixtures/faces --out resources/demo`.\n";
    return o;
}

int run(const std::string& facesDir, const fs::path& outDir, const std::string& landmarks, const std::string& sheet)
{
    cv::setNumThreads(1);
    const Plan plan = makePlan();
    Generator gen(facesDir, landmarks);

    const fs::path photos = outDir / "photos";
    fs::create_directories(photos);
    for (const auto& entry : fs::directory_iterator(photos)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".jpg" || ext == ".png"))
            fs::remove(entry.path());
    }

    std::vector<std::vector<Generated>> rows(plan.students.size());
    std::size_t total = 0;
    int problems = 0;
    for (std::size_t i = 0; i < plan.students.size(); ++i) {
        const Student& s = plan.students[i];
        const int idx = static_cast<int>(i);
        const cv::Mat enrol = enrollmentPhoto(gen.portrait(s.enrollmentSource), idx);
        const auto enrolBytes = encodeJpeg(enrol, 85);
        writeFile(photos / (s.key + "_enrollment.jpg"), enrolBytes);
        const cv::Mat id = idCardPhoto(gen.portrait(s.source), idx);
        const auto idBytes = encodeJpeg(id, 70);
        writeFile(photos / (s.key + "_idcard.jpg"), idBytes);
        total += enrolBytes.size() + idBytes.size();
        rows[i].push_back({s.key + "_enrollment.jpg", s.key + " enrollment|" + std::to_string(enrolBytes.size() / 1024) + " KB", enrol, enrolBytes.size()});
        rows[i].push_back({s.key + "_idcard.jpg", s.key + " id card|" + std::to_string(idBytes.size() / 1024) + " KB", id, idBytes.size()});
    }
    int variant = 0;
    for (const Attempt& a : plan.attempts) {
        cv::Mat shown;
        const auto bytes = submittedPhoto(gen, plan, a, variant++, shown);
        writeFile(outDir / a.photoFile(), bytes);
        total += bytes.size();
        const bool small = bytes.size() < kMinBytes;
        if (small != (a.kind == PhotoKind::SmallFile)) {
            std::cerr << "warning: " << a.key << " (" << kindName(a.kind) << ") is " << bytes.size() << " bytes\n";
            ++problems;
        }
        const std::string label = a.key + (a.decision ? " [rejected]" : "") + "|" + kindName(a.kind) + " " +
                                  std::to_string(bytes.size() / 1024) + "K";
        rows[a.student].push_back({a.photoFile(), label, shown, bytes.size()});
    }

    const std::string json = toJson(plan);
    writeFile(outDir / "demo.json", json);
    writeFile(outDir / "ATTRIBUTION.md", attribution(plan));
    total += json.size();

    if (!sheet.empty()) {
        writeSheets(rows, sheet);
        writeSourceSheet(gen.portraits(), sheet.substr(0, sheet.size() - (sheet.ends_with(".png") ? 4 : 0)));
    }
    int pending = 0, good = 0, clean = 0;
    for (const Attempt& a : plan.attempts)
        if (!a.decision) {
            ++pending;
            good += a.fails.empty();
            clean += a.kind == PhotoKind::OtherPicture;
        }
    std::cerr << plan.students.size() << " students, " << plan.attempts.size() << " attempts (" << pending
              << " pending, " << good << " of them good, " << clean << " from another picture), " << total / 1024 << " KB of photos and JSON\n";
    return problems ? 1 : 0;
}

}  // namespace
}  // namespace pd

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);  // the face model is looked for beside the executable too
    std::string faces, out, sheet;
    std::string landmarks = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        try {
            if (arg == "--faces")
                faces = value();
            else if (arg == "--out")
                out = value();
            else if (arg == "--landmarks")
                landmarks = value();
            else if (arg == "--contact-sheet")
                sheet = value();
            else if (arg == "--help" || arg == "-h") {
                std::cout << "usage: photodesk-make-demo-photos --faces DIR --out DIR [--landmarks FILE] "
                             "[--contact-sheet FILE.png]\n";
                return 0;
            } else
                throw std::invalid_argument("unknown argument " + arg);
        } catch (const std::exception& e) {
            std::cerr << e.what() << "\n";
            return 2;
        }
    }
    if (faces.empty() || out.empty()) {
        std::cerr << "usage: photodesk-make-demo-photos --faces DIR --out DIR [--landmarks FILE] [--contact-sheet FILE.png]\n";
        return 2;
    }
    try {
        return pd::run(faces, out, landmarks, sheet);
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
