#pragma once

#include <QByteArray>
#include <QString>

namespace pd::facemodel {

// SHA-256 of @vladmandic/face-api@1.7.15's model/face_recognition_model.bin and its manifest.
// Weights that do not match are refused unless the caller explicitly accepts unpinned input
// (the tests do, with synthetic weights); the npm tarball itself is pinned by its sha512
// integrity string in scripts/fetch-face-model.
inline constexpr const char* kPinnedWeightsSha256 =
    "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589";
inline constexpr const char* kPinnedManifestSha256 =
    "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b";
inline constexpr int kExpectedTensors = 117;

struct ConvertOptions {
    QString weightsPath;  // face_recognition_model.bin
    QString manifestPath; // face_recognition_model-weights_manifest.json
    QString outputPath;   // dlib_face_recognition_resnet_model_v1.dat (+ ".sha256" beside it)
    bool acceptUnpinned = false;
};

struct ConvertOutcome {
    bool ok = false;
    int exitCode = 0;     // 0 ok, 2 cannot read/write, 3 weights rejected (tampered/invalid)
    QString errorCode;    // "unreadable", "checksum", "size_mismatch", "manifest", "shape", ...
    QString message;
    QString outputSha256; // of the written model file
    double descriptorNorm = 0; // sanity forward pass on a synthetic chip
};

// Verifies, dequantizes, fills dlib's network and writes the model file atomically.
ConvertOutcome convertFaceModel(const ConvertOptions& options);

} // namespace pd::facemodel
