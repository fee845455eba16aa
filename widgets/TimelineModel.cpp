#include "widgets/TimelineModel.h"

#include "core/notify/SmsHotline.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "widgets/StudentSearchModel.h"
#include "widgets/UiLanguage.h"
#include "widgets/VerdictStyle.h"

#include <QBrush>
#include <QColor>

namespace pd {

Result<TimelineData> loadTimeline(const std::shared_ptr<const Store>& store, const Session& who, Id studentId)
{
    TimelineData data;
    data.studentId = studentId;
    auto entries = StudentDirectory(store).timeline(who, studentId);
    if (!entries)
        return entries.error();
    data.entries = std::move(entries).value();
    // Reviewers' and administrators' sessions may not read the SMS history; the timeline
    // still shows the messages, only without delivery details.
    if (SmsHotline::mayResend(who.role)) {
        auto sms = SmsHotline(store).history(who, studentId);
        if (sms) {
            for (const SmsRecord& r : sms.value()) {
                if (!r.deliveryStatus.isEmpty())
                    data.smsDelivery.insert(r.id, r.deliveryStatus);
                if (!r.lastError.isEmpty() && r.state != QLatin1String("sent"))
                    data.smsError.insert(r.id, r.lastError);
            }
        }
    }
    try {
        PhotoRepository photos(store->db());
        for (const TimelineEntry& e : data.entries) {
            if (e.kind != TimelineEntry::Kind::Attempt)
                continue;
            const auto photo = photos.submittedFor(e.attemptId);
            if (!photo)
                continue;
            const auto bytes = store->blobs().get(photo->sha256);
            if (!bytes)
                continue;
            QImage image;
            if (image.loadFromData(bytes.value()))
                data.thumbnails.insert(e.attemptId, image.scaled(TimelineModel::kThumbnailSide, TimelineModel::kThumbnailSide,
                                                                 Qt::KeepAspectRatio, Qt::SmoothTransformation));
        }
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
    return data;
}

TimelineModel::TimelineModel(const ReasonCatalog& catalog, QObject* parent) : QAbstractTableModel(parent), m_catalog(catalog) {}

void TimelineModel::setTimeline(TimelineData data)
{
    beginResetModel();
    m_data = std::move(data);
    endResetModel();
}

void TimelineModel::clear()
{
    setTimeline(TimelineData{});
}

const TimelineEntry* TimelineModel::entry(int row) const
{
    return row >= 0 && row < int(m_data.entries.size()) ? &m_data.entries[size_t(row)] : nullptr;
}

int TimelineModel::count(TimelineEntry::Kind kind) const
{
    return int(std::count_if(m_data.entries.begin(), m_data.entries.end(), [kind](const TimelineEntry& e) { return e.kind == kind; }));
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_data.entries.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimelineModel::kindText(TimelineEntry::Kind kind)
{
    switch (kind) {
    case TimelineEntry::Kind::Attempt:
        return tr("Submission");
    case TimelineEntry::Kind::Decision:
        return tr("Decision");
    case TimelineEntry::Kind::Sms:
        return tr("SMS");
    case TimelineEntry::Kind::CallNote:
        return tr("Call note");
    }
    return {};
}

QString TimelineModel::details(const TimelineEntry& e) const
{
    switch (e.kind) {
    case TimelineEntry::Kind::Attempt:
        return tr("Submission %1 (attempt #%2)").arg(e.text).arg(e.attemptId);
    case TimelineEntry::Kind::Decision: {
        QStringList lines;
        lines << (e.state == QLatin1String("approve") ? tr("Approved") : tr("Rejected"));
        const QString language = UiLanguage::catalogLanguage();
        for (const QString& id : e.reasons) {
            const Reason* r = m_catalog.find(id);
            lines << QStringLiteral("• ") + (r ? r->title(language) : id);
        }
        if (!e.text.isEmpty())
            lines << tr("Note: %1").arg(e.text);
        return lines.join(QLatin1Char('\n'));
    }
    case TimelineEntry::Kind::Sms:
    case TimelineEntry::Kind::CallNote:
        return e.text;
    }
    return {};
}

QString TimelineModel::stateText(const TimelineEntry& e) const
{
    if (e.kind == TimelineEntry::Kind::CallNote)
        return {};
    if (e.kind == TimelineEntry::Kind::Sms)
        return smsStateText(e.state, m_data.smsDelivery.value(e.objectId), m_data.smsError.value(e.objectId));
    return StudentSearchModel::stateText(e.state);
}

QString TimelineModel::smsStateText(const QString& state, const QString& delivery, const QString& error)
{
    // An SMS that is "pending" waits for the dispatcher, not for a reviewer.
    QString text = state == QLatin1String("pending") ? tr("Queued") : StudentSearchModel::stateText(state);
    if (!delivery.isEmpty())
        text += QLatin1Char('\n') + tr("Delivery: %1").arg(delivery);
    if (!error.isEmpty())
        text += QLatin1Char('\n') + error;
    return text;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    const TimelineEntry* e = index.isValid() ? entry(index.row()) : nullptr;
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return e->at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case Kind:
            return kindText(e->kind);
        case Details:
            return details(*e);
        case Actor:
            return e->actor;
        case State:
            return stateText(*e);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == Details && e->kind == TimelineEntry::Kind::Attempt) {
            const QImage thumb = m_data.thumbnails.value(e->attemptId);
            if (!thumb.isNull())
                return thumb;
        }
        // The state's colour (below) comes with its shape (colour-blind safe).
        if (index.column() == State && VerdictStyle::fromName(e->state) != VerdictMark::None)
            return VerdictStyle::icon(VerdictStyle::fromName(e->state));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return e->at.toUTC().toString(Qt::ISODate);
        if (index.column() == Details)
            return details(*e);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == State) {
            if (e->state == QLatin1String("rejected") || e->state == QLatin1String("reject") || e->state == QLatin1String("failed"))
                return QBrush(QColor(0xb0, 0x20, 0x20));
            if (e->state == QLatin1String("approved") || e->state == QLatin1String("approve") || e->state == QLatin1String("sent"))
                return QBrush(QColor(0x1a, 0x7f, 0x37));
        }
        return {};
    case Qt::UserRole:
        return int(e->kind);
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Kind:
        return tr("Event");
    case Details:
        return tr("Details");
    case Actor:
        return tr("By");
    case State:
        return tr("State");
    }
    return {};
}

} // namespace pd
