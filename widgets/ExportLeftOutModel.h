#pragma once

#include "core/export/ExportTypes.h"

#include <QAbstractTableModel>

#include <vector>

namespace pd {

// The students and attempts an export left out, with the reason in the user's language (the
// export page's result table; the same rows as left-out.csv in the output).
class ExportLeftOutModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { KeyColumn, StudentNumberColumn, NameColumn, ReasonColumn, DetailColumn, ColumnCount };
    // The reason code of a row, for tests and sorting.
    static constexpr int ReasonCodeRole = Qt::UserRole + 1;

    explicit ExportLeftOutModel(QObject* parent = nullptr);

    void setRows(std::vector<LeftOut> rows);
    const std::vector<LeftOut>& rows() const { return m_rows; }
    // The translated sentence for a LeftOutReason code.
    static QString reasonText(const QString& code);
    // The row's detail as a sentence in the user's language (error codes through ErrorTexts).
    static QString detailText(const LeftOut& row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<LeftOut> m_rows;
};

} // namespace pd
