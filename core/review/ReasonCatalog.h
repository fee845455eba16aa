#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace pd {

// The rejection reasons a reviewer can choose: exactly the rules of the school's standard
// (resources/config/reasons.json, compiled in). Texts are data, not code: zh first, en second.
struct Reason {
    QString id;          // stable rule id, e.g. "BACKGROUND_BLUE"
    int number = 0;      // 1-based position, used for keyboard toggles
    QString kind;        // automated | assisted | checklist
    QString titleZh;     // the rule as the reviewer reads it
    QString titleEn;
    QString studentZh;   // what the rejected student reads in the SMS: what to redo
    QString studentEn;

    QString title(const QString& language) const { return language.startsWith(QLatin1String("en")) ? titleEn : titleZh; }
    QString studentText(const QString& language) const { return language.startsWith(QLatin1String("en")) ? studentEn : studentZh; }
};

class ReasonCatalog {
public:
    // The built-in catalog; aborts with a clear message if the compiled-in file is broken
    // (a build defect, covered by tests).
    static const ReasonCatalog& builtIn();
    // Parses and validates a catalog file (unique ids, both languages present, known kinds).
    static Result<ReasonCatalog> fromJson(const QByteArray& json);

    const std::vector<Reason>& reasons() const { return m_reasons; }
    const Reason* find(const QString& id) const;
    const Reason* byNumber(int number) const;
    int version() const { return m_version; }
    // Ids not in the catalog (empty when all are known).
    QStringList unknown(const QStringList& ids) const;

private:
    int m_version = 0;
    std::vector<Reason> m_reasons;
};

} // namespace pd
