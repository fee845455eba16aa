#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QStringList>

#include <memory>
#include <vector>

namespace pd {

class Store;

// A student as a search result: ID number and phone masked.
struct StudentSummary {
    Id id = 0;
    QString name;
    QString studentNumber;
    QString nationalIdMasked;
    QString phoneMasked;
    QString programme;
    QString level;
    int attempts = 0;
    QString latestState; // pending / approved / rejected, empty without attempts
};

// One line of a student's history, oldest first.
struct TimelineEntry {
    enum class Kind { Attempt, Decision, Sms, CallNote };
    Kind kind = Kind::Attempt;
    QDateTime at;
    Id attemptId = 0;
    Id objectId = 0;      // attempt, decision, outbox message or call note id
    QString state;        // attempt state, decision verdict, SMS state
    QStringList reasons;  // decision reasons (rule ids)
    QString actor;        // reviewer or agent name
    QString text;         // SMS text, call note, decision note
};

// What the hotline sees of students. Every method checks the caller's role; revealing a full
// ID number or phone number and adding a call note are audited.
class StudentDirectory {
public:
    enum class Field { NationalId, Phone };

    explicit StudentDirectory(std::shared_ptr<const Store> store);

    // Matches a name (prefix), a student number (prefix), a phone number (prefix) or the last
    // 4–6 characters of a national ID number. At most `limit` results.
    Result<std::vector<StudentSummary>> search(const Session& who, const QString& query, int limit = 50) const;
    Result<QString> reveal(const Session& who, Id studentId, Field field) const;
    Result<std::vector<TimelineEntry>> timeline(const Session& who, Id studentId) const;
    Result<Id> addCallNote(const Session& who, Id studentId, const QString& note) const;

    static bool maySearch(Role r) { return r == Role::HotlineAgent || r == Role::Supervisor || r == Role::Administrator; }
    static bool mayReveal(Role r, Field f);

private:
    std::shared_ptr<const Store> m_store;
};

} // namespace pd
