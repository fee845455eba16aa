#include "core/vision/FaceMatcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace pd {
namespace {

VisionError configError(const QString& message)
{
    return visionError(VisionErrorCode::Config, QStringLiteral("face-match configuration: %1").arg(message));
}

// Distances between descriptors of length ≈ 1.4 stay far below 3; anything outside (0, 3) is a typo.
constexpr double kMaxSensibleDistance = 3.0;

} // namespace

QString matchBandName(MatchBand band)
{
    switch (band) {
    case MatchBand::Match: return QStringLiteral("match");
    case MatchBand::Uncertain: return QStringLiteral("uncertain");
    case MatchBand::Mismatch: return QStringLiteral("mismatch");
    }
    return QStringLiteral("mismatch");
}

VisionResult<MatchBands> loadMatchBands(const QByteArray& json)
{
    QJsonParseError perr{};
    const auto doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError)
        return configError(QStringLiteral("not valid JSON (%1 at offset %2)").arg(perr.errorString()).arg(perr.offset));
    if (!doc.isObject())
        return configError(QStringLiteral("the top level must be an object"));
    const auto o = doc.object();
    if (o.value(QStringLiteral("version")).toInt(-1) != 1)
        return configError(QStringLiteral("\"version\" must be 1"));
    const auto number = [&](const char* key) -> std::optional<double> {
        const auto v = o.value(QLatin1String(key));
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return std::nullopt;
        return v.toDouble();
    };
    const auto matchMax = number("match_max");
    const auto mismatchMin = number("mismatch_min");
    if (!matchMax)
        return configError(QStringLiteral("\"match_max\" must be a number"));
    if (!mismatchMin)
        return configError(QStringLiteral("\"mismatch_min\" must be a number"));
    if (*matchMax <= 0 || *matchMax >= kMaxSensibleDistance)
        return configError(QStringLiteral("\"match_max\" must be in (0, 3); it is %1").arg(*matchMax));
    if (*mismatchMin <= 0 || *mismatchMin >= kMaxSensibleDistance)
        return configError(QStringLiteral("\"mismatch_min\" must be in (0, 3); it is %1").arg(*mismatchMin));
    if (*mismatchMin < *matchMax)
        return configError(QStringLiteral("\"mismatch_min\" (%1) must not be below \"match_max\" (%2)").arg(*mismatchMin).arg(*matchMax));
    MatchBands bands;
    bands.matchMax = *matchMax;
    bands.mismatchMin = *mismatchMin;
    bands.model = o.value(QStringLiteral("model")).toString();
    if (o.contains(QStringLiteral("small_face"))) {
        const QJsonObject small = o.value(QStringLiteral("small_face")).toObject();
        const QJsonValue width = small.value(QStringLiteral("width_below"));
        const QJsonValue limit = small.value(QStringLiteral("mismatch_min"));
        if (!width.isDouble() || width.toDouble() < 1 || width.toDouble() > 1000)
            return configError(QStringLiteral("\"small_face.width_below\" must be a number of pixels in [1, 1000]"));
        if (!limit.isDouble() || limit.toDouble() < *mismatchMin || limit.toDouble() >= kMaxSensibleDistance)
            return configError(QStringLiteral("\"small_face.mismatch_min\" must be a number in [mismatch_min, 3)"));
        bands.smallFaceWidth = width.toInt();
        bands.smallFaceMismatchMin = limit.toDouble();
    }
    return bands;
}

bool MatchBands::smallFace(int widthA, int widthB) const
{
    const auto small = [&](int w) { return w > 0 && w < smallFaceWidth; };
    return smallFaceWidth > 0 && (small(widthA) || small(widthB));
}

MatchBands MatchBands::forFaces(int widthA, int widthB) const
{
    MatchBands b = *this;
    if (smallFace(widthA, widthB))
        b.mismatchMin = std::max(mismatchMin, smallFaceMismatchMin);
    return b;
}

VisionResult<MatchBands> loadMatchBandsFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return configError(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return loadMatchBands(f.readAll());
}

QStringList matchBandSearchPaths()
{
    QStringList dirs;
    const QString env = qEnvironmentVariable("PHOTODESK_SHARE_DIR");
    if (!env.isEmpty())
        dirs << env;
#ifdef PHOTODESK_VISION_BUILD_SHARE_DIR
    dirs << QStringLiteral(PHOTODESK_VISION_BUILD_SHARE_DIR);
#endif
    dirs << QStringLiteral("/usr/share/photodesk");
    QStringList paths;
    for (const auto& dir : dirs)
        paths << QDir(dir).filePath(QStringLiteral("config/face-match.json"));
    paths.removeDuplicates();
    return paths;
}

VisionResult<MatchBands> loadDefaultMatchBands()
{
    const auto paths = matchBandSearchPaths();
    for (const auto& path : paths)
        if (QFileInfo(path).isFile())
            return loadMatchBandsFile(path);
    return configError(QStringLiteral("face-match.json not found in %1").arg(paths.join(QStringLiteral(", "))));
}

MatchBand classifyDistance(double distance, const MatchBands& bands)
{
    if (distance < 0)
        return MatchBand::Mismatch;
    if (distance <= bands.matchMax)
        return MatchBand::Match;
    if (distance >= bands.mismatchMin)
        return MatchBand::Mismatch;
    return MatchBand::Uncertain;
}

double descriptorDistance(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.empty() || a.size() != b.size())
        return -1;
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        const double diff = double(a[i]) - double(b[i]);
        sum += diff * diff;
    }
    return std::sqrt(sum);
}

VisionResult<FaceMatch> matchDescriptors(const std::vector<float>& a, const std::vector<float>& b,
                                         const MatchBands& bands, const QString& modelId)
{
    const double distance = descriptorDistance(a, b);
    if (distance < 0)
        return visionError(QStringLiteral("invalid_argument"), QStringLiteral("Both faces need descriptors of the same length."));
    return FaceMatch{distance, classifyDistance(distance, bands), modelId};
}

} // namespace pd
