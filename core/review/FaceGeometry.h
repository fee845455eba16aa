#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QList>
#include <QPointF>
#include <QRect>

namespace pd {

class Store;

// Where the face is in one photo, from the pre-screen's stored "faces" row (largest face):
// box and the 68 landmarks in pixels of the upright photo (EXIF orientation applied, full
// resolution). The review workspace aligns its compare tools on it; nothing is computed again.
struct PhotoFaceGeometry {
    Id photoId = 0;
    bool found = false; // a face with landmarks is stored for this photo and model
    QRect box;
    QList<QPointF> landmarks; // 68 points (iBUG order) when found

    // Centres of the image-left and image-right eye (landmarks 36–41 and 42–47).
    QPointF leftEyeCentre() const;
    QPointF rightEyeCentre() const;
    QPointF mouthCentre() const; // landmarks 48–67
};

// Submitted, enrollment and ID-card photo of one attempt (the student's reference photos in
// force, as everywhere else).
struct AttemptFaceGeometry {
    Id attemptId = 0;
    PhotoFaceGeometry submitted, enrollment, idCard;
};

// Any thread (that thread's connection). Photos without a row, or whose row has no face, come
// back with found = false.
Result<AttemptFaceGeometry> loadFaceGeometry(const Store& store, Id attemptId, const QString& modelId);

} // namespace pd
