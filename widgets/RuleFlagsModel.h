#pragma once

#include "core/vision/rules/RuleTypes.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace pd {

class ReasonCatalog;

// The photo rules of one submission as a flag list: most severe first (fail, warn, error,
// pass, not applicable), then in catalog order. Columns: the rule (the catalog's title), the
// verdict (symbol and word, so it reads without colour: ✓ 通过 / ! 注意 / ✗ 不符合 / – 不适用),
// what was measured against its thresholds (compact); the explanation is the tooltip. In the
// student-facing form (the hotline) only flagged rules, with the student's text instead.
class RuleFlagsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { RuleColumn, VerdictColumn, ValuesColumn, ColumnCount };
    enum Role { RuleIdRole = Qt::UserRole + 1, VerdictRole /* verdictName() */, KindRole /* kindName() */ };

    explicit RuleFlagsModel(const ReasonCatalog& catalog, QObject* parent = nullptr);

    // For the hotline (read-only, beside what was sent): only the failed and warned rules, and
    // the third column says what the catalog tells the student to redo instead of the measured
    // values (those stay in the tooltip). Set before setReport.
    void setStudentFacing(bool studentFacing);
    bool studentFacing() const { return m_studentFacing; }

    void setReport(const std::optional<rules::RuleReport>& report);
    void clear() { setReport(std::nullopt); }
    const std::optional<rules::RuleReport>& report() const { return m_report; }

    // Row of a rule id, -1 when absent.
    int rowOf(const QString& ruleId) const;
    const rules::RuleResult* resultAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "✗ 不符合" etc. (translated word, fixed symbol).
    static QString verdictText(rules::Verdict verdict);
    static QString verdictSymbol(rules::Verdict verdict);
    // "face_width_px 150 (180–300) · …": measured values against their thresholds.
    static QString compactValues(const QJsonObject& values);

    void retranslate();

private:
    const ReasonCatalog& m_catalog;
    std::optional<rules::RuleReport> m_report;
    std::vector<int> m_order; // row → index into m_report->results
    bool m_studentFacing = false;
};

} // namespace pd
