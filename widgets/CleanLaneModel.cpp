#include "widgets/CleanLaneModel.h"

#include "core/review/ReasonCatalog.h"
#include "widgets/UiLanguage.h"
#include "widgets/VerdictStyle.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace pd {

// --- model -------------------------------------------------------------------------------------

CleanLaneModel::CleanLaneModel(QObject* parent) : QAbstractListModel(parent)
{
}

int CleanLaneModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tiles.size());
}

QVariant CleanLaneModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Tile& t = m_tiles.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return t.item.student.name;
    case Qt::CheckStateRole:
        return t.checked ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1 · %2 · %3").arg(t.item.student.name, t.item.student.studentNumber, t.item.externalId);
        if (const QString warnings = data(index, WarningTextRole).toString(); !warnings.isEmpty())
            tip += QLatin1Char('\n') + CleanLaneDelegate::tr("Check: %1").arg(warnings);
        return tip;
    }
    case Qt::AccessibleTextRole:
        return t.item.student.name + QLatin1Char(' ') + t.item.student.studentNumber;
    case AttemptIdRole:
        return t.item.attemptId;
    case StudentNumberRole:
        return t.item.student.studentNumber;
    case ProgrammeRole:
        return t.item.student.level.isEmpty() ? t.item.student.programme : t.item.student.programme + QStringLiteral(" · ") + t.item.student.level;
    case PhotoRole:
        return t.photo;
    case ChipRole:
        return t.chip;
    case WarningsRole:
        return t.item.judgement.warnings;
    case WarningTextRole: {
        QStringList titles;
        const QString language = UiLanguage::catalogLanguage();
        for (const QString& id : t.item.judgement.warnings) {
            const Reason* r = ReasonCatalog::builtIn().find(id);
            titles << (r ? r->title(language) : id);
        }
        return titles.join(QStringLiteral("、"));
    }
    case StatusRole:
        return int(t.status);
    case ResultTextRole:
        return t.text;
    case DeadlineRole:
        return t.item.deadline;
    }
    return {};
}

bool CleanLaneModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || !(flags(index) & Qt::ItemIsUserCheckable))
        return false;
    setChecked(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags CleanLaneModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (status(index.row()) == Status::Waiting)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

void CleanLaneModel::setItems(std::vector<CleanLaneItem> items)
{
    beginResetModel();
    m_tiles.clear();
    for (CleanLaneItem& i : items)
        m_tiles.push_back(Tile{std::move(i), {}, {}, true, Status::Waiting, {}});
    endResetModel();
    emit checkedCountChanged(checkedCount());
}

void CleanLaneModel::clear()
{
    setItems({});
}

int CleanLaneModel::rowOf(Id attemptId) const
{
    for (std::size_t i = 0; i < m_tiles.size(); ++i)
        if (m_tiles[i].item.attemptId == attemptId)
            return int(i);
    return -1;
}

void CleanLaneModel::setImages(Id attemptId, const QImage& photo, const QImage& chip)
{
    const int row = rowOf(attemptId);
    if (row < 0)
        return;
    m_tiles[std::size_t(row)].photo = photo;
    m_tiles[std::size_t(row)].chip = chip;
    emit dataChanged(index(row), index(row), {PhotoRole, ChipRole});
}

bool CleanLaneModel::isChecked(int row) const
{
    return m_tiles.at(std::size_t(row)).checked;
}

void CleanLaneModel::setChecked(int row, bool checked)
{
    if (row < 0 || row >= rowCount() || status(row) != Status::Waiting || m_tiles[std::size_t(row)].checked == checked)
        return;
    m_tiles[std::size_t(row)].checked = checked;
    emit dataChanged(index(row), index(row), {Qt::CheckStateRole});
    emit checkedCountChanged(checkedCount());
}

void CleanLaneModel::toggle(int row)
{
    if (row >= 0 && row < rowCount())
        setChecked(row, !isChecked(row));
}

void CleanLaneModel::setAllChecked(bool checked)
{
    for (int r = 0; r < rowCount(); ++r)
        setChecked(r, checked);
}

int CleanLaneModel::checkedCount() const
{
    int n = 0;
    for (const Tile& t : m_tiles)
        n += t.checked && t.status == Status::Waiting;
    return n;
}

std::vector<int> CleanLaneModel::waitingRows(bool checked) const
{
    std::vector<int> rows;
    for (std::size_t i = 0; i < m_tiles.size(); ++i)
        if (m_tiles[i].status == Status::Waiting && m_tiles[i].checked == checked)
            rows.push_back(int(i));
    return rows;
}

void CleanLaneModel::setStatus(Id attemptId, Status status, const QString& text)
{
    const int row = rowOf(attemptId);
    if (row < 0)
        return;
    m_tiles[std::size_t(row)].status = status;
    m_tiles[std::size_t(row)].text = text;
    emit dataChanged(index(row), index(row), {StatusRole, ResultTextRole, Qt::CheckStateRole});
}

void CleanLaneModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1));
}

