#include "core/store/Repositories.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pd {

namespace {
const QString kAttemptColumns = QStringLiteral(
    "id, student_id, external_id, version, state, paid_at, deadline, claimed_by, lease_until, created_at");

Attempt readAttempt(const Sql& q)
{
    Attempt a;
    a.id = q.value(0).toLongLong();
    a.studentId = q.value(1).toLongLong();
    a.externalId = q.value(2).toString();
    a.version = q.value(3).toInt();
    a.state = attemptStateFromString(q.value(4).toString()).value_or(AttemptState::Pending);
    a.paidAt = fromDbTime(q.value(5).toString());
    a.deadline = fromDbTime(q.value(6).toString());
    a.claimedBy = q.value(7).toLongLong();
    a.leaseUntil = fromDbTime(q.value(8).toString());
    a.createdAt = fromDbTime(q.value(9).toString());
    return a;
}

const QString kStudentColumns = QStringLiteral("id, student_number, name, national_id, phone, programme, level, cohort");

Student readStudent(const Sql& q)
{
    return Student{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                   q.value(4).toString(),   q.value(5).toString(), q.value(6).toString(), q.value(7).toString()};
}

const QString kPhotoColumns = QStringLiteral("id, student_id, attempt_id, role, sha256, byte_size, file_name");

Photo readPhoto(const Sql& q)
{
    Photo p;
    p.id = q.value(0).toLongLong();
    p.studentId = q.value(1).toLongLong();
    p.attemptId = q.value(2).toLongLong();
    p.role = photoRoleFromString(q.value(3).toString()).value_or(PhotoRole::Submitted);
    p.sha256 = q.value(4).toString();
    p.byteSize = q.value(5).toLongLong();
    p.fileName = q.value(6).toString();
    return p;
}

const QString kUserColumns =
    QStringLiteral("id, username, display_name, role, must_change_password, disabled, failed_logins, locked_until");

User readUser(const Sql& q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = roleFromString(q.value(3).toString()).value_or(Role::Reviewer);
    u.mustChangePassword = q.value(4).toInt() != 0;
    u.disabled = q.value(5).toInt() != 0;
    u.failedLogins = q.value(6).toInt();
    u.lockedUntil = fromDbTime(q.value(7).toString());
    return u;
}

QVariant nullableId(Id id) { return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong)); }
QVariant nullableTime(const QDateTime& t) { return t.isValid() ? QVariant(toDbTime(t)) : QVariant(QMetaType(QMetaType::QString)); }
} // namespace

// ---------------------------------------------------------------- students

Id StudentRepository::upsert(const Student& s) const
{
    const QString now = toDbTime(utcNow());
    if (auto existing = findByNumber(s.studentNumber)) {
        // An empty cohort means "not said" (the platform's field is optional): it keeps the one known.
        Sql(m_db, QStringLiteral("UPDATE students SET name = :name, national_id = :nid, phone = :phone, "
                                 "programme = :prog, level = :level, cohort = CASE WHEN :cohort = '' THEN cohort ELSE :cohort2 END, "
                                 "updated_at = :now WHERE id = :id"))
            .bind(QStringLiteral(":name"), s.name)
            .bind(QStringLiteral(":nid"), s.nationalId)
            .bind(QStringLiteral(":phone"), s.phone)
            .bind(QStringLiteral(":prog"), s.programme)
            .bind(QStringLiteral(":level"), s.level)
            .bind(QStringLiteral(":cohort"), s.cohort)
            .bind(QStringLiteral(":cohort2"), s.cohort)
            .bind(QStringLiteral(":now"), now)
            .bind(QStringLiteral(":id"), existing->id)
            .exec();
        return existing->id;
    }
    return Sql(m_db, QStringLiteral("INSERT INTO students (student_number, name, national_id, phone, programme, level, "
                                    "cohort, created_at, updated_at) VALUES (:num, :name, :nid, :phone, :prog, :level, :cohort, :now, :now2) "
                                    "RETURNING id"))
        .bind(QStringLiteral(":num"), s.studentNumber)
        .bind(QStringLiteral(":name"), s.name)
        .bind(QStringLiteral(":nid"), s.nationalId)
        .bind(QStringLiteral(":phone"), s.phone)
        .bind(QStringLiteral(":prog"), s.programme)
        .bind(QStringLiteral(":level"), s.level)
        .bind(QStringLiteral(":cohort"), s.cohort)
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":now2"), now)
        .insertReturningId();
}

