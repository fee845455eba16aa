#pragma once

#include <QLoggingCategory>

// The logging categories of PhotoDesk's areas. Log lines name ids and error codes, never
// personal data (the log handler masks what slips through, see core/support/Redaction.h).
// Enable debug output of one area with QT_LOGGING_RULES="photodesk.feed.debug=true".
namespace pd {
Q_DECLARE_LOGGING_CATEGORY(lcApp)    // photodesk.app: start, stop, configuration
Q_DECLARE_LOGGING_CATEGORY(lcAuth)   // photodesk.auth: logins and account changes (by user id)
Q_DECLARE_LOGGING_CATEGORY(lcStore)  // photodesk.store: opening, migrations, integrity
Q_DECLARE_LOGGING_CATEGORY(lcReview) // photodesk.review: decisions and claims (by attempt id)
Q_DECLARE_LOGGING_CATEGORY(lcFeed)   // photodesk.feed: platform sync and decision delivery
Q_DECLARE_LOGGING_CATEGORY(lcSms)    // photodesk.sms: SMS outbox dispatch
Q_DECLARE_LOGGING_CATEGORY(lcVision) // photodesk.vision: face model and pre-screen
Q_DECLARE_LOGGING_CATEGORY(lcSupport) // photodesk.support: logging itself, diagnostics export
Q_DECLARE_LOGGING_CATEGORY(lcExport) // photodesk.export: exports of approved photos (counts and codes, no names)
} // namespace pd
