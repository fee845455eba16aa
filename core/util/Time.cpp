#include "core/util/Time.h"

#include <QMutex>
#include <QTimeZone>

namespace pd {

namespace {
QMutex g_clockMutex;
std::function<QDateTime()> g_clock;
} // namespace

QString toDbTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime fromDbTime(const QString& text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QDateTime utcNow()
{
    QMutexLocker lock(&g_clockMutex);
    return g_clock ? g_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

void setClockForTesting(std::function<QDateTime()> clock)
{
    QMutexLocker lock(&g_clockMutex);
    g_clock = std::move(clock);
}

} // namespace pd
