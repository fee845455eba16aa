#pragma once

#include "core/review/ReviewQueue.h"
#include "core/review/ClaimService.h"
#include "core/util/Result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace pd {

class Store;
class StoreWorker;

// The review queue as a table: most urgent deadline first (or the order of setFilter), loaded a
// page at a time as the view scrolls (canFetchMore / fetchMore). Pages are keyset pages
// (ReviewQueue::pageAfter: an index range scan after the last loaded row, about a millisecond at
// any depth), so the UI thread never counts or skips rows; the number of matching rows is
// counted on the worker given to the constructor (totalCountChanged). Rows are kept small (ids
// and times as integers, the three texts of a row in one string, programme and level interned,
// in a deque that never copies itself to grow): scrolling to the end of 100 000 rows adds about
// 15 MB. The time-left column is recomputed every 30 s. The first column shows a lock on attempts another
// reviewer holds (team mode; see setLocks).
class QueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { LockColumn, TimeLeftColumn, NameColumn, NumberColumn, ProgrammeColumn, StateColumn, ColumnCount };
    enum Roles { AttemptIdRole = Qt::UserRole + 1, StateRole, DeadlineRole, LockedByRole };
    static constexpr int kUrgentHours = 6;

    // Without a worker the total is counted on the calling thread (tests, small stores).
    explicit QueueModel(std::shared_ptr<const Store> store, QObject* parent = nullptr);
    QueueModel(std::shared_ptr<const Store> store, StoreWorker* worker, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Clicking the time-left header sorts in the database (deadline, both ways); the other
    // columns keep the order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    void setFilter(const QueueFilter& filter);
    const QueueFilter& filter() const { return m_filter; }
    // Rows matching the filter in the store (not only the loaded ones); -1 while being counted.
    int totalCount() const { return m_total; }

    // The loaded row (nullopt outside the loaded rows).
    std::optional<QueueRow> rowAt(int row) const;
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
    void totalCountChanged(int total);

private:
    // One loaded row, about 80 bytes plus one string of its own.
    struct Row {
        Id attemptId = 0;
        Id studentId = 0;
        Id claimedBy = 0;
        qint64 paidAtMs = 0;   // UTC, ms since the epoch
        qint64 deadlineMs = 0;
        QString texts;         // external id, then name, then student number
        quint16 nameAt = 0;
        quint16 numberAt = 0;
        quint16 programme = 0; // into m_texts
        quint16 level = 0;
        AttemptState state = AttemptState::Pending;
    };
    void countTotal();
    Row pack(const QueueRow& row);
    QueueRow unpack(const Row& row) const;
    QString name(const Row& row) const { return row.texts.mid(row.nameAt, row.numberAt - row.nameAt); }
    QString number(const Row& row) const { return row.texts.mid(row.numberAt); }

    std::shared_ptr<const Store> m_store;
    StoreWorker* m_worker = nullptr;
    QueueFilter m_filter;
    std::deque<Row> m_rows;
    QStringList m_texts;               // programme and level texts, once each
    QHash<QString, quint16> m_textIds; // … and where they are
    ClaimLocks m_locks;
    int m_total = -1;
    quint64 m_generation = 0; // counts still on their way for an older filter are dropped
    bool m_atEnd = true;
    int m_pageSize = 100;
    bool m_fetching = false;
    QTimer m_tick;
};

} // namespace pd
