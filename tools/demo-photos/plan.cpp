#include "plan.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <sstream>
#include <stdexcept>

namespace pd {

namespace {

struct StudentRow {
    const char* name;
    bool male;
    const char* level;
    const char* programme;
    int programmeCode;
    const char* region;
    const char* birth;  // yyyymmdd
    const char* source;
    const char* enrollmentSource;
    const char* pictured;
};

// One student per pictured person. Names, numbers and programmes are fictional.
constexpr StudentRow kStudents[] = {
    {"林雅婷", false, "本科", "计算机科学与技术", 1, "110101", "20030315", "ochoa_1.jpg", "ochoa_1.jpg", "Ellen Ochoa (NASA)"},
    {"陈思雨", false, "本科", "汉语言文学", 3, "110102", "20021108", "koch_1.jpg", "koch_1.jpg", "Christina Koch (NASA)"},
    {"赵欣怡", false, "本科", "会计学", 5, "110105", "20030127", "mcclain_1.jpg", "mcclain_1.jpg", "Anne McClain (NASA)"},
    {"孙静怡", false, "硕士", "法学", 7, "110106", "20000622", "meir_1.jpg", "meir_1.jpg", "Jessica Meir (NASA)"},
    {"王浩然", true, "本科", "机械工程", 2, "110108", "20020904", "hague_1.jpg", "hague_1.jpg", "Nick Hague (NASA)"},
    {"李子轩", true, "本科", "软件工程", 1, "110101", "20021230", "morgan_1.jpg", "morgan_1.jpg", "Andrew Morgan (NASA)"},
    {"张博文", true, "专科", "电子商务", 9, "110105", "20030511", "melvin_1.jpg", "melvin_1.jpg", "Leland Melvin (NASA)"},
    {"刘诗涵", false, "本科", "英语", 4, "110102", "20030219", "wilson_1.jpg", "wilson_1.jpg", "Stephanie Wilson (NASA)"},
    {"黄宇航", true, "硕士", "电气工程", 6, "110106", "20001017", "hernandez_1.jpg", "hernandez_1.jpg", "José Hernández (NASA)"},
    {"周俊杰", true, "本科", "土木工程", 2, "110108", "20020713", "mark_kelly_1.jpg", "mark_kelly_1.jpg", "Mark Kelly (NASA)"},
    {"周俊豪", true, "本科", "数学与应用数学", 8, "110108", "20020713", "scott_kelly_1.jpg", "scott_kelly_1.jpg", "Scott Kelly (NASA)"},
    {"郑国栋", true, "专科", "市场营销", 9, "110102", "20011125", "biden_2.jpg", "biden_1.jpg", "Joe Biden (White House)"},
    {"何志远", true, "本科", "金融学", 5, "110105", "20020408", "obama_1.jpg", "obama_1.jpg", "Barack Obama (White House)"},
    {"许佳琪", false, "硕士", "临床医学", 10, "110108", "20000930", "collins_1.png", "collins_1.png", "Eileen Collins (NASA)"},
};

struct AttemptRow {
    int student;
    PhotoKind kind;
    bool decided;
    const char* other = "";
    const char* note = "";
};

using K = PhotoKind;
// Each student's attempts in the order they were paid. Decided ones are history (rejected);
// the rest wait in the queue.
const std::vector<AttemptRow> kAttempts = {
    {0, K::SmallFile, true}, {0, K::Blurred, false}, {0, K::Good, false},
    {1, K::BackdropKept, true}, {1, K::Good, false}, {1, K::HeadTooSmall, false},
    {2, K::OtherPerson, false, "koch_1.jpg"}, {2, K::Good, false},
    {3, K::UnderExposed, true}, {3, K::Rolled, true}, {3, K::PngRenamed, false}, {3, K::Good, false},
    {4, K::BackdropKept, false}, {4, K::Good, false},
    {5, K::HeadTooSmall, true}, {5, K::OtherPerson, false, "hague_1.jpg"}, {5, K::SmallFile, false},
    {6, K::Good, false}, {6, K::OffCentre, false}, {6, K::HeadTooLarge, false},
    {7, K::PngRenamed, true}, {7, K::WhiteBackground, false}, {7, K::Good, false},
    {8, K::Blurred, true}, {8, K::Greyscale, false}, {8, K::Good, false},
    {9, K::OtherPerson, true, "scott_kelly_1.jpg", "疑似双胞胎兄弟代拍，与录取照片、身份证照片不是同一人"},
    {9, K::OffCentre, true}, {9, K::Good, false}, {9, K::Rolled, false},
    {10, K::HeadTooSmall, false}, {10, K::Blurred, false}, {10, K::Good, false},
    {11, K::GreyBackground, true}, {11, K::Good, false}, {11, K::OverExposed, false},
    {12, K::Greyscale, true}, {12, K::UnderExposed, false}, {12, K::Good, false}, {12, K::PngRenamed, false},
    {13, K::HeadTooLarge, true}, {13, K::Good, false}, {13, K::SmallFile, false}, {13, K::GreyBackground, false},
};

// Pending submissions made from another picture of the student's person than the enrollment and
// ID-card photos, so they pass every photo rule (NOT_REUSED included) and the clean lane shows
// them. Kept out of kAttempts: the pending times there are dealt out by a shuffle over all its
// pending rows, and adding one would move every time, key and photo. Only obama_3 qualifies
// among the fixture portraits: its normalised photo passes every rule, and s13's references
// come from obama_1. biden_1 does not (s12's enrollment photo is made from it: NOT_REUSED,
// descriptor distance 0.06), nor obama_2 (turned head, teeth, glasses), morgan_2_iss (blurred
// scan) or meir_1 (the student's own picture, passing NOT_REUSED by a small margin only).
struct OtherPictureRow {
    int student;
    const char* picture;
    double paidHoursAgo;  // more recent than every kAttempts row, so keys keep the payment order
};
constexpr OtherPictureRow kOtherPictures[] = {
    {12, "obama_3.jpg", 0.75},
};

std::vector<std::string> failsFor(PhotoKind k)
{
    switch (k) {
    case K::Good: return {};
    case K::BackdropKept: return {"BACKGROUND_BLUE", "BACKGROUND_UNIFORM"};
    case K::GreyBackground:
    case K::WhiteBackground: return {"BACKGROUND_BLUE"};
    case K::SmallFile: return {"FILE_SIZE", "RESOLUTION"};
    case K::PngRenamed: return {"FILE_FORMAT"};
    case K::Blurred: return {"SHARPNESS"};
    case K::OtherPerson: return {"MATCH_ENROLLMENT", "MATCH_ID"};
    case K::HeadTooSmall:
    case K::HeadTooLarge: return {"HEAD_SIZE"};
    case K::OffCentre: return {"HEAD_CENTERED"};
    case K::OverExposed:
    case K::UnderExposed: return {"EXPOSURE"};
    case K::Greyscale: return {"COLOR_IMAGE", "BACKGROUND_BLUE"};
    case K::Rolled: return {"POSE_FRONTAL"};
    case K::OtherPicture: return {};
    }
    return {};
}

const char* noteFor(PhotoKind k)
{
    switch (k) {
    case K::Good: return "";
    case K::BackdropKept: return "背景不是蓝色，仍是拍摄时的原背景";
    case K::GreyBackground: return "背景为灰色";
    case K::WhiteBackground: return "背景为白色";
    case K::SmallFile: return "照片文件小于30K，像素不足480×640";
    case K::PngRenamed: return "文件实为PNG格式，仅改了扩展名";
    case K::Blurred: return "照片模糊，请对焦后重拍";
    case K::OtherPerson: return "与录取照片、身份证照片不是同一人";
    case K::HeadTooSmall: return "头部过小，请靠近镜头";
    case K::HeadTooLarge: return "头部过大，头顶距上边缘太近";
    case K::OffCentre: return "头部未居中";
    case K::OverExposed: return "曝光过度，面部发白";
    case K::UnderExposed: return "照片过暗";
    case K::Greyscale: return "黑白照片，背景不是蓝色";
    case K::Rolled: return "头部歪斜，请端正平视";
    case K::OtherPicture: return "";
    }
    return "";
}

// Small fixed generator (64-bit LCG) so the shuffle is the same with every standard library.
struct Lcg {
    std::uint64_t s;
    std::uint32_t next()
    {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(s >> 33);
    }
};

std::string fmt(const char* f, long long v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string jsonString(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string jsonNumber(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.')
        s.pop_back();
    return s;
}

std::string jsonList(const std::vector<std::string>& v)
{
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i)
        out += (i ? ", " : "") + jsonString(v[i]);
    return out + "]";
}

}  // namespace

char nationalIdCheck(const std::string& first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char map[] = "10X98765432";
    if (first17.size() != 17)
        throw std::invalid_argument("national id needs 17 digits");
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17[i] - '0') * weights[i];
    return map[sum % 11];
}

const char* kindName(PhotoKind k)
{
    switch (k) {
    case K::Good: return "good";
    case K::BackdropKept: return "backdrop kept";
    case K::GreyBackground: return "grey background";
    case K::WhiteBackground: return "white background";
    case K::SmallFile: return "small file";
    case K::PngRenamed: return "png renamed";
    case K::Blurred: return "blurred";
    case K::OtherPerson: return "other person";
    case K::HeadTooSmall: return "head too small";
    case K::HeadTooLarge: return "head too large";
    case K::OffCentre: return "off centre";
    case K::OverExposed: return "over-exposed";
    case K::UnderExposed: return "under-exposed";
    case K::Greyscale: return "greyscale";
    case K::Rolled: return "rolled";
    case K::OtherPicture: return "other picture";
    }
    return "?";
}

Plan makePlan()
{
    Plan plan;
    plan.school = "示例大学";
    int i = 0;
    for (const StudentRow& r : kStudents) {
        Student s;
        s.key = fmt("s%02lld", i + 1);
        s.name = r.name;
        s.male = r.male;
        s.level = r.level;
        s.programme = r.programme;
        const int entryYear = s.level == std::string("本科") ? 2021 : 2022;  // graduating 2025
        s.cohort = "2025";
        s.studentNumber = fmt("%lld", entryYear) + fmt("%02lld", r.programmeCode) + fmt("%04lld", 101 + 7 * i);
        // Sequence code: odd for men, even for women (GB 11643).
        const int seq = 100 + 10 * i + (r.male ? 3 : 2);
        const std::string first17 = std::string(r.region) + r.birth + fmt("%03lld", seq);
        s.nationalId = first17 + nationalIdCheck(first17);
        s.phone = fmt("138000000%02lld", i + 1);
        s.source = r.source;
        s.enrollmentSource = r.enrollmentSource;
        s.pictured = r.pictured;
        plan.students.push_back(s);
        ++i;
    }

    // Pending attempts: payment times spread over the last 47 hours, three of them urgent
    // (paid 44-47.5 h ago), dealt out by a fixed shuffle.
    std::vector<size_t> pending;
    for (size_t a = 0; a < kAttempts.size(); ++a)
        if (!kAttempts[a].decided)
            pending.push_back(a);
    std::vector<double> hours;
    Lcg rng{20250601};
    const size_t calm = pending.size() - 3;
    for (size_t k = 0; k < calm; ++k) {
        // Evenly spread over 1..43 h, nudged by up to ±0.5 h in quarter hours.
        const double even = 1.0 + static_cast<double>(std::lround(4.0 * 42.0 * static_cast<double>(k) / static_cast<double>(calm - 1))) / 4.0;
        const double nudge = 0.25 * static_cast<double>(rng.next() % 5) - 0.5;
        hours.push_back(std::clamp(even + nudge, 1.0, 43.5));
    }
    hours.push_back(44.5);
    hours.push_back(45.75);
    hours.push_back(47.25);
    for (size_t k = hours.size() - 1; k > 0; --k)
        std::swap(hours[k], hours[rng.next() % (k + 1)]);

    std::vector<Attempt> attempts(kAttempts.size());
    for (size_t k = 0; k < pending.size(); ++k)
        attempts[pending[k]].paidHoursAgo = hours[k];
    // Within one student, later rows were paid later: hand that student's hours out in order.
    for (int st = 0; st < static_cast<int>(plan.students.size()); ++st) {
        std::vector<size_t> rows;
        std::vector<double> hs;
        for (size_t k : pending)
            if (kAttempts[k].student == st) {
                rows.push_back(k);
                hs.push_back(attempts[k].paidHoursAgo);
            }
        std::sort(hs.rbegin(), hs.rend());
        for (size_t j = 0; j < rows.size(); ++j)
            attempts[rows[j]].paidHoursAgo = hs[j];
    }
    // Decided (history) attempts: paid before the student's next attempt, rejected within 48 h
    // and before that next attempt was paid.
    int historyIndex = 0;
    for (size_t a = kAttempts.size(); a-- > 0;) {
        if (!kAttempts[a].decided)
            continue;
        double next = -1;
        for (size_t b = a + 1; b < kAttempts.size() && kAttempts[b].student == kAttempts[a].student; ++b) {
            next = attempts[b].paidHoursAgo;
            break;
        }
        if (next < 0)
            throw std::logic_error("a decided attempt must be followed by a later one");
        const double paid = next + 30.0 + 7.0 * (historyIndex % 4) + 0.5 * (historyIndex % 3);
        Decision d;
        d.verdict = "reject";
        d.reasons = failsFor(kAttempts[a].kind);
        d.note = *kAttempts[a].note ? kAttempts[a].note : noteFor(kAttempts[a].kind);
        d.decidedHoursAgo = next + 4.0 + 3.0 * (historyIndex % 3) + 0.25 * (historyIndex % 2);
        attempts[a].paidHoursAgo = paid;
        attempts[a].decision = d;
        ++historyIndex;
    }
    for (size_t a = 0; a < kAttempts.size(); ++a) {
        attempts[a].student = kAttempts[a].student;
        attempts[a].kind = kAttempts[a].kind;
        attempts[a].otherSource = kAttempts[a].other;
        attempts[a].fails = failsFor(kAttempts[a].kind);
    }
    // Keys and platform ids follow the payment order (oldest first).
    std::stable_sort(attempts.begin(), attempts.end(),
                     [](const Attempt& x, const Attempt& y) { return x.paidHoursAgo > y.paidHoursAgo; });
    for (size_t a = 0; a < attempts.size(); ++a) {
        attempts[a].key = fmt("a%03lld", static_cast<long long>(a + 1));
        attempts[a].externalId = fmt("YP-2025-%06lld", static_cast<long long>(a + 1));
    }
    double latest = attempts.empty() ? 48.0 : attempts.back().paidHoursAgo;
    for (const OtherPictureRow& r : kOtherPictures) {
        Attempt a;
        a.student = r.student;
        a.kind = K::OtherPicture;
        a.otherSource = r.picture;
        a.paidHoursAgo = r.paidHoursAgo;
        if (a.paidHoursAgo >= latest)
            throw std::logic_error("an other-picture attempt must be paid after every earlier attempt");
        latest = a.paidHoursAgo;
        a.key = fmt("a%03lld", static_cast<long long>(attempts.size() + 1));
        a.externalId = fmt("YP-2025-%06lld", static_cast<long long>(attempts.size() + 1));
        attempts.push_back(a);
    }
    plan.attempts = attempts;
    return plan;
}

std::string toJson(const Plan& plan)
{
    std::ostringstream o;
    o << "{\n  \"version\": 1,\n  \"school\": " << jsonString(plan.school) << ",\n  \"students\": [\n";
    for (size_t i = 0; i < plan.students.size(); ++i) {
        const Student& s = plan.students[i];
        o << "    {\"key\": " << jsonString(s.key) << ", \"name\": " << jsonString(s.name)
          << ", \"student_number\": " << jsonString(s.studentNumber) << ", \"national_id\": " << jsonString(s.nationalId)
          << ",\n     \"phone\": " << jsonString(s.phone) << ", \"programme\": " << jsonString(s.programme)
          << ", \"level\": " << jsonString(s.level) << ", \"cohort\": " << jsonString(s.cohort)
          << ",\n     \"enrollment_photo\": "
          << jsonString("photos/" + s.key + "_enrollment.jpg") << ", \"id_card_photo\": "
          << jsonString("photos/" + s.key + "_idcard.jpg") << ",\n     \"source\": " << jsonString(s.source) << "}"
          << (i + 1 < plan.students.size() ? "," : "") << "\n";
    }
    o << "  ],\n  \"attempts\": [\n";
    for (size_t i = 0; i < plan.attempts.size(); ++i) {
        const Attempt& a = plan.attempts[i];
        o << "    {\"key\": " << jsonString(a.key) << ", \"student\": " << jsonString(plan.students[a.student].key)
          << ", \"external_id\": " << jsonString(a.externalId) << ", \"paid_hours_ago\": " << jsonNumber(a.paidHoursAgo)
          << ",\n     \"photo\": " << jsonString(a.photoFile()) << ", \"expect\": "
          << jsonString(a.kind == K::OtherPicture ? "clean" : a.fails.empty() ? "good" : "fail");
        if (!a.fails.empty())
            o << ", \"fails\": " << jsonList(a.fails);
        if (a.kind == K::OtherPicture)
            o << ", \"picture\": " << jsonString(a.otherSource);
        if (a.decision) {
            o << ",\n     \"decision\": {\"verdict\": " << jsonString(a.decision->verdict)
              << ", \"reasons\": " << jsonList(a.decision->reasons) << ", \"note\": " << jsonString(a.decision->note)
              << ", \"decided_hours_ago\": " << jsonNumber(a.decision->decidedHoursAgo) << "}";
        }
        o << "}" << (i + 1 < plan.attempts.size() ? "," : "") << "\n";
    }
    o << "  ]\n}\n";
    return o.str();
}

}  // namespace pd
