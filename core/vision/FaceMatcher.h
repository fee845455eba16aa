#pragma once

#include "core/vision/VisionError.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace pd {

enum class MatchBand { Match, Uncertain, Mismatch };
QString matchBandName(MatchBand band); // "match", "uncertain", "mismatch"

// Distance thresholds (Euclidean distance between 128-d descriptors):
//   distance <= matchMax → match; distance >= mismatchMin → mismatch; between → uncertain.
// Values come from resources/config/face-match.json; docs/face-analysis.md explains them.
struct MatchBands {
    double matchMax = 0;
    double mismatchMin = 0;
    QString model; // the model the thresholds were measured for
    // A face narrower than `smallFaceWidth` px on either side (an ID-card chip portrait at reader
    // resolution: ≈ 49 px) gives noisier descriptors: same-person distances rise by ≈ 0.1 while
    // different people stay far apart, so "mismatch" starts later (`smallFaceMismatchMin`) and
    // the doubtful pairs go to the reviewer instead of being called wrong with confidence.
    // 0: no such widening. Never lowers the bar for "match".
    int smallFaceWidth = 0;
    double smallFaceMismatchMin = 0;

    // The bands for a pair whose faces are `widthA` and `widthB` px wide (0: unknown).
    MatchBands forFaces(int widthA, int widthB) const;
    bool smallFace(int widthA, int widthB) const;
};

// Parses and validates {"version": 1, "match_max": x, "mismatch_min": y, "model": "...",
// optional "small_face": {"width_below": px, "mismatch_min": z ≥ y}} (other keys are notes and
// are ignored). Error code "config" with a message naming the field.
VisionResult<MatchBands> loadMatchBands(const QByteArray& json);
VisionResult<MatchBands> loadMatchBandsFile(const QString& path);
// Where the CLI looks for face-match.json: $PHOTODESK_SHARE_DIR/config, the build tree's
// share/photodesk/config, /usr/share/photodesk/config.
QStringList matchBandSearchPaths();
VisionResult<MatchBands> loadDefaultMatchBands();

MatchBand classifyDistance(double distance, const MatchBands& bands);
// Euclidean distance; negative when the descriptors are missing or differ in length.
double descriptorDistance(const std::vector<float>& a, const std::vector<float>& b);

// What is stored per pair (submission ↔ enrollment, submission ↔ ID card).
struct FaceMatch {
    double distance = -1;
    MatchBand band = MatchBand::Mismatch;
    QString modelId;
};
VisionResult<FaceMatch> matchDescriptors(const std::vector<float>& a, const std::vector<float>& b,
                                         const MatchBands& bands, const QString& modelId);

} // namespace pd
