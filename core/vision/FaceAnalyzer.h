#pragma once

#include "core/vision/BlasRuntime.h"
#include "core/vision/ImageLoader.h"
#include "core/vision/VisionError.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core.hpp>

#include <memory>
#include <vector>

namespace pd {

struct StageTimings {
    double decodeMs = 0;     // bytes → upright BGR (0 when analysing a cv::Mat)
    double detectMs = 0;     // downscale + HOG detector (all passes)
    double landmarksMs = 0;  // 68 points for every face
    double descriptorMs = 0; // aligned chip + network forward pass
    double totalMs() const { return decodeMs + detectMs + landmarksMs + descriptorMs; }
};

struct DetectedFace {
    cv::Rect box;                      // in the upright full-resolution image
    double detectionScore = 0;         // HOG detector confidence (> 0)
    std::vector<cv::Point2f> landmarks; // 68 points (iBUG 300-W order)
    std::vector<float> descriptor;     // 128 values, empty when not computed
    cv::Mat chip;                      // aligned 150×150 BGR face (padding 0.25), empty when not computed
    bool hasDescriptor() const { return !descriptor.empty(); }
};

struct FaceAnalysis {
    cv::Size imageSize;                // upright
    bool greyscale = false;            // the source file was greyscale (flag it to the reviewer)
    int exifOrientation = 1;
    std::vector<DetectedFace> faces;   // largest box first; empty when no face was found
    StageTimings timings;
    int detectionPasses = 0;           // 1 normally; 2-3 when the fallback passes ran
    QString modelSha256;               // of dlib_face_recognition_resnet_model_v1.dat
    QString modelId;                   // "dlib-frnet-v1:<first 16 hex of the SHA-256>"
    const DetectedFace* largest() const { return faces.empty() ? nullptr : &faces.front(); }
};

enum class DescriptorScope { LargestFace, AllFaces, None };

struct AnalyzeOptions {
    DescriptorScope descriptors = DescriptorScope::LargestFace;
    bool keepChips = true;
};

struct FaceAnalyzerOptions {
    QString modelPath;          // empty: findFaceModel()
    QString shapePredictorPath; // empty: findShapePredictor()
    // Detection runs on a copy whose long side is at most this (faces in ID-style portraits
    // fill much of the frame; HOG cost grows with pixels). Boxes are mapped back.
    int detectLongSide = 320;
    // When nothing is found: a second pass at this long side, then 2× upsampling for small
    // images (long side below upsampleBelow) to catch small faces.
    int fallbackLongSide = 1024;
    int upsampleBelow = 800;
};

// Face detection, landmarks, alignment and the 128-d descriptor of dlib's face-recognition
// ResNet. Thread-safe: the models are loaded once and shared read-only (the shape predictor);
// what dlib mutates while running (the network's activations, the detector's scanner) lives in
// per-worker copies leased to one thread at a time, so N threads use at most N network copies.
class FaceAnalyzer {
public:
    static VisionResult<std::shared_ptr<const FaceAnalyzer>> create(const FaceAnalyzerOptions& options = {});
    // One process-wide instance with default options (created on first success; a failure is
    // not cached so a model fetched later is picked up).
    static VisionResult<std::shared_ptr<const FaceAnalyzer>> shared();

    ~FaceAnalyzer();
    FaceAnalyzer(const FaceAnalyzer&) = delete;
    FaceAnalyzer& operator=(const FaceAnalyzer&) = delete;

    // `bgr`: 8-bit, 1 or 3 channels, upright. No face is not an error: faces is empty.
    VisionResult<FaceAnalysis> analyze(const cv::Mat& bgr, const AnalyzeOptions& options = {}) const;
    // Loads (see loadImage for the errors) and analyses.
    VisionResult<FaceAnalysis> analyzeBytes(const QByteArray& bytes, const AnalyzeOptions& options = {},
                                            const ImageLoadOptions& loadOptions = {}) const;

    const QString& modelPath() const;
    const QString& modelSha256() const;
    const QString& modelId() const;
    const BlasInfo& blas() const; // probed when the analyser was created
    int networkInstances() const; // copies created so far (one per concurrently running thread)

private:
    struct Impl;
    explicit FaceAnalyzer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace pd