std::optional<Student> StudentRepository::find(Id id) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM students WHERE id = :id").arg(kStudentColumns));
    q.bind(QStringLiteral(":id"), id).exec();
    return q.next() ? std::optional(readStudent(q)) : std::nullopt;
}

std::optional<Student> StudentRepository::findByNumber(const QString& studentNumber) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM students WHERE student_number = :n").arg(kStudentColumns));
    q.bind(QStringLiteral(":n"), studentNumber).exec();
    return q.next() ? std::optional(readStudent(q)) : std::nullopt;
}

// ---------------------------------------------------------------- attempts

Id AttemptRepository::insert(const Attempt& a) const
{
    const QString now = toDbTime(utcNow());
    return Sql(m_db, QStringLiteral("INSERT INTO attempts (student_id, external_id, version, state, paid_at, deadline, "
                                    "created_at, updated_at) VALUES (:sid, :ext, :ver, :state, :paid, :deadline, :now, :now2) "
                                    "RETURNING id"))
        .bind(QStringLiteral(":sid"), a.studentId)
        .bind(QStringLiteral(":ext"), a.externalId)
        .bind(QStringLiteral(":ver"), a.version)
        .bind(QStringLiteral(":state"), toString(a.state))
        .bind(QStringLiteral(":paid"), toDbTime(a.paidAt))
        .bind(QStringLiteral(":deadline"), toDbTime(a.paidAt.addSecs(qint64(kReviewDeadlineHours) * 3600)))
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":now2"), now)
        .insertReturningId();
}

std::optional<Attempt> AttemptRepository::find(Id id) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM attempts WHERE id = :id").arg(kAttemptColumns));
    q.bind(QStringLiteral(":id"), id).exec();
    return q.next() ? std::optional(readAttempt(q)) : std::nullopt;
}

std::optional<Attempt> AttemptRepository::findByExternalId(const QString& externalId) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM attempts WHERE external_id = :e").arg(kAttemptColumns));
    q.bind(QStringLiteral(":e"), externalId).exec();
    return q.next() ? std::optional(readAttempt(q)) : std::nullopt;
}

std::vector<Attempt> AttemptRepository::forStudent(Id studentId) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM attempts WHERE student_id = :s ORDER BY paid_at, id").arg(kAttemptColumns));
    q.bind(QStringLiteral(":s"), studentId).exec();
    std::vector<Attempt> result;
    while (q.next())
        result.push_back(readAttempt(q));
    return result;
}

int AttemptRepository::countInState(AttemptState s) const
{
    return Sql(m_db, QStringLiteral("SELECT COUNT(*) FROM attempts WHERE state = :s"))
        .bind(QStringLiteral(":s"), toString(s))
        .scalar()
        .toInt();
}

// ---------------------------------------------------------------- photos

Id PhotoRepository::insert(const Photo& p) const
{
    return Sql(m_db, QStringLiteral("INSERT INTO photos (student_id, attempt_id, role, sha256, byte_size, file_name, created_at) "
                                    "VALUES (:sid, :aid, :role, :sha, :size, :name, :now) RETURNING id"))
        .bind(QStringLiteral(":sid"), p.studentId)
        .bind(QStringLiteral(":aid"), nullableId(p.attemptId))
        .bind(QStringLiteral(":role"), toString(p.role))
        .bind(QStringLiteral(":sha"), p.sha256)
        .bind(QStringLiteral(":size"), p.byteSize)
        .bind(QStringLiteral(":name"), p.fileName)
        .bind(QStringLiteral(":now"), toDbTime(utcNow()))
        .insertReturningId();
}

