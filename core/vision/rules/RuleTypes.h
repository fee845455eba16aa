#pragma once

// The photo rules' results as the rest of the program sees them: Qt types only (no OpenCV,
// no dlib), so the review workspace, the store and the CLI can hold a report without the
// vision headers.

#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace pd::rules {

// automated: measured and decided by the workstation; assisted: a proxy is measured and the
// reviewer is shown where to look; checklist: only a person can judge (a checkbox).
enum class RuleKind { Automated, Assisted, Checklist };
enum class Verdict { Pass, Warn, Fail, NotApplicable, Error };

QString kindName(RuleKind kind);     // "automated" | "assisted" | "checklist"
QString verdictName(Verdict verdict); // "pass" | "warn" | "fail" | "not_applicable" | "error"
std::optional<RuleKind> kindFromName(const QString& name);
std::optional<Verdict> verdictFromName(const QString& name);
// Fail > Warn > Error > Pass > NotApplicable: used to sort a flag list.
int verdictSeverity(Verdict verdict);

// Where a reviewer should look, in pixels of the upright photo.
struct RuleRegion {
    QString name; // e.g. "eyes", "background", "shoulders"
    QRect rect;
};

struct RuleResult {
    QString id;
    RuleKind kind = RuleKind::Automated;
    Verdict verdict = Verdict::NotApplicable;
    QJsonObject values;     // what was measured (and the thresholds it was compared with)
    QString explanationZh;  // one short sentence for the reviewer
    QString explanationEn;
    QList<RuleRegion> regions;

    QString explanation(const QString& language) const
    {
        return language.startsWith(QLatin1String("en")) ? explanationEn : explanationZh;
    }
};

struct RuleReport {
    QString file;
    QString configName;     // the active configuration ("national-2024", a school's name, ...)
    int configVersion = 0;  // recorded with each result so a later rule set adds, not overwrites
    QString configSource;   // file path(s) the configuration came from
    std::vector<RuleResult> results; // always all 28 rules, in catalog order
    double elapsedMs = 0;

    const RuleResult* find(const QString& id) const;
    QStringList idsWith(Verdict verdict) const;
};

// The 28 stable rule ids, in the order of the school's standard (and of reasons.json).
const QStringList& allRuleIds();
// The kind of a rule id (nullopt for unknown ids).
std::optional<RuleKind> ruleKind(const QString& id);

} // namespace pd::rules
