#pragma once

#include "core/supervision/SupervisionStats.h"

#include <QAbstractTableModel>

#include <vector>

namespace pd {

// The per-rule confusion table of the dashboard: how often the rule failed and the reviewer
// cited it, overrode it, cited it without the rule failing, and neither.
class RuleAgreementModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Rule, FlaggedAndCited, FlaggedNotCited, CitedNotFlagged, Neither, Agreement, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(std::vector<RuleAgreement> rows);
    const std::vector<RuleAgreement>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<RuleAgreement> m_rows;
};

} // namespace pd
