#include "core/vision/rules/BatchAnalysis.h"

#include "core/vision/CompareCommand.h"
#include "core/vision/FaceJson.h"
#include "core/vision/rules/PerceptualHash.h"
#include "core/vision/rules/RuleReportJson.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QtConcurrent>

#include <algorithm>
#include <condition_variable>
#include <optional>

namespace pd::rules {

namespace {

// "a,b,c" or "a\tb\tc" → fields; a line with a tab is split on tabs only (paths may hold commas).
QStringList splitListLine(const QString& line)
{
    const QChar sep = line.contains(QLatin1Char('\t')) ? QLatin1Char('\t') : QLatin1Char(',');
    QStringList fields = line.split(sep);
    for (QString& f : fields)
        f = f.trimmed();
    return fields;
}

QString resolve(const QString& path, const QString& baseDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || baseDir.isEmpty())
        return path;
    return QDir(baseDir).filePath(path);
}

// Reads the non-comment lines of a list file, each split into `minFields`..`maxFields` fields.
VisionResult<std::vector<QStringList>> readListLines(QIODevice& in, const QString& baseDir, int minFields, int maxFields,
                                                     int pathFields, const QString& syntax)
{
    std::vector<QStringList> lines;
    int number = 0;
    while (!in.atEnd()) {
        const QString line = QString::fromUtf8(in.readLine()).trimmed();
        ++number;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList fields = splitListLine(line);
        // A spreadsheet's header row ("file_a,file_b,same", "photo,enrollment,id_card") is not a photo.
        static const QStringList headerWords{QStringLiteral("photo"), QStringLiteral("file"), QStringLiteral("file_a"),
                                             QStringLiteral("a"), QStringLiteral("image_a"), QStringLiteral("path")};
        if (lines.empty() && headerWords.contains(fields.first(), Qt::CaseInsensitive))
            continue;
        if (fields.size() < minFields || fields.size() > maxFields || fields.first().isEmpty())
            return visionError(VisionErrorCode::Config,
                               QStringLiteral("list line %1: expected %2, got \"%3\"").arg(number).arg(syntax, line));
        for (int i = 0; i < std::min(pathFields, int(fields.size())); ++i)
            fields[i] = resolve(fields[i], baseDir);
        lines.push_back(fields);
    }
    return lines;
}

QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))
        && !s.contains(QLatin1Char('\r')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString cellText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 8);
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString csvTable(const QStringList& header, const std::vector<QMap<QString, QString>>& rows)
{
    QString out;
    QStringList cells;
    for (const QString& h : header)
        cells << csvField(h);
    out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const auto& row : rows) {
        cells.clear();
        for (const QString& h : header)
            cells << csvField(row.value(h));
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

} // namespace

VisionResult<std::vector<AnalysisItem>> readAnalysisList(QIODevice& in, const QString& baseDir)
{
    auto lines = readListLines(in, baseDir, 1, 3, 3, QStringLiteral("photo[,enrollment[,id_card]]"));
    if (!lines)
        return lines.error();
    std::vector<AnalysisItem> items;
    for (const QStringList& f : lines.value())
        items.push_back({f.value(0), f.value(1), f.value(2)});
    return items;
}

VisionResult<std::vector<ComparePair>> readPairList(QIODevice& in, const QString& baseDir)
{
    auto lines = readListLines(in, baseDir, 2, 3, 2, QStringLiteral("image_a,image_b[,label]"));
    if (!lines)
        return lines.error();
    std::vector<ComparePair> pairs;
    for (const QStringList& f : lines.value()) {
        if (f.value(1).isEmpty())
            return visionError(VisionErrorCode::Config, QStringLiteral("list line \"%1\": the second image is missing").arg(f.join(',')));
        pairs.push_back({f.value(0), f.value(1), f.value(2)});
    }
    return pairs;
}

