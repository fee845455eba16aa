#pragma once

// Runs the 28 photo rules of the school's standard on one submission. Every rule is a small
// unit (core/vision/rules/Rules*.cpp) with a stable id and kind; thresholds come from a
// RuleConfig; results are plain Qt data (RuleTypes.h).

#include "core/vision/FaceAnalyzer.h"
#include "core/vision/FaceMatcher.h"
#include "core/vision/rules/DuplicateLookup.h"
#include "core/vision/rules/RuleConfig.h"
#include "core/vision/rules/RuleTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace pd::rules {

// A reference photo of the same student (enrollment, ID card) as far as it was analysed.
struct ReferencePhoto {
    bool given = false;
    std::vector<float> descriptor;   // largest face; empty when none was found
    std::optional<quint64> phash;    // perceptualHash() of the upright pixels
    int faceWidth = 0;               // of that face, px (a chip portrait's is small: see MatchBands)
};

struct RuleInput {
    QByteArray bytes;                    // the file as submitted (format, size, EXIF, DQT)
    QString fileName;                    // as submitted (the extension is compared with the bytes)
    const FaceAnalysis* analysis = nullptr; // faces of the submission; null: face rules report error
    // Decoded upright pixels; when empty the engine decodes `bytes` itself (loadImage).
    cv::Mat bgr;
    ReferencePhoto enrollment;
    ReferencePhoto idCard;
    qint64 studentId = 0;                // other students' photos count as re-use
    qint64 photoId = 0;                  // the submission itself is never its own duplicate
    const DuplicateLookup* duplicates = nullptr; // null: the store is not consulted
};

class RuleEngine {
public:
    RuleEngine(RuleConfig config, MatchBands bands);

    // All 28 rules, in catalog order. Never throws; a rule that cannot measure reports error.
    RuleReport evaluate(const RuleInput& input) const;

    const RuleConfig& config() const { return m_config; }
    const MatchBands& bands() const { return m_bands; }

private:
    RuleConfig m_config;
    MatchBands m_bands;
};

// `photodesk-cli analyze`: loads the configuration (shipped + optional override), analyses the
// photo and the references with FaceAnalyzer::shared(), runs the rules and gives
//   {"file", "config":{...}, "rules":[...], "faces":{...}, "matches":{...}, "model_id"}.
// Errors: "config" (invalid configuration), "unreadable"/"empty"/... only when the photo file
// itself cannot be read at all; model problems as FaceAnalyzer::shared().
VisionResult<QJsonObject> analyzePhotoJsonFromFiles(const QString& photoPath, const QString& enrollmentPath = {},
                                                    const QString& idCardPath = {}, const QString& configPath = {});

} // namespace pd::rules
