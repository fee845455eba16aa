#pragma once

#include <QString>

namespace pd {

// Versions of the vision libraries this program runs with (for --version, About, diagnostics).
// Here because only photodesk_vision sees dlib's headers.
QString dlibVersion();   // compile-time DLIB_{MAJOR,MINOR,PATCH}_VERSION, e.g. "19.24.0"
QString openCvVersion(); // cv::getVersionString() of the loaded library, e.g. "4.6.0"

} // namespace pd
