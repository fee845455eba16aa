#pragma once

#include "core/supervision/SecondReview.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace pd {

class ReasonCatalog;

// The second reviews waiting for the signed-in reviewer (never their own first decisions).
class SecondReviewModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Item, Attempt, FirstVerdict, FirstReasons, FirstReviewer, ColumnCount };

    explicit SecondReviewModel(const ReasonCatalog& catalog, QObject* parent = nullptr);

    // `reviewers`: user id → display name of the first reviewers.
    void setItems(std::vector<SecondReviewItem> items, QHash<Id, QString> reviewers);
    const SecondReviewItem* item(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ReasonCatalog& m_catalog;
    std::vector<SecondReviewItem> m_items;
    QHash<Id, QString> m_reviewers;
};

} // namespace pd
