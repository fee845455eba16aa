#pragma once

// The pre-screen service: face analysis of every new attempt in the background, so the reviewer
// never waits for it (issue 3). It drives the vision library's PreScreener (thread pool,
// cancellation, reference-descriptor cache) and persists what it finds in analysis_results:
//
//   kind "faces"      one row per photo: faces found, box, 68 landmarks, descriptor (base64 of
//                     little-endian float32), the aligned 150×150 chip as a JPEG blob in the
//                     blob store (chip_sha256), or the error that made the photo unusable.
//   kind "face_match" one row per attempt, on its submitted photo: distance, band and model id
//                     of submission ↔ enrollment and submission ↔ ID card.
//   kind "rules"      one row per attempt, on its submitted photo: the 28 photo rules
//                     (ruleReportToJson) measured on the face analysis above, no second
//                     detection; producer_version = rulesProducerVersion() (configuration name,
//                     version and model id), so a new rule set or model evaluates again.
// Every submitted photo analysed (and its reference photos) also gets its perceptual hash and
// face code in the duplicate index (photo_hashes), so NOT_REUSED finds other students' photos.
// Rules and index writes run on the service's one store thread: an attempt is evaluated only
// after every earlier attempt's hashes are committed.
//
// producer_version is the model id ("dlib-frnet-v1:<16 hex>"), so a new model analyses again
// and the old rows stay. A photo that cannot be read or decoded gets a stored error result and
// is not tried again for that model. Reference descriptors are kept in memory per photo SHA-256
// and, after a restart, taken from the stored "faces" rows instead of being recomputed.

#include "core/domain/Types.h"
#include "core/util/Result.h"
#include "core/vision/FaceMatcher.h"
#include "core/vision/rules/RuleConfig.h"
#include "core/vision/rules/RuleTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QRect>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QThreadPool;

