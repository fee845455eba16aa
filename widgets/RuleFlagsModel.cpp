#include "widgets/RuleFlagsModel.h"

#include "core/review/ReasonCatalog.h"
#include "widgets/Overlay.h"
#include "widgets/UiLanguage.h"

#include <QBrush>
#include <QFont>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace pd {

namespace {

QString number(double v)
{
    if (std::abs(v - std::round(v)) < 1e-9)
        return QString::number(qint64(std::round(v)));
    return QString::number(v, 'g', std::abs(v) >= 100 ? 5 : 3);
}

QString valueText(const QJsonValue& v)
{
    if (v.isDouble())
        return number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("✓") : QStringLiteral("✗");
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.size() == 2 && a.at(0).isDouble() && a.at(1).isDouble())
            return QStringLiteral("%1–%2").arg(number(a.at(0).toDouble()), number(a.at(1).toDouble()));
        QStringList parts;
        for (const QJsonValue& e : a)
            parts << valueText(e);
        return parts.join(u',');
    }
    if (v.isString())
        return v.toString();
    return {};
}

// Threshold keys: shown in brackets after the value they bound.
bool isThreshold(const QString& key)
{
    return key.contains(QLatin1String("_min")) || key.contains(QLatin1String("_max")) || key.startsWith(QLatin1String("min_"))
        || key.startsWith(QLatin1String("max_")) || key.endsWith(QLatin1String("_range")) || key.startsWith(QLatin1String("expected_"))
        || key.endsWith(QLatin1String("_limit")) || key.endsWith(QLatin1String("_threshold"));
}

} // namespace

RuleFlagsModel::RuleFlagsModel(const ReasonCatalog& catalog, QObject* parent) : QAbstractTableModel(parent), m_catalog(catalog) {}

void RuleFlagsModel::setStudentFacing(bool studentFacing)
{
    m_studentFacing = studentFacing;
    setReport(std::optional<rules::RuleReport>(m_report));
}

void RuleFlagsModel::setReport(const std::optional<rules::RuleReport>& report)
{
    beginResetModel();
    m_report = report;
    m_order.clear();
    if (m_report) {
        for (int i = 0; i < int(m_report->results.size()); ++i) {
            const rules::Verdict v = m_report->results[size_t(i)].verdict;
            if (!m_studentFacing || v == rules::Verdict::Fail || v == rules::Verdict::Warn)
                m_order.push_back(i);
        }
        const auto& results = m_report->results;
        std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
            return rules::verdictSeverity(results[size_t(a)].verdict) > rules::verdictSeverity(results[size_t(b)].verdict);
        });
    }
    endResetModel();
}

int RuleFlagsModel::rowOf(const QString& ruleId) const
{
    for (int r = 0; r < int(m_order.size()); ++r) {
        if (m_report->results[size_t(m_order[size_t(r)])].id == ruleId)
            return r;
    }
    return -1;
}

const rules::RuleResult* RuleFlagsModel::resultAt(int row) const
{
    if (!m_report || row < 0 || row >= int(m_order.size()))
        return nullptr;
    return &m_report->results[size_t(m_order[size_t(row)])];
}

int RuleFlagsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int RuleFlagsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RuleFlagsModel::verdictSymbol(rules::Verdict verdict)
{
    switch (verdict) {
    case rules::Verdict::Pass: return QStringLiteral("✓");
    case rules::Verdict::Warn: return QStringLiteral("!");
    case rules::Verdict::Fail: return QStringLiteral("✗");
    case rules::Verdict::Error: return QStringLiteral("?");
    case rules::Verdict::NotApplicable: break;
    }
    return QStringLiteral("–");
}

QString RuleFlagsModel::verdictText(rules::Verdict verdict)
{
    QString word;
    switch (verdict) {
    case rules::Verdict::Pass: word = tr("pass"); break;
    case rules::Verdict::Warn: word = tr("check"); break;
    case rules::Verdict::Fail: word = tr("fails"); break;
    case rules::Verdict::Error: word = tr("not measured"); break;
    case rules::Verdict::NotApplicable: word = tr("n/a"); break;
    }
    return verdictSymbol(verdict) + QLatin1Char(' ') + word;
}

