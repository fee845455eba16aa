#include "widgets/ExportLeftOutModel.h"

#include "widgets/ErrorTexts.h"

namespace pd {

ExportLeftOutModel::ExportLeftOutModel(QObject* parent) : QAbstractTableModel(parent) {}

void ExportLeftOutModel::setRows(std::vector<LeftOut> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QString ExportLeftOutModel::reasonText(const QString& code)
{
    if (code == LeftOutReason::NotApproved)
        return tr("No approved photo yet");
    if (code == LeftOutReason::Superseded)
        return tr("Older approval (a later one is exported)");
    if (code == LeftOutReason::PhotoMissing)
        return tr("Photo missing");
    if (code == LeftOutReason::PhotoUnreadable)
        return tr("Photo damaged or unreadable");
    if (code == LeftOutReason::FormatFailed)
        return tr("Cannot be brought into the national format");
    if (code == LeftOutReason::DuplicateKey)
        return tr("Same file name as another student");
    if (code == LeftOutReason::KeyMissing)
        return tr("No ID-card or student number on record");
    if (code == LeftOutReason::KeyInvalid)
        return tr("ID-card or student number not well-formed");
    return code;
}

QString ExportLeftOutModel::detailText(const LeftOut& row)
{
    if (row.reason == LeftOutReason::NotApproved)
        return row.detail == QLatin1String("pending") ? tr("Newest submission still pending")
                                                      : tr("Newest submission rejected");
    if (row.reason == LeftOutReason::Superseded)
        return tr("Submission %1 is exported instead").arg(row.detail);
    if (row.reason == LeftOutReason::DuplicateKey)
        return tr("Same key as student %1").arg(row.detail);
    if (row.reason == LeftOutReason::KeyMissing || row.reason == LeftOutReason::KeyInvalid)
        return {};
    if (row.detail == QLatin1String("no-photo-row"))
        return tr("No submitted photo on record");
    const QString known = ErrorTexts::forCode(row.detail);
    return known.isEmpty() ? row.detail : known;
}

int ExportLeftOutModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ExportLeftOutModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ExportLeftOutModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const LeftOut& r = m_rows[std::size_t(index.row())];
    if (role == ReasonCodeRole)
        return r.reason;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case KeyColumn: return r.key;
    case StudentNumberColumn: return r.studentNumber;
    case NameColumn: return r.name;
    case ReasonColumn: return reasonText(r.reason);
    case DetailColumn: return detailText(r);
    default: return {};
    }
}

QVariant ExportLeftOutModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("File name key");
    case StudentNumberColumn: return tr("Student number");
    case NameColumn: return tr("Name");
    case ReasonColumn: return tr("Why left out");
    case DetailColumn: return tr("Detail");
    default: return {};
    }
}

} // namespace pd
