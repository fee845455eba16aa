#include "core/vision/rules/RuleConfig.h"

#include "core/vision/rules/RuleTypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace pd::rules {
namespace {

enum class Type { Bool, Number, Numbers, Strings };
struct Key {
    const char* rule;
    const char* key;
    Type type;
    double min = 0;
    double max = 0;
};

constexpr double kInf = std::numeric_limits<double>::infinity();

// The schema: every key a rule reads, its type and allowed range. "enabled" (Bool) exists for
// every rule and is not listed. Values themselves live only in photo-rules.json.
const Key kSchema[] = {
    {"FILE_FORMAT", "check_extension", Type::Bool},
    {"FILE_SIZE", "min_bytes", Type::Number, 0, 1e9},
    {"FILE_SIZE", "max_bytes", Type::Number, 1, 1e9},
    {"RESOLUTION", "width", Type::Number, 16, 20000},
    {"RESOLUTION", "height", Type::Number, 16, 20000},
    {"RESOLUTION", "exact_size", Type::Bool},
    {"RESOLUTION", "aspect_tolerance", Type::Number, 0, 1},
    {"COLOR_IMAGE", "min_chroma", Type::Number, 0, 100},
    {"SINGLE_FACE", "secondary_face_min_ratio", Type::Number, 0, 1},
    {"POSE_FRONTAL", "roll_warn_deg", Type::Number, 0, 90},
    {"POSE_FRONTAL", "roll_fail_deg", Type::Number, 0, 90},
    {"POSE_FRONTAL", "yaw_warn_deg", Type::Number, 0, 90},
    {"POSE_FRONTAL", "yaw_fail_deg", Type::Number, 0, 90},
    {"POSE_FRONTAL", "pitch_warn_deg", Type::Number, 0, 90},
    {"POSE_FRONTAL", "pitch_fail_deg", Type::Number, 0, 90},
    {"SHOULDERS_LEVEL", "tilt_warn_deg", Type::Number, 0, 90},
    {"HEAD_SIZE", "face_width_min_px", Type::Number, 0, 20000},
    {"HEAD_SIZE", "face_width_max_px", Type::Number, 0, 20000},
    {"HEAD_SIZE", "head_height_ratio_warn_min", Type::Number, 0, 2},
    {"HEAD_SIZE", "head_height_ratio_warn_max", Type::Number, 0, 2},
    {"HEAD_CENTERED", "centre_offset_max_px", Type::Number, 0, 20000},
    {"HEAD_CENTERED", "eye_line_min_px", Type::Number, 0, 20000},
    {"HEAD_CENTERED", "eye_line_max_px", Type::Number, 0, 20000},
    {"HEAD_CENTERED", "hair_top_min_px", Type::Number, 0, 20000},
    {"HEAD_CENTERED", "hair_top_max_px", Type::Number, 0, 20000},
    {"HEAD_CENTERED", "hair_top_tolerance_px", Type::Number, 0, 1000},
    {"BACKGROUND_UNIFORM", "colour_deviation_warn", Type::Number, 0, 200},
    {"BACKGROUND_UNIFORM", "colour_deviation_fail", Type::Number, 0, 200},
    {"BACKGROUND_UNIFORM", "edge_density_warn", Type::Number, 0, 1},
    {"BACKGROUND_UNIFORM", "edge_density_fail", Type::Number, 0, 1},
    {"BACKGROUND_BLUE", "reference_rgb", Type::Numbers, 0, 255},
    {"BACKGROUND_BLUE", "hue_min_deg", Type::Number, 0, 360},
    {"BACKGROUND_BLUE", "hue_max_deg", Type::Number, 0, 360},
    {"BACKGROUND_BLUE", "min_saturation", Type::Number, 0, 1},
    {"BACKGROUND_BLUE", "delta_e_warn", Type::Number, 0, 300},
    {"BACKGROUND_BLUE", "delta_e_fail", Type::Number, 0, 300},
    {"CLOTHING_CONTRAST", "min_delta_e", Type::Number, 0, 300},
    {"CLOTHING_CONTRAST", "similar_delta_e", Type::Number, 0, 300},
    {"CLOTHING_CONTRAST", "max_similar_fraction", Type::Number, 0, 1},
    {"NO_SLEEVELESS", "skin_fraction_warn", Type::Number, 0, 1},
    {"EYES_OPEN", "ear_fail", Type::Number, 0, 1},
    {"EYES_OPEN", "ear_warn", Type::Number, 0, 1},
    {"EYES_OPEN", "iris_height_fail", Type::Number, 0, 1},
    {"MOUTH_CLOSED", "opening_warn", Type::Number, 0, 2},
    {"MOUTH_CLOSED", "visible_opening_min", Type::Number, 0, 1},
    {"MOUTH_CLOSED", "opening_fail", Type::Number, 0, 2},
    {"MOUTH_CLOSED", "teeth_fraction_fail", Type::Number, 0, 1},
    {"EARS_VISIBLE", "skin_fraction_warn", Type::Number, 0, 1},
    {"EARS_VISIBLE", "covered_fraction_warn", Type::Number, 0, 1},
    {"HAIR_CLEAR", "darkness_ratio_warn", Type::Number, 0, 2},
    {"NO_HEAVY_MAKEUP", "lip_redness_delta_warn", Type::Number, 0, 100},
    {"GLASSES_OK", "tint_ratio_warn", Type::Number, 0, 2},
    {"GLASSES_OK", "tint_ratio_fail", Type::Number, 0, 2},
    {"GLASSES_OK", "glare_value_min", Type::Number, 0, 255},
    {"GLASSES_OK", "glare_fraction_warn", Type::Number, 0, 1},
    {"GLASSES_OK", "glare_fraction_fail", Type::Number, 0, 1},
    {"SHARPNESS", "fine_detail_ratio_warn", Type::Number, 0, 10},
    {"SHARPNESS", "fine_detail_ratio_fail", Type::Number, 0, 10},
    {"EXPOSURE", "face_luma_min", Type::Number, 0, 255},
    {"EXPOSURE", "face_luma_max", Type::Number, 0, 255},
    {"EXPOSURE", "clip_fraction_max", Type::Number, 0, 1},
    {"EXPOSURE", "cast_warn", Type::Number, 0, 200},
    {"EXPOSURE", "backdrop_cast_warn", Type::Number, 0, 5},
    {"EXPOSURE", "backdrop_cast_fail", Type::Number, 0, 5},
    {"EXPOSURE", "backdrop_cast_corroborating", Type::Number, 0, 5},
    {"EXPOSURE", "skin_chroma_max", Type::Number, 0, 200},
    {"EXPOSURE", "skin_hue_min_deg", Type::Number, -180, 180},
    {"EXPOSURE", "skin_hue_max_deg", Type::Number, -180, 180},
    {"EXPOSURE", "illumination_uniformity_warn", Type::Number, 0, 1},
    {"EXPOSURE", "dynamic_range_warn", Type::Number, 0, 255},
    {"NOT_EDITED", "editors", Type::Strings},
    {"NOT_EDITED", "min_jpeg_quality", Type::Number, 1, 100},
    {"NOT_EDITED", "skin_backdrop_texture_warn", Type::Number, 0, 10},
    {"NOT_EDITED", "blockiness_warn", Type::Number, 1, 10},
    {"NOT_SELFIE", "edge_density_warn", Type::Number, 0, 1},
    {"NOT_SELFIE", "face_width_ratio_warn", Type::Number, 0, 2},
    {"NOT_SELFIE", "roll_warn_deg", Type::Number, 0, 90},
    {"NOT_REUSED", "phash_max_distance", Type::Number, 0, 32},
    {"NOT_REUSED", "face_code_max_distance", Type::Number, 0, 32},
    {"NOT_REUSED", "descriptor_max_distance", Type::Number, 0, 2},
};

// Pairs that must be ordered (warn before fail, min before max) — checked after merging.
struct Order {
    const char* rule;
    const char* lower;
    const char* upper;
};
const Order kOrders[] = {
    {"FILE_SIZE", "min_bytes", "max_bytes"},
    {"POSE_FRONTAL", "roll_warn_deg", "roll_fail_deg"},
    {"POSE_FRONTAL", "yaw_warn_deg", "yaw_fail_deg"},
    {"POSE_FRONTAL", "pitch_warn_deg", "pitch_fail_deg"},
    {"HEAD_SIZE", "face_width_min_px", "face_width_max_px"},
    {"HEAD_SIZE", "head_height_ratio_warn_min", "head_height_ratio_warn_max"},
    {"HEAD_CENTERED", "eye_line_min_px", "eye_line_max_px"},
    {"HEAD_CENTERED", "hair_top_min_px", "hair_top_max_px"},
    {"BACKGROUND_UNIFORM", "colour_deviation_warn", "colour_deviation_fail"},
    {"BACKGROUND_UNIFORM", "edge_density_warn", "edge_density_fail"},
    {"BACKGROUND_BLUE", "hue_min_deg", "hue_max_deg"},
    {"BACKGROUND_BLUE", "delta_e_warn", "delta_e_fail"},
    {"EYES_OPEN", "ear_fail", "ear_warn"},
    {"MOUTH_CLOSED", "opening_warn", "opening_fail"},
    {"GLASSES_OK", "tint_ratio_fail", "tint_ratio_warn"},
    {"GLASSES_OK", "glare_fraction_warn", "glare_fraction_fail"},
    {"SHARPNESS", "fine_detail_ratio_fail", "fine_detail_ratio_warn"},
    {"EXPOSURE", "face_luma_min", "face_luma_max"},
    {"EXPOSURE", "backdrop_cast_warn", "backdrop_cast_fail"},
    {"EXPOSURE", "backdrop_cast_corroborating", "backdrop_cast_warn"},
    {"EXPOSURE", "skin_hue_min_deg", "skin_hue_max_deg"},
};

const Key* findKey(const QString& rule, const QString& key)
{
    for (const Key& k : kSchema)
        if (rule == QLatin1String(k.rule) && key == QLatin1String(k.key))
            return &k;
    return nullptr;
}

QStringList keysOf(const QString& rule)
{
    QStringList keys{QStringLiteral("enabled")};
    for (const Key& k : kSchema)
        if (rule == QLatin1String(k.rule))
            keys << QString::fromLatin1(k.key);
    return keys;
}

VisionError configError(const QString& source, const QString& message)
{
    return visionError(VisionErrorCode::Config,
                       QStringLiteral("photo rule configuration %1: %2").arg(source.isEmpty() ? QStringLiteral("(inline)") : source, message));
}

// Parses `json` into `config` (values replace existing ones). `complete`: every rule and key
// must be present (the shipped file).
std::optional<VisionError> merge(RuleConfig& config, const QByteArray& json, const QString& source, bool complete)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return configError(source, QStringLiteral("not a JSON object (%1)").arg(pe.errorString()));
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QStringList topKeys{QStringLiteral("name"), QStringLiteral("version"), QStringLiteral("description"),
                                         QStringLiteral("rules")};
        if (!topKeys.contains(it.key()))
            return configError(source, QStringLiteral("unknown key \"%1\" (allowed: %2)").arg(it.key(), topKeys.join(QLatin1String(", "))));
    }
    const QJsonValue name = root.value(QStringLiteral("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return configError(source, QStringLiteral("\"name\" must be a non-empty string"));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != std::floor(version.toDouble()))
        return configError(source, QStringLiteral("\"version\" must be a positive integer"));
    if (!root.value(QStringLiteral("rules")).isObject())
        return configError(source, QStringLiteral("\"rules\" must be an object"));
    config.name = name.toString();
    config.version = version.toInt();
    config.source = config.source.isEmpty() ? source : config.source + QLatin1String(" + ") + source;

    const QJsonObject rules = root.value(QStringLiteral("rules")).toObject();
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const QString rule = it.key();
        if (!ruleKind(rule))
            return configError(source, QStringLiteral("unknown rule \"%1\"").arg(rule));
        if (!it.value().isObject())
            return configError(source, QStringLiteral("rules.%1 must be an object").arg(rule));
        const QJsonObject keys = it.value().toObject();
        QVariantMap& values = config.values[rule];
        for (auto k = keys.begin(); k != keys.end(); ++k) {
            const QString field = QStringLiteral("rules.%1.%2").arg(rule, k.key());
            if (k.key() == QLatin1String("enabled")) {
                if (!k.value().isBool())
                    return configError(source, QStringLiteral("%1 must be true or false").arg(field));
                values.insert(k.key(), k.value().toBool());
                continue;
            }
            const Key* spec = findKey(rule, k.key());
            if (!spec)
                return configError(source, QStringLiteral("unknown key %1 (allowed: %2)").arg(field, keysOf(rule).join(QLatin1String(", "))));
            const QJsonValue v = k.value();
            switch (spec->type) {
            case Type::Bool:
                if (!v.isBool())
                    return configError(source, QStringLiteral("%1 must be true or false").arg(field));
                values.insert(k.key(), v.toBool());
                break;
            case Type::Number:
                if (!v.isDouble() || !std::isfinite(v.toDouble()))
                    return configError(source, QStringLiteral("%1 must be a number").arg(field));
                if (v.toDouble() < spec->min || v.toDouble() > spec->max)
                    return configError(source, QStringLiteral("%1 = %2 is outside %3 … %4")
                                                   .arg(field).arg(v.toDouble()).arg(spec->min).arg(spec->max));
                values.insert(k.key(), v.toDouble());
                break;
            case Type::Numbers: {
                if (!v.isArray() || v.toArray().size() != 3)
                    return configError(source, QStringLiteral("%1 must be an array of three numbers").arg(field));
                QVariantList list;
                for (const QJsonValue& e : v.toArray()) {
                    if (!e.isDouble() || e.toDouble() < spec->min || e.toDouble() > spec->max)
                        return configError(source, QStringLiteral("%1 must hold numbers in %2 … %3").arg(field).arg(spec->min).arg(spec->max));
                    list << e.toDouble();
                }
                values.insert(k.key(), list);
                break;
            }
            case Type::Strings: {
                if (!v.isArray())
                    return configError(source, QStringLiteral("%1 must be an array of strings").arg(field));
                QStringList list;
                for (const QJsonValue& e : v.toArray()) {
                    if (!e.isString() || e.toString().trimmed().isEmpty())
                        return configError(source, QStringLiteral("%1 must hold non-empty strings").arg(field));
                    list << e.toString().trimmed().toLower();
                }
                values.insert(k.key(), list);
                break;
            }
            }
        }
    }
    if (complete) {
        for (const QString& rule : allRuleIds()) {
            if (!config.values.contains(rule))
                return configError(source, QStringLiteral("rule \"%1\" is missing").arg(rule));
            for (const QString& key : keysOf(rule))
                if (!config.values.value(rule).contains(key))
                    return configError(source, QStringLiteral("rules.%1.%2 is missing").arg(rule, key));
        }
    }
    for (const Order& o : kOrders) {
        const QVariantMap& values = config.values[QString::fromLatin1(o.rule)];
        const double lo = values.value(QString::fromLatin1(o.lower)).toDouble();
        const double hi = values.value(QString::fromLatin1(o.upper)).toDouble();
        if (lo > hi)
            return configError(source, QStringLiteral("rules.%1.%2 (%3) must not exceed rules.%1.%4 (%5)")
                                           .arg(QString::fromLatin1(o.rule), QString::fromLatin1(o.lower)).arg(lo)
                                           .arg(QString::fromLatin1(o.upper)).arg(hi));
    }
    return std::nullopt;
}

