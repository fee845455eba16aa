#pragma once

#include "core/vision/FaceAnalyzer.h"
#include "core/vision/VisionError.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pd::variants {

// One generated file and the rule it must break.
struct VariantEntry {
    QString file;       // relative to the corpus folder
    QString base;       // base portrait name
    QString variant;    // e.g. "bg_white"
    QString rule;       // the rule id it must fail
    QString expect;     // "fail", or "warn" (warn or fail both count) for assisted proxies
    QString enrollment; // optional reference photo (relative) to pass as --enrollment
    QString idCard;     // optional reference photo (relative) to pass as --id
};

struct BasePhoto {
    QString name;
    QString file; // the compliant 480×640 base, relative to the corpus folder
};

struct VariantCorpus {
    QString dir;
    QList<BasePhoto> bases;
    QList<VariantEntry> variants;
    QJsonObject manifest() const; // {"bases":[{name,file}], "variants":[{file,base,variant,rule,expect,...}]}
};

// The default base portraits (tests/fixtures/faces names without extension): frontal, mouth
// closed, no glasses.
QStringList defaultBaseNames();

// Normalises each portrait into a compliant 480×640 ID photo on the national blue (face width
// 230 px, eye line at 245 px, eyes level; person cut out with GrabCut seeded from the 68
// landmarks, fixed RNG state so the output is deterministic), then writes the variants and
// manifest.json into `outDir`.
// Only the compliant 480×640 base photo of one portrait, as JPEG bytes (as `<name>_base.jpg`
// of the corpus): test data that passes every automated rule (the clean-lane tests use it).
VisionResult<QByteArray> makeCompliantPhoto(const FaceAnalyzer& analyzer, const QString& portraitPath);

VisionResult<VariantCorpus> makeRuleVariants(const FaceAnalyzer& analyzer, const QStringList& portraitPaths, const QString& outDir);

} // namespace pd::variants
