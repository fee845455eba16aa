#pragma once

// What the NOT_REUSED rule asks the store: photos whose perceptual hash or face code is within
// a Hamming radius. The store implements it with an index (core/review/DuplicateIndex), the
// tests with a vector. Qt types only.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <vector>

namespace pd::rules {

struct DuplicateCandidate {
    qint64 photoId = 0;
    qint64 studentId = 0;
    QString role;              // submitted | enrollment | id_card
    int hashDistance = 64;     // Hamming distance of the 64-bit perceptual hashes
    int faceCodeDistance = 64; // Hamming distance of the 64-bit descriptor codes (64: none)
    QByteArray descriptor;     // little-endian float32 blob (may be empty)
};

class DuplicateLookup {
public:
    virtual ~DuplicateLookup() = default;
    // Candidates whose perceptual hash is within `maxHashDistance` of `phash`, or whose face code
    // is within `maxFaceCodeDistance` of `faceCode` (faceCode 0 with maxFaceCodeDistance < 0:
    // no face). The caller filters by student and verifies descriptors.
    virtual std::vector<DuplicateCandidate> findNear(quint64 phash, int maxHashDistance, quint64 faceCode,
                                                     int maxFaceCodeDistance) const = 0;
};

} // namespace pd::rules
