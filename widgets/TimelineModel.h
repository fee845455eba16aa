#pragma once

#include "core/hotline/StudentDirectory.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QImage>

#include <memory>
#include <vector>

namespace pd {

class ReasonCatalog;
class Store;

// Everything the hotline shows about one student's history, gathered off the UI thread
// (see loadTimeline): the core's timeline, the SMS delivery details and a thumbnail of each
// attempt's submitted photo.
struct TimelineData {
    Id studentId = 0;
    std::vector<TimelineEntry> entries;
    QHash<Id, QString> smsDelivery; // outbox id → provider delivery status ("DELIVERED", …)
    QHash<Id, QString> smsError;    // outbox id → last error of a failed/retrying message
    QHash<Id, QImage> thumbnails;   // attempt id → submitted photo, scaled down
};

// Runs on a store worker thread: the timeline (role checked by the core), the SMS details and
// the thumbnails. A missing or damaged photo just has no thumbnail.
Result<TimelineData> loadTimeline(const std::shared_ptr<const Store>& store, const Session& who, Id studentId);

// A student's timeline, oldest first: attempts (with thumbnail), decisions (verdict, reasons
// as the catalog words them, reviewer), SMS (text, state, delivery), call notes.
class TimelineModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Kind, Details, Actor, State, ColumnCount };
    static constexpr int kThumbnailSide = 72;

    explicit TimelineModel(const ReasonCatalog& catalog, QObject* parent = nullptr);

    void setTimeline(TimelineData data);
    void clear();
    Id studentId() const { return m_data.studentId; }
    const TimelineEntry* entry(int row) const;
    // Rows of a kind (tests and the resend button look at the SMS rows).
    int count(TimelineEntry::Kind kind) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(TimelineEntry::Kind kind);
    // An SMS's state as the hotline reads it: "Queued" while it waits for the dispatcher, then
    // the provider's delivery report and the last error, each on its own line when known.
    static QString smsStateText(const QString& state, const QString& delivery, const QString& error);

private:
    QString details(const TimelineEntry& e) const;
    QString stateText(const TimelineEntry& e) const;

    const ReasonCatalog& m_catalog;
    TimelineData m_data;
};

} // namespace pd