QStringList expandPhotoPaths(const QStringList& paths)
{
    static const QStringList imageFilters{QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png"),
                                          QStringLiteral("*.bmp"), QStringLiteral("*.JPG"), QStringLiteral("*.JPEG"),
                                          QStringLiteral("*.PNG"), QStringLiteral("*.BMP")};
    QStringList files;
    for (const QString& path : paths) {
        if (!QFileInfo(path).isDir()) {
            files << path;
            continue;
        }
        QStringList found;
        QDirIterator it(path, imageFilters, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            found << it.next();
        found.sort();
        files << found;
    }
    return files;
}

PhotoAnalysisSession::PhotoAnalysisSession(std::shared_ptr<const FaceAnalyzer> analyzer, RuleEngine engine)
    : m_analyzer(std::move(analyzer)), m_engine(std::move(engine))
{
}

VisionResult<std::shared_ptr<PhotoAnalysisSession>> PhotoAnalysisSession::create(const QString& configPath)
{
    auto config = loadRuleConfig(configPath);
    if (!config)
        return config.error();
    auto models = loadSharedFaceModels();
    if (!models)
        return models.error();
    return std::shared_ptr<PhotoAnalysisSession>(
        new PhotoAnalysisSession(models->analyzer, RuleEngine(config.value(), models->bands)));
}

PhotoAnalysisSession::Reference PhotoAnalysisSession::reference(const QString& path) const
{
    {
        std::lock_guard lock(m_cacheMutex);
        if (const Reference* hit = m_references.find(path))
            return *hit;
    }
    // Analysed outside the lock: two threads may analyse the same reference once each at the
    // start of a batch, which costs less than making every other photo wait.
    Reference ref;
    ref.photo.given = true;
    QFile rf(path);
    auto loaded = rf.open(QIODevice::ReadOnly) ? loadImage(rf.readAll(), referencePhotoLoadOptions())
                                              : VisionResult<LoadedImage>(visionError(VisionErrorCode::Unreadable, rf.errorString()));
    if (!loaded) {
        ref.faces = errorToJson(loaded.error());
    } else {
        ref.photo.phash = perceptualHash(loaded->bgr);
        AnalyzeOptions options;
        options.keepChips = false;
        if (auto a = m_analyzer->analyze(loaded->bgr, options)) {
            ref.faces = analysisToJson(a.value());
            if (const DetectedFace* face = a->largest()) {
                ref.photo.descriptor = face->descriptor;
                ref.photo.faceWidth = face->box.width;
            }
            ref.analysed = true;
        } else {
            ref.faces = errorToJson(a.error());
        }
    }
    std::lock_guard lock(m_cacheMutex);
    m_references.insert(path, ref);
    return ref;
}

VisionResult<QJsonObject> PhotoAnalysisSession::analyze(const AnalysisItem& item) const
{
    QFile f(item.photo);
    if (!f.open(QIODevice::ReadOnly))
        return visionError(VisionErrorCode::Unreadable, QStringLiteral("cannot read %1: %2").arg(item.photo, f.errorString()));
    const QByteArray bytes = f.readAll();

    QJsonObject faces, matches;
    RuleInput input;
    input.bytes = bytes;
    input.fileName = QFileInfo(item.photo).fileName();
    std::optional<FaceAnalysis> photo;
    if (auto loaded = loadImage(bytes)) {
        input.bgr = loaded->bgr;
        if (auto a = m_analyzer->analyze(loaded->bgr)) {
            photo = a.value();
            photo->greyscale = loaded->greyscale;
            photo->exifOrientation = loaded->exifOrientation;
            faces.insert(QStringLiteral("photo"), analysisToJson(*photo));
        } else {
            faces.insert(QStringLiteral("photo"), errorToJson(a.error()));
        }
    } else {
        faces.insert(QStringLiteral("photo"), errorToJson(loaded.error()));
    }
    input.analysis = photo ? &*photo : nullptr;

    const auto addReference = [&](const QString& path, const QString& key, ReferencePhoto& target) {
        if (path.isEmpty()) {
            matches.insert(key, QJsonValue::Null);
            return;
        }
        const Reference ref = reference(path);
        target = ref.photo;
        faces.insert(key, ref.faces);
        const DetectedFace* mine = photo ? photo->largest() : nullptr;
        if (!ref.analysed || !mine || ref.photo.descriptor.empty()) {
            matches.insert(key, QJsonValue::Null);
            return;
        }
        auto match = matchDescriptors(mine->descriptor, ref.photo.descriptor,
                                      m_engine.bands().forFaces(mine->box.width, ref.photo.faceWidth), m_analyzer->modelId());
        matches.insert(key, match ? matchToJson(match.value()) : QJsonValue(QJsonValue::Null));
    };
    addReference(item.enrollment, QStringLiteral("enrollment"), input.enrollment);
    addReference(item.idCard, QStringLiteral("id_card"), input.idCard);

    const RuleReport report = m_engine.evaluate(input);
    QJsonObject out = ruleReportToJson(report);
    out.insert(QStringLiteral("file"), item.photo);
    out.insert(QStringLiteral("faces"), faces);
    out.insert(QStringLiteral("matches"), matches);
    out.insert(QStringLiteral("model_id"), m_analyzer->modelId());
    out.insert(QStringLiteral("failed"), QJsonArray::fromStringList(preselectedReasonIds(report)));
    return out;
}

void runOrdered(int count, int jobs, const std::function<QJsonObject(int)>& work,
                const std::function<void(int, const QJsonObject&)>& onResult, const std::function<void(int, int)>& progress)
{
    if (count <= 0)
        return;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, jobs));
    std::vector<std::optional<QJsonObject>> results(count);
    std::mutex mutex;
    std::condition_variable ready;
    // Queued in order; at most jobs run at once, so the next to onResult is never far behind.
    for (int i = 0; i < count; ++i) {
        pool.start([&, i] {
            QJsonObject r = work(i);
            std::lock_guard lock(mutex);
            results[i] = std::move(r);
            ready.notify_all();
        });
    }
    for (int i = 0; i < count; ++i) {
        QJsonObject r;
        {
            std::unique_lock lock(mutex);
            ready.wait(lock, [&] { return results[i].has_value(); });
            r = std::move(*results[i]);
            results[i].reset(); // a batch of 100 000 photos keeps only what waits to be printed
        }
        onResult(i, r);
        if (progress)
            progress(i + 1, count);
    }
    pool.waitForDone();
}