std::optional<Photo> PhotoRepository::submittedFor(Id attemptId) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM photos WHERE attempt_id = :a AND role = 'submitted'").arg(kPhotoColumns));
    q.bind(QStringLiteral(":a"), attemptId).exec();
    return q.next() ? std::optional(readPhoto(q)) : std::nullopt;
}

std::optional<Photo> PhotoRepository::referenceFor(Id studentId, PhotoRole role) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM photos WHERE student_id = :s AND role = :r ORDER BY id DESC LIMIT 1")
                    .arg(kPhotoColumns));
    q.bind(QStringLiteral(":s"), studentId).bind(QStringLiteral(":r"), toString(role)).exec();
    return q.next() ? std::optional(readPhoto(q)) : std::nullopt;
}

std::vector<Photo> PhotoRepository::forStudent(Id studentId) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM photos WHERE student_id = :s ORDER BY id").arg(kPhotoColumns));
    q.bind(QStringLiteral(":s"), studentId).exec();
    std::vector<Photo> result;
    while (q.next())
        result.push_back(readPhoto(q));
    return result;
}

// ---------------------------------------------------------------- decisions

Id DecisionRepository::insert(const Decision& d) const
{
    return Sql(m_db, QStringLiteral("INSERT INTO decisions (attempt_id, verdict, reasons, note, reviewer_id, decided_at, lane) "
                                    "VALUES (:a, :v, :r, :n, :u, :t, :l) RETURNING id"))
        .bind(QStringLiteral(":a"), d.attemptId)
        .bind(QStringLiteral(":v"), toString(d.verdict))
        .bind(QStringLiteral(":r"), QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(d.reasons)).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":n"), d.note)
        .bind(QStringLiteral(":u"), d.reviewerId)
        .bind(QStringLiteral(":t"), toDbTime(d.decidedAt))
        .bind(QStringLiteral(":l"), d.lane.isEmpty() ? QStringLiteral("standard") : d.lane)
        .insertReturningId();
}

std::optional<Decision> DecisionRepository::forAttempt(Id attemptId) const
{
    Sql q(m_db, QStringLiteral("SELECT id, attempt_id, verdict, reasons, note, reviewer_id, decided_at, lane FROM decisions "
                               "WHERE attempt_id = :a"));
    q.bind(QStringLiteral(":a"), attemptId).exec();
    if (!q.next())
        return std::nullopt;
    Decision d;
    d.id = q.value(0).toLongLong();
    d.attemptId = q.value(1).toLongLong();
    d.verdict = verdictFromString(q.value(2).toString()).value_or(Verdict::Approve);
    for (const QJsonValue& v : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array())
        d.reasons << v.toString();
    d.note = q.value(4).toString();
    d.reviewerId = q.value(5).toLongLong();
    d.decidedAt = fromDbTime(q.value(6).toString());
    d.lane = q.value(7).toString();
    return d;
}

int DecisionRepository::count() const
{
    return Sql(m_db, QStringLiteral("SELECT COUNT(*) FROM decisions")).scalar().toInt();
}

// ---------------------------------------------------------------- users

Id UserRepository::insert(const User& u, const PasswordRecord& password) const
{
    return Sql(m_db, QStringLiteral("INSERT INTO users (username, display_name, role, password_hash, password_salt, "
                                    "password_iterations, must_change_password, disabled, created_at) "
                                    "VALUES (:u, :d, :r, :h, :s, :i, :m, :dis, :now) RETURNING id"))
        .bind(QStringLiteral(":u"), u.username)
        .bind(QStringLiteral(":d"), u.displayName)
        .bind(QStringLiteral(":r"), toString(u.role))
        .bind(QStringLiteral(":h"), password.hash)
        .bind(QStringLiteral(":s"), password.salt)
        .bind(QStringLiteral(":i"), password.iterations)
        .bind(QStringLiteral(":m"), u.mustChangePassword ? 1 : 0)
        .bind(QStringLiteral(":dis"), u.disabled ? 1 : 0)
        .bind(QStringLiteral(":now"), toDbTime(utcNow()))
        .insertReturningId();
}

