// The demo data set as data: fictional students, their submission attempts and what each
// attempt's photo is meant to show. Everything here is fixed; nothing depends on time or chance.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pd {

enum class PhotoKind {
    Good,
    BackdropKept,   // original backdrop left in place
    GreyBackground,
    WhiteBackground,
    SmallFile,      // 240x320, low quality, < 30 KB
    PngRenamed,     // PNG bytes in a .jpg file
    Blurred,
    OtherPerson,    // someone else's face
    HeadTooSmall,
    HeadTooLarge,
    OffCentre,
    OverExposed,
    UnderExposed,
    Greyscale,
    Rolled,
    // Good, and made from ANOTHER picture of the student's person than the reference photos
    // (Attempt::otherSource), so it also passes NOT_REUSED: a clean-lane submission.
    OtherPicture,
};

struct Student {
    std::string key;
    std::string name;
    bool male = false;
    std::string studentNumber;
    std::string nationalId;
    std::string phone;
    std::string programme;
    std::string level;
    std::string cohort;            // graduating class (届)
    std::string source;            // portrait for the submitted and ID-card photos
    std::string enrollmentSource;  // portrait for the enrollment photo (often the same)
    std::string pictured;          // who is in the source portrait (for ATTRIBUTION.md)
};

struct Decision {
    std::string verdict;
    std::vector<std::string> reasons;
    std::string note;
    double decidedHoursAgo = 0;
};

struct Attempt {
    std::string key;
    int student = 0;  // index into Plan::students
    std::string externalId;
    double paidHoursAgo = 0;
    PhotoKind kind = PhotoKind::Good;
    std::string otherSource;  // OtherPerson: whose portrait is submitted instead; OtherPicture: which picture
    std::vector<std::string> fails;
    std::optional<Decision> decision;
    std::string photoFile() const { return "photos/" + key + "_submitted.jpg"; }
};

struct Plan {
    std::string school;
    std::vector<Student> students;
    // Sorted oldest payment first; keys follow that order. The OtherPicture attempts come last:
    // they were added after the rest had been published and are paid most recently, so adding
    // them changed none of the other attempts' keys, times or photo bytes.
    std::vector<Attempt> attempts;
};

Plan makePlan();
std::string toJson(const Plan& plan);
// GB 11643-1999 check character for the first 17 digits of a national ID number.
char nationalIdCheck(const std::string& first17);
const char* kindName(PhotoKind k);

}  // namespace pd
