#pragma once

#include "core/audit/AuditQuery.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace pd {

class Store;
class StoreWorker;

// The audit log as a lazily filled table: pages of kPageSize events, newest first, fetched by
// keyset (id < last loaded id) on the store worker when the view scrolls near the end
// (canFetchMore/fetchMore), so opening a million-event log costs one page. The total for the
// filter is counted separately and arrives when ready.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { IdColumn, Time, Actor, Action, Object, ColumnCount };
    static constexpr int kPageSize = 200;

    AuditLogModel(std::shared_ptr<Store> store, Session session, StoreWorker* worker, QObject* parent = nullptr);

    // Starts over with a filter. `startBelow` > 0 starts the list at the events older than
    // that id (used to jump to an event deep in the log).
    void setFilter(const AuditFilter& filter, Id startBelow = 0);
    const AuditFilter& filter() const { return m_filter; }
    Id startBelow() const { return m_startBelow; }
    const AuditEvent* event(int row) const;
    int rowOfId(Id id) const;
    int total() const { return m_total; } // -1 until counted
    bool isFetching() const { return m_fetching; }
    bool atEnd() const { return m_atEnd; }
    // Marks an event (the first bad one of a verification) so the view paints it red.
    void setFlagged(Id id);
    Id flagged() const { return m_flagged; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // "decision.reject" → 决定：不通过 / Decision: reject (the raw action stays in the tooltip).
    static QString actionText(const QString& action);

signals:
    void pageLoaded(int rows);
    void totalCounted(int total);
    void failed(const pd::Error& error);

private:
    void fetchPage();

    std::shared_ptr<Store> m_store;
    Session m_session;
    StoreWorker* m_worker;
    AuditFilter m_filter;
    Id m_startBelow = 0;
    std::vector<AuditEvent> m_events;
    int m_total = -1;
    bool m_fetching = false;
    bool m_atEnd = false;
    quint64 m_generation = 0;
    Id m_flagged = 0;
};

} // namespace pd
