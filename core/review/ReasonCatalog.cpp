#include "core/review/ReasonCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <cstdlib>

namespace pd {

const ReasonCatalog& ReasonCatalog::builtIn()
{
    static const ReasonCatalog catalog = [] {
        QFile f(QStringLiteral(":/photodesk/config/reasons.json"));
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "photodesk: the built-in reason catalog is missing (build defect)\n");
            std::abort();
        }
        auto parsed = fromJson(f.readAll());
        if (!parsed) {
            std::fprintf(stderr, "photodesk: the built-in reason catalog is invalid: %s\n", qPrintable(parsed.error().message));
            std::abort();
        }
        return std::move(parsed).value();
    }();
    return catalog;
}

Result<ReasonCatalog> ReasonCatalog::fromJson(const QByteArray& json)
{
    auto invalid = [](const QString& why) { return Error{QStringLiteral("catalog-invalid"), why}; };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return invalid(QStringLiteral("not JSON: %1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    ReasonCatalog catalog;
    catalog.m_version = root.value(QStringLiteral("version")).toInt();
    if (catalog.m_version <= 0)
        return invalid(QStringLiteral("missing or invalid \"version\""));
    static const QSet<QString> kinds{QStringLiteral("automated"), QStringLiteral("assisted"), QStringLiteral("checklist")};
    QSet<QString> seen;
    for (const QJsonValue& v : root.value(QStringLiteral("reasons")).toArray()) {
        const QJsonObject o = v.toObject();
        Reason r;
        r.id = o.value(QStringLiteral("id")).toString();
        r.number = int(catalog.m_reasons.size()) + 1;
        r.kind = o.value(QStringLiteral("kind")).toString();
        r.titleZh = o.value(QStringLiteral("title")).toObject().value(QStringLiteral("zh")).toString();
        r.titleEn = o.value(QStringLiteral("title")).toObject().value(QStringLiteral("en")).toString();
        r.studentZh = o.value(QStringLiteral("student")).toObject().value(QStringLiteral("zh")).toString();
        r.studentEn = o.value(QStringLiteral("student")).toObject().value(QStringLiteral("en")).toString();
        if (r.id.isEmpty() || r.id != r.id.toUpper())
            return invalid(QStringLiteral("reason %1 has no upper-case id").arg(r.number));
        if (seen.contains(r.id))
            return invalid(QStringLiteral("reason id %1 appears twice").arg(r.id));
        if (!kinds.contains(r.kind))
            return invalid(QStringLiteral("reason %1 has unknown kind \"%2\"").arg(r.id, r.kind));
        if (r.titleZh.isEmpty() || r.titleEn.isEmpty() || r.studentZh.isEmpty() || r.studentEn.isEmpty())
            return invalid(QStringLiteral("reason %1 lacks a zh or en text").arg(r.id));
        seen.insert(r.id);
        catalog.m_reasons.push_back(r);
    }
    if (catalog.m_reasons.empty())
        return invalid(QStringLiteral("no reasons"));
    return catalog;
}

const Reason* ReasonCatalog::find(const QString& id) const
{
    for (const Reason& r : m_reasons)
        if (r.id == id)
            return &r;
    return nullptr;
}

const Reason* ReasonCatalog::byNumber(int number) const
{
    return number >= 1 && number <= int(m_reasons.size()) ? &m_reasons[std::size_t(number - 1)] : nullptr;
}

QStringList ReasonCatalog::unknown(const QStringList& ids) const
{
    QStringList result;
    for (const QString& id : ids)
        if (!find(id))
            result << id;
    return result;
}

} // namespace pd
