// `photodesk-cli analyze PHOTO`: faces, matches and the 28 rules of one photo in one JSON object.
#include "core/vision/rules/RuleEngine.h"

#include "core/vision/rules/BatchAnalysis.h"

namespace pd::rules {

VisionResult<QJsonObject> analyzePhotoJsonFromFiles(const QString& photoPath, const QString& enrollmentPath,
                                                    const QString& idCardPath, const QString& configPath)
{
    auto session = PhotoAnalysisSession::create(configPath);
    if (!session)
        return session.error();
    return session.value()->analyze({photoPath, enrollmentPath, idCardPath});
}

} // namespace pd::rules
