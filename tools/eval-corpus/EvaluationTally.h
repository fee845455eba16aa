#pragma once

// The counting behind photodesk-bench-eval, apart from any detector so that a test can feed it
// verdicts: per rule, faults made / caught on the fault photos labelled with that rule and false
// fails / warnings on the compliant photos; per reference kind, right / wrong / uncertain face
// bands (docs/photo-rules.md "Evaluation corpus", docs/face-analysis.md).

#include "core/vision/FaceMatcher.h"
#include "core/vision/rules/RuleTypes.h"
#include "tools/eval-corpus/EvalCorpus.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace pd::eval {

struct RuleTally {
    QString rule;
    int faults = 0;        // fault photos labelled with this rule
    int caught = 0;        // with the expected verdict (fail; warn or fail where "warn" is expected)
    int caughtByWarn = 0;  // of caught: by a warning (only where "warn" is expected)
    int warnedOnly = 0;    // "fail" expected, got a warning: not caught, but the reviewer looks
    int compliant = 0;     // compliant photos the rule ran on (not_applicable does not count)
    int falseFails = 0;
    int falseWarns = 0;
    int errors = 0;        // on either kind of photo
    // Held-out people: the smile_teeth photos are 11 portraits that are no compliant base, so no
    // threshold was chosen on them; every rule but the one their fault concerns should pass there.
    int heldOut = 0;       // held-out photos the rule judged (not labelled with it, not not_applicable)
    int heldOutFlags = 0;  // of those: failed or warned
    double heldOutFlagPercent() const { return heldOut ? 100.0 * heldOutFlags / heldOut : 0; }
    double caughtPercent() const { return faults ? 100.0 * caught / faults : 0; }
    // A false flag is a fail or a warning: either puts a good photo in front of the reviewer as
    // a problem (issue 13 counts GLASSES_OK's and NOT_EDITED's warnings on good photos).
    double falseFlagPercent() const { return compliant ? 100.0 * (falseFails + falseWarns) / compliant : 0; }
};

struct BandTally {
    QString referenceKind;
    int pairs = 0;
    int samePairs = 0;
    int right = 0;     // same → match, different → mismatch
    int wrong = 0;     // same → mismatch, different → match
    int wrongTwins = 0; // of wrong: identical twins (no face descriptor separates them)
    int uncertain = 0; // the uncertain band
    int noFace = 0;     // no face found in one of the photos
    int unreadable = 0; // a photo could not be decoded (e.g. a BMP reference)
    // Every pair the bands leave to the reviewer: uncertain, no face, unreadable.
    double uncertainPercent() const { return pairs ? 100.0 * (uncertain + noFace + unreadable) / pairs : 0; }
};

// A photo the rules got wrong: a fault not caught, or a compliant photo failed or warned.
struct Finding {
    QString file;
    QString variant;
    QString rule;
    QString verdict;  // what the rule said
    QString expected; // "fail"/"warn" for a missed fault, "pass" for a compliant photo, "held-out" (see RuleTally)
};

// A face pair not banded right: wrong, uncertain, no face or unreadable.
struct PairFinding {
    EvalPair pair;
    QString outcome; // "wrong" | "uncertain" | "no_face" | "unreadable"
};

// The fault variant whose photos are the held-out check (RuleTally::heldOut).
inline constexpr const char* kHeldOutVariant = "smile_teeth";

class EvaluationTally {
public:
    // One analysed photo: its verdict per rule id (rules missing from `verdicts` did not run).
    void addPhoto(const EvalPhoto& photo, const QHash<QString, rules::Verdict>& verdicts);
    // One face pair; nullopt band: no face in one of the photos, or (unreadable) one did not decode.
    void addPair(const EvalPair& pair, std::optional<MatchBand> band, bool unreadable = false);
    void addTiming(double ruleMs, double faceMs);
    // A report as PhotoAnalysisSession::analyze gives it: its rules' verdicts, the rule time
    // ("elapsed_ms") and the face analysis time (faces.photo.timings_ms).
    void addReport(const EvalPhoto& photo, const QJsonObject& report);
    // A comparePairs() result: its "band"; null with "error" "no_face", or another error (unreadable).
    void addCompareResult(const EvalPair& pair, const QJsonObject& result);

    // Every rule of the catalog in catalog order (rules without faults included: their false flags count).
    std::vector<RuleTally> rules() const;
    std::vector<BandTally> bands() const; // every reference kind, in referenceKinds() order
    int compliantPhotos() const { return m_compliant; }
    int faultPhotos() const { return m_faultPhotos; }
    const std::vector<double>& ruleMs() const { return m_ruleMs; }
    const std::vector<double>& faceMs() const { return m_faceMs; }
    const std::vector<Finding>& findings() const { return m_findings; }
    const std::vector<PairFinding>& pairFindings() const { return m_pairFindings; }

private:
    std::map<QString, RuleTally> m_rules;
    std::map<QString, BandTally> m_bands;
    int m_compliant = 0;
    int m_faultPhotos = 0;
    std::vector<double> m_ruleMs, m_faceMs;
    std::vector<Finding> m_findings;
    std::vector<PairFinding> m_pairFindings;
};

// {"rules":[{"id","verdict"}...]} → verdict per rule id (unknown verdict names are skipped).
QHash<QString, rules::Verdict> verdictsOf(const QJsonObject& report);

double percentile(std::vector<double> values, double p);

// JSON lines ({"bench":"eval_rule",...}, {"bench":"eval_band",...}, {"bench":"eval_time",...},
// {"bench":"eval_uncovered",...}) and a readable table of the same figures.
std::vector<QJsonObject> tallyJson(const EvaluationTally& tally, const QList<UncoveredRule>& uncovered);
QString tallyTable(const EvaluationTally& tally, const QList<UncoveredRule>& uncovered);

} // namespace pd::eval
