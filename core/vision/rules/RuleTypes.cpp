#include "core/vision/rules/RuleTypes.h"

namespace pd::rules {

QString kindName(RuleKind kind)
{
    switch (kind) {
    case RuleKind::Automated: return QStringLiteral("automated");
    case RuleKind::Assisted: return QStringLiteral("assisted");
    case RuleKind::Checklist: return QStringLiteral("checklist");
    }
    return {};
}

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass: return QStringLiteral("pass");
    case Verdict::Warn: return QStringLiteral("warn");
    case Verdict::Fail: return QStringLiteral("fail");
    case Verdict::NotApplicable: return QStringLiteral("not_applicable");
    case Verdict::Error: return QStringLiteral("error");
    }
    return {};
}

std::optional<RuleKind> kindFromName(const QString& name)
{
    for (RuleKind k : {RuleKind::Automated, RuleKind::Assisted, RuleKind::Checklist})
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

std::optional<Verdict> verdictFromName(const QString& name)
{
    for (Verdict v : {Verdict::Pass, Verdict::Warn, Verdict::Fail, Verdict::NotApplicable, Verdict::Error})
        if (verdictName(v) == name)
            return v;
    return std::nullopt;
}

int verdictSeverity(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Fail: return 4;
    case Verdict::Warn: return 3;
    case Verdict::Error: return 2;
    case Verdict::Pass: return 1;
    case Verdict::NotApplicable: return 0;
    }
    return 0;
}

const RuleResult* RuleReport::find(const QString& id) const
{
    for (const RuleResult& r : results)
        if (r.id == id)
            return &r;
    return nullptr;
}

QStringList RuleReport::idsWith(Verdict verdict) const
{
    QStringList ids;
    for (const RuleResult& r : results)
        if (r.verdict == verdict)
            ids << r.id;
    return ids;
}

namespace {
struct RuleIdKind {
    const char* id;
    RuleKind kind;
};
// The order and kinds of docs/photo-rules.md and resources/config/reasons.json (a test checks
// that the catalog agrees).
constexpr RuleIdKind kRules[] = {
    {"FILE_FORMAT", RuleKind::Automated},      {"FILE_SIZE", RuleKind::Automated},
    {"RESOLUTION", RuleKind::Automated},       {"COLOR_IMAGE", RuleKind::Automated},
    {"SINGLE_FACE", RuleKind::Automated},      {"POSE_FRONTAL", RuleKind::Automated},
    {"SHOULDERS_LEVEL", RuleKind::Assisted},   {"HEAD_SIZE", RuleKind::Automated},
    {"HEAD_CENTERED", RuleKind::Automated},    {"BACKGROUND_UNIFORM", RuleKind::Automated},
    {"BACKGROUND_BLUE", RuleKind::Automated},  {"CLOTHING_CONTRAST", RuleKind::Automated},
    {"NO_SLEEVELESS", RuleKind::Assisted},     {"EYES_OPEN", RuleKind::Automated},
    {"MOUTH_CLOSED", RuleKind::Automated},     {"EARS_VISIBLE", RuleKind::Assisted},
    {"HAIR_CLEAR", RuleKind::Assisted},        {"NO_HEADWEAR", RuleKind::Checklist},
    {"NO_HEAVY_MAKEUP", RuleKind::Assisted},   {"NO_JEWELRY", RuleKind::Checklist},
    {"GLASSES_OK", RuleKind::Automated},       {"SHARPNESS", RuleKind::Automated},
    {"EXPOSURE", RuleKind::Automated},         {"NOT_EDITED", RuleKind::Assisted},
    {"NOT_SELFIE", RuleKind::Assisted},        {"MATCH_ENROLLMENT", RuleKind::Automated},
    {"MATCH_ID", RuleKind::Automated},         {"NOT_REUSED", RuleKind::Automated},
};
} // namespace

const QStringList& allRuleIds()
{
    static const QStringList ids = [] {
        QStringList l;
        for (const auto& r : kRules)
            l << QString::fromLatin1(r.id);
        return l;
    }();
    return ids;
}

std::optional<RuleKind> ruleKind(const QString& id)
{
    for (const auto& r : kRules)
        if (id == QLatin1String(r.id))
            return r.kind;
    return std::nullopt;
}

} // namespace pd::rules
