#include "tools/eval-corpus/EvaluationTally.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace pd::eval {

using rules::Verdict;

void EvaluationTally::addPhoto(const EvalPhoto& photo, const QHash<QString, Verdict>& verdicts)
{
    if (photo.kind == QLatin1String("compliant")) {
        ++m_compliant;
        for (auto it = verdicts.constBegin(); it != verdicts.constEnd(); ++it) {
            RuleTally& t = m_rules[it.key()];
            if (it.value() == Verdict::NotApplicable)
                continue;
            ++t.compliant;
            if (it.value() == Verdict::Fail || it.value() == Verdict::Warn)
                m_findings.push_back({photo.file, photo.variant, it.key(), rules::verdictName(it.value()), QStringLiteral("pass")});
            t.falseFails += it.value() == Verdict::Fail;
            t.falseWarns += it.value() == Verdict::Warn;
            t.errors += it.value() == Verdict::Error;
        }
        return;
    }
    ++m_faultPhotos;
    if (photo.variant == QLatin1String(kHeldOutVariant))
        for (auto it = verdicts.constBegin(); it != verdicts.constEnd(); ++it) {
            const bool labelled = std::any_of(photo.rules.begin(), photo.rules.end(),
                                              [&](const RuleExpectation& e) { return e.rule == it.key(); });
            if (labelled || it.value() == Verdict::NotApplicable)
                continue;
            RuleTally& t = m_rules[it.key()];
            ++t.heldOut;
            if (it.value() == Verdict::Fail || it.value() == Verdict::Warn) {
                ++t.heldOutFlags;
                m_findings.push_back({photo.file, photo.variant, it.key(), rules::verdictName(it.value()), QStringLiteral("held-out")});
            }
        }
    for (const RuleExpectation& e : photo.rules) {
        RuleTally& t = m_rules[e.rule];
        ++t.faults;
        const Verdict v = verdicts.value(e.rule, Verdict::NotApplicable);
        const bool warnEnough = e.expect == QLatin1String("warn");
        if (v == Verdict::Fail) {
            ++t.caught;
        } else if (v == Verdict::Warn && warnEnough) {
            ++t.caught;
            ++t.caughtByWarn;
        } else {
            t.warnedOnly += v == Verdict::Warn;
            t.errors += v == Verdict::Error;
            m_findings.push_back({photo.file, photo.variant, e.rule, rules::verdictName(v), e.expect});
        }
    }
}

void EvaluationTally::addPair(const EvalPair& pair, std::optional<MatchBand> band, bool unreadable)
{
    BandTally& t = m_bands[pair.referenceKind];
    ++t.pairs;
    t.samePairs += pair.same;
    QString outcome;
    if (!band && unreadable) {
        ++t.unreadable;
        outcome = QStringLiteral("unreadable");
    } else if (!band) {
        ++t.noFace;
        outcome = QStringLiteral("no_face");
    } else if (*band == MatchBand::Uncertain) {
        ++t.uncertain;
        outcome = QStringLiteral("uncertain");
    } else if ((*band == MatchBand::Match) == pair.same) {
        ++t.right;
    } else {
        ++t.wrong;
        t.wrongTwins += pair.twins;
        outcome = QStringLiteral("wrong");
    }
    if (!outcome.isEmpty())
        m_pairFindings.push_back({pair, outcome});
}

void EvaluationTally::addTiming(double ruleMs, double faceMs)
{
    m_ruleMs.push_back(ruleMs);
    m_faceMs.push_back(faceMs);
}

void EvaluationTally::addReport(const EvalPhoto& photo, const QJsonObject& report)
{
    addPhoto(photo, verdictsOf(report));
    double faceMs = 0;
    const QJsonObject timings =
        report.value(QStringLiteral("faces")).toObject().value(QStringLiteral("photo")).toObject().value(QStringLiteral("timings_ms")).toObject();
    for (auto it = timings.constBegin(); it != timings.constEnd(); ++it)
        faceMs += it.value().toDouble();
    addTiming(report.value(QStringLiteral("elapsed_ms")).toDouble(), faceMs);
}

void EvaluationTally::addCompareResult(const EvalPair& pair, const QJsonObject& result)
{
    const QString band = result.value(QStringLiteral("band")).toString();
    for (const MatchBand b : {MatchBand::Match, MatchBand::Uncertain, MatchBand::Mismatch})
        if (band == matchBandName(b))
            return addPair(pair, b);
    addPair(pair, std::nullopt, result.value(QStringLiteral("error")).toString() != QLatin1String("no_face"));
}

QHash<QString, Verdict> verdictsOf(const QJsonObject& report)
{
    QHash<QString, Verdict> out;
    for (const QJsonValue& v : report.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject r = v.toObject();
        if (const auto verdict = rules::verdictFromName(r.value(QStringLiteral("verdict")).toString()))
            out.insert(r.value(QStringLiteral("id")).toString(), *verdict);
    }
    return out;
}

