#include "core/vision/IdCardSimulation.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace pd {

VisionResult<QByteArray> simulateIdCardPhoto(const cv::Mat& bgr, const cv::Rect& face, const IdCardSimulation& sim)
{
    if (bgr.empty() || face.width <= 0 || face.height <= 0)
        return visionError(QStringLiteral("invalid_argument"), QStringLiteral("An image and a face box are required."));
    const double scale = double(sim.faceWidth) / face.width;
    // The source rectangle that becomes the card photo.
    const double srcW = sim.size.width / scale, srcH = sim.size.height / scale;
    const double left = face.x + face.width / 2.0 - srcW / 2.0;
    const double top = face.y - sim.faceTop * srcH;
    const cv::Rect src(int(std::floor(left)), int(std::floor(top)), int(std::ceil(srcW)), int(std::ceil(srcH)));
    const int padL = std::max(0, -src.x), padT = std::max(0, -src.y);
    const int padR = std::max(0, src.x + src.width - bgr.cols), padB = std::max(0, src.y + src.height - bgr.rows);
    cv::Mat padded;
    cv::copyMakeBorder(bgr, padded, padT, padB, padL, padR, cv::BORDER_REPLICATE);
    const cv::Mat region = padded(cv::Rect(src.x + padL, src.y + padT, src.width, src.height));
    cv::Mat card;
    cv::resize(region, card, sim.size, 0, 0, cv::INTER_AREA);
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", card, jpeg, {cv::IMWRITE_JPEG_QUALITY, sim.jpegQuality});
    return QByteArray(reinterpret_cast<const char*>(jpeg.data()), qsizetype(jpeg.size()));
}

} // namespace pd
