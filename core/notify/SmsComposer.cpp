#include "core/notify/SmsComposer.h"

#include "core/review/ReasonCatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

#include <cstdio>
#include <cstdlib>

namespace pd {

namespace {
constexpr int kSinglePartLimit = 70;
constexpr int kMultiPartSize = 67;
constexpr int kMaxLength = 500;
} // namespace

const SmsComposer& SmsComposer::builtIn()
{
    static const SmsComposer composer = [] {
        QFile f(QStringLiteral(":/photodesk/config/sms-templates.json"));
        auto parsed = f.open(QIODevice::ReadOnly) ? fromJson(f.readAll())
                                                  : Result<SmsComposer>(Error{QStringLiteral("templates-missing"), QStringLiteral("missing")});
        if (!parsed) {
            std::fprintf(stderr, "photodesk: the built-in SMS templates are invalid: %s\n", qPrintable(parsed.error().message));
            std::abort();
        }
        return std::move(parsed).value();
    }();
    return composer;
}

Result<SmsComposer> SmsComposer::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{QStringLiteral("templates-invalid"),
                     QStringLiteral("not a JSON object (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset)};
    const QJsonObject root = doc.object();
    SmsComposer c;
    c.m_version = root.value(QStringLiteral("version")).toInt();
    c.m_signature = root.value(QStringLiteral("signature")).toString();
    auto text = [&root](const char* key, const char* lang) {
        return root.value(QLatin1String(key)).toObject().value(QLatin1String(lang)).toString();
    };
    c.m_approvedZh = text("approved", "zh");
    c.m_approvedEn = text("approved", "en");
    c.m_rejectedZh = text("rejected", "zh");
    c.m_rejectedEn = text("rejected", "en");
    c.m_reasonSeparatorZh = text("reason_separator", "zh");
    c.m_reasonSeparatorEn = text("reason_separator", "en");
    if (c.m_version <= 0 || c.m_signature.isEmpty())
        return Error{QStringLiteral("templates-invalid"), QStringLiteral("version and signature are required")};
    if (!c.m_signature.startsWith(QStringLiteral("【")) || !c.m_signature.endsWith(QStringLiteral("】")))
        return Error{QStringLiteral("templates-invalid"), QStringLiteral("the signature must be written in 【】")};
    for (const QString* t : {&c.m_approvedZh, &c.m_approvedEn, &c.m_rejectedZh, &c.m_rejectedEn})
        if (!t->contains(QLatin1String("{name}")))
            return Error{QStringLiteral("templates-invalid"), QStringLiteral("every template needs {name}")};
    if (!c.m_rejectedZh.contains(QLatin1String("{reasons}")) || !c.m_rejectedEn.contains(QLatin1String("{reasons}")))
        return Error{QStringLiteral("templates-invalid"), QStringLiteral("rejection templates need {reasons}")};
    for (const QString* t : {&c.m_approvedZh, &c.m_approvedEn, &c.m_rejectedZh, &c.m_rejectedEn})
        if (measure(c.m_signature + *t).tooLong)
            return Error{QStringLiteral("templates-invalid"), QStringLiteral("a template is longer than one message may be")};
    return c;
}

QJsonObject SmsComposer::templateParams(const QString& name, const QStringList& reasonIds, const ReasonCatalog& catalog,
                                        const QString& language) const
{
    QJsonObject params{{QStringLiteral("name"), name}};
    if (reasonIds.isEmpty())
        return params;
    const bool en = language.startsWith(QLatin1String("en"));
    QStringList reasons;
    for (const QString& id : reasonIds)
        if (const Reason* r = catalog.find(id))
            reasons << r->studentText(language);
    params.insert(QStringLiteral("reasons"), reasons.join(en ? m_reasonSeparatorEn : m_reasonSeparatorZh));
    return params;
}

Result<SmsComposer> SmsComposer::withSignName(const QString& signName) const
{
    if (signName.trimmed().isEmpty())
        return Error{QStringLiteral("templates-invalid"), QStringLiteral("the SMS signature is empty")};
    QJsonObject root = QJsonDocument::fromJson(toJson()).object();
    root.insert(QStringLiteral("signature"), QStringLiteral("【%1】").arg(signName.trimmed()));
    return fromJson(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

QByteArray SmsComposer::toJson() const
{
    auto pair = [](const QString& zh, const QString& en) {
        return QJsonObject{{QStringLiteral("zh"), zh}, {QStringLiteral("en"), en}};
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), m_version},
                                     {QStringLiteral("signature"), m_signature},
                                     {QStringLiteral("approved"), pair(m_approvedZh, m_approvedEn)},
                                     {QStringLiteral("rejected"), pair(m_rejectedZh, m_rejectedEn)},
                                     {QStringLiteral("reason_separator"), pair(m_reasonSeparatorZh, m_reasonSeparatorEn)}})
        .toJson(QJsonDocument::Indented);
}

Result<SmsComposer> SmsComposer::effective(const QString& overrideFile)
{
    QFile f(overrideFile);
    if (overrideFile.isEmpty() || !f.exists())
        return builtIn();
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("templates-invalid"), QStringLiteral("cannot read %1: %2").arg(overrideFile, f.errorString())};
    auto parsed = fromJson(f.readAll());
    if (!parsed)
        return Error{parsed.error().code, QStringLiteral("%1: %2").arg(overrideFile, parsed.error().message)};
    return parsed;
}

Status SmsComposer::saveOverride(const QString& overrideFile, const QByteArray& json)
{
    const auto parsed = fromJson(json);
    if (!parsed)
        return parsed.error();
    QDir().mkpath(QFileInfo(overrideFile).absolutePath());
    QSaveFile f(overrideFile);
    if (!f.open(QIODevice::WriteOnly) || f.write(parsed->toJson()) < 0 || !f.commit())
        return Error{QStringLiteral("templates-write"), QStringLiteral("cannot write %1: %2").arg(overrideFile, f.errorString())};
    return okStatus();
}

Status SmsComposer::removeOverride(const QString& overrideFile)
{
    if (QFile::exists(overrideFile) && !QFile::remove(overrideFile))
        return Error{QStringLiteral("templates-write"), QStringLiteral("cannot remove %1").arg(overrideFile)};
    return okStatus();
}

SmsText SmsComposer::measure(const QString& text)
{
    SmsText m;
    m.text = text;
    m.characters = int(text.toUcs4().size()); // each character counts once, Chinese or not
    m.parts = m.characters <= kSinglePartLimit ? 1 : (m.characters + kMultiPartSize - 1) / kMultiPartSize;
    m.tooLong = m.characters > kMaxLength;
    return m;
}

SmsText SmsComposer::compose(const Student& student, Verdict verdict, const QStringList& reasonIds,
                             const ReasonCatalog& catalog, const QString& language) const
{
    const bool en = language.startsWith(QLatin1String("en"));
    QString body = verdict == Verdict::Approve ? (en ? m_approvedEn : m_approvedZh) : (en ? m_rejectedEn : m_rejectedZh);
    QStringList reasons;
    for (const QString& id : reasonIds)
        if (const Reason* r = catalog.find(id))
            reasons << r->studentText(language);
    body.replace(QLatin1String("{name}"), student.name);
    body.replace(QLatin1String("{reasons}"), reasons.join(en ? m_reasonSeparatorEn : m_reasonSeparatorZh));
    return measure(m_signature + body);
}

} // namespace pd
