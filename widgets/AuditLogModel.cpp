#include "widgets/AuditLogModel.h"

#include "core/store/Store.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

#include <QBrush>
#include <QColor>

namespace pd {

AuditLogModel::AuditLogModel(std::shared_ptr<Store> store, Session session, StoreWorker* worker, QObject* parent)
    : QAbstractTableModel(parent), m_store(std::move(store)), m_session(std::move(session)), m_worker(worker)
{
}

void AuditLogModel::setFilter(const AuditFilter& filter, Id startBelow)
{
    beginResetModel();
    ++m_generation; // pages and counts still on their way belong to the old filter
    m_filter = filter;
    m_startBelow = startBelow;
    m_events.clear();
    m_total = -1;
    m_fetching = false;
    m_atEnd = false;
    endResetModel();

    // The first page before the count: the worker runs jobs in order, and counting a filter
    // over a million events takes a moment while the page is ready in a millisecond.
    fetchPage();
    const quint64 generation = m_generation;
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    whenFinished(this, m_worker->run([store, who, filter] { return AuditQuery(store).count(who, filter); }),
                 [this, generation](const Result<int>& result) {
                     if (generation != m_generation)
                         return;
                     if (!result) {
                         emit failed(result.error());
                         return;
                     }
                     m_total = result.value();
                     emit totalCounted(m_total);
                 });
}

void AuditLogModel::fetchPage()
{
    if (m_fetching || m_atEnd)
        return;
    m_fetching = true;
    const Id before = m_events.empty() ? m_startBelow : m_events.back().id;
    const quint64 generation = m_generation;
    std::shared_ptr<const Store> store = m_store;
    const Session who = m_session;
    const AuditFilter filter = m_filter;
    whenFinished(this, m_worker->run([store, who, filter, before] { return AuditQuery(store).page(who, filter, before, kPageSize); }),
                 [this, generation](const Result<std::vector<AuditEvent>>& result) {
                     if (generation != m_generation)
                         return;
                     if (!result) {
                         m_fetching = false;
                         m_atEnd = true;
                         emit failed(result.error());
                         return;
                     }
                     const auto& page = result.value();
                     m_atEnd = int(page.size()) < kPageSize;
                     if (!page.empty()) {
                         const int first = int(m_events.size());
                         beginInsertRows({}, first, first + int(page.size()) - 1);
                         m_events.insert(m_events.end(), page.begin(), page.end());
                         endInsertRows();
                     }
                     // Only now: views ask for more from inside the insert signals, and the next
                     // page must start below the rows just added, not fetch the same page again.
                     m_fetching = false;
                     emit pageLoaded(int(page.size()));
                 });
}

const AuditEvent* AuditLogModel::event(int row) const
{
    return row >= 0 && row < int(m_events.size()) ? &m_events[size_t(row)] : nullptr;
}

int AuditLogModel::rowOfId(Id id) const
{
    // Newest first: ids descend, so a binary search finds the row.
    auto it = std::lower_bound(m_events.begin(), m_events.end(), id, [](const AuditEvent& e, Id v) { return e.id > v; });
    return it != m_events.end() && it->id == id ? int(it - m_events.begin()) : -1;
}

void AuditLogModel::setFlagged(Id id)
{
    const int old = rowOfId(m_flagged);
    m_flagged = id;
    for (int row : {old, rowOfId(id)})
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::BackgroundRole, Qt::ForegroundRole});
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    if (!parent.isValid())
        fetchPage();
}

QString AuditLogModel::actionText(const QString& action)
{
    static const struct {
        const char* action;
        const char* text;
    } known[] = {
        {"login", QT_TR_NOOP("Login")},
        {"login.failed", QT_TR_NOOP("Login failed")},
        {"login.refused", QT_TR_NOOP("Login refused")},
        {"decision.approve", QT_TR_NOOP("Decision: approve")},
        {"decision.reject", QT_TR_NOOP("Decision: reject")},
        {"second-review.sample", QT_TR_NOOP("Second review: sampled")},
        {"second-review.confirm", QT_TR_NOOP("Second review: confirmed")},
        {"second-review.overturn", QT_TR_NOOP("Second review: overturned")},
        {"sms.resend", QT_TR_NOOP("SMS resent")},
        {"call.note", QT_TR_NOOP("Call note")},
        {"pii.reveal", QT_TR_NOOP("Personal data shown")},
        {"account.create", QT_TR_NOOP("Account created")},
        {"account.disable", QT_TR_NOOP("Account disabled")},
        {"account.enable", QT_TR_NOOP("Account enabled")},
        {"account.reset-password", QT_TR_NOOP("Password reset")},
        {"account.change-password", QT_TR_NOOP("Password changed")},
        {"audit.export", QT_TR_NOOP("Audit log exported")},
        {"setting.change", QT_TR_NOOP("Setting changed")},
        {"setting.reset", QT_TR_NOOP("Setting back to default")},
        {"setting.secret.change", QT_TR_NOOP("Secret changed")},
    };
    for (const auto& k : known)
        if (action == QLatin1String(k.action))
            return tr(k.text);
    return action;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    const AuditEvent* e = index.isValid() ? event(index.row()) : nullptr;
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return e->id;
        case Time:
            return e->at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Actor:
            return e->actor;
        case Action:
            return actionText(e->action);
        case Object:
            return e->objectId.isEmpty() ? e->objectType : QStringLiteral("%1 #%2").arg(e->objectType, e->objectId);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Action)
            return e->action;
        if (index.column() == Time)
            return e->at.toUTC().toString(Qt::ISODateWithMs);
        return {};
    case Qt::BackgroundRole:
        if (e->id == m_flagged)
            return QBrush(QColor(0xf8, 0xd7, 0xda));
        return {};
    case Qt::ForegroundRole:
        if (e->id == m_flagged)
            return QBrush(QColor(0x84, 0x20, 0x29));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::UserRole:
        return e->id;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("No.");
    case Time:
        return tr("Time");
    case Actor:
        return tr("User");
    case Action:
        return tr("Action");
    case Object:
        return tr("Object");
    }
    return {};
}

} // namespace pd
