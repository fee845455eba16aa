#include "core/vision/CompareCommand.h"

#include "core/vision/FaceJson.h"

#include <QFile>
#include <QJsonDocument>

namespace pd {
namespace {

QString jsonLine(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

VisionResult<QByteArray> readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return visionError(VisionErrorCode::Unreadable, QStringLiteral("Cannot open %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

} // namespace

VisionResult<SharedFaceModels> loadSharedFaceModels()
{
    auto analyzer = FaceAnalyzer::shared();
    if (!analyzer)
        return analyzer.error();
    auto bands = loadDefaultMatchBands();
    if (!bands)
        return bands.error();
    return SharedFaceModels{analyzer.value(), bands.value()};
}

int runCompareCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.size() != 2) {
        err << "usage: photodesk-cli compare IMAGE_A IMAGE_B\n";
        return CompareSetupError;
    }
    auto models = loadSharedFaceModels();
    if (!models) {
        err << "error [" << models.error().code << "]: " << models.error().message << "\n";
        return CompareSetupError;
    }
    const auto& analyzer = models->analyzer;
    const MatchBands& bands = models->bands;
    if (const QString warning = blasWarning(analyzer->blas()); !warning.isEmpty())
        err << "warning: " << warning << "\n";

    FaceAnalysis analyses[2];
    for (int i = 0; i < 2; ++i) {
        auto bytes = readFile(args[i]);
        // Either side may be a reference photo (an ID-card reader's BMP).
        auto analysis = bytes ? analyzer->analyzeBytes(bytes.value(), {}, referencePhotoLoadOptions())
                              : VisionResult<FaceAnalysis>(bytes.error());
        if (!analysis) {
            QJsonObject o = errorToJson(analysis.error());
            o.insert(QStringLiteral("file"), args[i]);
            out << jsonLine(o) << Qt::endl;
            err << "error [" << analysis.error().code << "]: " << analysis.error().message << "\n";
            return CompareUnreadable;
        }
        analyses[i] = std::move(analysis).value();
    }
    QJsonObject o{{QStringLiteral("faces_a"), int(analyses[0].faces.size())},
                  {QStringLiteral("faces_b"), int(analyses[1].faces.size())},
                  {QStringLiteral("model_id"), analyzer->modelId()}};
    const DetectedFace* a = analyses[0].largest();
    const DetectedFace* b = analyses[1].largest();
    if (!a || !b) {
        o.insert(QStringLiteral("distance"), QJsonValue::Null);
        o.insert(QStringLiteral("band"), QJsonValue::Null);
        o.insert(QStringLiteral("error"), VisionErrorCode::NoFace);
        out << jsonLine(o) << Qt::endl;
        err << "error [no_face]: no face found in " << (!a ? args[0] : args[1]) << "\n";
        return CompareNoFace;
    }
    const auto match = matchDescriptors(a->descriptor, b->descriptor, bands.forFaces(a->box.width, b->box.width), analyzer->modelId());
    const auto m = matchToJson(match.value());
    o.insert(QStringLiteral("distance"), m.value(QStringLiteral("distance")));
    o.insert(QStringLiteral("band"), m.value(QStringLiteral("band")));
    out << jsonLine(o) << Qt::endl;
    return CompareOk;
}

QJsonObject analyzeFacesJson(const FaceAnalyzer& analyzer, const MatchBands& bands, const QByteArray& photo,
                             const QByteArray& enrollment, const QByteArray& idCard)
{
    const auto run = [&](const QByteArray& bytes) { return analyzer.analyzeBytes(bytes); };
    const auto photoResult = run(photo);
    QJsonObject faces;
    faces.insert(QStringLiteral("photo"), photoResult ? analysisToJson(photoResult.value()) : errorToJson(photoResult.error()));
    QJsonObject matches;
    const auto addReference = [&](const QString& key, const QByteArray& bytes) {
        if (bytes.isEmpty()) {
            matches.insert(key, QJsonValue::Null);
            return;
        }
        const auto ref = run(bytes);
        faces.insert(key, ref ? analysisToJson(ref.value()) : errorToJson(ref.error()));
        const DetectedFace* a = photoResult ? photoResult->largest() : nullptr;
        const DetectedFace* b = ref ? ref->largest() : nullptr;
        if (!a || !b) {
            matches.insert(key, QJsonValue::Null);
            return;
        }
        const auto match = matchDescriptors(a->descriptor, b->descriptor, bands.forFaces(a->box.width, b->box.width), analyzer.modelId());
        matches.insert(key, match ? matchToJson(match.value()) : QJsonValue(QJsonValue::Null));
    };
    addReference(QStringLiteral("enrollment"), enrollment);
    addReference(QStringLiteral("id_card"), idCard);
    return QJsonObject{{QStringLiteral("faces"), faces},
                       {QStringLiteral("matches"), matches},
                       {QStringLiteral("model_id"), analyzer.modelId()}};
}

VisionResult<QJsonObject> analyzeFacesJsonFromFiles(const QString& photoPath, const QString& enrollmentPath,
                                                    const QString& idCardPath)
{
    auto models = loadSharedFaceModels();
    if (!models)
        return models.error();
    // An unreadable file is analysed as empty bytes → "empty"; report the open error instead.
    QJsonObject unreadable;
    const auto bytesOf = [&](const QString& path, const QString& key) -> QByteArray {
        if (path.isEmpty())
            return {};
        auto b = readFile(path);
        if (!b) {
            unreadable.insert(key, errorToJson(b.error()));
            return QByteArray(" "); // non-empty so the slot is reported (as unsupported_format)
        }
        return b.value();
    };
    const QByteArray photo = bytesOf(photoPath, QStringLiteral("photo"));
    const QByteArray enrollment = bytesOf(enrollmentPath, QStringLiteral("enrollment"));
    const QByteArray idCard = bytesOf(idCardPath, QStringLiteral("id_card"));
    QJsonObject result = analyzeFacesJson(*models->analyzer, models->bands, photo, enrollment, idCard);
    if (!unreadable.isEmpty()) {
        QJsonObject faces = result.value(QStringLiteral("faces")).toObject();
        for (auto it = unreadable.begin(); it != unreadable.end(); ++it)
            faces.insert(it.key(), it.value()); // the open error replaces the placeholder's
        result.insert(QStringLiteral("faces"), faces);
    }
    return result;
}

} // namespace pd
