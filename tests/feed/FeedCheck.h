#pragma once

// Compares the store with the simulator's pending submissions, field by field.
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/util/Time.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace pd::test {

// Empty when the store holds exactly the platform's data (each item once, nothing else);
// otherwise the differences, one per line.
inline QStringList differences(const Store& store, const QJsonArray& items)
{
    QStringList diff;
    const Database& db = store.db();
    QSet<QString> numbers;
    int photoRows = 0;
    for (const QJsonValue& v : items) {
        const QJsonObject item = v.toObject();
        const QString id = item.value(QStringLiteral("attempt_id")).toString();
        const auto attempt = AttemptRepository(db).findByExternalId(id);
        if (!attempt) {
            diff << id + QStringLiteral(": missing");
            continue;
        }
        if (attempt->version != item.value(QStringLiteral("version")).toInt())
            diff << id + QStringLiteral(": version");
        if (toDbTime(attempt->paidAt) != item.value(QStringLiteral("paid_at")).toString())
            diff << id + QStringLiteral(": paid_at ") + toDbTime(attempt->paidAt) + QLatin1Char('/') + item.value(QStringLiteral("paid_at")).toString();
        const auto student = StudentRepository(db).find(attempt->studentId);
        const QJsonObject st = item.value(QStringLiteral("student")).toObject();
        numbers.insert(student->studentNumber);
        if (student->studentNumber != st.value(QStringLiteral("student_number")).toString() || student->name != st.value(QStringLiteral("name")).toString()
            || student->phone != st.value(QStringLiteral("phone")).toString() || student->nationalId != st.value(QStringLiteral("national_id")).toString()
            || student->programme != st.value(QStringLiteral("programme")).toString() || student->level != st.value(QStringLiteral("level")).toString())
            diff << id + QStringLiteral(": student record");
        for (const QJsonValue& pv : item.value(QStringLiteral("photos")).toArray()) {
            const QJsonObject p = pv.toObject();
            const auto role = photoRoleFromString(p.value(QStringLiteral("role")).toString()).value();
            const auto stored = role == PhotoRole::Submitted ? PhotoRepository(db).submittedFor(attempt->id)
                                                             : PhotoRepository(db).referenceFor(attempt->studentId, role);
            if (!stored || stored->sha256 != p.value(QStringLiteral("sha256")).toString()
                || stored->byteSize != p.value(QStringLiteral("size")).toInteger())
                diff << id + QStringLiteral(": photo ") + p.value(QStringLiteral("role")).toString();
            else if (!store.blobs().get(stored->sha256).ok())
                diff << id + QStringLiteral(": photo bytes ") + p.value(QStringLiteral("role")).toString();
            photoRows += role == PhotoRole::Submitted ? 1 : 0;
        }
    }
    const int attempts = Sql(db, QStringLiteral("SELECT COUNT(*) FROM attempts")).scalar().toInt();
    if (attempts != items.size())
        diff << QStringLiteral("attempts: %1 stored, %2 on the platform").arg(attempts).arg(items.size());
    const int students = Sql(db, QStringLiteral("SELECT COUNT(*) FROM students")).scalar().toInt();
    if (students != numbers.size())
        diff << QStringLiteral("students: %1 stored, %2 on the platform").arg(students).arg(numbers.size());
    const int photos = Sql(db, QStringLiteral("SELECT COUNT(*) FROM photos")).scalar().toInt();
    if (photos != photoRows + 2 * int(numbers.size()))
        diff << QStringLiteral("photos: %1 rows, expected %2").arg(photos).arg(photoRows + 2 * numbers.size());
    return diff;
}

} // namespace pd::test
