#pragma once

// Serialising a rule report and turning its flags into pre-selected rejection reasons, for the
// CLI, the store (analysis_results) and the review workspace.

#include "core/vision/rules/RuleTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace pd::rules {

// {"id","kind","verdict","values":{...},"explanation":{"zh","en"},"regions":[{"name","x","y","w","h"}]}
QJsonObject ruleResultToJson(const RuleResult& result);
// {"file","config":{"name","version","source"},"elapsed_ms","rules":[...]}
QJsonObject ruleReportToJson(const RuleReport& report);
// The inverse (for results read back from the store); nullopt on malformed input.
std::optional<RuleReport> ruleReportFromJson(const QJsonObject& json);

// The reasons to pre-select in the decision panel: every failed rule's id (each rule maps to
// the reason with the same id in resources/config/reasons.json), in catalog order. With
// `includeWarnings`, assisted rules that warn are added as well (the reviewer still confirms).
QStringList preselectedReasonIds(const RuleReport& report, bool includeWarnings = false);

} // namespace pd::rules