namespace pd {

class FaceAnalyzer;
class Store;

inline const QString kFacesResultKind = QStringLiteral("faces");
inline const QString kFaceMatchResultKind = QStringLiteral("face_match");
inline const QString kRulesResultKind = QStringLiteral("rules");

struct PreScreenServiceOptions {
    int threads = 0;            // analysis threads; 0 = one per core
    bool includeDecided = false; // the background pass also covers approved/rejected attempts
    int chunkSize = 0;          // attempts loaded per step; 0 = 2 × threads (keeps memory flat)
    // Injected for tests and the bench; default: FaceAnalyzer::shared() and the configured bands,
    // both loaded on the service's own thread (the model takes a second to load).
    std::shared_ptr<const FaceAnalyzer> analyzer;
    std::optional<MatchBands> bands;
    // The photo rules' configuration: injected, or the shipped file plus `ruleConfigPath` (a
    // school's override) loaded once when the service starts. Invalid → the service is
    // unavailable with error code "config" and a message naming the field.
    std::optional<rules::RuleConfig> ruleConfig;
    QString ruleConfigPath;
};

// producer_version of the "rules" rows: "<config name>@<config version>/<model id>".
QString rulesProducerVersion(const rules::RuleConfig& config, const QString& modelId);

// Figures of one background pass (also the CLI's JSON line).
struct PreScreenRunStats {
    int attempts = 0;           // attempts analysed and stored in this pass
    int photoErrors = 0;        // photos stored with an error (unreadable, corrupt, …; not no_face)
    int noFace = 0;             // photos in which no face was found
    int referencesFromCache = 0; // reference photos not analysed again (memory or stored rows)
    int storeFailures = 0;      // results that could not be written (tried again next pass)
    int remaining = 0;          // attempts still without a result when the pass ended
    bool cancelled = false;
    double elapsedMs = 0;
    QString modelId;
    int threads = 0;
    QJsonObject toJson() const;
};

// How one comparison looks to the reviewer.
struct StoredMatch {
    bool available = false; // false: a side has no face/descriptor or no reference photo
    double distance = -1;
    MatchBand band = MatchBand::Mismatch;
    QString modelId;
    QString problem;        // why it is not available: VisionError code, or "no_reference"
};

struct StoredPhotoFaces {
    Id photoId = 0;
    bool present = false;   // the attempt/student has this photo at all
    bool analysed = false;  // a "faces" row exists for the model
    int faceCount = 0;
    QString errorCode;      // VisionError code (no_face, corrupt, unreadable, …) or empty
    QString errorMessage;
    QByteArray chipJpeg;    // aligned 150×150 face, empty when none
};

// What the review workspace shows for one attempt.
struct FaceReport {
    Id attemptId = 0;
    QString modelId;
    bool complete = false;  // a face_match row for the model exists and matches today's references
    StoredMatch enrollment, idCard;
    StoredPhotoFaces submission, enrollmentPhoto, idCardPhoto;
};

// Reads the stored results for one attempt (any thread; uses that thread's connection). When a
// chip blob is missing and `analyzer` is given, the chip is computed again from the photo and
// stored (the caller is off the UI thread).
Result<FaceReport> loadFaceReport(const Store& store, Id attemptId, const QString& modelId,
                                  const FaceAnalyzer* analyzer = nullptr);

// What the review workspace shows of the photo rules for one attempt.
struct StoredRuleReport {
    Id attemptId = 0;
    Id photoId = 0;              // the submitted photo (0: the attempt has none)
    bool complete = false;       // a rules row for the version exists and matches today's references
    std::optional<rules::RuleReport> report; // null when not evaluated or the photo was unreadable
    QString errorCode;           // why there is no report although a row exists (unreadable, …)
    QString errorMessage;
    // For the overlays, in pixels of the upright photo (from the "faces" row; empty when none).
    QRect faceBox;
    QList<QPointF> landmarks;
};

// Reads the stored rules result (and the face geometry) of one attempt; any thread.
Result<StoredRuleReport> loadRuleReport(const Store& store, Id attemptId, const QString& rulesVersion,
                                        const QString& modelId);

// The newest stored rules result of the attempt's submitted photo, of whatever rule set and
// model wrote it (the hotline has no pre-screen of its own and wants what is stored, not what
// today's set would say): the newest row created at or before `notAfter` when given and one
// exists (what the reviewer had in front of them at the decision), else the newest. Reads the
// face geometry of that row's model; `complete` is not about today's references here. No row:
// an empty `report` and no error.
Result<StoredRuleReport> loadNewestRuleReport(const Store& store, Id attemptId, const QDateTime& notAfter = {});

// Number of attempts without a face_match result for the model (and, when `rulesVersion` is
// given, without a rules result of that version).
Result<int> countUnscreened(const Store& store, const QString& modelId, bool includeDecided = false,
                            const QString& rulesVersion = {});

class PreScreenService : public QObject {
    Q_OBJECT

public:
    enum class State { Idle, Loading, Running, Unavailable };

    explicit PreScreenService(std::shared_ptr<Store> store, PreScreenServiceOptions options = {}, QObject* parent = nullptr);
    ~PreScreenService() override; // cancels, waits for running analyses, closes its connection

    // Starts a background pass over every attempt without a result for the current model, most
    // urgent deadline first (no-op while one runs). Loads the model first when needed.
    void start();
    // Stops the pass: queued attempts are skipped, running ones finish and are stored.
    void cancel();
    // Analyses this attempt now, ahead of the background pass (any state; idempotent).
    // attemptAnalysed(attemptId) follows when its result is stored.
    void analyseNow(Id attemptId);
    // Blocks until the current pass and on-demand analyses are done (tests, the CLI); processes
    // no events, so only use it where the signals are not needed.
    bool waitForIdle(int msecs = -1);

    bool isRunning() const { return m_running.load(); }
    // Empty until the model is loaded.
    QString modelId() const;
    const MatchBands& bands() const;
    std::shared_ptr<const FaceAnalyzer> analyzer() const;
    // The active rule configuration and the producer_version of its rows (empty until ready).
    std::optional<rules::RuleConfig> ruleConfig() const;
    QString rulesVersion() const;
    State state() const { return m_state.load(); }
    Error unavailableReason() const;

signals:
    void ready(const QString& modelId);
    void unavailable(const pd::Error& error); // the model, the band or the rule configuration is missing/invalid
    void progress(int done, int total);
    void attemptAnalysed(pd::Id attemptId);
    void finished(const pd::PreScreenRunStats& stats);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    std::atomic<bool> m_running{false};
    std::atomic<State> m_state{State::Idle};
};

} // namespace pd

Q_DECLARE_METATYPE(pd::PreScreenRunStats)
