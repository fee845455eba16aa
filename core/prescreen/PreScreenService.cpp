#include "core/prescreen/PreScreenService.h"

#include "core/review/DuplicateIndex.h"
#include "core/store/Database.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"
#include "core/vision/FaceAnalyzer.h"
#include "core/vision/FaceJson.h"
#include "core/vision/ImageLoader.h"
#include "core/vision/PreScreen.h"
#include "core/vision/rules/PerceptualHash.h"
#include "core/vision/rules/RuleEngine.h"
#include "core/vision/rules/RuleReportJson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QThread>
#include <QThreadPool>

#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <mutex>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcPreScreen, "photodesk.prescreen")

namespace pd {

namespace {

constexpr int kChipJpegQuality = 92;

QString jsonText(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseJson(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// errorToJson() writes {"error": code, "message": text}.
QString errorCodeOf(const QJsonObject& errorObject)
{
    return errorObject.value(QStringLiteral("error")).toString();
}

std::optional<MatchBand> bandFromName(const QString& name)
{
    for (MatchBand b : {MatchBand::Match, MatchBand::Uncertain, MatchBand::Mismatch}) {
        if (matchBandName(b) == name)
            return b;
    }
    return std::nullopt;
}

QByteArray encodeChip(const cv::Mat& chip)
{
    if (chip.empty())
        return {};
    std::vector<uchar> buf;
    if (!cv::imencode(".jpg", chip, buf, {cv::IMWRITE_JPEG_QUALITY, kChipJpegQuality}))
        return {};
    return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
}

// The "faces" row of one photo.
QJsonObject facesRowJson(const PhotoFaces& p, const QString& modelId, const QString& chipSha)
{
    QJsonObject o{{QStringLiteral("model_id"), modelId},
                  {QStringLiteral("sha256"), p.sha256},
                  {QStringLiteral("faces"), p.faceCount},
                  {QStringLiteral("greyscale"), p.greyscale}};
    if (p.error)
        o.insert(QStringLiteral("error"), errorToJson(*p.error));
    if (!p.descriptor.empty()) {
        o.insert(QStringLiteral("box"), QJsonObject{{QStringLiteral("x"), p.box.x},
                                                     {QStringLiteral("y"), p.box.y},
                                                     {QStringLiteral("w"), p.box.width},
                                                     {QStringLiteral("h"), p.box.height}});
        QJsonArray landmarks;
        for (const cv::Point2f& pt : p.landmarks)
            landmarks.append(QJsonArray{std::round(pt.x * 10) / 10, std::round(pt.y * 10) / 10});
        o.insert(QStringLiteral("landmarks"), landmarks);
        o.insert(QStringLiteral("descriptor"), QString::fromLatin1(descriptorToBytes(p.descriptor).toBase64()));
    }
    if (!chipSha.isEmpty())
        o.insert(QStringLiteral("chip_sha256"), chipSha);
    const StageTimings& t = p.timings;
    o.insert(QStringLiteral("timings_ms"), QJsonObject{{QStringLiteral("decode"), std::round(t.decodeMs * 100) / 100},
                                                        {QStringLiteral("detect"), std::round(t.detectMs * 100) / 100},
                                                        {QStringLiteral("landmarks"), std::round(t.landmarksMs * 100) / 100},
                                                        {QStringLiteral("descriptor"), std::round(t.descriptorMs * 100) / 100}});
    return o;
}

// A stored "faces" row as the reference cache keeps it (no chip: that is a blob).
std::optional<PhotoFaces> photoFacesFromRow(const QJsonObject& o)
{
    PhotoFaces p;
    p.sha256 = o.value(QStringLiteral("sha256")).toString();
    p.faceCount = o.value(QStringLiteral("faces")).toInt();
    p.greyscale = o.value(QStringLiteral("greyscale")).toBool();
    if (o.contains(QStringLiteral("error"))) {
        const QJsonObject e = o.value(QStringLiteral("error")).toObject();
        p.error = VisionError{errorCodeOf(e), e.value(QStringLiteral("message")).toString()};
    }
    if (o.contains(QStringLiteral("descriptor"))) {
        auto d = descriptorFromBytes(QByteArray::fromBase64(o.value(QStringLiteral("descriptor")).toString().toLatin1()));
        if (!d)
            return std::nullopt;
        p.descriptor = std::move(*d);
        const QJsonObject b = o.value(QStringLiteral("box")).toObject();
        p.box = cv::Rect(b.value(QStringLiteral("x")).toInt(), b.value(QStringLiteral("y")).toInt(),
                         b.value(QStringLiteral("w")).toInt(), b.value(QStringLiteral("h")).toInt());
        for (const QJsonValue& v : o.value(QStringLiteral("landmarks")).toArray()) {
            const QJsonArray xy = v.toArray();
            p.landmarks.emplace_back(float(xy.at(0).toDouble()), float(xy.at(1).toDouble()));
        }
    }
    if (p.sha256.isEmpty() || (p.descriptor.empty() && !(p.error && p.error->code == VisionErrorCode::NoFace)))
        return std::nullopt;
    return p;
}

std::optional<QString> storedResult(const Database& db, Id photoId, const QString& kind, const QString& modelId)
{
    Sql q(db, QStringLiteral("SELECT result FROM analysis_results WHERE photo_id = :p AND kind = :k AND producer_version = :m"));
    q.bind(QStringLiteral(":p"), photoId).bind(QStringLiteral(":k"), kind).bind(QStringLiteral(":m"), modelId).exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

// Any photo with these bytes already analysed by the model (references are shared by hash).
std::optional<QString> storedFacesBySha(const Database& db, const QString& sha256, const QString& modelId)
{
    Sql q(db, QStringLiteral("SELECT r.result FROM analysis_results r JOIN photos p ON p.id = r.photo_id "
                             "WHERE p.sha256 = :s AND r.kind = :k AND r.producer_version = :m ORDER BY r.id LIMIT 1"));
    q.bind(QStringLiteral(":s"), sha256).bind(QStringLiteral(":k"), kFacesResultKind).bind(QStringLiteral(":m"), modelId).exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

void insertResult(const Database& db, Id photoId, const QString& kind, const QString& modelId, const QString& json, bool replace)
{
    const QString conflict = replace ? QStringLiteral("DO UPDATE SET result = excluded.result, created_at = excluded.created_at")
                                     : QStringLiteral("DO NOTHING");
    Sql(db, QStringLiteral("INSERT INTO analysis_results (photo_id, kind, producer_version, result, created_at) "
                           "VALUES (:p, :k, :m, :r, :t) ON CONFLICT (photo_id, kind, producer_version) %1")
                .arg(conflict))
        .bind(QStringLiteral(":p"), photoId)
        .bind(QStringLiteral(":k"), kind)
        .bind(QStringLiteral(":m"), modelId)
        .bind(QStringLiteral(":r"), json)
        .bind(QStringLiteral(":t"), toDbTime(utcNow()))
        .exec();
}

// Binds :k/:m (face_match, model id) and, with rules, :rk/:rv (rules, rules version).
QString unscreenedWhere(bool includeDecided, bool withRules)
{
    const QString rules = withRules ? QStringLiteral(" OR NOT EXISTS (SELECT 1 FROM analysis_results rr WHERE rr.photo_id = p.id "
                                                     "AND rr.kind = :rk AND rr.producer_version = :rv)")
                                    : QString();
    return QStringLiteral("FROM attempts a JOIN photos p ON p.attempt_id = a.id AND p.role = 'submitted' "
                          "WHERE %1 (NOT EXISTS (SELECT 1 FROM analysis_results r WHERE r.photo_id = p.id "
                          "AND r.kind = :k AND r.producer_version = :m)%2)")
        .arg(includeDecided ? QString() : QStringLiteral("a.state = 'pending' AND "), rules);
}

void bindUnscreened(Sql& q, const QString& modelId, const QString& rulesVersion)
{
    q.bind(QStringLiteral(":k"), kFaceMatchResultKind).bind(QStringLiteral(":m"), modelId);
    if (!rulesVersion.isEmpty())
        q.bind(QStringLiteral(":rk"), kRulesResultKind).bind(QStringLiteral(":rv"), rulesVersion);
}

// The face analysis the rules need, rebuilt from what the pre-screen kept of the submission
// (largest face in full, the other faces' boxes): no second detection. Null when the photo could
// not be decoded (the rules then report their own load error).
std::optional<FaceAnalysis> analysisOf(const PhotoFaces& p)
{
    if (p.error && p.error->code != VisionErrorCode::NoFace)
        return std::nullopt;
    FaceAnalysis a;
    a.greyscale = p.greyscale;
    if (!p.error && !p.landmarks.empty()) {
        DetectedFace largest;
        largest.box = p.box;
        largest.landmarks = p.landmarks;
        largest.descriptor = p.descriptor;
        a.faces.push_back(std::move(largest));
        for (size_t i = 1; i < p.boxes.size(); ++i) {
            DetectedFace other;
            other.box = p.boxes[i];
            a.faces.push_back(std::move(other));
        }
    }
    return a;
}

std::optional<quint64> storedHash(const Database& db, Id photoId)
{
    Sql q(db, QStringLiteral("SELECT phash FROM photo_hashes WHERE photo_id = :p"));
    q.bind(QStringLiteral(":p"), photoId).exec();
    if (!q.next())
        return std::nullopt;
    return quint64(q.value(0).toLongLong());
}

// One attempt on its way through the analysis: which photos it used and what could not be read.
struct JobContext {
    Id attemptId = 0;
    Photo submitted;
    std::optional<Photo> enrollment, idCard;
    QString blobError[3]; // submission, enrollment, ID card: the blob could not be read
    QByteArray submissionBytes; // for the rules (format, size, EXIF), evaluated when the faces are back
    bool background = false;
};

} // namespace

QJsonObject PreScreenRunStats::toJson() const
{
    return QJsonObject{{QStringLiteral("attempts"), attempts},
                       {QStringLiteral("photo_errors"), photoErrors},
                       {QStringLiteral("no_face"), noFace},
                       {QStringLiteral("references_cached"), referencesFromCache},
                       {QStringLiteral("store_failures"), storeFailures},
                       {QStringLiteral("remaining"), remaining},
                       {QStringLiteral("cancelled"), cancelled},
                       {QStringLiteral("elapsed_ms"), std::round(elapsedMs * 10) / 10},
                       {QStringLiteral("ms_per_attempt"), attempts > 0 ? std::round(elapsedMs / attempts * 10) / 10 : 0.0},
                       {QStringLiteral("model_id"), modelId},
                       {QStringLiteral("threads"), threads}};
}

QString rulesProducerVersion(const rules::RuleConfig& config, const QString& modelId)
{
    return QStringLiteral("%1@%2/%3").arg(config.name).arg(config.version).arg(modelId);
}

Result<int> countUnscreened(const Store& store, const QString& modelId, bool includeDecided, const QString& rulesVersion)
{
    try {
        Sql q(store.db(), QStringLiteral("SELECT COUNT(*) ") + unscreenedWhere(includeDecided, !rulesVersion.isEmpty()));
        bindUnscreened(q, modelId, rulesVersion);
        return q.scalar().toInt();
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<FaceReport> loadFaceReport(const Store& store, Id attemptId, const QString& modelId, const FaceAnalyzer* analyzer)
{
    try {
        const Database& db = store.db();
        FaceReport report;
        report.attemptId = attemptId;
        report.modelId = modelId;
        const auto attempt = AttemptRepository(db).find(attemptId);
        if (!attempt)
            return Error{QStringLiteral("not-found"), QStringLiteral("attempt %1 does not exist").arg(attemptId)};
        const PhotoRepository photos(db);
        const auto submitted = photos.submittedFor(attemptId);
        const auto enrollment = photos.referenceFor(attempt->studentId, PhotoRole::Enrollment);
        const auto idCard = photos.referenceFor(attempt->studentId, PhotoRole::IdCard);

        auto readPhoto = [&](const std::optional<Photo>& photo, StoredPhotoFaces* out) {
            if (!photo)
                return;
            out->present = true;
            out->photoId = photo->id;
            const auto row = storedResult(db, photo->id, kFacesResultKind, modelId);
            if (!row)
                return;
            out->analysed = true;
            const QJsonObject o = parseJson(*row);
            out->faceCount = o.value(QStringLiteral("faces")).toInt();
            const QJsonObject e = o.value(QStringLiteral("error")).toObject();
            out->errorCode = errorCodeOf(e);
            out->errorMessage = e.value(QStringLiteral("message")).toString();
            const QString chipSha = o.value(QStringLiteral("chip_sha256")).toString();
            if (!chipSha.isEmpty()) {
                if (auto chip = store.blobs().get(chipSha))
                    out->chipJpeg = chip.value();
            }
            if (out->chipJpeg.isEmpty() && out->errorCode.isEmpty() && analyzer) {
                // The chip blob is gone: derive it again from the photo (we are off the UI thread).
                if (auto bytes = store.blobs().get(photo->sha256)) {
                    // Any of the three photos (a reference may be BMP); display only.
                    if (auto analysis = analyzer->analyzeBytes(bytes.value(), {}, referencePhotoLoadOptions());
                        analysis && analysis->largest())
                        out->chipJpeg = encodeChip(analysis->largest()->chip);
                    if (!out->chipJpeg.isEmpty())
                        (void)store.blobs().put(out->chipJpeg);
                }
            }
        };
        readPhoto(submitted, &report.submission);
        readPhoto(enrollment, &report.enrollmentPhoto);
        readPhoto(idCard, &report.idCardPhoto);
        if (!submitted)
            return report;

        const auto row = storedResult(db, submitted->id, kFaceMatchResultKind, modelId);
        if (!row)
            return report;
        const QJsonObject o = parseJson(*row);
        // A reference photo replaced since the analysis makes the stored comparison stale.
        auto sameReference = [&](const char* key, const std::optional<Photo>& photo) {
            const QJsonValue v = o.value(QLatin1String(key));
            return photo ? v.toInteger() == photo->id : v.isNull() || v.isUndefined();
        };
        report.complete = sameReference("enrollment_photo_id", enrollment) && sameReference("id_card_photo_id", idCard);
        const QJsonObject matches = o.value(QStringLiteral("matches")).toObject();
        const QString submissionError = errorCodeOf(o.value(QStringLiteral("submission")).toObject().value(QStringLiteral("error")).toObject());
        auto readMatch = [&](const QString& key, const std::optional<Photo>& photo, StoredMatch* out) {
            const QJsonValue m = matches.value(key);
            if (m.isObject()) {
                const QJsonObject mo = m.toObject();
                const auto band = bandFromName(mo.value(QStringLiteral("band")).toString());
                out->available = band.has_value();
                out->band = band.value_or(MatchBand::Mismatch);
                out->distance = mo.value(QStringLiteral("distance")).toDouble(-1);
                out->modelId = mo.value(QStringLiteral("model_id")).toString();
                return;
            }
            if (!photo)
                out->problem = QStringLiteral("no_reference");
            else if (!submissionError.isEmpty())
                out->problem = submissionError;
            else
            {
                out->problem = errorCodeOf(o.value(key).toObject().value(QStringLiteral("error")).toObject());
                if (out->problem.isEmpty())
                    out->problem = VisionErrorCode::NoFace;
            }
        };
        readMatch(QStringLiteral("enrollment"), enrollment, &report.enrollment);
        readMatch(QStringLiteral("id_card"), idCard, &report.idCard);
        return report;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<StoredRuleReport> loadRuleReport(const Store& store, Id attemptId, const QString& rulesVersion, const QString& modelId)
{
    try {
        const Database& db = store.db();
        StoredRuleReport out;
        out.attemptId = attemptId;
        const auto attempt = AttemptRepository(db).find(attemptId);
        if (!attempt)
            return Error{QStringLiteral("not-found"), QStringLiteral("attempt %1 does not exist").arg(attemptId)};
        const PhotoRepository photos(db);
        const auto submitted = photos.submittedFor(attemptId);
        if (!submitted)
            return out;
        out.photoId = submitted->id;
        if (auto faces = storedResult(db, submitted->id, kFacesResultKind, modelId)) {
            const QJsonObject o = parseJson(*faces);
            const QJsonObject b = o.value(QStringLiteral("box")).toObject();
            out.faceBox = QRect(b.value(QStringLiteral("x")).toInt(), b.value(QStringLiteral("y")).toInt(),
                                b.value(QStringLiteral("w")).toInt(), b.value(QStringLiteral("h")).toInt());
            for (const QJsonValue& v : o.value(QStringLiteral("landmarks")).toArray()) {
                const QJsonArray xy = v.toArray();
                out.landmarks.append(QPointF(xy.at(0).toDouble(), xy.at(1).toDouble()));
            }
        }
        if (rulesVersion.isEmpty())
            return out;
        const auto row = storedResult(db, submitted->id, kRulesResultKind, rulesVersion);
        if (!row)
            return out;
        const QJsonObject o = parseJson(*row);
        const auto enrollment = photos.referenceFor(attempt->studentId, PhotoRole::Enrollment);
        const auto idCard = photos.referenceFor(attempt->studentId, PhotoRole::IdCard);
        auto sameReference = [&](const char* key, const std::optional<Photo>& photo) {
            const QJsonValue v = o.value(QLatin1String(key));
            return photo ? v.toInteger() == photo->id : v.isNull() || v.isUndefined();
        };
        out.complete = sameReference("enrollment_photo_id", enrollment) && sameReference("id_card_photo_id", idCard);
        if (o.contains(QStringLiteral("error"))) {
            const QJsonObject e = o.value(QStringLiteral("error")).toObject();
            out.errorCode = errorCodeOf(e);
            out.errorMessage = e.value(QStringLiteral("message")).toString();
            return out;
        }
        out.report = rules::ruleReportFromJson(o);
        if (!out.report) {
            out.errorCode = QStringLiteral("corrupt");
            out.errorMessage = QStringLiteral("the stored rules result cannot be read");
        }
        return out;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

Result<StoredRuleReport> loadNewestRuleReport(const Store& store, Id attemptId, const QDateTime& notAfter)
{
    QString version;
    try {
        const Database& db = store.db();
        const auto submitted = PhotoRepository(db).submittedFor(attemptId);
        if (submitted) {
            // Text timestamps in one UTC format sort as times; without a bound every row is "before".
            Sql q(db, QStringLiteral("SELECT producer_version FROM analysis_results WHERE photo_id = :p AND kind = :k "
                                     "ORDER BY CASE WHEN created_at <= :t THEN 0 ELSE 1 END, created_at DESC, id DESC LIMIT 1"));
            q.bind(QStringLiteral(":p"), submitted->id)
                .bind(QStringLiteral(":k"), kRulesResultKind)
                .bind(QStringLiteral(":t"), notAfter.isValid() ? toDbTime(notAfter) : QStringLiteral("9999"))
                .exec();
            if (q.next())
                version = q.value(0).toString();
        }
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
    // rulesProducerVersion(): "<config name>@<config version>/<model id>".
    const qsizetype slash = version.lastIndexOf(QLatin1Char('/'));
    return loadRuleReport(store, attemptId, version, slash < 0 ? QString() : version.mid(slash + 1));
}

// ---------------------------------------------------------------------------------------------

struct PreScreenService::Impl {
    PreScreenService* q = nullptr;
    std::shared_ptr<Store> store;
    PreScreenServiceOptions options;
    QThreadPool dbPool; // one thread: every store access and every control step of the service

    // Set once on the db thread; read elsewhere under `mutex`.
    mutable std::mutex mutex;
    std::shared_ptr<const FaceAnalyzer> analyzer;
    MatchBands bands;
    QString modelId;
    Error unavailable;
    std::unique_ptr<PreScreener> screener;
    std::optional<rules::RuleEngine> engine; // set with the screener; used on the db thread only
    QString rulesVersion;

    std::atomic<bool> cancelRequested{false};
    std::atomic<bool> shuttingDown{false};
    std::atomic<int> onDemandOutstanding{0};
    std::atomic<int> dbTasks{0}; // queued or running on dbPool

    // db thread only.
    std::unordered_map<Id, JobContext> inFlight;
    QSet<Id> triedThisRun;
    PreScreenRunStats stats;
    QElapsedTimer timer;
    int done = 0;
    int total = 0;

    template <class F>
    void post(F f) // runs f on the service's thread (signals are emitted there)
    {
        if (shuttingDown.load())
            return;
        QMetaObject::invokeMethod(q, std::move(f), Qt::QueuedConnection);
    }

    // Never dbPool.waitForDone() before the end: it retires the pool's thread, and with it the
    // thread's store connection. Idle is counted instead.
    template <class F>
    void onDbThread(F f)
    {
        ++dbTasks;
        dbPool.start([this, f = std::move(f)]() mutable {
            f();
            --dbTasks;
        });
    }

    void waitForDbTasks()
    {
        while (dbTasks.load() > 0)
            QThread::msleep(5);
    }

    int chunkSize() const
    {
        if (options.chunkSize > 0)
            return options.chunkSize;
        return std::max(4, 2 * (screener ? screener->threads() : 1));
    }

    bool ensureReady();
    void beginRun();
    void step();
    void finishRun(bool cancelled);
    bool buildJob(Id attemptId, bool background, PreScreenJob* job);
    void persist(const PreScreenResult& result);
    void writeResult(const JobContext& ctx, PreScreenResult result);
    QJsonObject evaluateRules(const JobContext& ctx, const PreScreenResult& r, std::vector<DuplicateIndex::Entry>* hashes);
    void failUnavailable(const Error& e);
    void startOnDemand(Id attemptId);
    std::vector<Id> selectUnscreened(int limit);
};

bool PreScreenService::Impl::ensureReady()
{
    {
        std::lock_guard lock(mutex);
        if (screener)
            return true;
    }
    q->m_state = State::Loading;
    std::shared_ptr<const FaceAnalyzer> a = options.analyzer;
    if (!a) {
        auto shared = FaceAnalyzer::shared();
        if (!shared) {
            const Error e{shared.error().code, shared.error().message};
            {
                std::lock_guard lock(mutex);
                unavailable = e;
            }
            q->m_state = State::Unavailable;
            qCWarning(lcPreScreen) << "face analysis unavailable:" << e.message;
            post([this, e] { emit q->unavailable(e); });
            return false;
        }
        a = shared.value();
    }
    MatchBands b;
    if (options.bands) {
        b = *options.bands;
    } else {
        auto loaded = loadDefaultMatchBands();
        if (!loaded) {
            const Error e{loaded.error().code, loaded.error().message};
            {
                std::lock_guard lock(mutex);
                unavailable = e;
            }
            q->m_state = State::Unavailable;
            post([this, e] { emit q->unavailable(e); });
            return false;
        }
        b = loaded.value();
    }
    // The rule configuration is read once; a broken file stops the service with a message that
    // names the field (the status bar / the CLI show it) instead of evaluating with defaults.
    rules::RuleConfig config;
    if (options.ruleConfig) {
        config = *options.ruleConfig;
    } else {
        // A school's override: the option (CLI --config), else $PHOTODESK_RULES_CONFIG (GUI).
        const QString overridePath = !options.ruleConfigPath.isEmpty() ? options.ruleConfigPath
                                                                        : rules::schoolRuleConfigPath();
        auto loaded = rules::loadRuleConfig(overridePath);
        if (!loaded) {
            failUnavailable(Error{loaded.error().code, loaded.error().message});
            return false;
        }
        config = loaded.value();
    }
    auto s = std::make_unique<PreScreener>(a, b, options.threads);
    const QString id = a->modelId();
    {
        std::lock_guard lock(mutex);
        analyzer = a;
        bands = b;
        modelId = id;
        unavailable = {};
        rulesVersion = rulesProducerVersion(config, id);
        engine.emplace(std::move(config), b);
        screener = std::move(s);
    }
    q->m_state = q->m_running ? State::Running : State::Idle;
    post([this, id] { emit q->ready(id); });
    return true;
}

void PreScreenService::Impl::failUnavailable(const Error& e)
{
    {
        std::lock_guard lock(mutex);
        unavailable = e;
    }
    q->m_state = State::Unavailable;
    qCWarning(lcPreScreen) << "pre-screen unavailable:" << e.message;
    post([this, e] { emit q->unavailable(e); });
}

std::vector<Id> PreScreenService::Impl::selectUnscreened(int limit)
{
    // Attempts tried in this pass whose result could not be stored are skipped (next pass).
    const int skip = int(triedThisRun.size() + inFlight.size());
    Sql sql(store->db(), QStringLiteral("SELECT a.id ") + unscreenedWhere(options.includeDecided, true)
                             + QStringLiteral(" ORDER BY a.deadline, a.id LIMIT %1").arg(limit + skip));
    bindUnscreened(sql, modelId, rulesVersion);
    sql.exec();
    std::vector<Id> ids;
    while (sql.next() && int(ids.size()) < limit) {
        const Id id = sql.value(0).toLongLong();
        if (!triedThisRun.contains(id) && !inFlight.count(id))
            ids.push_back(id);
    }
    return ids;
}

void PreScreenService::Impl::beginRun()
{
    if (!ensureReady()) {
        PreScreenRunStats s;
        s.cancelled = true;
        q->m_running = false;
        post([this, s] { emit q->finished(s); });
        return;
    }
    q->m_state = State::Running;
    stats = PreScreenRunStats{};
    stats.modelId = modelId;
    stats.threads = screener->threads();
    triedThisRun.clear();
    done = 0;
    total = 0;
    timer.start();
    step();
}

void PreScreenService::Impl::step()
{
    if (cancelRequested.load() || shuttingDown.load()) {
        finishRun(true);
        return;
    }
    std::vector<PreScreenJob> jobs;
    try {
        const auto remaining = countUnscreened(*store, modelId, options.includeDecided, rulesVersion);
        if (remaining) {
            int waiting = remaining.value();
            for (const auto& [id, ctx] : inFlight)
                waiting -= ctx.background ? 0 : 1; // on-demand ones are not part of the pass
            total = done + std::max(0, waiting);
        }
        const int d = done, t = total;
        post([this, d, t] { emit q->progress(d, t); });
        for (Id id : selectUnscreened(chunkSize())) {
            triedThisRun.insert(id);
            PreScreenJob job;
            if (buildJob(id, true, &job))
                jobs.push_back(std::move(job));
        }
    } catch (const StoreError& e) {
        qCWarning(lcPreScreen) << "pre-screen: the store cannot be read:" << e.message();
        ++stats.storeFailures;
        finishRun(false);
        return;
    }
    if (jobs.empty()) {
        finishRun(false);
        return;
    }
    std::lock_guard lock(mutex);
    if (cancelRequested.load()) { // cancel() came after the check above: nothing is started
        for (const PreScreenJob& j : jobs)
            inFlight.erase(j.attemptId);
        onDbThread([this] { step(); });
        return;
    }
    PreScreenCallbacks callbacks;
    callbacks.onResult = [this](const PreScreenResult& r) { onDbThread([this, r] { persist(r); }); };
    callbacks.onFinished = [this](bool) { onDbThread([this] { step(); }); };
    screener->start(std::move(jobs), std::move(callbacks));
}

void PreScreenService::Impl::finishRun(bool cancelled)
{
    // Background jobs skipped by a cancel leave their context behind.
    for (auto it = inFlight.begin(); it != inFlight.end();) {
        if (it->second.background)
            it = inFlight.erase(it);
        else
            ++it;
    }
    stats.cancelled = cancelled;
    stats.elapsedMs = timer.isValid() ? double(timer.nsecsElapsed()) / 1e6 : 0;
    if (!shuttingDown.load()) {
        if (auto r = countUnscreened(*store, modelId, options.includeDecided, rulesVersion))
            stats.remaining = r.value();
    }
    const PreScreenRunStats s = stats;
    q->m_state = State::Idle;
    q->m_running = false;
    qCDebug(lcPreScreen).noquote() << "pre-screen pass finished:" << QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact);
    post([this, s] { emit q->finished(s); });
}

bool PreScreenService::Impl::buildJob(Id attemptId, bool background, PreScreenJob* job)
{
    const Database& db = store->db();
    const auto attempt = AttemptRepository(db).find(attemptId);
    if (!attempt)
        return false;
    const PhotoRepository photos(db);
    const auto submitted = photos.submittedFor(attemptId);
    if (!submitted)
        return false;
    JobContext ctx;
    ctx.attemptId = attemptId;
    ctx.background = background;
    ctx.submitted = *submitted;
    ctx.enrollment = photos.referenceFor(attempt->studentId, PhotoRole::Enrollment);
    ctx.idCard = photos.referenceFor(attempt->studentId, PhotoRole::IdCard);

    job->attemptId = attemptId;
    job->submission.sha256 = submitted->sha256;
    if (auto bytes = store->blobs().get(submitted->sha256)) {
        job->submission.bytes = bytes.value();
        ctx.submissionBytes = bytes.value();
    } else
        ctx.blobError[0] = bytes.error().message;

    ReferenceDescriptorCache* cache = screener->cache().get();
    auto reference = [&](const std::optional<Photo>& photo, PreScreenPhoto* out, QString* blobError) {
        if (!photo)
            return;
        out->sha256 = photo->sha256;
        if (cache->find(photo->sha256))
            return;
        // Analysed before (possibly in an earlier run): take the stored descriptor.
        if (auto row = storedFacesBySha(db, photo->sha256, modelId)) {
            if (auto faces = photoFacesFromRow(parseJson(*row))) {
                cache->insert(*faces);
                if (cache->find(photo->sha256))
                    return;
            }
        }
        if (auto bytes = store->blobs().get(photo->sha256))
            out->bytes = bytes.value();
        else
            *blobError = bytes.error().message;
    };
    reference(ctx.enrollment, &job->enrollment, &ctx.blobError[1]);
    reference(ctx.idCard, &job->idCard, &ctx.blobError[2]);
    inFlight[attemptId] = std::move(ctx);
    return true;
}

void PreScreenService::Impl::persist(const PreScreenResult& result)
{
    const auto it = inFlight.find(result.attemptId);
    if (it == inFlight.end())
        return;
    const JobContext ctx = it->second;
    inFlight.erase(it);
    bool stored = true;
    try {
        writeResult(ctx, result);
    } catch (const StoreError& e) {
        stored = false;
        qCWarning(lcPreScreen) << "pre-screen: the result of attempt" << result.attemptId << "cannot be stored:" << e.message();
    }
    if (ctx.background) {
        if (stored) {
            ++done;
            ++stats.attempts;
            for (const PhotoFaces* p : {&result.submission, &result.enrollment, &result.idCard}) {
                if (p->fromCache)
                    ++stats.referencesFromCache;
                if (p->error && p->error->code == VisionErrorCode::NoFace)
                    ++stats.noFace;
            }
            for (int i = 0; i < 3; ++i) {
                const PhotoFaces& p = i == 0 ? result.submission : i == 1 ? result.enrollment : result.idCard;
                const bool present = i == 0 || (i == 1 ? ctx.enrollment.has_value() : ctx.idCard.has_value());
                if (present && (!ctx.blobError[i].isEmpty() || (p.error && p.error->code != VisionErrorCode::NoFace)))
                    ++stats.photoErrors;
            }
        } else {
            ++stats.storeFailures;
        }
        const int d = done, t = std::max(total, done);
        post([this, d, t] { emit q->progress(d, t); });
    } else {
        --onDemandOutstanding;
    }
    if (stored) {
        const Id id = result.attemptId;
        post([this, id] { emit q->attemptAnalysed(id); });
    }
}

void PreScreenService::Impl::writeResult(const JobContext& ctx, PreScreenResult r)
{
    const Database& db = store->db();
    // What could not be read from the blob store is reported as such, not as "empty".
    PhotoFaces* faces[3] = {&r.submission, &r.enrollment, &r.idCard};
    for (int i = 0; i < 3; ++i) {
        if (!ctx.blobError[i].isEmpty()) {
            faces[i]->error = visionError(VisionErrorCode::Unreadable, ctx.blobError[i]);
            faces[i]->descriptor.clear();
        }
    }
    if (r.submission.error) { // no comparison without the submitted face
        r.enrollmentMatch.reset();
        r.idCardMatch.reset();
    }

    // "faces" rows, prepared outside the transaction (chip blobs are written first).
    struct Row {
        Id photoId;
        QString json;
    };
    std::vector<Row> rows;
    const std::optional<Photo> photos[3] = {ctx.submitted, ctx.enrollment, ctx.idCard};
    for (int i = 0; i < 3; ++i) {
        if (!photos[i] || storedResult(db, photos[i]->id, kFacesResultKind, r.modelId))
            continue;
        const PhotoFaces& p = *faces[i];
        if (p.fromCache && p.chip.empty()) {
            if (auto same = storedFacesBySha(db, p.sha256, r.modelId)) { // same bytes, another photo row
                rows.push_back({photos[i]->id, *same});
                continue;
            }
        }
        QString chipSha;
        if (const QByteArray jpeg = encodeChip(p.chip); !jpeg.isEmpty()) {
            if (auto put = store->blobs().put(jpeg))
                chipSha = put.value();
        }
        PhotoFaces copy = p;
        if (copy.sha256.isEmpty())
            copy.sha256 = photos[i]->sha256;
        rows.push_back({photos[i]->id, jsonText(facesRowJson(copy, r.modelId, chipSha))});
    }

    // The rules, after every earlier attempt's hashes are in the index (this is the one db thread).
    std::vector<DuplicateIndex::Entry> hashes;
    QJsonObject rulesRow = evaluateRules(ctx, r, &hashes);
    rulesRow.insert(QStringLiteral("model_id"), r.modelId);
    rulesRow.insert(QStringLiteral("submission_photo_id"), ctx.submitted.id);
    rulesRow.insert(QStringLiteral("enrollment_photo_id"), ctx.enrollment ? QJsonValue(ctx.enrollment->id) : QJsonValue());
    rulesRow.insert(QStringLiteral("id_card_photo_id"), ctx.idCard ? QJsonValue(ctx.idCard->id) : QJsonValue());

    QJsonObject match = preScreenResultToJson(r, false);
    match.insert(QStringLiteral("submission_photo_id"), ctx.submitted.id);
    match.insert(QStringLiteral("enrollment_photo_id"), ctx.enrollment ? QJsonValue(ctx.enrollment->id) : QJsonValue());
    match.insert(QStringLiteral("id_card_photo_id"), ctx.idCard ? QJsonValue(ctx.idCard->id) : QJsonValue());

    Transaction tx(db);
    for (const Row& row : rows)
        insertResult(db, row.photoId, kFacesResultKind, r.modelId, row.json, false);
    // The comparison follows today's reference photos: a replaced reference updates it.
    insertResult(db, ctx.submitted.id, kFaceMatchResultKind, r.modelId, jsonText(match), true);
    insertResult(db, ctx.submitted.id, kRulesResultKind, rulesVersion, jsonText(rulesRow), true);
    const DuplicateIndex index(db);
    for (const DuplicateIndex::Entry& e : hashes)
        index.insert(e);
    tx.commit();
}

QJsonObject PreScreenService::Impl::evaluateRules(const JobContext& ctx, const PreScreenResult& r,
                                                  std::vector<DuplicateIndex::Entry>* hashes)
{
    const Database& db = store->db();
    if (!ctx.blobError[0].isEmpty()) // not the student's file: no verdicts on an empty one
        return QJsonObject{{QStringLiteral("error"), errorToJson(visionError(VisionErrorCode::Unreadable, ctx.blobError[0]))},
                           {QStringLiteral("config"), QJsonObject{{QStringLiteral("name"), engine->config().name},
                                                                  {QStringLiteral("version"), engine->config().version}}}};

    // Reference photos: descriptor from the analysis, pHash from the index (computed once).
    auto reference = [&](const std::optional<Photo>& photo, const PhotoFaces& faces, const QString& blobError,
                         rules::ReferencePhoto* out) {
        if (!photo)
            return;
        out->given = true;
        out->descriptor = faces.descriptor;
        out->faceWidth = faces.box.width;
        out->phash = storedHash(db, photo->id);
        if (out->phash || !blobError.isEmpty())
            return;
        auto bytes = store->blobs().get(photo->sha256);
        if (!bytes)
            return;
        auto loaded = loadImage(bytes.value(), referencePhotoLoadOptions());
        if (!loaded)
            return;
        out->phash = rules::perceptualHash(loaded->bgr);
        DuplicateIndex::Entry e;
        e.photoId = photo->id;
        e.studentId = photo->studentId;
        e.role = toString(photo->role);
        e.phash = *out->phash;
        if (!faces.descriptor.empty()) {
            e.faceCode = rules::descriptorCode(faces.descriptor);
            e.descriptor = descriptorToBytes(faces.descriptor);
        }
        hashes->push_back(e);
    };
    rules::RuleInput input;
    reference(ctx.enrollment, r.enrollment, ctx.blobError[1], &input.enrollment);
    reference(ctx.idCard, r.idCard, ctx.blobError[2], &input.idCard);

    input.bytes = ctx.submissionBytes;
    input.fileName = ctx.submitted.fileName;
    const std::optional<FaceAnalysis> analysis = analysisOf(r.submission);
    input.analysis = analysis ? &*analysis : nullptr;
    if (auto loaded = loadImage(ctx.submissionBytes))
        input.bgr = loaded->bgr;
    input.studentId = ctx.submitted.studentId;
    input.photoId = ctx.submitted.id;
    const DuplicateIndex index(db);
    input.duplicates = &index;
    rules::RuleReport report = engine->evaluate(input);
    report.file = ctx.submitted.fileName;

    if (!input.bgr.empty()) {
        DuplicateIndex::Entry e;
        e.photoId = ctx.submitted.id;
        e.studentId = ctx.submitted.studentId;
        e.role = toString(PhotoRole::Submitted);
        e.phash = rules::perceptualHash(input.bgr);
        if (!r.submission.descriptor.empty()) {
            e.faceCode = rules::descriptorCode(r.submission.descriptor);
            e.descriptor = descriptorToBytes(r.submission.descriptor);
        }
        hashes->push_back(e);
    }
    return rules::ruleReportToJson(report);
}

void PreScreenService::Impl::startOnDemand(Id attemptId)
{
    if (shuttingDown.load() || !ensureReady())
        return;
    if (inFlight.count(attemptId))
        return; // already being analysed; attemptAnalysed follows
    PreScreenJob job;
    try {
        if (!buildJob(attemptId, false, &job))
            return;
    } catch (const StoreError& e) {
        qCWarning(lcPreScreen) << "pre-screen: attempt" << attemptId << "cannot be loaded:" << e.message();
        return;
    }
    ++onDemandOutstanding;
    PreScreenCallbacks callbacks;
    callbacks.onResult = [this](const PreScreenResult& r) { onDbThread([this, r] { persist(r); }); };
    callbacks.onFinished = [this, attemptId](bool skipped) {
        if (!skipped)
            return;
        // A cancel of the background pass swept this one away too: queue it again.
        onDbThread([this, attemptId] {
            inFlight.erase(attemptId);
            --onDemandOutstanding;
            if (!shuttingDown.load())
                startOnDemand(attemptId);
        });
    };
    std::lock_guard lock(mutex);
    std::vector<PreScreenJob> jobs;
    jobs.push_back(std::move(job));
    screener->start(std::move(jobs), std::move(callbacks));
}

// ---------------------------------------------------------------------------------------------

PreScreenService::PreScreenService(std::shared_ptr<Store> store, PreScreenServiceOptions options, QObject* parent)
    : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<pd::PreScreenRunStats>();
    d->q = this;
    d->store = std::move(store);
    d->options = std::move(options);
    d->dbPool.setMaxThreadCount(1);
    d->dbPool.setExpiryTimeout(-1); // one thread for the service's life: it keeps its connection
}

PreScreenService::~PreScreenService()
{
    d->shuttingDown = true;
    d->cancelRequested = true;
    PreScreener* screener = nullptr;
    {
        std::lock_guard lock(d->mutex);
        screener = d->screener.get();
        if (screener)
            screener->cancel();
    }
    // Running analyses finish and are stored; their callbacks queue work on the db thread.
    d->waitForDbTasks();
    if (screener)
        screener->wait();
    d->waitForDbTasks();
    d->dbPool.start([store = d->store] { store->db().closeThreadConnection(); });
    d->dbPool.waitForDone();
    d->screener.reset();
}

void PreScreenService::start()
{
    if (m_running.exchange(true))
        return;
    d->cancelRequested = false;
    d->onDbThread([this] { d->beginRun(); });
}

void PreScreenService::cancel()
{
    d->cancelRequested = true;
    std::lock_guard lock(d->mutex);
    if (d->screener)
        d->screener->cancel();
}

void PreScreenService::analyseNow(Id attemptId)
{
    if (attemptId <= 0)
        return;
    d->onDbThread([this, attemptId] { d->startOnDemand(attemptId); });
}

bool PreScreenService::waitForIdle(int msecs)
{
    QElapsedTimer t;
    t.start();
    for (;;) {
        if (!m_running.load() && d->onDemandOutstanding.load() <= 0 && d->dbTasks.load() == 0)
            return true;
        if (msecs >= 0 && t.elapsed() > msecs)
            return false;
        QThread::msleep(5);
    }
}

QString PreScreenService::modelId() const
{
    std::lock_guard lock(d->mutex);
    return d->modelId;
}

const MatchBands& PreScreenService::bands() const
{
    std::lock_guard lock(d->mutex);
    return d->bands;
}

std::shared_ptr<const FaceAnalyzer> PreScreenService::analyzer() const
{
    std::lock_guard lock(d->mutex);
    return d->analyzer;
}

std::optional<rules::RuleConfig> PreScreenService::ruleConfig() const
{
    std::lock_guard lock(d->mutex);
    if (!d->engine)
        return std::nullopt;
    return d->engine->config();
}

QString PreScreenService::rulesVersion() const
{
    std::lock_guard lock(d->mutex);
    return d->rulesVersion;
}

Error PreScreenService::unavailableReason() const
{
    std::lock_guard lock(d->mutex);
    return d->unavailable;
}

} // namespace pd
