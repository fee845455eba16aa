#include "core/util/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace pd {

QString shareDir()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("PHOTODESK_SHARE_DIR");
    if (!env.isEmpty())
        candidates << env;
    if (QCoreApplication::instance())
        candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/photodesk");
    candidates << QStringLiteral(PHOTODESK_BUILD_SHARE_DIR) << QStringLiteral("/usr/share/photodesk");
    for (const QString& c : candidates) {
        if (QFileInfo(c).isDir())
            return QDir(c).canonicalPath();
    }
    return {};
}

QString shareFile(const QString& relative)
{
    const QString dir = shareDir();
    if (dir.isEmpty())
        return {};
    const QString path = dir + QLatin1Char('/') + relative;
    return QFileInfo::exists(path) ? path : QString();
}

QString userDataDir()
{
    const QString env = qEnvironmentVariable("PHOTODESK_DATA_DIR");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    // GenericDataLocation, not AppDataLocation: the latter depends on the organisation and
    // application names, which differ between photodesk and photodesk-cli.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/photodesk");
}

QString defaultDatabasePath()
{
    return userDataDir() + QStringLiteral("/photodesk.sqlite");
}

} // namespace pd