std::optional<User> UserRepository::find(Id id) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM users WHERE id = :id").arg(kUserColumns));
    q.bind(QStringLiteral(":id"), id).exec();
    return q.next() ? std::optional(readUser(q)) : std::nullopt;
}

std::optional<User> UserRepository::findByUsername(const QString& username) const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM users WHERE username = :u").arg(kUserColumns));
    q.bind(QStringLiteral(":u"), username).exec();
    return q.next() ? std::optional(readUser(q)) : std::nullopt;
}

std::optional<PasswordRecord> UserRepository::passwordOf(Id userId) const
{
    Sql q(m_db, QStringLiteral("SELECT password_hash, password_salt, password_iterations FROM users WHERE id = :id"));
    q.bind(QStringLiteral(":id"), userId).exec();
    if (!q.next())
        return std::nullopt;
    return PasswordRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()};
}

void UserRepository::recordFailedLogin(Id userId, int failedLogins, const QDateTime& lockedUntil) const
{
    Sql(m_db, QStringLiteral("UPDATE users SET failed_logins = :f, locked_until = :l WHERE id = :id"))
        .bind(QStringLiteral(":f"), failedLogins)
        .bind(QStringLiteral(":l"), nullableTime(lockedUntil))
        .bind(QStringLiteral(":id"), userId)
        .exec();
}

void UserRepository::recordSuccessfulLogin(Id userId) const
{
    Sql(m_db, QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :id"))
        .bind(QStringLiteral(":id"), userId)
        .exec();
}

void UserRepository::setPassword(Id userId, const PasswordRecord& password, bool mustChange) const
{
    Sql(m_db, QStringLiteral("UPDATE users SET password_hash = :h, password_salt = :s, password_iterations = :i, "
                             "must_change_password = :m WHERE id = :id"))
        .bind(QStringLiteral(":h"), password.hash)
        .bind(QStringLiteral(":s"), password.salt)
        .bind(QStringLiteral(":i"), password.iterations)
        .bind(QStringLiteral(":m"), mustChange ? 1 : 0)
        .bind(QStringLiteral(":id"), userId)
        .exec();
}

std::vector<User> UserRepository::all() const
{
    Sql q(m_db, QStringLiteral("SELECT %1 FROM users ORDER BY username").arg(kUserColumns));
    q.exec();
    std::vector<User> users;
    while (q.next())
        users.push_back(readUser(q));
    return users;
}

int UserRepository::count() const
{
    return Sql(m_db, QStringLiteral("SELECT COUNT(*) FROM users")).scalar().toInt();
}

// ---------------------------------------------------------------- outbox

Id OutboxRepository::enqueue(const OutboxMessage& m) const
{
    const QString now = toDbTime(utcNow());
    return Sql(m_db, QStringLiteral("INSERT INTO outbox (channel, idempotency_key, attempt_id, payload, state, tries, "
                                    "next_try_at, created_at, updated_at) VALUES (:c, :k, :a, :p, 'pending', 0, :now, :now2, :now3) "
                                    "RETURNING id"))
        .bind(QStringLiteral(":c"), m.channel)
        .bind(QStringLiteral(":k"), m.idempotencyKey)
        .bind(QStringLiteral(":a"), nullableId(m.attemptId))
        .bind(QStringLiteral(":p"), QString::fromUtf8(QJsonDocument(m.payload).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":now2"), now)
        .bind(QStringLiteral(":now3"), now)
        .insertReturningId();
}

std::vector<OutboxMessage> OutboxRepository::forAttempt(Id attemptId) const
{
    Sql q(m_db, QStringLiteral("SELECT id, channel, idempotency_key, attempt_id, payload, state, tries FROM outbox "
                               "WHERE attempt_id = :a ORDER BY id"));
    q.bind(QStringLiteral(":a"), attemptId).exec();
    std::vector<OutboxMessage> result;
    while (q.next()) {
        result.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                          QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object(), q.value(5).toString(),
                          q.value(6).toInt()});
    }
    return result;
}

int OutboxRepository::count() const
{
    return Sql(m_db, QStringLiteral("SELECT COUNT(*) FROM outbox")).scalar().toInt();
}

} // namespace pd
