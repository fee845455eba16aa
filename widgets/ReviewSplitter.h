#pragma once

#include <QList>
#include <QSplitter>

namespace pd {

// The review workspace's three columns — queue | photos | side — and the side column's split
// into the face chips, the rule flags and the decision (issue 15).
//
// Until the reviewer moves a handle the columns follow the window by rule (defaultSizes): the
// photos get most of the width at every common size, the side column 22 % (320–420 px), and the
// queue 15 % (260–300 px) from 1600 px on; below that it starts folded away (the queue toggle or
// dragging the handle brings it back; J/K/N work either way). Once the reviewer moves a handle
// or toggles the queue, the queue's and the side column's widths and the heights of the faces
// and the rules are kept as chosen (the photos and the decision get what the window has beyond
// them) and remembered for the next start (QSettings, file "review-layout" of the application's
// organisation).
class ReviewSplitter : public QSplitter {
    Q_OBJECT

public:
    enum Column { Queue, Photos, Side };

    // `side` is the side column, itself split top to bottom by `sideSplit` (faces, rules, decision).
    ReviewSplitter(QWidget* queue, QWidget* photos, QWidget* side, QSplitter* sideSplit, QWidget* parent = nullptr);

    // The columns' widths for a workspace this wide (logical pixels), before any choice.
    static QList<int> defaultSizes(int width);
    // The side column's parts for this height: the faces and the rules their size hints, up to
    // 32 % and 18 % of it, the decision (with the reason list) the rest.
    static QList<int> defaultSideSizes(int height, int facesHint, int rulesHint);

    bool queueCollapsed() const;
    // The reviewer's choice (the queue toggle): kept and remembered like a moved handle.
    void setQueueCollapsed(bool collapsed);
    // True once the reviewer chose a layout (now or at an earlier start).
    bool isChosen() const { return !m_chosen.isEmpty(); }

signals:
    void queueCollapsedChanged(bool collapsed);

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void layOutColumns();
    void layOutSide();
    void notifyCollapsed();
    void choose();

    QSplitter* m_side;
    QList<int> m_chosen;     // queue width, side width (empty: no choice, the defaults)
    QList<int> m_chosenSide; // faces height, rules height
    bool m_lastCollapsed = true; // no width yet
};

} // namespace pd
