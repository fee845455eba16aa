#include "widgets/StudentSearchModel.h"

namespace pd {

StudentSearchModel::StudentSearchModel(QObject* parent) : QAbstractTableModel(parent) {}

void StudentSearchModel::setStudents(std::vector<StudentSummary> students)
{
    beginResetModel();
    m_students = std::move(students);
    endResetModel();
}

const StudentSummary* StudentSearchModel::student(int row) const
{
    return row >= 0 && row < int(m_students.size()) ? &m_students[size_t(row)] : nullptr;
}

int StudentSearchModel::rowOf(Id studentId) const
{
    for (size_t i = 0; i < m_students.size(); ++i)
        if (m_students[i].id == studentId)
            return int(i);
    return -1;
}

int StudentSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_students.size());
}

int StudentSearchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StudentSearchModel::stateText(const QString& state)
{
    if (state == QLatin1String("pending"))
        return tr("Pending");
    if (state == QLatin1String("approved") || state == QLatin1String("approve"))
        return tr("Approved");
    if (state == QLatin1String("rejected") || state == QLatin1String("reject"))
        return tr("Rejected");
    if (state == QLatin1String("sending"))
        return tr("Sending");
    if (state == QLatin1String("sent"))
        return tr("Sent");
    if (state == QLatin1String("failed"))
        return tr("Failed");
    return state;
}

QVariant StudentSearchModel::data(const QModelIndex& index, int role) const
{
    const StudentSummary* s = index.isValid() ? student(index.row()) : nullptr;
    if (!s)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return s->name;
        case StudentNumber:
            return s->studentNumber;
        case NationalId:
            return s->nationalIdMasked;
        case Phone:
            return s->phoneMasked;
        case Programme:
            return s->level.isEmpty() ? s->programme : QStringLiteral("%1 · %2").arg(s->programme, s->level);
        case Attempts:
            return s->attempts;
        case LatestState:
            return stateText(s->latestState);
        }
    }
    if (role == Qt::UserRole)
        return s->id;
    if (role == Qt::TextAlignmentRole && index.column() == Attempts)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant StudentSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case StudentNumber:
        return tr("Student no.");
    case NationalId:
        return tr("ID number");
    case Phone:
        return tr("Phone");
    case Programme:
        return tr("Programme");
    case Attempts:
        return tr("Attempts");
    case LatestState:
        return tr("State");
    }
    return {};
}

} // namespace pd
