#include "widgets/QueueCountsBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QToolButton>

namespace pd {

namespace {
constexpr DeadlineBucket kBuckets[] = {DeadlineBucket::Overdue, DeadlineBucket::Within6h, DeadlineBucket::Within24h,
                                       DeadlineBucket::Later};

struct BucketStyle {
    const char* objectName;
    const char* symbol;
    const char* colour;
};

BucketStyle styleOf(DeadlineBucket b)
{
    switch (b) {
    case DeadlineBucket::Overdue:
        return {"bucketOverdue", "✗", "#b71c1c"};
    case DeadlineBucket::Within6h:
        return {"bucketWithin6h", "!", "#c62828"};
    case DeadlineBucket::Within24h:
        return {"bucketWithin24h", "◔", "#7a4f00"};
    case DeadlineBucket::Later:
        return {"bucketLater", "○", "#374151"};
    }
    return {"", "", "#374151"};
}
} // namespace

QueueCountsBar::QueueCountsBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("queueCountsBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (DeadlineBucket b : kBuckets) {
        const BucketStyle style = styleOf(b);
        auto* button = new QToolButton(this);
        button->setObjectName(QLatin1String(style.objectName));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus); // the queue keeps the keyboard
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setStyleSheet(QStringLiteral("QToolButton { color: %1; padding: 1px 4px; } "
                                             "QToolButton:checked { background: #e5e7eb; border: 1px solid #9ca3af; border-radius: 3px; }")
                                  .arg(QLatin1String(style.colour)));
        connect(button, &QToolButton::clicked, this, [this, b](bool checked) {
            setBucket(checked ? std::optional<DeadlineBucket>(b) : std::nullopt);
            emit bucketChosen(m_bucket);
        });
        m_buttons[size_t(b)] = button;
        layout->addWidget(button);
    }
    layout->addStretch(1);
    retranslate();
}

void QueueCountsBar::setCounts(const QueueCounts& counts)
{
    m_counts = counts;
    retranslate();
}

void QueueCountsBar::setBucket(std::optional<DeadlineBucket> bucket)
{
    m_bucket = bucket;
    for (DeadlineBucket b : kBuckets)
        m_buttons[size_t(b)]->setChecked(bucket == b);
}

QString QueueCountsBar::text(DeadlineBucket bucket) const
{
    return m_buttons[size_t(bucket)]->text();
}

void QueueCountsBar::retranslate()
{
    const QLocale locale;
    for (DeadlineBucket b : kBuckets) {
        QString name, tip;
        switch (b) {
        case DeadlineBucket::Overdue:
            name = tr("Overdue");
            tip = tr("Pending submissions past their 48-hour deadline");
            break;
        case DeadlineBucket::Within6h:
            name = tr("< 6 h");
            tip = tr("Pending submissions due within 6 hours");
            break;
        case DeadlineBucket::Within24h:
            name = tr("< 24 h");
            tip = tr("Pending submissions due in 6 to 24 hours");
            break;
        case DeadlineBucket::Later:
            name = tr("Later");
            tip = tr("Pending submissions due in 24 hours or more");
            break;
        }
        const QString count = m_counts ? locale.toString(m_counts->forBucket(b)) : QStringLiteral("…");
        QToolButton* button = m_buttons[size_t(b)];
        button->setText(QStringLiteral("%1 %2 %3").arg(QString::fromUtf8(styleOf(b).symbol), name, count));
        button->setToolTip(tip + QLatin1Char('\n') + tr("Click to show only these; click again to show all."));
        button->setAccessibleName(QStringLiteral("%1: %2").arg(name, count));
    }
}

void QueueCountsBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace pd
