#include "widgets/AccountModel.h"

#include "core/util/Time.h"

#include "widgets/MainWindow.h"

namespace pd {

AccountModel::AccountModel(QObject* parent) : QAbstractTableModel(parent) {}

void AccountModel::setUsers(std::vector<User> users)
{
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
}

const User* AccountModel::user(int row) const
{
    return row >= 0 && row < int(m_users.size()) ? &m_users[size_t(row)] : nullptr;
}

int AccountModel::rowOf(const QString& username) const
{
    for (size_t i = 0; i < m_users.size(); ++i)
        if (m_users[i].username == username)
            return int(i);
    return -1;
}

int AccountModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int AccountModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountModel::data(const QModelIndex& index, int role) const
{
    const User* u = index.isValid() ? user(index.row()) : nullptr;
    if (!u || role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Username:
        return u->username;
    case DisplayName:
        return u->displayName;
    case RoleColumn:
        return MainWindow::roleName(u->role);
    case State: {
        QStringList states;
        states << (u->disabled ? tr("Disabled") : tr("Active"));
        if (u->mustChangePassword)
            states << tr("must change password");
        if (u->lockedUntil.isValid() && u->lockedUntil > utcNow())
            states << tr("locked until %1").arg(u->lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm")));
        return states.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant AccountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Username:
        return tr("User name");
    case DisplayName:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case State:
        return tr("State");
    }
    return {};
}

} // namespace pd
