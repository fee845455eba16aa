#pragma once

#include <QString>

namespace pd::build {

// What this build is, from one place (cmake/BuildInfo.cmake): the project version, the git
// description of the source tree at configure time ("unknown" outside git), its commit and date.
QString version();     // "0.1.0"
QString buildId();     // e.g. "ac4ca4439be4-dirty", "v0.1.0-3-g1234abcd5678" or "unknown"
QString commit();      // full commit hash or "unknown"
QString commitDate();  // ISO date of that commit or "unknown"
QString buildType();   // CMAKE_BUILD_TYPE
QString compiler();    // e.g. "GNU 12.2.0"
QString qtCompileVersion(); // Qt the program was built against (qVersion() is the one it runs on)

// "0.1.0 (build ac4ca4439be4)": what --version and the About dialog put first.
QString versionLine();

} // namespace pd::build
