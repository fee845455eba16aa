#include "core/review/DuplicateIndex.h"

#include "core/store/Database.h"
#include "core/store/Sql.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QSqlQuery>

#include <bit>
#include <cstring>

namespace pd {
namespace {

qint64 toSigned(quint64 v)
{
    qint64 s;
    std::memcpy(&s, &v, sizeof s);
    return s;
}
quint64 toUnsigned(qint64 v)
{
    quint64 u;
    std::memcpy(&u, &v, sizeof u);
    return u;
}

// The 16-bit values within `radius` bits of `value` (radius 0: 1 value, 1: 17, 2: 137).
QStringList probes(int value, int radius)
{
    QStringList out{QString::number(value)};
    if (radius >= 1)
        for (int i = 0; i < 16; ++i) {
            out << QString::number(value ^ (1 << i));
            if (radius >= 2)
                for (int j = i + 1; j < 16; ++j)
                    out << QString::number(value ^ (1 << i) ^ (1 << j));
        }
    return out;
}

QStringList bandTerms(const QString& prefix, quint64 value, int maxDistance)
{
    QStringList terms;
    const int perBand = std::min(2, maxDistance / 4);
    for (int i = 0; i < 4; ++i)
        terms << QStringLiteral("%1%2 IN (%3)").arg(prefix).arg(i).arg(probes(DuplicateIndex::band(value, i), perBand).join(QLatin1Char(',')));
    return terms;
}

QVariant descriptorText(const QByteArray& descriptor)
{
    return descriptor.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(QString::fromLatin1(descriptor.toBase64()));
}

void insertOn(const QSqlDatabase& connection, const DuplicateIndex::Entry& e)
{
    Sql(connection, QStringLiteral("DELETE FROM photo_hashes WHERE photo_id = :p")).bind(QStringLiteral(":p"), e.photoId).exec();
    Sql q(connection, QStringLiteral("INSERT INTO photo_hashes (photo_id, student_id, role, phash, ph0, ph1, ph2, ph3, "
                                     "face_code, fc0, fc1, fc2, fc3, created_at, descriptor) VALUES (:p, :s, :r, :h, :h0, :h1, :h2, :h3, "
                                     ":f, :f0, :f1, :f2, :f3, :t, :d)"));
    q.bind(QStringLiteral(":p"), e.photoId).bind(QStringLiteral(":s"), e.studentId).bind(QStringLiteral(":r"), e.role)
        .bind(QStringLiteral(":h"), toSigned(e.phash)).bind(QStringLiteral(":t"), toDbTime(utcNow()));
    for (int i = 0; i < 4; ++i)
        q.bind(QStringLiteral(":h%1").arg(i), DuplicateIndex::band(e.phash, i));
    const QVariant nullInt(QMetaType(QMetaType::LongLong));
    q.bind(QStringLiteral(":f"), e.faceCode ? QVariant(toSigned(*e.faceCode)) : nullInt);
    for (int i = 0; i < 4; ++i)
        q.bind(QStringLiteral(":f%1").arg(i), e.faceCode ? QVariant(DuplicateIndex::band(*e.faceCode, i)) : nullInt);
    q.bind(QStringLiteral(":d"), descriptorText(e.descriptor));
    q.exec();
}

} // namespace

DuplicateIndex::DuplicateIndex(const Database& db) : m_db(db) {}

void DuplicateIndex::insert(const Entry& entry) const
{
    insertOn(m_db.connection(), entry);
}

void DuplicateIndex::insertMany(const std::vector<Entry>& entries) const
{
    Transaction tx(m_db);
    // One prepared statement for all rows (SQLite); the per-row DELETE is skipped here because a
    // bulk import starts from photos without hashes.
    Sql q(tx.connection(), QStringLiteral("INSERT INTO photo_hashes (photo_id, student_id, role, phash, ph0, ph1, ph2, ph3, "
                                          "face_code, fc0, fc1, fc2, fc3, created_at, descriptor) VALUES (:p, :s, :r, :h, :h0, :h1, :h2, :h3, "
                                          ":f, :f0, :f1, :f2, :f3, :t, :d)"));
    const QString now = toDbTime(utcNow());
    const QVariant nullInt(QMetaType(QMetaType::LongLong));
    for (const Entry& e : entries) {
        q.bind(QStringLiteral(":p"), e.photoId).bind(QStringLiteral(":s"), e.studentId).bind(QStringLiteral(":r"), e.role)
            .bind(QStringLiteral(":h"), toSigned(e.phash)).bind(QStringLiteral(":t"), now);
        for (int i = 0; i < 4; ++i)
            q.bind(QStringLiteral(":h%1").arg(i), band(e.phash, i));
        q.bind(QStringLiteral(":f"), e.faceCode ? QVariant(toSigned(*e.faceCode)) : nullInt);
        for (int i = 0; i < 4; ++i)
            q.bind(QStringLiteral(":f%1").arg(i), e.faceCode ? QVariant(band(*e.faceCode, i)) : nullInt);
        q.bind(QStringLiteral(":d"), descriptorText(e.descriptor));
        q.exec();
    }
    tx.commit();
}

QString DuplicateIndex::lookupSql(quint64 phash, int maxHashDistance, quint64 faceCode, int maxFaceCodeDistance)
{
    QStringList terms = bandTerms(QStringLiteral("ph"), phash, std::max(0, maxHashDistance));
    if (maxFaceCodeDistance >= 0)
        terms += bandTerms(QStringLiteral("fc"), faceCode, maxFaceCodeDistance);
    // Values are integers computed here, never user text, so they are written inline (one
    // statement text per query; up to 8 × 17 values).
    return QStringLiteral("SELECT photo_id, student_id, role, phash, face_code, descriptor FROM photo_hashes WHERE ") +
           terms.join(QLatin1String(" OR "));
}

std::vector<rules::DuplicateCandidate> DuplicateIndex::findNear(quint64 phash, int maxHashDistance, quint64 faceCode,
                                                                int maxFaceCodeDistance) const
{
    std::vector<rules::DuplicateCandidate> out;
    Sql q(m_db, lookupSql(phash, maxHashDistance, faceCode, maxFaceCodeDistance));
    q.exec();
    while (q.next()) {
        rules::DuplicateCandidate c;
        c.photoId = q.value(0).toLongLong();
        c.studentId = q.value(1).toLongLong();
        c.role = q.value(2).toString();
        c.hashDistance = std::popcount(toUnsigned(q.value(3).toLongLong()) ^ phash);
        if (!q.value(4).isNull() && maxFaceCodeDistance >= 0)
            c.faceCodeDistance = std::popcount(toUnsigned(q.value(4).toLongLong()) ^ faceCode);
        if (!q.value(5).isNull()) // NOT_REUSED confirms a face-code candidate with the real distance
            c.descriptor = QByteArray::fromBase64(q.value(5).toString().toLatin1());
        if (c.hashDistance <= maxHashDistance || (maxFaceCodeDistance >= 0 && c.faceCodeDistance <= maxFaceCodeDistance))
            out.push_back(std::move(c));
    }
    return out;
}

QString DuplicateIndex::explainLookup(quint64 phash, int maxHashDistance, quint64 faceCode, int maxFaceCodeDistance) const
{
    if (m_db.dialect() != SqlDialect::SQLite)
        return {};
    Sql q(m_db, QStringLiteral("EXPLAIN QUERY PLAN ") + lookupSql(phash, maxHashDistance, faceCode, maxFaceCodeDistance));
    q.exec();
    QStringList lines;
    while (q.next())
        lines << q.value(3).toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace pd
