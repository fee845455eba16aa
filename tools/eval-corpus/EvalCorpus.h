#pragma once

// The labelled evaluation corpus of issue 13 (docs/photo-rules.md "Evaluation corpus"): compliant
// photos in realistic variety, fault variants made the way the faults happen in real life, and
// face pairs against ID-card and enrollment references. Made from the bundled public-domain
// portraits (tests/fixtures/faces) by photodesk-make-eval-corpus; read by photodesk-bench-eval.

#include "core/vision/FaceAnalyzer.h"
#include "core/vision/VisionError.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pd::eval {

// A rule a fault photo must break: "fail", or "warn" where the rule only warns for this fault
// (assisted rules, a colour cast): warn or fail both count as caught.
struct RuleExpectation {
    QString rule;
    QString expect;
};

struct EvalPhoto {
    QString file;     // relative to the corpus folder
    QString kind;     // "compliant" | "fault"
    QString base;     // the portrait it was made from (fixture name without extension)
    QString variant;  // e.g. "jitter_03", "tungsten_cast", "rule-variants:bg_red"
    QList<RuleExpectation> rules; // empty for compliant photos
    QString enrollment; // optional reference photos (relative), as the rules get them
    QString idCard;
};

// Reference kinds of a face pair.
inline constexpr const char* kChipJpeg = "chip_102x126";
inline constexpr const char* kChipBmp = "chip_bmp";
inline constexpr const char* kPrint = "print_358x441";
inline constexpr const char* kEnrollment = "enrollment";
QStringList referenceKinds(); // in table order

struct EvalPair {
    QString submission;     // the normalised 480×640 photo (relative)
    QString reference;      // the reference photo (relative)
    QString referenceKind;  // one of referenceKinds()
    bool same = false;      // same person
    QString personA, personB;
    bool sameSource = false; // the reference was made from the submission's own portrait
    bool twins = false;      // different people who are identical twins (scott_kelly, mark_kelly)
};

struct UncoveredRule {
    QString rule;
    QString why;
};

struct EvalCorpus {
    QString dir;
    QList<EvalPhoto> photos;
    QList<EvalPair> pairs;
    QList<UncoveredRule> uncovered;
    QJsonObject manifest() const;
    // Parses manifest.json (error "config" naming what is wrong).
    static VisionResult<EvalCorpus> fromManifest(const QJsonObject& manifest, const QString& dir);
    static VisionResult<EvalCorpus> load(const QString& dir);
};

struct EvalCorpusOptions {
    // Portraits that normalise into a compliant photo: the compliant photos and the faults are made from them.
    QStringList compliantBases;
    // Portraits that are real faults as they are (teeth showing): normalised, labelled MOUTH_CLOSED.
    QStringList smilingBases;
    // Smiling portraits whose head is also turned beyond the pose tolerance: labelled POSE_FRONTAL warn too.
    QStringList turnedBases;
    // Portraits used as submissions of face pairs, and as second faces pasted into a background.
    QStringList pairPortraits;
    int compliantPerBase = 22;
    bool ruleVariants = true; // include tools/rule-variants' synthetic variants (subfolder rule-variants/)
    bool realisticFaults = true;
};

// Full corpus for the bench, and a small one (one base, a few photos and pairs) for CI tests.
EvalCorpusOptions fullCorpusOptions();
EvalCorpusOptions smallCorpusOptions();

// The person a fixture shows: "obama_3" → "obama", "morgan_2_iss" → "morgan", "scott_kelly_1" → "scott_kelly".
QString personOf(const QString& portraitName);

// Writes the corpus and manifest.json into outDir. Deterministic: fixed seeds, fixed order.
// fixtureDir holds the portraits (tests/fixtures/faces); files are <name>.jpg or <name>.png.
VisionResult<EvalCorpus> makeEvalCorpus(const FaceAnalyzer& analyzer, const QString& fixtureDir, const QString& outDir,
                                        const EvalCorpusOptions& options);

} // namespace pd::eval
