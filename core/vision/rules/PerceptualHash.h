#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <opencv2/core.hpp>

#include <vector>

namespace pd::rules {

// OpenCV img_hash PHash (DCT of a 32×32 grey thumbnail, 64 bits), packed big-endian into a
// 64-bit integer so that the store can split it into four 16-bit bands.
quint64 perceptualHash(const cv::Mat& bgr);
int hammingDistance(quint64 a, quint64 b);

// A 64-bit random-hyperplane code of a 128-d face descriptor (signs of 64 fixed projections;
// the projection matrix comes from a fixed seed, so codes are stable across runs and
// machines). Near-identical descriptors (a re-upload) differ in few bits, so the descriptor
// can be looked up with the same banded index as the perceptual hash. 0 for an empty descriptor.
quint64 descriptorCode(const std::vector<float>& descriptor);

} // namespace pd::rules
