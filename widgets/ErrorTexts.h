#pragma once

#include "core/util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace pd {

// The core reports errors with a stable code and an English message. What a person reads in
// the interface comes from here: a translated sentence per known code, the core's message for
// codes this table does not know yet.
class ErrorTexts {
    Q_DECLARE_TR_FUNCTIONS(ErrorTexts)

public:
    static QString text(const Error& error);
    // The translated sentence for a code, or an empty string when the code is unknown.
    static QString forCode(const QString& code);
};

} // namespace pd
