#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

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

    static SmsText measure(const QString& text);
    const QString& signature() const { return m_signature; }
    int version() const { return m_version; }

private:
    int m_version = 0;
    QString m_signature;
    QString m_approvedZh, m_approvedEn, m_rejectedZh, m_rejectedEn;
    QString m_reasonSeparatorZh, m_reasonSeparatorEn;
};

} // namespace pd
