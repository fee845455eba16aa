#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

namespace pd {

// All times are stored as UTC ISO-8601 text with milliseconds ("2026-11-25T08:00:00.000Z"):
// portable across SQLite and PostgreSQL and ordered correctly as plain strings.
QString toDbTime(const QDateTime& t);
QDateTime fromDbTime(const QString& text);

// The current UTC time. Tests replace it to make deadlines and leases deterministic.
QDateTime utcNow();
void setClockForTesting(std::function<QDateTime()> clock); // empty function restores the real clock

} // namespace pd
