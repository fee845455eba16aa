#include "widgets/QueueModel.h"

#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QLocale>
#include <QScopedValueRollback>

namespace pd {

namespace {
QString stateText(AttemptState s)
{
    switch (s) {
    case AttemptState::Pending:
        return QueueModel::tr("Pending");
    case AttemptState::Approved:
        return QueueModel::tr("Approved");
    case AttemptState::Rejected:
        return QueueModel::tr("Rejected");
    }
    return {};
}
// A small padlock, drawn once (no icon theme is guaranteed on the desks).
QIcon lockIcon()
{
    static const QIcon icon = [] {
        QPixmap pm(32, 32);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor colour(0xb4, 0x53, 0x09);
        p.setPen(QPen(colour, 3.5));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(9, 3, 14, 18), 0, 180 * 16);
        p.drawLine(QPointF(9, 12), QPointF(9, 15));
        p.drawLine(QPointF(23, 12), QPointF(23, 15));
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawRoundedRect(QRectF(5, 14, 22, 16), 3, 3);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(16, 21), 2.5, 2.5);
        return QIcon(pm);
    }();
    return icon;
}
} // namespace

QueueModel::QueueModel(std::shared_ptr<const Store> store, QObject* parent)
    : QAbstractTableModel(parent), m_store(std::move(store))
{
    m_tick.setInterval(30 * 1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!m_rows.empty())
            emit dataChanged(index(0, TimeLeftColumn), index(int(m_rows.size()) - 1, TimeLeftColumn));
    });
    m_tick.start();
}

QString QueueModel::timeLeftText(const QDateTime& deadline, const QDateTime& now)
{
    const qint64 secs = now.secsTo(deadline);
    const qint64 minutesTotal = qAbs(secs) / 60;
    const int hours = int(minutesTotal / 60);
    const int minutes = int(minutesTotal % 60);
    if (secs < 0)
        return tr("overdue %1 h %2 min").arg(hours).arg(minutes);
    if (hours == 0)
        return tr("%1 min left").arg(minutes);
    return tr("%1 h %2 min left").arg(hours).arg(minutes);
}

int QueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const QueueRow* QueueModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int QueueModel::rowOf(Id attemptId) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].attemptId == attemptId)
            return int(i);
    }
    return -1;
}

const ClaimLock* QueueModel::lockOf(Id attemptId) const
{
    const auto it = m_locks.constFind(attemptId);
    return it == m_locks.constEnd() ? nullptr : &it.value();
}

void QueueModel::setLocks(const ClaimLocks& locks)
{
    m_locks = locks;
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QVariant QueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueRow& r = m_rows[size_t(index.row())];
    const ClaimLock* lock = r.state == AttemptState::Pending ? lockOf(r.attemptId) : nullptr;
    if (index.column() == LockColumn) {
        switch (role) {
        case Qt::DecorationRole:
            return lock ? QVariant::fromValue(lockIcon()) : QVariant();
        case Qt::ToolTipRole:
            return lock ? QVariant(tr("Being reviewed by %1 (until %2)")
                                       .arg(lock->holder, QLocale().toString(lock->leaseUntil.toLocalTime(), QStringLiteral("HH:mm"))))
                        : QVariant();
        case Qt::AccessibleTextRole:
            return lock ? QVariant(tr("Locked by %1").arg(lock->holder)) : QVariant();
        default:
            break;
        }
    }
    if (role == LockedByRole)
        return lock ? QVariant(lock->holder) : QVariant();
    if (lock && role == Qt::ForegroundRole && index.column() != TimeLeftColumn)
        return QBrush(QColor(0x9c, 0xa3, 0xaf)); // someone else's: greyed out
    const bool pending = r.state == AttemptState::Pending;
    const qint64 secsLeft = utcNow().secsTo(r.deadline);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LockColumn:
            return QVariant();
        case TimeLeftColumn:
            return pending ? timeLeftText(r.deadline, utcNow()) : QStringLiteral("—");
        case NameColumn:
            return r.studentName;
        case NumberColumn:
            return r.studentNumber;
        case ProgrammeColumn:
            return r.level.isEmpty() ? r.programme : QStringLiteral("%1 · %2").arg(r.programme, r.level);
        case StateColumn:
            return stateText(r.state);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == TimeLeftColumn && pending && secsLeft < kUrgentHours * 3600)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (index.column() == StateColumn && r.state == AttemptState::Approved)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        if (index.column() == StateColumn && r.state == AttemptState::Rejected)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        break;
    case Qt::FontRole:
        if (index.column() == TimeLeftColumn && pending && secsLeft < 0) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ToolTipRole:
        return tr("Paid %1, deadline %2 (%3)")
            .arg(QLocale().toString(r.paidAt.toLocalTime(), QLocale::ShortFormat),
                 QLocale().toString(r.deadline.toLocalTime(), QLocale::ShortFormat), r.externalId);
    case AttemptIdRole:
        return r.attemptId;
    case StateRole:
        return toString(r.state);
    case DeadlineRole:
        return r.deadline;
    }
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LockColumn:
        return QString();
    case TimeLeftColumn:
        return tr("Time left");
    case NameColumn:
        return tr("Student");
    case NumberColumn:
        return tr("Student no.");
    case ProgrammeColumn:
        return tr("Programme");
    case StateColumn:
        return tr("State");
    }
    return {};
}

bool QueueModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && int(m_rows.size()) < m_total;
}

void QueueModel::fetchMore(const QModelIndex& parent)
{
    // Views (and QAbstractItemModelTester) may call back into fetchMore from the row-insertion
    // signals below; a nested call would load the same page twice.
    if (m_fetching || !canFetchMore(parent))
        return;
    const QScopedValueRollback<bool> fetching(m_fetching, true);
    std::vector<QueueRow> page;
    try {
        page = ReviewQueue(m_store->db()).page(m_filter, int(m_rows.size()), m_pageSize);
    } catch (const StoreError& e) {
        m_total = int(m_rows.size()); // stop asking until the next reload
        emit loadFailed(Error{e.code(), e.message()});
        return;
    }
    // Offset paging: rows decided elsewhere meanwhile may shift a page; skip what we have.
    std::erase_if(page, [this](const QueueRow& r) { return rowOf(r.attemptId) >= 0; });
    if (page.empty()) {
        m_total = int(m_rows.size());
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.insert(m_rows.end(), page.begin(), page.end());
    endInsertRows();
}

void QueueModel::setFilter(const QueueFilter& filter)
{
    m_filter = filter;
    reload();
}

void QueueModel::reload()
{
    int total = 0;
    std::vector<QueueRow> rows;
    try {
        const ReviewQueue queue(m_store->db());
        total = queue.count(m_filter);
        rows = queue.page(m_filter, 0, m_pageSize);
    } catch (const StoreError& e) {
        beginResetModel();
        m_rows.clear();
        m_total = 0;
        endResetModel();
        emit loadFailed(Error{e.code(), e.message()});
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_total = qMax(total, int(m_rows.size()));
    endResetModel();
    emit reloaded();
}

void QueueModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace pd
