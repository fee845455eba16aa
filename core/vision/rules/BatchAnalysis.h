#pragma once

// Many photos in one process: `photodesk-cli analyze DIR… | --from-list F [--csv]` and
// `photodesk-cli compare --pairs F`. Loading the face models costs about 1.7 s and the analysis of
// one photo about 0.15 s, so a batch loads them once (FaceAnalyzer::shared()), analyses the photos
// on a small thread pool (the analyser leases one network copy per thread) and reuses the analysis
// of a reference photo that several lines name. Output order is input order, whatever finishes first.

#include "core/vision/FaceAnalyzer.h"
#include "core/vision/FaceMatcher.h"
#include "core/vision/rules/RuleEngine.h"
#include "core/util/LruCache.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QIODevice;

namespace pd::rules {

// One photo to analyse, with the student's reference photos when known (empty: not given).
struct AnalysisItem {
    QString photo;
    QString enrollment;
    QString idCard;
};

// A list file: one item per line, "photo[,enrollment[,id_card]]" (comma or tab separated; an empty
// field means "not given"); blank lines, lines starting with '#' and a header row (first field
// "photo", "file", "file_a", "a", "image_a" or "path") are skipped. Relative paths are
// taken relative to `baseDir`. Error "config" names the line of a malformed entry.
VisionResult<std::vector<AnalysisItem>> readAnalysisList(QIODevice& in, const QString& baseDir);
// Pairs for `compare --pairs`: "a,b[,label]" per line, same syntax as readAnalysisList.
struct ComparePair {
    QString a;
    QString b;
    QString label; // e.g. "same" / "different" in an evaluation list; echoed in the output
};
VisionResult<std::vector<ComparePair>> readPairList(QIODevice& in, const QString& baseDir);

// Files and folders → photo files: a file stays as given (whatever its type: analyze reports a
// wrong format), a folder contributes its image files (.jpg .jpeg .png .bmp, any case, recursively),
// sorted by path so two runs list the same order. A path that does not exist is kept so that its
// line reports "unreadable".
QStringList expandPhotoPaths(const QStringList& paths);

// What every photo of a batch shares: the rule configuration, the match bands, the face analyser
// and the analyses of reference photos already seen. analyze() may run on several threads at once.
class PhotoAnalysisSession {
public:
    // configPath: the school's override (empty: the shipped configuration only).
    static VisionResult<std::shared_ptr<PhotoAnalysisSession>> create(const QString& configPath = {});

    // {"file","config","rules","faces","matches","model_id","failed"} as `photodesk-cli analyze`
    // prints it. Error "unreadable" only when the photo file cannot be opened at all; a photo that
    // opens but does not decode gets its verdicts (FILE_FORMAT fails, the rest error).
    VisionResult<QJsonObject> analyze(const AnalysisItem& item) const;

    const FaceAnalyzer& analyzer() const { return *m_analyzer; }
    const MatchBands& bands() const { return m_engine.bands(); }

private:
    struct Reference {
        ReferencePhoto photo;  // descriptor and pHash for the rules
        QJsonObject faces;     // its analysis (or error) for the "faces" member
        bool analysed = false; // false: unreadable or no face (faces holds the error)
    };
    PhotoAnalysisSession(std::shared_ptr<const FaceAnalyzer> analyzer, RuleEngine engine);
    Reference reference(const QString& path) const;

    std::shared_ptr<const FaceAnalyzer> m_analyzer;
    RuleEngine m_engine;
    // By path, for lists that name a reference on several lines (a class's shared photo, the
    // evaluation corpus's references); bounded so a list of 100 000 students with a reference
    // each does not keep every analysis.
    static constexpr int kReferenceCacheSize = 256;
    mutable std::mutex m_cacheMutex;
    mutable LruCache<QString, Reference> m_references{kReferenceCacheSize};
};

// Runs `work(i)` for i in [0, count) on up to `jobs` threads and hands each result to `onResult` in
// index order, from the calling thread, as soon as it and all before it are done (so output
// streams while later photos are still analysed). `progress(done, count)` after each onResult.
void runOrdered(int count, int jobs, const std::function<QJsonObject(int)>& work,
                const std::function<void(int, const QJsonObject&)>& onResult,
                const std::function<void(int, int)>& progress = {});

// The analysis reports of a batch as CSV (like OFIQ's output: one row per photo, one column per
// measure): file, error, faces, the match distance and band per reference, failed rules, then per
// rule its verdict (column RULE_ID) and each measured value (column RULE_ID.value_name). Columns are
// the union over all rows in catalog order, so rows with fewer values leave cells empty. RFC 4180
// quoting; UTF-8.
QString analysisReportsToCsv(const std::vector<QJsonObject>& reports);

// `compare --pairs`: every pair's face distance and band, analysing each distinct image once (on up
// to `jobs` threads). `onResult` gets one object per pair, in order:
//   {"a","b","label","distance","band","faces_a","faces_b","model_id"}
// with distance/band null and "error": "no_face" when an image has no face, or "error" (the image's
// load error code) and "message" when one cannot be read. `progress(done, images)` per analysed image.
void comparePairs(const FaceAnalyzer& analyzer, const MatchBands& bands, const std::vector<ComparePair>& pairs, int jobs,
                  const std::function<void(int, const QJsonObject&)>& onResult,
                  const std::function<void(int, int)>& progress = {});

// Compare results as CSV: a, b, label, distance, band, faces_a, faces_b, error.
QString compareResultsToCsv(const std::vector<QJsonObject>& results);

} // namespace pd::rules
