#pragma once

#include "core/review/ReviewQueue.h"
#include "widgets/ClaimLocks.h"
#include "core/util/Result.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <memory>
#include <vector>

namespace pd {

class Store;

// The review queue as a table: most urgent deadline first, loaded a page at a time as the view
// scrolls (canFetchMore / fetchMore). The time-left column is recomputed every 30 s. The first
// column shows a lock on attempts another reviewer holds (team mode; see setLocks).
class QueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { LockColumn, TimeLeftColumn, NameColumn, NumberColumn, ProgrammeColumn, StateColumn, ColumnCount };
    enum Roles { AttemptIdRole = Qt::UserRole + 1, StateRole, DeadlineRole, LockedByRole };
    static constexpr int kUrgentHours = 6;

    explicit QueueModel(std::shared_ptr<const Store> store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    void setFilter(const QueueFilter& filter);
    const QueueFilter& filter() const { return m_filter; }
    // Rows matching the filter in the store (not only the loaded ones).
    int totalCount() const { return m_total; }

    const QueueRow* rowAt(int row) const;
    // Loaded row showing this attempt, or -1.
    int rowOf(Id attemptId) const;

    // Attempts held by other reviewers (loaded off the UI thread by the workspace); kept across
    // reloads until replaced.
    void setLocks(const ClaimLocks& locks);
    const ClaimLocks& locks() const { return m_locks; }
    // The other reviewer's lock on this attempt, or nullptr.
    const ClaimLock* lockOf(Id attemptId) const;

    // "3 h 12 min left" / "overdue by 2 h 5 min", translated; used by the header too.
    static QString timeLeftText(const QDateTime& deadline, const QDateTime& now);

public slots:
    // Reads the first page again (after a decision, a filter change, or on request).
    void reload();
    // Re-renders the texts in the new interface language.
    void retranslate();

signals:
    void loadFailed(const pd::Error& error);
    void reloaded();

private:
    std::shared_ptr<const Store> m_store;
    QueueFilter m_filter;
    std::vector<QueueRow> m_rows;
    ClaimLocks m_locks;
    int m_total = 0;
    int m_pageSize = 50;
    bool m_fetching = false;
    QTimer m_tick;
};

} // namespace pd
