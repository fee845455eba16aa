#pragma once

#include <QString>
#include <QStringList>

namespace pd {

inline constexpr const char* kFaceModelFileName = "dlib_face_recognition_resnet_model_v1.dat";
inline constexpr const char* kShapePredictorFileName = "shape_predictor_68_face_landmarks.dat";

// Folders searched for the converted face-recognition model, in order:
// $PHOTODESK_SHARE_DIR/models, <executable>/../share/photodesk/models (installed copy or build
// tree), <build tree>/share/photodesk/models, /usr/share/photodesk/models.
QStringList faceModelSearchDirs();
// First existing model file in faceModelSearchDirs(), or an empty string.
QString findFaceModel();
// The 68-point predictor from libdlib-data (/usr/share/dlib), or an empty string.
QString findShapePredictor();

} // namespace pd
