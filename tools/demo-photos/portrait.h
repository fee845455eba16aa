// Face geometry, person segmentation and framing for the demo-photo generator.
#pragma once

#include <opencv2/core.hpp>

#include <array>
#include <memory>
#include <string>

namespace pd {

struct FaceGeometry {
    std::array<cv::Point2f, 68> pts{};
    cv::Point2f eyeLeft;   // image-left eye centre
    cv::Point2f eyeRight;  // image-right eye centre
    cv::Point2f eyeMid;
    cv::Point2f chin;
    float eyeToChin = 0;   // eye line to chin, px
    float faceWidth = 0;   // jaw landmark 0 to 16, px
    float rollDeg = 0;     // angle of the eye line, degrees (positive: right eye lower)
    float crownY = 0;      // top of the head (hair) from the segmentation, px
};

// A source portrait: pixels, the face found in it and a soft person mask (CV_32F, 0..1).
struct Portrait {
    std::string file;  // file name inside the faces folder
    cv::Mat bgr;
    FaceGeometry face;
    cv::Mat alpha;
    double headHeight() const { return face.chin.y - face.crownY; }
};

class FaceFinder {
public:
    explicit FaceFinder(const std::string& landmarkModel);
    ~FaceFinder();
    FaceFinder(const FaceFinder&) = delete;
    FaceFinder& operator=(const FaceFinder&) = delete;

    // Largest frontal face; throws std::runtime_error when there is none.
    FaceGeometry find(const cv::Mat& bgr) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// How far hair may reach around the face, tuned per source portrait: half-width in face widths,
// half-height in eye-to-chin distances, and whether it hangs down beside the neck.
struct HairZone {
    float width = 0.78f;
    float height = 1.3f;
    bool long_ = false;
    // Treat everything outside the hair zone and the body outline as sure backdrop. Works well
    // where the zone fits the head closely; with long or big hair it leaves too little backdrop.
    bool strict = false;
};

// Loads the file, finds the face and segments the person: GrabCut seeded from the landmarks
// (fixed iteration count and RNG state, so the result is the same on every run) for the head and
// hair inside the hair zone, a smooth outline from the face geometry for neck and shoulders.
Portrait loadPortrait(const std::string& dir, const std::string& file, const FaceFinder& finder, const HairZone& hair);

// Where the head goes in an output frame.
struct Framing {
    cv::Size size{480, 640};
    double headFraction = 0.5;  // chin-to-crown height / frame height
    double topMargin = 0.11;    // crown below the top edge / frame height
    double centreX = 0.5;       // face centre / frame width
    double extraRollDeg = 0;    // added roll (0 = eye line levelled)
    double minFaceWidth = 0;    // least jaw-to-jaw width, in px of a 640-high frame (0 = none)
};

struct Layered {
    cv::Mat bgr;    // the person (and the original backdrop) warped into the frame
    cv::Mat alpha;  // CV_32F person mask, feathered
    // Where the head landed, in output pixels (for self-checks against the national geometry).
    double eyeY = 0, hairTopY = 0, faceWidth = 0, centreOffset = 0, headFraction = 0;
};

Layered frame(const Portrait& p, const Framing& f);
// Person over a flat colour (BGR).
cv::Mat composite(const Layered& l, const cv::Scalar& bgrColour);
// Person layer with its pixels changed, background untouched.
Layered withPerson(const Layered& l, const cv::Mat& newPersonBgr);

}  // namespace pd
