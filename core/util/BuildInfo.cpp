#include "core/util/BuildInfo.h"

// Generated at configure time into the build tree (cmake/BuildInfo.cmake). Only this file
// includes it, so a new commit recompiles one file.
#include "core/util/BuildInfoValues.h"

namespace pd::build {

QString version() { return QStringLiteral(PD_BUILDINFO_VERSION); }
QString buildId() { return QStringLiteral(PD_BUILDINFO_BUILD_ID); }
QString commit() { return QStringLiteral(PD_BUILDINFO_COMMIT); }
QString commitDate() { return QStringLiteral(PD_BUILDINFO_COMMIT_DATE); }
QString buildType() { return QStringLiteral(PD_BUILDINFO_BUILD_TYPE); }
QString compiler() { return QStringLiteral(PD_BUILDINFO_COMPILER); }
QString qtCompileVersion() { return QStringLiteral(QT_VERSION_STR); }

QString versionLine()
{
    return QStringLiteral("%1 (build %2)").arg(version(), buildId());
}

} // namespace pd::build