VisionResult<QByteArray> readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return configError(path, QStringLiteral("cannot be read (%1)").arg(f.errorString()));
    return f.readAll();
}

} // namespace

bool RuleConfig::enabled(const QString& rule) const
{
    return values.value(rule).value(QStringLiteral("enabled"), true).toBool();
}

double RuleConfig::number(const QString& rule, const QString& key) const
{
    Q_ASSERT(findKey(rule, key));
    return values.value(rule).value(key).toDouble();
}

QStringList RuleConfig::strings(const QString& rule, const QString& key) const
{
    const QVariant v = values.value(rule).value(key);
    if (v.typeId() == QMetaType::QVariantList) {
        QStringList out;
        for (const QVariant& e : v.toList())
            out << e.toString();
        return out;
    }
    return v.toStringList();
}

VisionResult<RuleConfig> parseRuleConfig(const QByteArray& json, const QString& source)
{
    RuleConfig config;
    if (auto error = merge(config, json, source, true))
        return *error;
    return config;
}

VisionResult<RuleConfig> applyRuleConfigOverride(const RuleConfig& base, const QByteArray& json, const QString& source)
{
    RuleConfig config = base;
    if (auto error = merge(config, json, source, false))
        return *error;
    return config;
}

QStringList ruleConfigSearchPaths()
{
    QStringList paths;
    const QString env = qEnvironmentVariable("PHOTODESK_SHARE_DIR");
    if (!env.isEmpty())
        paths << QDir(env).filePath(QStringLiteral("config/photo-rules.json"));
#ifdef PHOTODESK_VISION_BUILD_SHARE_DIR
    paths << QStringLiteral(PHOTODESK_VISION_BUILD_SHARE_DIR "/config/photo-rules.json");
#endif
    paths << QStringLiteral("/usr/share/photodesk/config/photo-rules.json");
    return paths;
}

QString schoolRuleConfigPath() { return qEnvironmentVariable("PHOTODESK_RULES_CONFIG"); }

VisionResult<RuleConfig> loadRuleConfig(const QString& overridePath)
{
    QString basePath;
    for (const QString& p : ruleConfigSearchPaths()) {
        if (QFile::exists(p)) {
            basePath = p;
            break;
        }
    }
    if (basePath.isEmpty())
        return configError(QStringLiteral("photo-rules.json"),
                           QStringLiteral("not found (looked in %1)").arg(ruleConfigSearchPaths().join(QLatin1String(", "))));
    auto bytes = readAll(basePath);
    if (!bytes)
        return bytes.error();
    auto config = parseRuleConfig(bytes.value(), basePath);
    if (!config || overridePath.isEmpty())
        return config;
    auto overrideBytes = readAll(overridePath);
    if (!overrideBytes)
        return overrideBytes.error();
    return applyRuleConfigOverride(config.value(), overrideBytes.value(), overridePath);
}

} // namespace pd::rules
