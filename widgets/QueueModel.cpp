#include "widgets/QueueModel.h"

#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/util/Time.h"
#include "widgets/StoreWorker.h"
#include "widgets/WhenFinished.h"

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

QueueModel::QueueModel(std::shared_ptr<const Store> store, QObject* parent) : QueueModel(std::move(store), nullptr, parent)
{
}

QueueModel::QueueModel(std::shared_ptr<const Store> store, StoreWorker* worker, QObject* parent)
    : QAbstractTableModel(parent), m_store(std::move(store)), m_worker(worker)
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

std::optional<QueueRow> QueueModel::rowAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return std::nullopt;
    return unpack(m_rows[size_t(row)]);
}

QueueModel::Row QueueModel::pack(const QueueRow& in)
{
    // A few dozen programmes and levels among 100 000 rows: one copy of each text.
    auto intern = [this](const QString& text) -> quint16 {
        const auto it = m_textIds.constFind(text);
        if (it != m_textIds.constEnd())
            return it.value();
        const auto id = quint16(qMin<qsizetype>(m_texts.size(), 0xffff));
        if (id < 0xffff) {
            m_texts << text;
            m_textIds.insert(text, id);
        }
        return id;
    };
    Row r;
    r.attemptId = in.attemptId;
    r.studentId = in.studentId;
    r.claimedBy = in.claimedBy;
    r.paidAtMs = in.paidAt.toMSecsSinceEpoch();
    r.deadlineMs = in.deadline.toMSecsSinceEpoch();
    r.texts = in.externalId + in.studentName + in.studentNumber;
    r.texts.squeeze();
    r.nameAt = quint16(in.externalId.size());
    r.numberAt = quint16(in.externalId.size() + in.studentName.size());
    r.programme = intern(in.programme);
    r.level = intern(in.level);
    r.state = in.state;
    return r;
}

QueueRow QueueModel::unpack(const Row& r) const
{
    QueueRow out;
    out.attemptId = r.attemptId;
    out.externalId = r.texts.left(r.nameAt);
    out.state = r.state;
    out.paidAt = QDateTime::fromMSecsSinceEpoch(r.paidAtMs, Qt::UTC);
    out.deadline = QDateTime::fromMSecsSinceEpoch(r.deadlineMs, Qt::UTC);
    out.studentId = r.studentId;
    out.studentName = name(r);
    out.studentNumber = number(r);
    out.programme = m_texts.value(r.programme);
    out.level = m_texts.value(r.level);
    out.claimedBy = r.claimedBy;
    return out;
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
    const Row& r = m_rows[size_t(index.row())];
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
    const QDateTime deadline = QDateTime::fromMSecsSinceEpoch(r.deadlineMs, Qt::UTC);
    const qint64 secsLeft = utcNow().secsTo(deadline);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LockColumn:
            return QVariant();
        case TimeLeftColumn:
            return pending ? timeLeftText(deadline, utcNow()) : QStringLiteral("—");
        case NameColumn:
            return name(r);
        case NumberColumn:
            return number(r);
        case ProgrammeColumn: {
            const QString programme = m_texts.value(r.programme), level = m_texts.value(r.level);
            return level.isEmpty() ? programme : QStringLiteral("%1 · %2").arg(programme, level);
        }
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
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.paidAtMs, Qt::UTC).toLocalTime(), QLocale::ShortFormat),
                 QLocale().toString(deadline.toLocalTime(), QLocale::ShortFormat), r.texts.left(r.nameAt));
    case AttemptIdRole:
        return r.attemptId;
    case StateRole:
        return toString(r.state);
    case DeadlineRole:
        return deadline;
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
    return !parent.isValid() && !m_atEnd;
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
        std::optional<QueueCursor> after;
        if (!m_rows.empty())
            after = QueueCursor{toDbTime(QDateTime::fromMSecsSinceEpoch(m_rows.back().deadlineMs, Qt::UTC)), m_rows.back().attemptId};
        page = ReviewQueue(m_store->db()).pageAfter(m_filter, after, m_pageSize);
    } catch (const StoreError& e) {
        m_atEnd = true; // stop asking until the next reload
        emit loadFailed(Error{e.code(), e.message()});
        return;
    }
    m_atEnd = int(page.size()) < m_pageSize;
    if (page.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    for (const QueueRow& r : page)
        m_rows.push_back(pack(r));
    endInsertRows();
}

void QueueModel::setFilter(const QueueFilter& filter)
{
    m_filter = filter;
    m_total = -1; // counted again for the new filter
    reload();
}

void QueueModel::sort(int column, Qt::SortOrder order)
{
    if (column != TimeLeftColumn)
        return; // only the deadline order has an index behind it
    QueueFilter filter = m_filter;
    filter.sort = order == Qt::AscendingOrder ? QueueSort::Deadline : QueueSort::DeadlineDescending;
    if (filter.sort != m_filter.sort)
        setFilter(filter);
}

void QueueModel::reload()
{
    ++m_generation;
    std::vector<QueueRow> rows;
    try {
        // The first page only: an index range scan of m_pageSize rows.
        rows = ReviewQueue(m_store->db()).pageAfter(m_filter, std::nullopt, m_pageSize);
    } catch (const StoreError& e) {
        beginResetModel();
        m_rows.clear();
        m_total = 0;
        m_atEnd = true;
        endResetModel();
        emit loadFailed(Error{e.code(), e.message()});
        return;
    }
    beginResetModel();
    m_rows.clear();
    m_texts.clear();
    m_textIds.clear();
    for (const QueueRow& r : rows)
        m_rows.push_back(pack(r));
    m_atEnd = int(m_rows.size()) < m_pageSize;
    if (m_atEnd)
        m_total = int(m_rows.size()); // everything is loaded: no need to count
    {
        // Views and QAbstractItemModelTester ask for more rows from their modelReset handlers,
        // while the reset is still being announced: the next page waits until it is over.
        const QScopedValueRollback<bool> resetting(m_fetching, true);
        endResetModel();
    }
    if (!m_atEnd)
        countTotal();
    emit reloaded();
    if (m_atEnd)
        emit totalCountChanged(m_total);
}

void QueueModel::countTotal()
{
    const QueueFilter filter = m_filter;
    if (!m_worker) {
        try {
            m_total = ReviewQueue(m_store->db()).count(filter);
        } catch (const StoreError& e) {
            emit loadFailed(Error{e.code(), e.message()});
            return;
        }
        emit totalCountChanged(m_total);
        return;
    }
    // The count runs on the worker; until it is back the previous total stays (the title does
    // not flicker between reloads).
    const quint64 generation = m_generation;
    std::shared_ptr<const Store> store = m_store;
    whenFinished(this, m_worker->run([store, filter]() -> Result<int> {
                     try {
                         return ReviewQueue(store->db()).count(filter);
                     } catch (const StoreError& e) {
                         return Error{e.code(), e.message()};
                     }
                 }),
                 [this, generation](const Result<int>& result) {
                     if (generation != m_generation)
                         return;
                     if (!result) {
                         emit loadFailed(result.error());
                         return;
                     }
                     m_total = qMax(result.value(), int(m_rows.size()));
                     emit totalCountChanged(m_total);
                 });
}

void QueueModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace pd
