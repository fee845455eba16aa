#include "widgets/RuleAgreementModel.h"

#include "core/review/ReasonCatalog.h"

#include <QLocale>

namespace pd {

void RuleAgreementModel::setRows(std::vector<RuleAgreement> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RuleAgreementModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RuleAgreementModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleAgreementModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const RuleAgreement& r = m_rows[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != Rule)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Rule)
        return r.ruleId;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Rule: {
        const Reason* reason = ReasonCatalog::builtIn().find(r.ruleId);
        const QString language = QLocale().name();
        return reason ? QStringLiteral("%1 %2").arg(reason->number).arg(reason->title(language)) : r.ruleId;
    }
    case FlaggedAndCited: return r.flaggedAndCited;
    case FlaggedNotCited: return r.flaggedNotCited;
    case CitedNotFlagged: return r.citedNotFlagged;
    case Neither: return r.neither;
    case Agreement: return QStringLiteral("%1%").arg(qRound(100.0 * r.agreement()));
    }
    return {};
}

QVariant RuleAgreementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rule: return tr("Rule");
    case FlaggedAndCited: return tr("Flagged, cited");
    case FlaggedNotCited: return tr("Flagged, overridden");
    case CitedNotFlagged: return tr("Cited, not flagged");
    case Neither: return tr("Neither");
    case Agreement: return tr("Agreement");
    }
    return {};
}

} // namespace pd
