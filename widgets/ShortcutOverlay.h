#pragma once

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QTableView;

namespace pd {

// The key table (ReviewKeys) as rows: group, keys, what they do.
class ShortcutModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { GroupColumn, KeysColumn, ActionColumn, ColumnCount };
    enum Role { ActionIdRole = Qt::UserRole + 1, KeySequencesRole };

    explicit ShortcutModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void retranslate();
};

// "?" / F1: every key of the reviewer's window over a dimmed window, generated from the one
// key table. Esc, F1, ? or a click outside the panel closes it.
class ShortcutOverlay : public QWidget {
    Q_OBJECT

public:
    // Opens (or raises) the overlay over `window`'s top-level window.
    static ShortcutOverlay* showOver(QWidget* window);
    // Closes it when it is open, opens it otherwise (F1 / ? twice).
    static void toggleOver(QWidget* window);
    // The open overlay of `window`'s top-level window, or nullptr.
    static ShortcutOverlay* find(QWidget* window);

    ShortcutModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    explicit ShortcutOverlay(QWidget* window);
    void retranslate();

    QWidget* m_panel;
    QLabel* m_title;
    QTableView* m_view;
    ShortcutModel* m_model;
};

} // namespace pd
