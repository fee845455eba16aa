#include "core/vision/rules/RuleReportJson.h"

#include <QJsonArray>

namespace pd::rules {

QJsonObject ruleResultToJson(const RuleResult& r)
{
    QJsonArray regions;
    for (const RuleRegion& g : r.regions)
        regions.append(QJsonObject{{QStringLiteral("name"), g.name},
                                   {QStringLiteral("x"), g.rect.x()},
                                   {QStringLiteral("y"), g.rect.y()},
                                   {QStringLiteral("w"), g.rect.width()},
                                   {QStringLiteral("h"), g.rect.height()}});
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("kind"), kindName(r.kind)},
                  {QStringLiteral("verdict"), verdictName(r.verdict)},
                  {QStringLiteral("values"), r.values},
                  {QStringLiteral("explanation"),
                   QJsonObject{{QStringLiteral("zh"), r.explanationZh}, {QStringLiteral("en"), r.explanationEn}}}};
    if (!regions.isEmpty())
        o.insert(QStringLiteral("regions"), regions);
    return o;
}

QJsonObject ruleReportToJson(const RuleReport& report)
{
    QJsonArray rules;
    for (const RuleResult& r : report.results)
        rules.append(ruleResultToJson(r));
    return QJsonObject{{QStringLiteral("file"), report.file},
                       {QStringLiteral("config"), QJsonObject{{QStringLiteral("name"), report.configName},
                                                              {QStringLiteral("version"), report.configVersion},
                                                              {QStringLiteral("source"), report.configSource}}},
                       {QStringLiteral("elapsed_ms"), qRound(report.elapsedMs * 100) / 100.0},
                       {QStringLiteral("rules"), rules}};
}

std::optional<RuleReport> ruleReportFromJson(const QJsonObject& json)
{
    RuleReport report;
    report.file = json.value(QStringLiteral("file")).toString();
    const QJsonObject config = json.value(QStringLiteral("config")).toObject();
    report.configName = config.value(QStringLiteral("name")).toString();
    report.configVersion = config.value(QStringLiteral("version")).toInt();
    report.configSource = config.value(QStringLiteral("source")).toString();
    report.elapsedMs = json.value(QStringLiteral("elapsed_ms")).toDouble();
    if (!json.value(QStringLiteral("rules")).isArray())
        return std::nullopt;
    for (const QJsonValue& v : json.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject o = v.toObject();
        RuleResult r;
        r.id = o.value(QStringLiteral("id")).toString();
        const auto kind = kindFromName(o.value(QStringLiteral("kind")).toString());
        const auto verdict = verdictFromName(o.value(QStringLiteral("verdict")).toString());
        if (r.id.isEmpty() || !kind || !verdict)
            return std::nullopt;
        r.kind = *kind;
        r.verdict = *verdict;
        r.values = o.value(QStringLiteral("values")).toObject();
        const QJsonObject ex = o.value(QStringLiteral("explanation")).toObject();
        r.explanationZh = ex.value(QStringLiteral("zh")).toString();
        r.explanationEn = ex.value(QStringLiteral("en")).toString();
        for (const QJsonValue& g : o.value(QStringLiteral("regions")).toArray()) {
            const QJsonObject go = g.toObject();
            r.regions.append(RuleRegion{go.value(QStringLiteral("name")).toString(),
                                        QRect(go.value(QStringLiteral("x")).toInt(), go.value(QStringLiteral("y")).toInt(),
                                              go.value(QStringLiteral("w")).toInt(), go.value(QStringLiteral("h")).toInt())});
        }
        report.results.push_back(std::move(r));
    }
    return report;
}

QStringList preselectedReasonIds(const RuleReport& report, bool includeWarnings)
{
    QStringList ids;
    for (const QString& id : allRuleIds()) {
        const RuleResult* r = report.find(id);
        if (!r)
            continue;
        if (r->verdict == Verdict::Fail || (includeWarnings && r->verdict == Verdict::Warn))
            ids << id;
    }
    return ids;
}

} // namespace pd::rules
