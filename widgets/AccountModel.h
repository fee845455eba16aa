#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace pd {

// The accounts table of the administrator's page.
class AccountModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Username, DisplayName, RoleColumn, State, ColumnCount };

    explicit AccountModel(QObject* parent = nullptr);
    void setUsers(std::vector<User> users);
    const User* user(int row) const;
    int rowOf(const QString& username) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<User> m_users;
};

} // namespace pd
