#pragma once

#include "core/vision/FaceAnalyzer.h"
#include "core/vision/FaceMatcher.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace pd {

// What every command that compares faces needs: the process-wide analyser and the shipped match
// bands. Errors: the analyser's (model_missing, model_invalid) or the bands' (config).
struct SharedFaceModels {
    std::shared_ptr<const FaceAnalyzer> analyzer;
    MatchBands bands;
};
VisionResult<SharedFaceModels> loadSharedFaceModels();

// Exit codes of `photodesk-cli compare`.
enum CompareExit : int {
    CompareOk = 0,         // both images have a face: distance and band printed
    CompareSetupError = 1, // usage, model or configuration missing (message on err)
    CompareUnreadable = 2, // a file cannot be read or decoded (unreadable/corrupt/truncated/...)
    CompareNoFace = 3,     // at least one image has no face
};

// `photodesk-cli compare A B`: `args` are the arguments after "compare" (exactly two paths).
// Prints one JSON line on `out`:
//   {"distance": 0.41, "band": "match", "faces_a": 1, "faces_b": 2, "model_id": "..."}
// (largest face of each image). With no face: distance and band are null. With an unreadable
// file: {"error": code, "message": ..., "file": path}. Diagnostics go to `err`.
int runCompareCommand(const QStringList& args, QTextStream& out, QTextStream& err);

// The `faces` and `matches` members for `photodesk-cli analyze PHOTO --enrollment E --id I`:
//   {"faces": {"photo": {...analysis or error...}, "enrollment": {...}, "id_card": {...}},
//    "matches": {"enrollment": {"distance","band","model_id"} | null,
//                "id_card":    {"distance","band","model_id"} | null},
//    "model_id": "..."}
// An empty enrollment/idCard byte array means "not given" (its entries are omitted/null).
// Per-image errors (unreadable, no_face, ...) appear inside "faces" and make the match null.
QJsonObject analyzeFacesJson(const FaceAnalyzer& analyzer, const MatchBands& bands, const QByteArray& photo,
                             const QByteArray& enrollment = {}, const QByteArray& idCard = {});

// Convenience for the CLI: reads the files, uses FaceAnalyzer::shared() and
// loadDefaultMatchBands(). Returns an error only for set-up problems (model, configuration);
// an unreadable file shows up inside the JSON as for analyzeFacesJson. Empty paths = not given.
VisionResult<QJsonObject> analyzeFacesJsonFromFiles(const QString& photoPath, const QString& enrollmentPath = {},
                                                    const QString& idCardPath = {});

} // namespace pd
