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

// Sets the clock for a scope (tests, and the demo seeder when it back-dates its history) and
// restores the real clock afterwards.
class ScopedClock {
public:
    explicit ScopedClock(std::function<QDateTime()> clock) { setClockForTesting(std::move(clock)); }
    ~ScopedClock() { setClockForTesting({}); }
    ScopedClock(const ScopedClock&) = delete;
    ScopedClock& operator=(const ScopedClock&) = delete;
};

} // namespace pd
