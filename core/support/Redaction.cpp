#include "core/support/Redaction.h"

#include "core/hotline/Masking.h"

#include <QRegularExpression>

#include <functional>

namespace pd {

namespace {

QString replaceAll(const QString& text, const QRegularExpression& re, const std::function<QString(const QRegularExpressionMatch&)>& with)
{
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    if (!it.hasNext())
        return text;
    out.reserve(text.size());
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += with(m);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

// Applies `fn` to the text between the matches of `keep`, leaving the matches as they are.
QString replaceOutside(const QString& text, const QRegularExpression& keep, const std::function<QString(const QString&)>& fn)
{
    QString out;
    qsizetype last = 0;
    auto it = keep.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += fn(text.mid(last, m.capturedStart() - last));
        out += m.captured(0);
        last = m.capturedEnd();
    }
    out += fn(text.mid(last));
    return out;
}

QString keepLastFour(const QString& digits)
{
    return maskNationalId(digits); // all but the last four characters starred
}

} // namespace

QString scrubPersonalData(const QString& text)
{
    // Compiled once; QRegularExpression is safe to use from several threads.
    static const QRegularExpression urlCredentials(QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*://[^\s/:@]*:)[^\s/@]+@)"));
    static const QRegularExpression secretValue(
        QStringLiteral(R"(\b((?:[A-Za-z_]*(?:token|secret|password|passwd|credential|private[_-]?key|access[_-]?key(?:[_-]?id)?|api[_-]?key))\b["']?\s*[=:]\s*["']?)([^\s"',;&]+))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression authorization(QStringLiteral(R"(\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=\-]+)"),
                                                  QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bulk(QStringLiteral(R"([A-Za-z0-9+/=_\-]{120,})"));
    static const QRegularExpression nationalId(QStringLiteral(R"((?<![0-9A-Za-z])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z]))"));
    static const QRegularExpression mobile(QStringLiteral(R"((?<![0-9])(?:\+?86[\- ]?)?(1[3-9][0-9]{9})(?![0-9]))"));
    static const QRegularExpression longDigits(QStringLiteral(R"([0-9]{7,})"));
    static const QRegularExpression digestOrUuid(
        QStringLiteral(R"((?<![0-9A-Za-z])(?:[0-9a-fA-F]{32,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9A-Za-z]))"));

    QString s = replaceAll(text, urlCredentials, [](const QRegularExpressionMatch& m) { return m.captured(1) + QStringLiteral("***@"); });
    s = replaceAll(s, secretValue, [](const QRegularExpressionMatch& m) { return m.captured(1) + QStringLiteral("***"); });
    s = replaceAll(s, authorization, [](const QRegularExpressionMatch& m) { return m.captured(1) + QStringLiteral(" ***"); });
    s = replaceAll(s, bulk, [](const QRegularExpressionMatch& m) { return QStringLiteral("[%1 characters removed]").arg(m.capturedLength()); });
    // Checksums (photo SHA-256, model digests) and UUIDs (idempotency keys) are no personal data
    // and are what a support person matches logs with: numbers inside them stay.
    return replaceOutside(s, digestOrUuid, [&](const QString& part) {
        QString t = replaceAll(part, nationalId, [](const QRegularExpressionMatch& m) { return maskNationalId(m.captured(1)); });
        t = replaceAll(t, mobile, [](const QRegularExpressionMatch& m) { return maskPhone(m.captured(1)); });
        return replaceAll(t, longDigits, [](const QRegularExpressionMatch& m) { return keepLastFour(m.captured(0)); });
    });
}

bool isSecretKey(const QString& key)
{
    static const QRegularExpression secret(
        QStringLiteral(R"(token|secret|passw|credential|private[_\-]?key|access[_\-]?key|api[_\-]?key|signing[_\-]?key)"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(key).hasMatch();
}

} // namespace pd