void comparePairs(const FaceAnalyzer& analyzer, const MatchBands& bands, const std::vector<ComparePair>& pairs, int jobs,
                  const std::function<void(int, const QJsonObject&)>& onResult, const std::function<void(int, int)>& progress)
{
    QStringList images;
    QHash<QString, int> indexOf;
    for (const ComparePair& p : pairs) {
        for (const QString& path : {p.a, p.b}) {
            if (!indexOf.contains(path)) {
                indexOf.insert(path, int(images.size()));
                images << path;
            }
        }
    }
    // Only what a comparison needs: the face count and the largest face's descriptor.
    struct Seen {
        std::optional<VisionError> error;
        int faces = 0;
        int faceWidth = 0;
        std::vector<float> descriptor;
    };
    std::vector<Seen> seen(images.size());
    std::mutex mutex;
    int done = 0;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, jobs));
    for (int i = 0; i < int(images.size()); ++i) {
        pool.start([&, i] {
            Seen s;
            QFile f(images[i]);
            AnalyzeOptions options;
            options.keepChips = false;
            auto a = f.open(QIODevice::ReadOnly)
                         ? analyzer.analyzeBytes(f.readAll(), options, referencePhotoLoadOptions())
                         : VisionResult<FaceAnalysis>(visionError(VisionErrorCode::Unreadable,
                                                                  QStringLiteral("cannot read %1: %2").arg(images[i], f.errorString())));
            if (!a) {
                s.error = a.error();
            } else {
                s.faces = int(a->faces.size());
                if (const DetectedFace* face = a->largest()) {
                    s.descriptor = face->descriptor;
                    s.faceWidth = face->box.width;
                }
            }
            std::lock_guard lock(mutex);
            seen[i] = std::move(s);
            ++done;
            if (progress)
                progress(done, int(images.size())); // under the lock: lines never interleave
        });
    }
    pool.waitForDone();

    for (int i = 0; i < int(pairs.size()); ++i) {
        const ComparePair& p = pairs[i];
        const Seen& a = seen[indexOf.value(p.a)];
        const Seen& b = seen[indexOf.value(p.b)];
        QJsonObject o{{QStringLiteral("a"), p.a}, {QStringLiteral("b"), p.b}, {QStringLiteral("model_id"), analyzer.modelId()}};
        if (!p.label.isEmpty())
            o.insert(QStringLiteral("label"), p.label);
        o.insert(QStringLiteral("distance"), QJsonValue::Null);
        o.insert(QStringLiteral("band"), QJsonValue::Null);
        if (a.error || b.error) {
            const VisionError& e = a.error ? *a.error : *b.error;
            o.insert(QStringLiteral("error"), e.code);
            o.insert(QStringLiteral("message"), e.message);
        } else {
            o.insert(QStringLiteral("faces_a"), a.faces);
            o.insert(QStringLiteral("faces_b"), b.faces);
            auto match = (!a.descriptor.empty() && !b.descriptor.empty())
                             ? matchDescriptors(a.descriptor, b.descriptor, bands.forFaces(a.faceWidth, b.faceWidth), analyzer.modelId())
                             : VisionResult<FaceMatch>(visionError(VisionErrorCode::NoFace, {}));
            if (match) {
                const QJsonObject m = matchToJson(match.value());
                o.insert(QStringLiteral("distance"), m.value(QStringLiteral("distance")));
                o.insert(QStringLiteral("band"), m.value(QStringLiteral("band")));
            } else {
                o.insert(QStringLiteral("error"), match.error().code);
            }
        }
        onResult(i, o);
    }
}

