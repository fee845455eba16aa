#include "widgets/SecondReviewModel.h"

#include "core/review/ReasonCatalog.h"
#include "widgets/UiLanguage.h"

namespace pd {

SecondReviewModel::SecondReviewModel(const ReasonCatalog& catalog, QObject* parent) : QAbstractTableModel(parent), m_catalog(catalog) {}

void SecondReviewModel::setItems(std::vector<SecondReviewItem> items, QHash<Id, QString> reviewers)
{
    beginResetModel();
    m_items = std::move(items);
    m_reviewers = std::move(reviewers);
    endResetModel();
}

const SecondReviewItem* SecondReviewModel::item(int row) const
{
    return row >= 0 && row < int(m_items.size()) ? &m_items[size_t(row)] : nullptr;
}

int SecondReviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int SecondReviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SecondReviewModel::data(const QModelIndex& index, int role) const
{
    const SecondReviewItem* it = index.isValid() ? item(index.row()) : nullptr;
    if (!it)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Item:
            return it->id;
        case Attempt:
            return it->attemptId;
        case FirstVerdict:
            return it->firstVerdict == Verdict::Approve ? tr("Approved") : tr("Rejected");
        case FirstReasons: {
            QStringList titles;
            for (const QString& id : it->firstReasons) {
                const Reason* r = m_catalog.find(id);
                titles << (r ? r->title(UiLanguage::catalogLanguage()) : id);
            }
            return titles.join(QStringLiteral("；"));
        }
        case FirstReviewer:
            return m_reviewers.value(it->firstReviewerId, QString::number(it->firstReviewerId));
        }
    }
    if (role == Qt::UserRole)
        return it->id;
    return {};
}

QVariant SecondReviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Item:
        return tr("No.");
    case Attempt:
        return tr("Submission");
    case FirstVerdict:
        return tr("First decision");
    case FirstReasons:
        return tr("Reasons");
    case FirstReviewer:
        return tr("First reviewer");
    }
    return {};
}

} // namespace pd
