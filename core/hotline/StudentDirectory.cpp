#include "core/hotline/StudentDirectory.h"

#include "core/audit/AuditLog.h"
#include "core/hotline/Masking.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace pd {

namespace {
Error forbidden(const Session& who)
{
    return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not look up students").arg(who.username)};
}

QString likePrefix(QString s)
{
    s.remove(QLatin1Char('%')).remove(QLatin1Char('_'));
    return s + QLatin1Char('%');
}
} // namespace

StudentDirectory::StudentDirectory(std::shared_ptr<const Store> store) : m_store(std::move(store)) {}

bool StudentDirectory::mayReveal(Role r, Field f)
{
    // Agents call students back, so they may see a phone number; the full ID number is only
    // for supervisors and administrators (e.g. a dispute with the national system).
    if (f == Field::Phone)
        return maySearch(r);
    return r == Role::Supervisor || r == Role::Administrator;
}

Result<std::vector<StudentSummary>> StudentDirectory::search(const Session& who, const QString& queryIn, int limit) const
{
    if (!maySearch(who.role))
        return forbidden(who);
    const QString query = queryIn.trimmed();
    if (query.isEmpty())
        return std::vector<StudentSummary>{};
    static const QRegularExpression idTail(QStringLiteral("^[0-9]{3,5}[0-9Xx]$"));
    QString where = QStringLiteral("s.name LIKE :q1 OR s.student_number LIKE :q2 OR s.phone LIKE :q3");
    if (idTail.match(query).hasMatch())
        where += QStringLiteral(" OR s.national_id LIKE :tail");
    try {
        Sql q(m_store->db(),
              QStringLiteral("SELECT s.id, s.name, s.student_number, s.national_id, s.phone, s.programme, s.level, "
                             "(SELECT COUNT(*) FROM attempts a WHERE a.student_id = s.id), "
                             "(SELECT a.state FROM attempts a WHERE a.student_id = s.id ORDER BY a.paid_at DESC, a.id DESC LIMIT 1) "
                             "FROM students s WHERE %1 ORDER BY s.name, s.student_number LIMIT :limit")
                  .arg(where));
        q.bind(QStringLiteral(":q1"), likePrefix(query))
            .bind(QStringLiteral(":q2"), likePrefix(query))
            .bind(QStringLiteral(":q3"), likePrefix(query))
            .bind(QStringLiteral(":limit"), limit);
        if (idTail.match(query).hasMatch())
            q.bind(QStringLiteral(":tail"), QLatin1Char('%') + query.toUpper());
        q.exec();
        std::vector<StudentSummary> result;
        while (q.next()) {
            StudentSummary s;
            s.id = q.value(0).toLongLong();
            s.name = q.value(1).toString();
            s.studentNumber = q.value(2).toString();
            s.nationalIdMasked = maskNationalId(q.value(3).toString());
            s.phoneMasked = maskPhone(q.value(4).toString());
            s.programme = q.value(5).toString();
            s.level = q.value(6).toString();
            s.attempts = q.value(7).toInt();
            s.latestState = q.value(8).toString();
            result.push_back(s);
        }
        return result;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<QString> StudentDirectory::reveal(const Session& who, Id studentId, Field field) const
{
    if (!mayReveal(who.role, field))
        return Error{QStringLiteral("forbidden"), QStringLiteral("%1 may not see this in full").arg(who.username)};
    try {
        Transaction tx(m_store->db());
        const auto student = StudentRepository(m_store->db()).find(studentId);
        if (!student)
            return Error{QStringLiteral("not-found"), QStringLiteral("no student %1").arg(studentId)};
        AuditEvent e = AuditEvent::by(who, QStringLiteral("pii.reveal"), QStringLiteral("student"), QString::number(studentId));
        e.after = QStringLiteral("{\"field\":\"%1\"}").arg(field == Field::Phone ? QStringLiteral("phone") : QStringLiteral("national_id"));
        AuditLog(m_store->db()).append(e);
        tx.commit();
        return field == Field::Phone ? student->phone : student->nationalId;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<std::vector<TimelineEntry>> StudentDirectory::timeline(const Session& who, Id studentId) const
{
    if (!maySearch(who.role))
        return forbidden(who);
    try {
        const Database& db = m_store->db();
        std::vector<TimelineEntry> entries;
        for (const Attempt& a : AttemptRepository(db).forStudent(studentId)) {
            TimelineEntry t;
            t.kind = TimelineEntry::Kind::Attempt;
            t.at = a.paidAt;
            t.attemptId = a.id;
            t.objectId = a.id;
            t.state = toString(a.state);
            t.text = a.externalId;
            entries.push_back(t);
        }
        Sql decisions(db, QStringLiteral("SELECT d.id, d.attempt_id, d.verdict, d.reasons, d.note, d.decided_at, u.display_name "
                                         "FROM decisions d JOIN attempts a ON a.id = d.attempt_id JOIN users u ON u.id = d.reviewer_id "
                                         "WHERE a.student_id = :s"));
        decisions.bind(QStringLiteral(":s"), studentId).exec();
        while (decisions.next()) {
            TimelineEntry t;
            t.kind = TimelineEntry::Kind::Decision;
            t.objectId = decisions.value(0).toLongLong();
            t.attemptId = decisions.value(1).toLongLong();
            t.state = decisions.value(2).toString();
            for (const QJsonValue& r : QJsonDocument::fromJson(decisions.value(3).toString().toUtf8()).array())
                t.reasons << r.toString();
            t.text = decisions.value(4).toString();
            t.at = fromDbTime(decisions.value(5).toString());
            t.actor = decisions.value(6).toString();
            entries.push_back(t);
        }
        Sql sms(db, QStringLiteral("SELECT o.id, o.attempt_id, o.state, o.payload, o.created_at FROM outbox o "
                                   "JOIN attempts a ON a.id = o.attempt_id WHERE a.student_id = :s AND o.channel = 'sms'"));
        sms.bind(QStringLiteral(":s"), studentId).exec();
        while (sms.next()) {
            TimelineEntry t;
            t.kind = TimelineEntry::Kind::Sms;
            t.objectId = sms.value(0).toLongLong();
            t.attemptId = sms.value(1).toLongLong();
            t.state = sms.value(2).toString();
            t.text = QJsonDocument::fromJson(sms.value(3).toString().toUtf8()).object().value(QStringLiteral("text")).toString();
            t.at = fromDbTime(sms.value(4).toString());
            entries.push_back(t);
        }
        Sql notes(db, QStringLiteral("SELECT n.id, n.note, n.created_at, u.display_name FROM call_notes n "
                                     "JOIN users u ON u.id = n.author_id WHERE n.student_id = :s"));
        notes.bind(QStringLiteral(":s"), studentId).exec();
        while (notes.next()) {
            TimelineEntry t;
            t.kind = TimelineEntry::Kind::CallNote;
            t.objectId = notes.value(0).toLongLong();
            t.text = notes.value(1).toString();
            t.at = fromDbTime(notes.value(2).toString());
            t.actor = notes.value(3).toString();
            entries.push_back(t);
        }
        // Same instant: attempt before its decision before its SMS.
        std::stable_sort(entries.begin(), entries.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
            return a.at != b.at ? a.at < b.at : int(a.kind) < int(b.kind);
        });
        return entries;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<Id> StudentDirectory::addCallNote(const Session& who, Id studentId, const QString& noteIn) const
{
    if (!maySearch(who.role))
        return forbidden(who);
    const QString note = noteIn.trimmed();
    if (note.isEmpty())
        return Error{QStringLiteral("invalid-note"), QStringLiteral("the call note is empty")};
    try {
        const Database& db = m_store->db();
        Transaction tx(db);
        if (!StudentRepository(db).find(studentId))
            return Error{QStringLiteral("not-found"), QStringLiteral("no student %1").arg(studentId)};
        const QString now = toDbTime(utcNow());
        const Id id = Sql(db, QStringLiteral("INSERT INTO call_notes (student_id, author_id, note, created_at) "
                                             "VALUES (:s, :a, :n, :t) RETURNING id"))
                          .bind(QStringLiteral(":s"), studentId)
                          .bind(QStringLiteral(":a"), who.userId)
                          .bind(QStringLiteral(":n"), note)
                          .bind(QStringLiteral(":t"), now)
                          .insertReturningId();
        AuditEvent e = AuditEvent::by(who, QStringLiteral("call.note"), QStringLiteral("student"), QString::number(studentId));
        e.after = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("note"), id}}).toJson(QJsonDocument::Compact));
        AuditLog(db).append(e);
        tx.commit();
        return id;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