QString RuleFlagsModel::compactValues(const QJsonObject& values)
{
    // Measured values first, each followed by the thresholds that share its stem.
    QStringList parts;
    QStringList thresholds;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QString text = valueText(it.value());
        if (text.isEmpty() || it.value().isObject())
            continue;
        (isThreshold(it.key()) ? thresholds : parts) << QStringLiteral("%1 %2").arg(it.key(), text);
    }
    QString out = parts.join(QStringLiteral(" · "));
    if (!thresholds.isEmpty())
        out += (out.isEmpty() ? QString() : QStringLiteral("  ")) + QStringLiteral("[%1]").arg(thresholds.join(QStringLiteral(", ")));
    return out;
}

QVariant RuleFlagsModel::data(const QModelIndex& index, int role) const
{
    const rules::RuleResult* r = index.isValid() ? resultAt(index.row()) : nullptr;
    if (!r)
        return {};
    const QString lang = UiLanguage::catalogLanguage();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RuleColumn: {
            const Reason* reason = m_catalog.find(r->id);
            return reason ? QStringLiteral("%1  %2").arg(reason->number, 2).arg(reason->title(lang)) : r->id;
        }
        case VerdictColumn: return verdictText(r->verdict);
        case ValuesColumn: {
            if (!m_studentFacing)
                return compactValues(r->values);
            const Reason* reason = m_catalog.find(r->id);
            return reason ? reason->studentText(lang) : r->explanation(lang);
        }
        }
        return {};
    case Qt::ToolTipRole: {
        const Reason* reason = m_catalog.find(r->id);
        const QString other = lang == QLatin1String("en") ? QStringLiteral("zh") : QStringLiteral("en");
        QString tip = QStringLiteral("<b>%1</b> · %2<br>%3<br><i>%4</i>")
                          .arg((reason ? reason->title(lang) : r->id).toHtmlEscaped(), verdictText(r->verdict).toHtmlEscaped(),
                               r->explanation(lang).toHtmlEscaped(), r->explanation(other).toHtmlEscaped());
        const QString values = compactValues(r->values);
        if (!values.isEmpty())
            tip += QStringLiteral("<br><br><tt>%1</tt>").arg(values.toHtmlEscaped());
        tip += QStringLiteral("<br><small>%1 · %2</small>").arg(r->id, rules::kindName(r->kind));
        return tip;
    }
    case Qt::ForegroundRole:
        if (index.column() == VerdictColumn)
            return QBrush(verdictColor(r->verdict));
        if (r->verdict == rules::Verdict::NotApplicable)
            return QBrush(QColor(0x6b, 0x72, 0x80));
        return {};
    case Qt::BackgroundRole:
        if (r->verdict == rules::Verdict::Fail)
            return QBrush(QColor(0xfd, 0xec, 0xea));
        if (r->verdict == rules::Verdict::Warn)
            return QBrush(QColor(0xff, 0xf6, 0xe0));
        return {};
    case Qt::FontRole:
        if (index.column() == VerdictColumn && (r->verdict == rules::Verdict::Fail || r->verdict == rules::Verdict::Warn)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case RuleIdRole: return r->id;
    case VerdictRole: return rules::verdictName(r->verdict);
    case KindRole: return rules::kindName(r->kind);
    }
    return {};
}

QVariant RuleFlagsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The tooltip repeats the title: a narrow side column elides the header.
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (section) {
    case RuleColumn: return tr("Rule");
    case VerdictColumn: return tr("Result");
    case ValuesColumn: return m_studentFacing ? tr("What the student is asked to redo") : tr("Measured [thresholds]");
    }
    return {};
}

void RuleFlagsModel::retranslate()
{
    if (!m_order.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace pd
