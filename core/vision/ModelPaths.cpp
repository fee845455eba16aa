#include "core/vision/ModelPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace pd {

QStringList faceModelSearchDirs()
{
    QStringList dirs;
    const QString env = qEnvironmentVariable("PHOTODESK_SHARE_DIR");
    if (!env.isEmpty())
        dirs << QDir(env).filePath(QStringLiteral("models"));
    // Beside the executable first (<prefix>/bin → <prefix>/share/photodesk/models): an installed
    // copy must use its own model, never the tree it was built in.
    if (QCoreApplication::instance())
        dirs << QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/photodesk/models"));
#ifdef PHOTODESK_VISION_BUILD_SHARE_DIR
    dirs << QDir(QStringLiteral(PHOTODESK_VISION_BUILD_SHARE_DIR)).filePath(QStringLiteral("models"));
#endif
    dirs << QStringLiteral("/usr/share/photodesk/models");
    dirs.removeDuplicates();
    return dirs;
}

QString findFaceModel()
{
    for (const auto& dir : faceModelSearchDirs()) {
        const QString path = QDir(dir).filePath(QLatin1String(kFaceModelFileName));
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

QString findShapePredictor()
{
    for (const auto& dir : {QStringLiteral("/usr/share/dlib"), QStringLiteral("/usr/local/share/dlib")}) {
        const QString path = QDir(dir).filePath(QLatin1String(kShapePredictorFileName));
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

} // namespace pd
