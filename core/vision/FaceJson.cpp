#include "core/vision/FaceJson.h"

#include <QtEndian>

#include <cmath>
#include <cstring>

namespace pd {

QJsonObject faceToJson(const DetectedFace& face, const FaceJsonOptions& options)
{
    QJsonObject o{
        {QStringLiteral("box"), QJsonObject{{QStringLiteral("x"), face.box.x}, {QStringLiteral("y"), face.box.y},
                                             {QStringLiteral("w"), face.box.width}, {QStringLiteral("h"), face.box.height}}},
        {QStringLiteral("score"), std::round(face.detectionScore * 1000) / 1000},
        {QStringLiteral("has_descriptor"), face.hasDescriptor()},
    };
    if (options.landmarks) {
        QJsonArray points;
        for (const auto& p : face.landmarks)
            points.append(QJsonArray{double(p.x), double(p.y)});
        o.insert(QStringLiteral("landmarks"), points);
    }
    if (options.descriptor && face.hasDescriptor())
        o.insert(QStringLiteral("descriptor"), descriptorToJson(face.descriptor));
    return o;
}

QJsonObject analysisToJson(const FaceAnalysis& a, const FaceJsonOptions& options)
{
    QJsonArray faces;
    for (const auto& f : a.faces)
        faces.append(faceToJson(f, options));
    const auto ms = [](double v) { return std::round(v * 100) / 100; };
    return QJsonObject{
        {QStringLiteral("width"), a.imageSize.width},
        {QStringLiteral("height"), a.imageSize.height},
        {QStringLiteral("greyscale"), a.greyscale},
        {QStringLiteral("exif_orientation"), a.exifOrientation},
        {QStringLiteral("faces"), faces},
        {QStringLiteral("timings_ms"), QJsonObject{{QStringLiteral("decode"), ms(a.timings.decodeMs)},
                                                    {QStringLiteral("detect"), ms(a.timings.detectMs)},
                                                    {QStringLiteral("landmarks"), ms(a.timings.landmarksMs)},
                                                    {QStringLiteral("descriptor"), ms(a.timings.descriptorMs)}}},
        {QStringLiteral("model_id"), a.modelId},
        {QStringLiteral("model_sha256"), a.modelSha256},
    };
}

QJsonObject matchToJson(const FaceMatch& m)
{
    return QJsonObject{{QStringLiteral("distance"), std::round(m.distance * 10000) / 10000},
                       {QStringLiteral("band"), matchBandName(m.band)},
                       {QStringLiteral("model_id"), m.modelId}};
}

QJsonObject errorToJson(const VisionError& e)
{
    return QJsonObject{{QStringLiteral("error"), e.code}, {QStringLiteral("message"), e.message}};
}

QByteArray descriptorToBytes(const std::vector<float>& descriptor)
{
    QByteArray out(qsizetype(descriptor.size() * 4), Qt::Uninitialized);
    for (size_t i = 0; i < descriptor.size(); ++i)
        qToLittleEndian(descriptor[i], out.data() + i * 4);
    return out;
}

std::optional<std::vector<float>> descriptorFromBytes(const QByteArray& bytes)
{
    if (bytes.isEmpty() || bytes.size() % 4 != 0)
        return std::nullopt;
    std::vector<float> out(size_t(bytes.size() / 4));
    for (size_t i = 0; i < out.size(); ++i) {
        out[i] = qFromLittleEndian<float>(bytes.constData() + i * 4);
        if (!std::isfinite(out[i]))
            return std::nullopt;
    }
    return out;
}

QJsonArray descriptorToJson(const std::vector<float>& descriptor)
{
    QJsonArray a;
    for (const float v : descriptor)
        a.append(double(v));
    return a;
}

std::optional<std::vector<float>> descriptorFromJson(const QJsonArray& array)
{
    if (array.isEmpty())
        return std::nullopt;
    std::vector<float> out;
    out.reserve(size_t(array.size()));
    for (const auto& v : array) {
        if (!v.isDouble())
            return std::nullopt;
        out.push_back(float(v.toDouble()));
    }
    return out;
}

} // namespace pd