QString analysisReportsToCsv(const std::vector<QJsonObject>& reports)
{
    QStringList header{QStringLiteral("file"), QStringLiteral("error"), QStringLiteral("faces"),
                       QStringLiteral("match_enrollment_distance"), QStringLiteral("match_enrollment_band"),
                       QStringLiteral("match_id_card_distance"), QStringLiteral("match_id_card_band"),
                       QStringLiteral("failed")};
    // Value columns per rule, collected over all rows (a rule that was not applicable on one photo
    // still has its columns from the others).
    QHash<QString, QStringList> valueNames;
    for (const QJsonObject& report : reports) {
        for (const QJsonValue& rv : report.value(QStringLiteral("rules")).toArray()) {
            const QJsonObject rule = rv.toObject();
            QStringList& names = valueNames[rule.value(QStringLiteral("id")).toString()];
            for (const QString& key : rule.value(QStringLiteral("values")).toObject().keys())
                if (!names.contains(key))
                    names << key;
        }
    }
    for (const QString& id : allRuleIds()) {
        header << id;
        QStringList names = valueNames.value(id);
        names.sort();
        for (const QString& name : names)
            header << id + QLatin1Char('.') + name;
    }

    std::vector<QMap<QString, QString>> rows;
    rows.reserve(reports.size());
    for (const QJsonObject& report : reports) {
        QMap<QString, QString> row;
        row.insert(QStringLiteral("file"), report.value(QStringLiteral("file")).toString());
        const QJsonObject faces = report.value(QStringLiteral("faces")).toObject().value(QStringLiteral("photo")).toObject();
        // The file could not be opened, or its pixels not decoded / no face found in them.
        row.insert(QStringLiteral("error"), report.contains(QStringLiteral("error")) ? report.value(QStringLiteral("error")).toString()
                                                                                      : faces.value(QStringLiteral("error")).toString());
        if (faces.contains(QStringLiteral("faces")))
            row.insert(QStringLiteral("faces"), QString::number(faces.value(QStringLiteral("faces")).toArray().size()));
        const QJsonObject matches = report.value(QStringLiteral("matches")).toObject();
        for (const QString& ref : {QStringLiteral("enrollment"), QStringLiteral("id_card")}) {
            const QJsonObject m = matches.value(ref).toObject();
            row.insert(QStringLiteral("match_%1_distance").arg(ref), cellText(m.value(QStringLiteral("distance"))));
            row.insert(QStringLiteral("match_%1_band").arg(ref), m.value(QStringLiteral("band")).toString());
        }
        QStringList failed;
        for (const QJsonValue& v : report.value(QStringLiteral("failed")).toArray())
            failed << v.toString();
        row.insert(QStringLiteral("failed"), failed.join(QLatin1Char(';')));
        for (const QJsonValue& rv : report.value(QStringLiteral("rules")).toArray()) {
            const QJsonObject rule = rv.toObject();
            const QString id = rule.value(QStringLiteral("id")).toString();
            row.insert(id, rule.value(QStringLiteral("verdict")).toString());
            const QJsonObject values = rule.value(QStringLiteral("values")).toObject();
            for (auto it = values.begin(); it != values.end(); ++it)
                row.insert(id + QLatin1Char('.') + it.key(), cellText(it.value()));
        }
        rows.push_back(std::move(row));
    }
    return csvTable(header, rows);
}

QString compareResultsToCsv(const std::vector<QJsonObject>& results)
{
    const QStringList header{QStringLiteral("a"),       QStringLiteral("b"),       QStringLiteral("label"),
                             QStringLiteral("distance"), QStringLiteral("band"),    QStringLiteral("faces_a"),
                             QStringLiteral("faces_b"), QStringLiteral("error")};
    std::vector<QMap<QString, QString>> rows;
    rows.reserve(results.size());
    for (const QJsonObject& r : results) {
        QMap<QString, QString> row;
        for (const QString& h : header)
            row.insert(h, cellText(r.value(h)));
        rows.push_back(std::move(row));
    }
    return csvTable(header, rows);
}

} // namespace pd::rules
