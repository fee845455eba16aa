#pragma once

#include "core/review/CleanLane.h"

#include <QAbstractListModel>
#include <QImage>
#include <QStyledItemDelegate>

#include <vector>

namespace pd {

// The tiles of one clean-lane page: the core's items, their decoded thumbnails, whether the
// reviewer keeps each selected (all are, at first) and what happened when approving.
class CleanLaneModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum class Status { Waiting, Approving, Approved, Failed, Returned };
    enum Role {
        AttemptIdRole = Qt::UserRole + 1,
        StudentNumberRole,
        ProgrammeRole,
        PhotoRole,        // QImage: the submitted photo, decoded off the UI thread (null until then)
        ChipRole,         // QImage: the enrollment photo's aligned face chip (null when none)
        WarningsRole,     // QStringList: rule ids with a warning
        WarningTextRole,  // QString: their titles in the interface language ("" when none)
        StatusRole,       // int(Status)
        ResultTextRole,   // QString: why an approval failed, or "" / a short success text
        DeadlineRole,     // QDateTime (UTC)
    };

    explicit CleanLaneModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    void setItems(std::vector<CleanLaneItem> items);
    void clear();
    const CleanLaneItem& item(int row) const { return m_tiles.at(std::size_t(row)).item; }
    int rowOf(Id attemptId) const;
    void setImages(Id attemptId, const QImage& photo, const QImage& chip);

    bool isChecked(int row) const;
    void setChecked(int row, bool checked);
    void toggle(int row);
    void setAllChecked(bool checked);
    int checkedCount() const;
    // Rows still waiting for a decision, selected or not.
    std::vector<int> waitingRows(bool checked) const;

    Status status(int row) const { return m_tiles.at(std::size_t(row)).status; }
    void setStatus(Id attemptId, Status status, const QString& text = {});
    void retranslate();

signals:
    void checkedCountChanged(int checked);

private:
    struct Tile {
        CleanLaneItem item;
        QImage photo;
        QImage chip;
        bool checked = true;
        Status status = Status::Waiting;
        QString text;
    };
    std::vector<Tile> m_tiles;
};

// Paints a tile: the submitted photo with the enrollment chip beside it, name and number, any
// warning (icon + colour + rule names), the selection (a tick and a blue frame; deselected:
// veiled, dashed, "back to the queue") and the outcome once approved or refused. Sizes follow
// the font; photos are drawn at device pixels. A click or Space toggles the selection.
class CleanLaneDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option, const QModelIndex& index) override;

    // The size thumbnails are decoded for (logical pixels; the page multiplies by the DPR).
    static QSize photoSize(const QFontMetrics& fm);
    static QSize chipSize(const QFontMetrics& fm);
};

} // namespace pd
