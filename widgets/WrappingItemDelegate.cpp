#include "widgets/WrappingItemDelegate.h"

#include <QApplication>
#include <QListView>

namespace pd {

WrappingItemDelegate::WrappingItemDelegate(QListView* view) : QStyledItemDelegate(view), m_view(view) {}

int WrappingItemDelegate::wrapWidth(const QStyleOptionViewItem& option, const QWidget* widget)
{
    const QStyle* style = widget ? widget->style() : QApplication::style();
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &option, widget);
    // The style paints the text inside these margins (QCommonStyle's item text layout).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    return qMax(1, text.width() - 2 * margin);
}

QSize WrappingItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.features |= QStyleOptionViewItem::WrapText;
    const int width = qMax(1, m_view->viewport()->width());
    opt.rect = QRect(0, 0, width, opt.fontMetrics.height() * 8);
    const QSize base = QStyledItemDelegate::sizeHint(opt, index);
    const QRect text = opt.fontMetrics.boundingRect(QRect(0, 0, wrapWidth(opt, m_view), 1 << 20), Qt::TextWordWrap, opt.text);
    // A little air between items: a wrapped title must read as one reason, not two.
    return {width, qMax(base.height(), text.height() + 4)};
}

} // namespace pd
