#include "core/support/Versions.h"

#include "core/util/BuildInfo.h"
#include "core/util/Paths.h"
#include "core/vision/BlasRuntime.h"
#include "core/vision/ModelPaths.h"
#include "core/vision/VisionVersions.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSysInfo>

namespace pd {

QJsonObject FileCheck::toJson() const
{
    return {{QStringLiteral("path"), path},
            {QStringLiteral("status"), status},
            {QStringLiteral("bytes"), bytes},
            {QStringLiteral("sha256"), actualSha256},
            {QStringLiteral("expected_sha256"), expectedSha256}};
}

FileCheck checkFile(const QString& path)
{
    FileCheck c;
    if (path.isEmpty() || !QFileInfo(path).isFile()) {
        c.status = QStringLiteral("missing");
        return c;
    }
    c.path = QFileInfo(path).absoluteFilePath();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        c.status = QStringLiteral("unreadable");
        return c;
    }
    c.bytes = f.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) {
        c.status = QStringLiteral("unreadable");
        return c;
    }
    c.actualSha256 = QString::fromLatin1(hash.result().toHex());
    QFile sum(path + QStringLiteral(".sha256"));
    if (sum.open(QIODevice::ReadOnly)) {
        // "<64 hex>  <file name>" (sha256sum) or just the digest.
        c.expectedSha256 = QString::fromLatin1(sum.readLine(4096)).section(QLatin1Char(' '), 0, 0).trimmed().toLower();
        c.status = c.expectedSha256 == c.actualSha256 ? QStringLiteral("ok") : QStringLiteral("mismatch");
    } else {
        c.status = QStringLiteral("unverified");
    }
    return c;
}

FileCheck checkFaceModel()
{
    return checkFile(findFaceModel());
}

FileCheck checkShapePredictor()
{
    return checkFile(findShapePredictor());
}

QJsonObject versionReport()
{
    const BlasInfo blas = probeBlas();
    return {
        {QStringLiteral("photodesk"), build::version()},
        {QStringLiteral("build_id"), build::buildId()},
        {QStringLiteral("commit"), build::commit()},
        {QStringLiteral("commit_date"), build::commitDate()},
        {QStringLiteral("build_type"), build::buildType()},
        {QStringLiteral("compiler"), build::compiler()},
        {QStringLiteral("qt_build"), build::qtCompileVersion()},
        {QStringLiteral("qt_runtime"), QString::fromLatin1(qVersion())},
        {QStringLiteral("opencv"), openCvVersion()},
        {QStringLiteral("dlib"), dlibVersion()},
        {QStringLiteral("blas"), QJsonObject{{QStringLiteral("openblas"), blas.openblas},
                                             {QStringLiteral("library"), blas.libraryPath},
                                             {QStringLiteral("config"), blas.config}}},
        {QStringLiteral("os"), QStringLiteral("%1 (kernel %2, %3)")
                                   .arg(QSysInfo::prettyProductName(), QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture())},
        {QStringLiteral("share_dir"), shareDir()},
        {QStringLiteral("face_model"), checkFaceModel().toJson()},
        {QStringLiteral("shape_predictor"), checkShapePredictor().toJson()},
    };
}

QStringList versionLines(const QJsonObject& r)
{
    auto model = [](const QJsonObject& m) {
        const QString status = m.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("missing"))
            return QStringLiteral("missing");
        return QStringLiteral("%1 %2 (%3)").arg(m.value(QStringLiteral("sha256")).toString(), status, m.value(QStringLiteral("path")).toString());
    };
    const QJsonObject blas = r.value(QStringLiteral("blas")).toObject();
    return {
        QStringLiteral("PhotoDesk %1 (build %2)").arg(r.value(QStringLiteral("photodesk")).toString(), r.value(QStringLiteral("build_id")).toString()),
        QStringLiteral("commit: %1 (%2)").arg(r.value(QStringLiteral("commit")).toString(), r.value(QStringLiteral("commit_date")).toString()),
        QStringLiteral("Qt: %1 (built with %2)").arg(r.value(QStringLiteral("qt_runtime")).toString(), r.value(QStringLiteral("qt_build")).toString()),
        QStringLiteral("OpenCV: %1").arg(r.value(QStringLiteral("opencv")).toString()),
        QStringLiteral("dlib: %1").arg(r.value(QStringLiteral("dlib")).toString()),
        QStringLiteral("BLAS: %1").arg(blas.value(QStringLiteral("openblas")).toBool() ? blas.value(QStringLiteral("config")).toString()
                                                                                        : QStringLiteral("reference BLAS (slow) %1").arg(blas.value(QStringLiteral("library")).toString())),
        QStringLiteral("face model: %1").arg(model(r.value(QStringLiteral("face_model")).toObject())),
        QStringLiteral("landmark model: %1").arg(model(r.value(QStringLiteral("shape_predictor")).toObject())),
        QStringLiteral("data: %1").arg(r.value(QStringLiteral("share_dir")).toString()),
        QStringLiteral("system: %1").arg(r.value(QStringLiteral("os")).toString()),
    };
}

} // namespace pd
