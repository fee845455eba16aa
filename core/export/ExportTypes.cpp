#include "core/export/ExportTypes.h"

namespace pd {

QString toString(ExportKey k)
{
    return k == ExportKey::NationalId ? QStringLiteral("national-id") : QStringLiteral("student-number");
}

std::optional<ExportKey> exportKeyFromString(const QString& s)
{
    if (s == QLatin1String("national-id"))
        return ExportKey::NationalId;
    if (s == QLatin1String("student-number"))
        return ExportKey::StudentNumber;
    return std::nullopt;
}

QString toString(ExportState s)
{
    switch (s) {
    case ExportState::Approved: return QStringLiteral("approved");
    case ExportState::NotExported: return QStringLiteral("not-exported");
    case ExportState::Exported: return QStringLiteral("exported");
    }
    return {};
}

std::optional<ExportState> exportStateFromString(const QString& s)
{
    for (ExportState st : {ExportState::Approved, ExportState::NotExported, ExportState::Exported})
        if (toString(st) == s)
            return st;
    return std::nullopt;
}

QJsonObject ExportFilter::toJson() const
{
    QJsonObject o{{QStringLiteral("state"), toString(state)}};
    if (cohort)
        o.insert(QStringLiteral("cohort"), *cohort);
    if (major)
        o.insert(QStringLiteral("major"), *major);
    if (from.isValid())
        o.insert(QStringLiteral("from"), from.toString(Qt::ISODate));
    if (to.isValid())
        o.insert(QStringLiteral("to"), to.toString(Qt::ISODate));
    return o;
}

ExportFilter ExportFilter::fromJson(const QJsonObject& o)
{
    ExportFilter f;
    if (o.contains(QStringLiteral("cohort")))
        f.cohort = o.value(QStringLiteral("cohort")).toString();
    if (o.contains(QStringLiteral("major")))
        f.major = o.value(QStringLiteral("major")).toString();
    f.from = QDate::fromString(o.value(QStringLiteral("from")).toString(), Qt::ISODate);
    f.to = QDate::fromString(o.value(QStringLiteral("to")).toString(), Qt::ISODate);
    f.state = exportStateFromString(o.value(QStringLiteral("state")).toString()).value_or(ExportState::Approved);
    return f;
}

} // namespace pd
