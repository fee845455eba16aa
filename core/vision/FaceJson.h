#pragma once

#include "core/vision/FaceAnalyzer.h"
#include "core/vision/FaceMatcher.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>
#include <vector>

namespace pd {

struct FaceJsonOptions {
    bool descriptor = false; // 128 numbers per face (large; the store keeps them as blobs)
    bool landmarks = false;  // 68 [x, y] pairs per face
};

// {"box": {"x","y","w","h"}, "score", ["landmarks": [[x,y]...]], ["descriptor": [...]]}
QJsonObject faceToJson(const DetectedFace& face, const FaceJsonOptions& options = {});
// {"width","height","greyscale","exif_orientation","faces":[...],"timings_ms":{...},"model_id","model_sha256"}
QJsonObject analysisToJson(const FaceAnalysis& analysis, const FaceJsonOptions& options = {});
// {"distance", "band", "model_id"}
QJsonObject matchToJson(const FaceMatch& match);
QJsonObject errorToJson(const VisionError& error);

// Descriptors as little-endian float32 blobs (512 bytes for 128 values) for storage.
QByteArray descriptorToBytes(const std::vector<float>& descriptor);
std::optional<std::vector<float>> descriptorFromBytes(const QByteArray& bytes);
QJsonArray descriptorToJson(const std::vector<float>& descriptor);
std::optional<std::vector<float>> descriptorFromJson(const QJsonArray& array);

} // namespace pd