std::vector<RuleTally> EvaluationTally::rules() const
{
    std::vector<RuleTally> out;
    for (const QString& id : rules::allRuleIds()) {
        RuleTally t = m_rules.count(id) ? m_rules.at(id) : RuleTally{};
        t.rule = id;
        out.push_back(t);
    }
    return out;
}

std::vector<BandTally> EvaluationTally::bands() const
{
    std::vector<BandTally> out;
    for (const QString& kind : referenceKinds()) {
        BandTally t = m_bands.count(kind) ? m_bands.at(kind) : BandTally{};
        t.referenceKind = kind;
        out.push_back(t);
    }
    return out;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double idx = p * double(v.size() - 1);
    const size_t lo = size_t(idx), hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (idx - double(lo));
}

namespace {

double r1(double v) { return std::round(v * 10) / 10; }

} // namespace

std::vector<QJsonObject> tallyJson(const EvaluationTally& tally, const QList<UncoveredRule>& uncovered)
{
    std::vector<QJsonObject> out;
    for (const RuleTally& t : tally.rules()) {
        const auto kind = rules::ruleKind(t.rule);
        out.push_back({{QStringLiteral("bench"), QStringLiteral("eval_rule")}, {QStringLiteral("rule"), t.rule},
                       {QStringLiteral("kind"), kind ? rules::kindName(*kind) : QString()},
                       {QStringLiteral("faults"), t.faults}, {QStringLiteral("caught"), t.caught},
                       {QStringLiteral("caught_by_warn"), t.caughtByWarn}, {QStringLiteral("warned_only"), t.warnedOnly},
                       {QStringLiteral("caught_pct"), t.faults ? QJsonValue(r1(t.caughtPercent())) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("compliant"), t.compliant}, {QStringLiteral("false_fails"), t.falseFails},
                       {QStringLiteral("false_warns"), t.falseWarns}, {QStringLiteral("errors"), t.errors},
                       {QStringLiteral("false_flag_pct"), r1(t.falseFlagPercent())},
                       {QStringLiteral("held_out"), t.heldOut}, {QStringLiteral("held_out_flags"), t.heldOutFlags},
                       {QStringLiteral("held_out_flag_pct"), r1(t.heldOutFlagPercent())}});
    }
    for (const BandTally& t : tally.bands())
        out.push_back({{QStringLiteral("bench"), QStringLiteral("eval_band")}, {QStringLiteral("reference_kind"), t.referenceKind},
                       {QStringLiteral("pairs"), t.pairs}, {QStringLiteral("same_pairs"), t.samePairs}, {QStringLiteral("right"), t.right},
                       {QStringLiteral("wrong"), t.wrong}, {QStringLiteral("wrong_twins"), t.wrongTwins}, {QStringLiteral("uncertain"), t.uncertain}, {QStringLiteral("no_face"), t.noFace}, {QStringLiteral("unreadable"), t.unreadable},
                       {QStringLiteral("uncertain_pct"), r1(t.uncertainPercent())}});
    out.push_back({{QStringLiteral("bench"), QStringLiteral("eval_time")}, {QStringLiteral("photos"), int(tally.ruleMs().size())},
                   {QStringLiteral("rules_median_ms"), r1(percentile(tally.ruleMs(), 0.5))},
                   {QStringLiteral("rules_p95_ms"), r1(percentile(tally.ruleMs(), 0.95))},
                   {QStringLiteral("faces_median_ms"), r1(percentile(tally.faceMs(), 0.5))},
                   {QStringLiteral("faces_p95_ms"), r1(percentile(tally.faceMs(), 0.95))}});
    for (const UncoveredRule& u : uncovered)
        out.push_back({{QStringLiteral("bench"), QStringLiteral("eval_uncovered")}, {QStringLiteral("rule"), u.rule}, {QStringLiteral("why"), u.why}});
    return out;
}

