#include "widgets/ReviewSplitter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QSettings>

namespace pd {

namespace {
constexpr auto kColumnsKey = "review/columns"; // queue width, side width
constexpr auto kSideKey = "review/side";       // faces height, rules height

// The window's layout is not a desk setting (core/config): a file of its own beside them.
struct LayoutSettings : QSettings {
    LayoutSettings()
        : QSettings(QSettings::IniFormat, QSettings::UserScope,
                    QCoreApplication::organizationName().isEmpty() ? QCoreApplication::applicationName() : QCoreApplication::organizationName(),
                    QStringLiteral("review-layout"))
    {
    }
};

QList<int> readSizes(const QSettings& settings, const char* key)
{
    QList<int> sizes;
    for (const QVariant& v : settings.value(QLatin1String(key)).toList())
        sizes << qMax(0, v.toInt());
    return sizes.size() == 2 ? sizes : QList<int>{};
}

QVariantList toVariant(const QList<int>& sizes)
{
    QVariantList list;
    for (int size : sizes)
        list << size;
    return list;
}

// `fixed` parts keep their size, the one at `rest` gets what is left of `total`.
QList<int> withRest(int total, const QList<int>& fixed, int rest)
{
    QList<int> sizes = fixed;
    int left = total;
    for (int size : fixed)
        left -= size;
    sizes.insert(rest, qMax(0, left));
    return sizes;
}
} // namespace

ReviewSplitter::ReviewSplitter(QWidget* queue, QWidget* photos, QWidget* side, QSplitter* sideSplit, QWidget* parent)
    : QSplitter(Qt::Horizontal, parent), m_side(sideSplit)
{
    setObjectName(QStringLiteral("reviewSplitter"));
    addWidget(queue);
    addWidget(photos);
    addWidget(side);
    setChildrenCollapsible(false);
    setCollapsible(Queue, true); // only the queue folds away; photos and decision always stay
    m_side->setChildrenCollapsible(false);
    m_side->installEventFilter(this);

    const LayoutSettings settings;
    m_chosen = readSizes(settings, kColumnsKey);
    m_chosenSide = readSizes(settings, kSideKey);
    if (m_chosen.isEmpty() || m_chosenSide.isEmpty()) {
        m_chosen.clear();
        m_chosenSide.clear();
    }
    // splitterMoved comes from the reviewer's drags only (not from setSizes).
    connect(this, &QSplitter::splitterMoved, this, &ReviewSplitter::choose);
    connect(m_side, &QSplitter::splitterMoved, this, &ReviewSplitter::choose);
}

QList<int> ReviewSplitter::defaultSizes(int width)
{
    const int queue = width >= 1600 ? qBound(260, width * 15 / 100, 300) : 0;
    const int side = qBound(320, width * 22 / 100, 420);
    return withRest(width, {queue, side}, Photos);
}

QList<int> ReviewSplitter::defaultSideSizes(int height, int facesHint, int rulesHint)
{
    return withRest(height, {qMin(facesHint, height * 32 / 100), qMin(rulesHint, height * 18 / 100)}, 2);
}

bool ReviewSplitter::queueCollapsed() const
{
    return sizes().value(Queue) == 0;
}

void ReviewSplitter::setQueueCollapsed(bool collapsed)
{
    if (collapsed == queueCollapsed())
        return;
    QList<int> now = sizes();
    const int queue = collapsed ? 0 : qMax(widget(Queue)->minimumSizeHint().width(), defaultSizes(1600).at(Queue));
    now[Photos] = qMax(0, now[Photos] + now[Queue] - queue);
    now[Queue] = queue;
    setSizes(now);
    choose();
}

void ReviewSplitter::resizeEvent(QResizeEvent* event)
{
    QSplitter::resizeEvent(event);
    layOutColumns();
}

bool ReviewSplitter::eventFilter(QObject* watched, QEvent* event)
{
    // After the side column has laid out its parts at the new size (their size hints follow
    // its width: the chips are square), so queued.
    if (watched == m_side && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &ReviewSplitter::layOutSide, Qt::QueuedConnection);
    return QSplitter::eventFilter(watched, event);
}

// What the parts share: the splitter's own sizes after it laid itself out (handles excluded).
static int total(const QSplitter* splitter)
{
    int sum = 0;
    for (int size : splitter->sizes())
        sum += size;
    return sum;
}

void ReviewSplitter::layOutColumns()
{
    const int width = total(this);
    QList<int> chosen = m_chosen;
    if (!chosen.isEmpty() && chosen[0] > 0) // unfolded: at least as wide as it must be (the photos give way)
        chosen[0] = qMax(chosen[0], widget(Queue)->minimumSizeHint().width());
    setSizes(chosen.isEmpty() ? defaultSizes(width) : withRest(width, chosen, Photos));
    notifyCollapsed();
}

void ReviewSplitter::layOutSide()
{
    const int height = total(m_side);
    m_side->setSizes(m_chosenSide.isEmpty()
                         ? defaultSideSizes(height, m_side->widget(0)->sizeHint().height(), m_side->widget(1)->sizeHint().height())
                         : withRest(height, m_chosenSide, 2));
}

void ReviewSplitter::notifyCollapsed()
{
    if (const bool collapsed = queueCollapsed(); collapsed != m_lastCollapsed) {
        m_lastCollapsed = collapsed;
        emit queueCollapsedChanged(collapsed);
    }
}

void ReviewSplitter::choose()
{
    const QList<int> columns = sizes();
    const QList<int> parts = m_side->sizes();
    m_chosen = {columns[Queue], columns[Side]};
    m_chosenSide = {parts[0], parts[1]};
    LayoutSettings settings;
    settings.setValue(QLatin1String(kColumnsKey), toVariant(m_chosen));
    settings.setValue(QLatin1String(kSideKey), toVariant(m_chosenSide));
    notifyCollapsed();
}

} // namespace pd
