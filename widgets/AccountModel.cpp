#include "widgets/AccountModel.h"

#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"
#include "widgets/MainWindow.h"

namespace pd {

Result<std::vector<User>> loadAccounts(const std::shared_ptr<const Store>& store, const Session& who)
{
    if (who.role != Role::Administrator)
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not list accounts").arg(who.username)};
    try {
        Sql q(store->db(), QStringLiteral("SELECT id, username, display_name, role, must_change_password, disabled, failed_logins, "
                                          "locked_until FROM users ORDER BY username"));
        q.exec();
        std::vector<User> users;
        while (q.next()) {
            User u;
            u.id = q.value(0).toLongLong();
            u.username = q.value(1).toString();
            u.displayName = q.value(2).toString();
            u.role = roleFromString(q.value(3).toString()).value_or(Role::Reviewer);
            u.mustChangePassword = q.value(4).toInt() != 0;
            u.disabled = q.value(5).toInt() != 0;
            u.failedLogins = q.value(6).toInt();
            if (!q.value(7).isNull() && !q.value(7).toString().isEmpty())
                u.lockedUntil = fromDbTime(q.value(7).toString());
            users.push_back(u);
        }
        return users;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

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
