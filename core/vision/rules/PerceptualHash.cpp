#include "core/vision/rules/PerceptualHash.h"

#include <opencv2/img_hash.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

namespace pd::rules {

quint64 perceptualHash(const cv::Mat& bgr)
{
    if (bgr.empty())
        return 0;
    cv::Mat hash;
    cv::img_hash::pHash(bgr, hash); // 1×8 CV_8U
    quint64 v = 0;
    for (int i = 0; i < hash.cols; ++i)
        v = (v << 8) | hash.at<uchar>(0, i);
    return v;
}

int hammingDistance(quint64 a, quint64 b)
{
    return std::popcount(a ^ b);
}

namespace {
// splitmix64 + Box–Muller: the same numbers on every platform and compiler (std::normal_
// distribution is not specified bit-for-bit), so stored codes stay comparable.
struct Projections {
    std::array<std::array<float, 128>, 64> w{};
    Projections()
    {
        std::uint64_t state = 0x5048'4f54'4f44'4553ULL; // "PHOTODES"
        const auto next = [&] {
            std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            return z ^ (z >> 31);
        };
        const auto uniform = [&] { return (double(next() >> 11) + 0.5) / double(1ULL << 53); };
        for (auto& row : w)
            for (float& x : row)
                x = float(std::sqrt(-2.0 * std::log(uniform())) * std::cos(2.0 * M_PI * uniform()));
    }
};
} // namespace

quint64 descriptorCode(const std::vector<float>& descriptor)
{
    if (descriptor.size() != 128)
        return 0;
    static const Projections p;
    quint64 code = 0;
    for (int bit = 0; bit < 64; ++bit) {
        double s = 0;
        for (int i = 0; i < 128; ++i)
            s += double(p.w[bit][i]) * descriptor[i];
        code = (code << 1) | (s >= 0 ? 1u : 0u);
    }
    return code;
}

} // namespace pd::rules
