#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pd {

class ReasonCatalog;

// The exact text a student receives after a decision, from the templates in
// resources/config/sms-templates.json (zh first, en available) and the reason catalog's
// student-facing texts. Length rules: ≤ 70 characters is one SMS, longer messages are split
// into parts of 67, at most 500 characters.
struct SmsText {
    QString text;
    int characters = 0;
    int parts = 0;
    bool tooLong = false;
};

class SmsComposer {
public:
    static const SmsComposer& builtIn();
    static Result<SmsComposer> fromJson(const QByteArray& json);

    SmsText compose(const Student& student, Verdict verdict, const QStringList& reasonIds, const ReasonCatalog& catalog,
                    const QString& language = QStringLiteral("zh")) const;

    // The variables of the provider-registered templates (Aliyun TemplateParam, Tencent
    // TemplateParamSet in this order): {"name"} for an approval, {"name", "reasons"} for a
    // rejection, reasons joined exactly as compose() joins them.
    QJsonObject templateParams(const QString& name, const QStringList& reasonIds, const ReasonCatalog& catalog,
                               const QString& language = QStringLiteral("zh")) const;

    // The templates as a file (the format fromJson() reads).
    QByteArray toJson() const;

    // A supervisor's edited templates live in an override file (e.g. <data folder>/sms-templates.json).
    // effective(): the override when the file exists, the built-in templates when it does not;
    // an override that exists but is invalid is an error ("templates-invalid"), never silently ignored.
    static Result<SmsComposer> effective(const QString& overrideFile);
    // Validates with fromJson() and writes atomically; error codes templates-invalid, templates-write.
    static Status saveOverride(const QString& overrideFile, const QByteArray& json);
    // Back to the built-in templates (removes the override file).
    static Status removeOverride(const QString& overrideFile);

    static SmsText measure(const QString& text);
    const QString& signature() const { return m_signature; }
    // The signature without its 【】: the sign name the providers are given (SignName).
    QString signName() const { return m_signature.mid(1, m_signature.size() - 2); }
    // The same templates signed with the school's registered signature `signName` (without 【】,
    // from the settings); templates-invalid when a template would then be too long.
    Result<SmsComposer> withSignName(const QString& signName) const;
    int version() const { return m_version; }

private:
    int m_version = 0;
    QString m_signature;
    QString m_approvedZh, m_approvedEn, m_rejectedZh, m_rejectedEn;
    QString m_reasonSeparatorZh, m_reasonSeparatorEn;
};

} // namespace pd
