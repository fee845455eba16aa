// `photodesk-cli analyze`: faces, matches and the 28 rules of one photo in one JSON object.
#include "core/vision/rules/RuleEngine.h"

#include "core/vision/FaceJson.h"
#include "core/vision/rules/PerceptualHash.h"
#include "core/vision/rules/RuleReportJson.h"

#include <QFile>
#include <QFileInfo>

namespace pd::rules {

VisionResult<QJsonObject> analyzePhotoJsonFromFiles(const QString& photoPath, const QString& enrollmentPath,
                                                    const QString& idCardPath, const QString& configPath)
{
    auto config = loadRuleConfig(configPath);
    if (!config)
        return config.error();
    auto analyzer = FaceAnalyzer::shared();
    if (!analyzer)
        return analyzer.error();
    auto bands = loadDefaultMatchBands();
    if (!bands)
        return bands.error();

    QFile f(photoPath);
    if (!f.open(QIODevice::ReadOnly))
        return visionError(VisionErrorCode::Unreadable, QStringLiteral("cannot read %1: %2").arg(photoPath, f.errorString()));
    const QByteArray bytes = f.readAll();

    QJsonObject faces, matches;
    RuleInput input;
    input.bytes = bytes;
    input.fileName = QFileInfo(photoPath).fileName();
    std::optional<FaceAnalysis> photo;
    if (auto loaded = loadImage(bytes)) {
        input.bgr = loaded->bgr;
        if (auto a = analyzer.value()->analyze(loaded->bgr)) {
            photo = a.value();
            photo->greyscale = loaded->greyscale;
            photo->exifOrientation = loaded->exifOrientation;
            faces.insert(QStringLiteral("photo"), analysisToJson(*photo));
        } else {
            faces.insert(QStringLiteral("photo"), errorToJson(a.error()));
        }
    } else {
        faces.insert(QStringLiteral("photo"), errorToJson(loaded.error()));
    }
    input.analysis = photo ? &*photo : nullptr;

    const auto reference = [&](const QString& path, const QString& key, ReferencePhoto& ref) {
        if (path.isEmpty()) {
            matches.insert(key, QJsonValue::Null);
            return;
        }
        ref.given = true;
        QFile rf(path);
        auto loaded = rf.open(QIODevice::ReadOnly) ? loadImage(rf.readAll())
                                                  : VisionResult<LoadedImage>(visionError(VisionErrorCode::Unreadable, rf.errorString()));
        if (!loaded) {
            faces.insert(key, errorToJson(loaded.error()));
            matches.insert(key, QJsonValue::Null);
            return;
        }
        ref.phash = perceptualHash(loaded->bgr);
        auto a = analyzer.value()->analyze(loaded->bgr);
        if (!a) {
            faces.insert(key, errorToJson(a.error()));
            matches.insert(key, QJsonValue::Null);
            return;
        }
        faces.insert(key, analysisToJson(a.value()));
        if (const DetectedFace* face = a->largest())
            ref.descriptor = face->descriptor;
        const DetectedFace* mine = photo ? photo->largest() : nullptr;
        auto match = (mine && !ref.descriptor.empty())
                         ? matchDescriptors(mine->descriptor, ref.descriptor, bands.value(), analyzer.value()->modelId())
                         : VisionResult<FaceMatch>(visionError(VisionErrorCode::NoFace, {}));
        matches.insert(key, match ? matchToJson(match.value()) : QJsonValue(QJsonValue::Null));
    };
    reference(enrollmentPath, QStringLiteral("enrollment"), input.enrollment);
    reference(idCardPath, QStringLiteral("id_card"), input.idCard);

    const RuleEngine engine(config.value(), bands.value());
    const RuleReport report = engine.evaluate(input);
    QJsonObject out = ruleReportToJson(report);
    out.insert(QStringLiteral("file"), photoPath);
    out.insert(QStringLiteral("faces"), faces);
    out.insert(QStringLiteral("matches"), matches);
    out.insert(QStringLiteral("model_id"), analyzer.value()->modelId());
    out.insert(QStringLiteral("failed"), QJsonArray::fromStringList(preselectedReasonIds(report)));
    return out;
}

} // namespace pd::rules