QString tallyTable(const EvaluationTally& tally, const QList<UncoveredRule>& uncovered)
{
    QString s;
    s += QStringLiteral("%1 compliant photos, %2 fault photos\n\n").arg(tally.compliantPhotos()).arg(tally.faultPhotos());
    s += QStringLiteral("| rule | kind | faults | caught | caught % | compliant | false fail | false warn | false flag % | held-out flags |\n");
    s += QStringLiteral("|---|---|---|---|---|---|---|---|---|---|\n");
    for (const RuleTally& t : tally.rules()) {
        const auto kind = rules::ruleKind(t.rule);
        const QString caught = t.caughtByWarn ? QStringLiteral("%1 (%2 by warn)").arg(t.caught).arg(t.caughtByWarn)
                               : t.warnedOnly ? QStringLiteral("%1 (+%2 warned)").arg(t.caught).arg(t.warnedOnly)
                                              : QString::number(t.caught);
        s += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |\n")
                 .arg(t.rule, kind ? rules::kindName(*kind) : QString())
                 .arg(t.faults)
                 .arg(t.faults ? caught : QStringLiteral("—"), t.faults ? QString::number(r1(t.caughtPercent())) : QStringLiteral("—"))
                 .arg(t.compliant)
                 .arg(t.falseFails)
                 .arg(t.falseWarns)
                 .arg(r1(t.falseFlagPercent()))
                 .arg(QStringLiteral("%1/%2").arg(t.heldOutFlags).arg(t.heldOut));
    }
    s += QStringLiteral("\n(caught: fail, or warn where the fault is labelled warn; false flag %: (false fail + false warn) / compliant;\n"
                         " held-out flags: fails + warnings / judged on the smile_teeth photos of the 11 people who are no compliant base,\n"
                         " rules other than the one their fault concerns)\n\n");
    s += QStringLiteral("| reference kind | pairs (same) | right | wrong | uncertain | no face | unreadable | left to reviewer % |\n|---|---|---|---|---|---|---|---|\n");
    for (const BandTally& t : tally.bands())
        s += QStringLiteral("| %1 | %2 (%3) | %4 | %5 | %6 | %7 | %8 | %9 |\n")
                 .arg(t.referenceKind)
                 .arg(t.pairs)
                 .arg(t.samePairs)
                 .arg(t.right)
                 .arg(t.wrongTwins ? QStringLiteral("%1 (%2 twins)").arg(t.wrong).arg(t.wrongTwins) : QString::number(t.wrong))
                 .arg(t.uncertain)
                 .arg(t.noFace)
                 .arg(t.unreadable)
                 .arg(r1(t.uncertainPercent()));
    s += QStringLiteral("\nper photo: rules median %1 ms, p95 %2 ms; faces median %3 ms, p95 %4 ms\n")
             .arg(r1(percentile(tally.ruleMs(), 0.5)))
             .arg(r1(percentile(tally.ruleMs(), 0.95)))
             .arg(r1(percentile(tally.faceMs(), 0.5)))
             .arg(r1(percentile(tally.faceMs(), 0.95)));
    // Misses by rule and variant, false flags by rule, verdict and base: what the next tuning looks at.
    std::map<QString, std::map<QString, int>> misses, flags, heldOutFlags;
    for (const Finding& f : tally.findings()) {
        if (f.expected == QLatin1String("held-out")) {
            ++heldOutFlags[f.rule][QStringLiteral("%1 %2").arg(f.verdict, QFileInfo(f.file).completeBaseName())];
        } else if (f.expected == QLatin1String("pass")) {
            const QString base = QFileInfo(f.file).completeBaseName().section(QStringLiteral("_jitter"), 0, 0);
            ++flags[f.rule][QStringLiteral("%1 %2").arg(f.verdict, base)];
        } else {
            ++misses[f.rule][QStringLiteral("%1 (%2)").arg(f.variant, f.verdict)];
        }
    }
    const auto list = [&](const char* title, const std::map<QString, std::map<QString, int>>& groups) {
        if (groups.empty())
            return;
        s += QLatin1String(title);
        for (const auto& [rule, counts] : groups) {
            QStringList parts;
            for (const auto& [what, n] : counts)
                parts << (n > 1 ? QStringLiteral("%1 ×%2").arg(what).arg(n) : what);
            s += QStringLiteral("- %1: %2\n").arg(rule, parts.join(QStringLiteral(", ")));
        }
    };
    std::map<QString, std::map<QString, int>> pairGroups;
    for (const PairFinding& f : tally.pairFindings()) {
        // Which pair it was matters for wrong and uncertain bands; a photo that did not load or
        // show a face is the same story every time.
        QString what = QStringLiteral("%1 %2").arg(f.outcome, f.pair.same ? QStringLiteral("same") : QStringLiteral("different"));
        if (f.outcome == QLatin1String("wrong") || f.outcome == QLatin1String("uncertain"))
            what += QStringLiteral(" %1 vs %2").arg(f.pair.personA, QFileInfo(f.pair.reference).completeBaseName());
        ++pairGroups[f.pair.referenceKind][what];
    }
    list("\nmissed faults (variant, verdict):\n", misses);
    list("\nflags on compliant photos (verdict, base):\n", flags);
    list("\nflags on held-out photos (verdict, photo):\n", heldOutFlags);
    list("\nface pairs not banded right (outcome, label, submission vs reference):\n", pairGroups);
    if (!uncovered.isEmpty()) {
        s += QStringLiteral("\nrules without a realistic fault variant:\n");
        for (const UncoveredRule& u : uncovered)
            s += QStringLiteral("- %1: %2\n").arg(u.rule, u.why);
    }
    return s;
}

} // namespace pd::eval
