#include "core/support/LogCategories.h"

namespace pd {
Q_LOGGING_CATEGORY(lcApp, "photodesk.app")
Q_LOGGING_CATEGORY(lcAuth, "photodesk.auth")
Q_LOGGING_CATEGORY(lcStore, "photodesk.store")
Q_LOGGING_CATEGORY(lcReview, "photodesk.review")
Q_LOGGING_CATEGORY(lcFeed, "photodesk.feed")
Q_LOGGING_CATEGORY(lcSms, "photodesk.sms")
Q_LOGGING_CATEGORY(lcVision, "photodesk.vision")
Q_LOGGING_CATEGORY(lcSupport, "photodesk.support")
Q_LOGGING_CATEGORY(lcExport, "photodesk.export")
} // namespace pd
