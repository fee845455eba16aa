#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pd {

// A data file checked against its recorded SHA-256 (<file>.sha256, as sha256sum writes it).
struct FileCheck {
    QString path;           // empty when the file was not found
    QString expectedSha256; // from <path>.sha256; empty when there is none
    QString actualSha256;
    qint64 bytes = 0;
    // "ok", "mismatch", "missing", "unreadable", or "unverified" (no .sha256 to compare with)
    QString status;

    bool ok() const { return status == QLatin1String("ok"); }
    QJsonObject toJson() const;
};

// Hashes `path` and compares it with `path`.sha256 when that exists.
FileCheck checkFile(const QString& path);
// The converted face-recognition model (findFaceModel()) against its .sha256.
FileCheck checkFaceModel();
// dlib's landmark model from libdlib-data (no checksum file ships with it: "unverified").
FileCheck checkShapePredictor();

// Everything a support person asks first: PhotoDesk version, build id and commit, the Qt the
// program was built with and runs on, OpenCV, dlib, the BLAS in use, the operating system, the
// data folder and the models with their checksums. Hashing the 22 MB model takes ≈ 0.1 s.
QJsonObject versionReport();

// The report as "name: value" lines (photodesk-cli --version).
QStringList versionLines(const QJsonObject& report);

} // namespace pd