// --- delegate ----------------------------------------------------------------------------------

namespace {
constexpr int kPad = 8;
const QColor kSelectedBlue(37, 99, 235);

QRectF tileRect(const QRect& cell)
{
    return QRectF(cell).adjusted(4.5, 4.5, -4.5, -4.5);
}
} // namespace

QSize CleanLaneDelegate::photoSize(const QFontMetrics& fm)
{
    const int h = fm.height() * 10; // 3:4 like the national frame, in step with the font
    return QSize(h * 3 / 4, h);
}

QSize CleanLaneDelegate::chipSize(const QFontMetrics& fm)
{
    const int side = fm.height() * 4;
    return QSize(side, side);
}

QSize CleanLaneDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics& fm = option.fontMetrics;
    const QSize photo = photoSize(fm);
    const QSize chip = chipSize(fm);
    return QSize(photo.width() + chip.width() + 3 * kPad + 8, photo.height() + fm.height() * 4 + 4 * kPad + 8);
}

void CleanLaneDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setRenderHint(QPainter::SmoothPixmapTransform);
    const QFontMetrics& fm = option.fontMetrics;
    const QRectF tile = tileRect(option.rect);
    const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    const auto status = CleanLaneModel::Status(index.data(CleanLaneModel::StatusRole).toInt());
    const bool waiting = status == CleanLaneModel::Status::Waiting;
    const bool selected = waiting && checked;

    // Card.
    p->setPen(selected ? QPen(kSelectedBlue, 2.5) : QPen(QColor(0x9c, 0xa3, 0xaf), 1.5, waiting ? Qt::DashLine : Qt::SolidLine));
    p->setBrush(selected ? QColor(0xef, 0xf6, 0xff) : QColor(Qt::white));
    p->drawRoundedRect(tile, 8, 8);

    // Photo and chip.
    const QSize photoSz = photoSize(fm);
    const QSize chipSz = chipSize(fm);
    const QRectF photoRect(tile.left() + kPad, tile.top() + kPad, photoSz.width(), photoSz.height());
    const QImage photo = index.data(CleanLaneModel::PhotoRole).value<QImage>();
    if (photo.isNull()) {
        p->fillRect(photoRect, QColor(0xf3, 0xf4, 0xf6));
        p->setPen(QColor(0x6b, 0x72, 0x80));
        p->drawText(photoRect, Qt::AlignCenter, tr("Loading…"));
    } else {
        const QSizeF logical = QSizeF(photo.size()) / photo.devicePixelRatio();
        const QSizeF fitted = logical.scaled(photoRect.size(), Qt::KeepAspectRatio);
        const QRectF target(photoRect.left() + (photoRect.width() - fitted.width()) / 2, photoRect.top(), fitted.width(), fitted.height());
        p->drawImage(target, photo);
    }
    const QRectF chipRect(photoRect.right() + kPad, photoRect.top() + fm.height() + 2, chipSz.width(), chipSz.height());
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p->setFont(small);
    p->setPen(QColor(0x6b, 0x72, 0x80));
    p->drawText(QRectF(chipRect.left(), photoRect.top(), chipRect.width() + 40, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                tr("Enrollment"));
    const QImage chip = index.data(CleanLaneModel::ChipRole).value<QImage>();
    if (chip.isNull()) {
        p->setPen(QPen(QColor(0xd1, 0xd5, 0xdb), 1, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRect(chipRect);
    } else {
        p->drawImage(chipRect, chip);
        p->setPen(QPen(QColor(0xd1, 0xd5, 0xdb), 1));
        p->setBrush(Qt::NoBrush);
        p->drawRect(chipRect);
    }
    // Both faces match: the same mark as everywhere (shape + colour + word).
    const QRectF matchRow(chipRect.left(), chipRect.bottom() + 4, tile.right() - kPad - chipRect.left(), fm.height());
    VerdictStyle::paint(*p, QRectF(matchRow.left(), matchRow.top() + 2, fm.height() - 4, fm.height() - 4), VerdictMark::Pass);
    p->setPen(VerdictStyle::color(VerdictMark::Pass));
    p->drawText(matchRow.adjusted(fm.height(), 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, tr("Faces match"));

    // Selection tick on the photo's corner.
    if (waiting) {
        const QRectF box(photoRect.left() + 4, photoRect.top() + 4, fm.height() + 4, fm.height() + 4);
        p->setPen(QPen(selected ? kSelectedBlue : QColor(0x6b, 0x72, 0x80), 1.5));
        p->setBrush(selected ? kSelectedBlue : QColor(255, 255, 255, 230));
        p->drawRoundedRect(box, 3, 3);
        if (selected) {
            p->setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p->drawPolyline(QPolygonF{box.topLeft() + QPointF(box.width() * 0.22, box.height() * 0.52),
                                      box.topLeft() + QPointF(box.width() * 0.42, box.height() * 0.72),
                                      box.topLeft() + QPointF(box.width() * 0.78, box.height() * 0.3)});
        }
    }

    // Text: name, number · programme, warning or all clear, outcome.
    p->setFont(option.font);
    double y = photoRect.bottom() + kPad;
    const double textWidth = tile.width() - 2 * kPad;
    QFont bold = option.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(QColor(0x11, 0x18, 0x27));
    p->drawText(QRectF(tile.left() + kPad, y, textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, int(textWidth)));
    y += fm.height();
    p->setFont(small);
    p->setPen(QColor(0x4b, 0x55, 0x63));
    const QString line2 = index.data(CleanLaneModel::StudentNumberRole).toString() + QStringLiteral(" · ")
                          + index.data(CleanLaneModel::ProgrammeRole).toString();
    p->drawText(QRectF(tile.left() + kPad, y, textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(small).elidedText(line2, Qt::ElideRight, int(textWidth)));
    y += fm.height() + 2;
    const QString warnings = index.data(CleanLaneModel::WarningTextRole).toString();
    const VerdictMark mark = warnings.isEmpty() ? VerdictMark::Pass : VerdictMark::Warn;
    const QRectF warnRow(tile.left() + kPad, y, textWidth, fm.height());
    if (!warnings.isEmpty()) {
        QColor band = VerdictStyle::color(VerdictMark::Warn);
        band.setAlpha(30);
        p->fillRect(warnRow.adjusted(-3, -1, 3, 1), band);
    }
    VerdictStyle::paint(*p, QRectF(warnRow.left(), warnRow.top() + 1, fm.height() - 2, fm.height() - 2), mark);
    p->setPen(VerdictStyle::color(mark));
    const QString warnText = warnings.isEmpty() ? tr("Every rule passed") : tr("Check: %1").arg(warnings);
    p->drawText(warnRow.adjusted(fm.height() + 2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(small).elidedText(warnText, Qt::ElideRight, int(textWidth - fm.height() - 2)));
    y += fm.height() + 2;

    // Deselected: veiled, it goes back to the queue.
    const QString result = index.data(CleanLaneModel::ResultTextRole).toString();
    if (waiting && !checked) {
        p->fillRect(photoRect, QColor(255, 255, 255, 150));
        p->setPen(QColor(0x4b, 0x55, 0x63));
        p->drawText(QRectF(tile.left() + kPad, y, textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(small).elidedText(tr("Deselected: back to the normal queue"), Qt::ElideRight, int(textWidth)));
    } else if (!waiting) {
        VerdictMark outcome = VerdictMark::None;
        QString text = result;
        if (status == CleanLaneModel::Status::Approved)
            outcome = VerdictMark::Pass;
        else if (status == CleanLaneModel::Status::Failed)
            outcome = VerdictMark::Fail;
        else if (status == CleanLaneModel::Status::Approving)
            text = tr("Approving…");
        if (outcome != VerdictMark::None) {
            // A large mark in the photo's corner: the outcome reads at a glance, by shape as well,
            // and the face stays visible.
            const double side = photoRect.width() * 0.34;
            VerdictStyle::paint(*p, QRectF(photoRect.right() - side - 4, photoRect.bottom() - side - 4, side, side), outcome);
        }
        p->setPen(outcome == VerdictMark::None ? QColor(0x4b, 0x55, 0x63) : VerdictStyle::color(outcome));
        p->drawText(QRectF(tile.left() + kPad, y, textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(small).elidedText(text, Qt::ElideRight, int(textWidth)));
    }

    // Keyboard focus.
    if (option.state & QStyle::State_HasFocus) {
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(QColor(0x11, 0x18, 0x27), 1.5, Qt::DotLine));
        p->drawRoundedRect(tile.adjusted(-3, -3, 3, 3), 10, 10);
    }
    p->restore();
}

bool CleanLaneDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem&, const QModelIndex& index)
{
    if (!(model->flags(index) & Qt::ItemIsUserCheckable))
        return false;
    const bool click = event->type() == QEvent::MouseButtonRelease && static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton;
    const bool space = event->type() == QEvent::KeyPress
                       && (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space || static_cast<QKeyEvent*>(event)->key() == Qt::Key_Select);
    if (!click && !space)
        return event->type() == QEvent::MouseButtonDblClick; // no double-toggle on a double click
    const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}

} // namespace pd
