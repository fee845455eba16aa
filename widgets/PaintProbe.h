#pragma once

#include <QEvent>
#include <QObject>
#include <QPointer>
#include <QWidget>
#include <QWindow>

namespace pd {

// Tells when a widget's content, set to its final state, has reached the screen: arm() right
// after setting it, painted() once the window has completed a repaint pass afterwards. Qt
// Widgets paints every dirty region of a window in one pass (QEvent::UpdateRequest on the
// window), so the first pass that completes after arm() is the one that shows the new content;
// arm() also marks a pixel of the widget dirty, so such a pass comes even when nothing else
// changed. A
// hidden widget counts as painted: there is nothing to wait for. The review workspace uses it to
// say honestly when a submission is on screen, not merely handed to Qt.
class PaintProbe : public QObject {
    Q_OBJECT

public:
    explicit PaintProbe(QWidget* widget) : QObject(widget), m_widget(widget) {}

    void arm()
    {
        watchWindow();
        m_armed = true;
        m_painted = false;
        m_passStarted = false;
        // Make sure a pass comes, without repainting the whole widget (its changed children are
        // dirty already): one pixel is enough.
        m_widget->update(QRect(0, 0, 1, 1));
    }
    void disarm()
    {
        m_armed = false;
        m_painted = false;
        m_passStarted = false;
    }
    bool isArmed() const { return m_armed; }
    bool painted() const { return m_armed && (m_painted || !m_widget->isVisible()); }

signals:
    void paintedChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::UpdateRequest && m_armed && !m_painted && !m_passStarted
            && (watched == m_window || watched == m_windowHandle)) {
            // The pass runs when this event is handled; the queued call comes after it.
            m_passStarted = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (m_armed && m_passStarted) {
                        m_painted = true;
                        emit paintedChanged();
                    }
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    void watchWindow()
    {
        QWidget* window = m_widget->window();
        QWindow* handle = window->windowHandle();
        if (window == m_window && handle == m_windowHandle)
            return;
        if (m_window)
            m_window->removeEventFilter(this);
        if (m_windowHandle)
            m_windowHandle->removeEventFilter(this);
        m_window = window;
        m_windowHandle = handle;
        m_window->installEventFilter(this);
        if (m_windowHandle)
            m_windowHandle->installEventFilter(this);
    }

    QPointer<QWidget> m_widget;
    QPointer<QWidget> m_window;
    QPointer<QWindow> m_windowHandle;
    bool m_armed = false;
    bool m_painted = false;
    bool m_passStarted = false;
};

} // namespace pd
