#pragma once

#include "core/review/ReviewQueue.h"

#include <QWidget>

#include <array>
#include <optional>

class QToolButton;

namespace pd {

// The pending submissions per deadline bucket under the queue — overdue, due within 6 h, within
// 24 h, later — each a toggle that narrows the queue to its bucket (click again for all). Each
// bucket has a symbol and a word as well as a colour (readable without colour). The counts come
// from the workspace (ReviewQueue::counts on a worker thread).
class QueueCountsBar : public QWidget {
    Q_OBJECT

public:
    explicit QueueCountsBar(QWidget* parent = nullptr);

    void setCounts(const QueueCounts& counts);
    void setBucket(std::optional<DeadlineBucket> bucket);
    std::optional<DeadlineBucket> bucket() const { return m_bucket; }
    QToolButton* button(DeadlineBucket bucket) const { return m_buttons[size_t(bucket)]; }
    // The text of a bucket's button (tests, the status line).
    QString text(DeadlineBucket bucket) const;

signals:
    void bucketChosen(std::optional<pd::DeadlineBucket> bucket);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::array<QToolButton*, 4> m_buttons{};
    std::optional<QueueCounts> m_counts;
    std::optional<DeadlineBucket> m_bucket;
};

} // namespace pd
