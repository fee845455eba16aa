#include "widgets/ShortcutOverlay.h"

#include "widgets/ReviewKeys.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

ShortcutModel::ShortcutModel(QObject* parent) : QAbstractTableModel(parent)
{
}

int ShortcutModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ReviewKeys::table().size());
}

int ShortcutModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShortcutModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ReviewKeys::Action& a = ReviewKeys::table().at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case GroupColumn:
            // The group is named on its first row only: the table reads as sections.
            if (index.row() > 0 && ReviewKeys::table().at(std::size_t(index.row() - 1)).group == a.group)
                return QString();
            return ReviewKeys::groupName(a.group);
        case KeysColumn:
            return ReviewKeys::keyText(a);
        case ActionColumn:
            return ReviewKeys::text(a);
        }
        break;
    case Qt::FontRole:
        if (index.column() != ActionColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case ActionIdRole:
        return QString::fromLatin1(a.id);
    case KeySequencesRole: {
        QVariantList keys;
        for (const QKeySequence& k : a.keys)
            keys << QVariant::fromValue(k);
        return keys;
    }
    }
    return {};
}

QVariant ShortcutModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn:
        return tr("Where");
    case KeysColumn:
        return tr("Keys");
    case ActionColumn:
        return tr("What they do");
    }
    return {};
}

void ShortcutModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

ShortcutOverlay* ShortcutOverlay::find(QWidget* window)
{
    return window->window()->findChild<ShortcutOverlay*>(QStringLiteral("shortcutOverlay"), Qt::FindDirectChildrenOnly);
}

void ShortcutOverlay::toggleOver(QWidget* window)
{
    if (ShortcutOverlay* open = find(window); open && open->isVisible())
        open->close();
    else
        showOver(window);
}

ShortcutOverlay* ShortcutOverlay::showOver(QWidget* window)
{
    QWidget* top = window->window();
    auto* overlay = find(top);
    if (!overlay)
        overlay = new ShortcutOverlay(top);
    overlay->setGeometry(top->rect());
    overlay->show();
    overlay->raise();
    overlay->m_view->setFocus(Qt::ShortcutFocusReason);
    return overlay;
}

ShortcutOverlay::ShortcutOverlay(QWidget* window) : QWidget(window)
{
    setObjectName(QStringLiteral("shortcutOverlay"));
    setAttribute(Qt::WA_DeleteOnClose);
    window->installEventFilter(this); // follows the window's size
    m_panel = new QWidget(this);
    m_panel->setObjectName(QStringLiteral("shortcutPanel"));
    m_panel->setAutoFillBackground(true);
    m_title = new QLabel(m_panel);
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.25);
    m_title->setFont(tf);
    m_model = new ShortcutModel(this);
    m_model->setObjectName(QStringLiteral("shortcutModel"));
    m_view = new QTableView(m_panel);
    m_view->setObjectName(QStringLiteral("shortcutView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setShowGrid(false);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ShortcutModel::GroupColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ShortcutModel::KeysColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ShortcutModel::ActionColumn, QHeaderView::Stretch);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);
    auto* layout = new QVBoxLayout(m_panel);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    retranslate();
}

void ShortcutOverlay::retranslate()
{
    m_title->setText(tr("Keyboard shortcuts (Esc closes this list)"));
    m_model->retranslate();
}

void ShortcutOverlay::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool ShortcutOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        keyPressEvent(static_cast<QKeyEvent*>(event));
        if (event->isAccepted())
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ShortcutOverlay::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(17, 24, 39, 150));
}

void ShortcutOverlay::resizeEvent(QResizeEvent*)
{
    // The panel: most of the window, centred.
    const int w = qMin(width() - 40, qMax(640, width() * 3 / 4));
    m_panel->setGeometry((width() - w) / 2, 30, w, qMax(200, height() - 60));
}

void ShortcutOverlay::mousePressEvent(QMouseEvent*)
{
    close(); // a click outside the panel
}

void ShortcutOverlay::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1 || event->key() == Qt::Key_Question) {
        close();
        event->accept();
        return;
    }
    event->ignore();
}

} // namespace pd
