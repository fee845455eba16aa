#pragma once

#include "core/hotline/StudentDirectory.h"

#include <QAbstractTableModel>

#include <vector>

namespace pd {

// The hotline's search results: one row per student, ID number and phone masked as the core
// gave them (the model never holds a full value).
class StudentSearchModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, StudentNumber, NationalId, Phone, Programme, Attempts, LatestState, ColumnCount };

    explicit StudentSearchModel(QObject* parent = nullptr);

    void setStudents(std::vector<StudentSummary> students);
    const StudentSummary* student(int row) const;
    int rowOf(Id studentId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "pending" → 待审核 / Pending (shared with the timeline).
    static QString stateText(const QString& state);

private:
    std::vector<StudentSummary> m_students;
};

} // namespace pd
