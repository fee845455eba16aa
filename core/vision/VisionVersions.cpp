#include "core/vision/VisionVersions.h"

#include <dlib/revision.h>
#include <opencv2/core/utility.hpp>

namespace pd {

QString dlibVersion()
{
    return QStringLiteral("%1.%2.%3").arg(DLIB_MAJOR_VERSION).arg(DLIB_MINOR_VERSION).arg(DLIB_PATCH_VERSION);
}

QString openCvVersion()
{
    return QString::fromStdString(cv::getVersionString());
}

} // namespace pd
