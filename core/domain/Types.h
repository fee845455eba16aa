#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace pd {

// Database ids. 0 means "not stored yet".
using Id = qint64;

enum class Role { Reviewer, HotlineAgent, Supervisor, Administrator };
enum class AttemptState { Pending, Approved, Rejected };
enum class PhotoRole { Submitted, Enrollment, IdCard };
enum class Verdict { Approve, Reject };

// Stable text forms, used in the database, JSON and logs (never translated).
QString toString(Role r);
QString toString(AttemptState s);
QString toString(PhotoRole r);
QString toString(Verdict v);
std::optional<Role> roleFromString(const QString& s);
std::optional<AttemptState> attemptStateFromString(const QString& s);
std::optional<PhotoRole> photoRoleFromString(const QString& s);
std::optional<Verdict> verdictFromString(const QString& s);

struct Student {
    Id id = 0;
    QString studentNumber;
    QString name;
    QString nationalId;
    QString phone;
    QString programme;
    QString level;
    // Graduating class (届, e.g. "2025") as the platform or the demo data gives it; empty =
    // unknown (never guessed from the student number, migration 0041).
    QString cohort;
};

struct Attempt {
    Id id = 0;
    Id studentId = 0;
    QString externalId; // the collection platform's id of this attempt
    int version = 1;
    AttemptState state = AttemptState::Pending;
    QDateTime paidAt;
    QDateTime deadline; // paidAt + 48 h
    Id claimedBy = 0;
    QDateTime leaseUntil;
    QDateTime createdAt;
};

struct Photo {
    Id id = 0;
    Id studentId = 0;
    Id attemptId = 0; // only for PhotoRole::Submitted
    PhotoRole role = PhotoRole::Submitted;
    QString sha256; // hex; the blob's name in the content-addressed folder
    qint64 byteSize = 0;
    QString fileName; // as uploaded, for display only (the format is sniffed from the bytes)
};

struct Decision {
    Id id = 0;
    Id attemptId = 0;
    Verdict verdict = Verdict::Approve;
    QStringList reasons; // rule ids from the reason catalog
    QString note;
    Id reviewerId = 0;
    QDateTime decidedAt;
    QString lane = QStringLiteral("standard"); // standard | clean (the clean-lane grid, migration 0040)
};

struct User {
    Id id = 0;
    QString username;
    QString displayName;
    Role role = Role::Reviewer;
    bool mustChangePassword = false;
    bool disabled = false;
    int failedLogins = 0;
    QDateTime lockedUntil;
};

// Who is acting. Every core service that changes state takes one and checks its role.
struct Session {
    Id userId = 0;
    QString username;
    QString displayName;
    Role role = Role::Reviewer;
    bool mustChangePassword = false; // initial or reset password: the GUI asks for a new one first
};

constexpr int kReviewDeadlineHours = 48;

} // namespace pd
