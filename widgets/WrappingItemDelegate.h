#pragma once

#include <QStyledItemDelegate>

class QListView;

namespace pd {

// Items of a one-column list shown in full: each item is as wide as the view's viewport and as
// tall as its text wrapped at that width (the default delegate sizes an item by its unwrapped text,
// so a narrow view cuts it). The view must not elide (setTextElideMode(Qt::ElideNone)), wrap
// (setWordWrap(true)) and lay out again when resized (QListView::Adjust). Used by the decision
// panel's reason list, whose long titles must never be cut (issue 15).
class WrappingItemDelegate : public QStyledItemDelegate {
public:
    explicit WrappingItemDelegate(QListView* view);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The width the text of an item of `option.rect` is wrapped at when painted (the item minus
    // its check box and the style's text margins).
    static int wrapWidth(const QStyleOptionViewItem& option, const QWidget* widget);

private:
    QListView* m_view;
};

} // namespace pd
