#include "core/notify/SmsComposer.h"

#include "core/review/ReasonCatalog.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

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
    const QJsonObject root = QJsonDocument::fromJson(json).object();
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
    return c;
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
