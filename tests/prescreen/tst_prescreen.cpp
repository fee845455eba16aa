// The pre-screen service over small stores: every photo gets a stored "faces" row and every
// attempt a "face_match" row with the model id; same person → match band, different person →
// mismatch band; most urgent deadline first; cancellation; corrupt and unreadable photos get a
// stored error result and are not tried again; a second run (new process) does no work and
// takes reference descriptors from the store instead of recomputing them.

#include "TestSupport.h"

#include "core/prescreen/PreScreenService.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/util/Time.h"
#include "core/vision/FaceAnalyzer.h"
#include "core/vision/FaceJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace pd;
using namespace pd::test;

namespace {

struct Files {
    const char* submitted;
    const char* enrollment; // nullptr: none
    const char* idCard;     // nullptr: none
};

Id putPhoto(const Store& store, Id studentId, Id attemptId, PhotoRole role, const QByteArray& bytes, const QString& name,
            bool writeBlob = true)
{
    Photo photo;
    photo.studentId = studentId;
    photo.attemptId = role == PhotoRole::Submitted ? attemptId : 0;
    photo.role = role;
    photo.sha256 = writeBlob ? store.blobs().put(bytes).value() : BlobStore::sha256Hex(bytes);
    photo.byteSize = bytes.size();
    photo.fileName = name;
    return PhotoRepository(store.db()).insert(photo);
}

// A student with one attempt and the given photos (test portraits by file name).
SampleAttempt addAttempt(const Store& store, const QString& number, double paidHoursAgo, const Files& files)
{
    Student s;
    s.studentNumber = number;
    s.name = QStringLiteral("学生") + number.right(3);
    s.nationalId = QStringLiteral("110101200001010000");
    s.phone = QStringLiteral("13800000000");
    s.programme = QStringLiteral("法学");
    s.level = QStringLiteral("本科");
    SampleAttempt r;
    r.studentId = StudentRepository(store.db()).upsert(s);
    Attempt a;
    a.studentId = r.studentId;
    a.externalId = QStringLiteral("EXT-") + number;
    a.paidAt = utcNow().addSecs(qint64(-paidHoursAgo * 3600));
    r.attemptId = AttemptRepository(store.db()).insert(a);
    auto add = [&](const char* file, PhotoRole role) {
        if (file)
            putPhoto(store, r.studentId, r.attemptId, role, readFileOrFail(facePath(QLatin1String(file))), QLatin1String(file));
    };
    add(files.submitted, PhotoRole::Submitted);
    add(files.enrollment, PhotoRole::Enrollment);
    add(files.idCard, PhotoRole::IdCard);
    return r;
}

// A second attempt of an existing student (same reference photos).
Id addRetry(const Store& store, Id studentId, const QString& externalId, const char* submitted)
{
    Attempt a;
    a.studentId = studentId;
    a.externalId = externalId;
    a.paidAt = utcNow().addSecs(-3600);
    const Id id = AttemptRepository(store.db()).insert(a);
    putPhoto(store, studentId, id, PhotoRole::Submitted, readFileOrFail(facePath(QLatin1String(submitted))), QLatin1String(submitted));
    return id;
}

PreScreenRunStats runPass(PreScreenService& service)
{
    QSignalSpy finished(&service, &PreScreenService::finished);
    service.start();
    if (!finished.wait(120 * 1000))
        qFatal("the pre-screen pass did not finish");
    return finished.first().first().value<PreScreenRunStats>();
}

int count(const Store& store, const QString& sql)
{
    return Sql(store.db(), sql).scalar().toInt();
}

} // namespace

class TestPreScreen : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void screensEveryAttemptAndPersists();
    void mostUrgentFirst();
    void secondRunDoesNoWork();
    void corruptAndUnreadablePhotosGetErrorResults();
    void cancelStopsThePass();
    void analyseNowOnDemand();
    void newModelAnalysesAgain();

private:
    PreScreenServiceOptions options(int threads = 2) const
    {
        PreScreenServiceOptions o;
        o.analyzer = m_analyzer;
        o.threads = threads;
        return o;
    }

    std::shared_ptr<const FaceAnalyzer> m_analyzer;
};

void TestPreScreen::initTestCase()
{
    auto analyzer = FaceAnalyzer::shared();
    QVERIFY2(analyzer.ok(), analyzer.ok() ? "" : qPrintable(analyzer.error().message + QStringLiteral(" (run scripts/fetch-face-model <build-dir>)")));
    m_analyzer = analyzer.value();
}

void TestPreScreen::screensEveryAttemptAndPersists()
{
    TempStore temp;
    const Store& store = *temp.store();
    const SampleAttempt same = addAttempt(store, QStringLiteral("2020000001"), 10, {"obama_2.jpg", "obama_1.jpg", "obama_1_240p.jpg"});
    const SampleAttempt different = addAttempt(store, QStringLiteral("2020000002"), 12, {"biden_1.jpg", "obama_1.jpg", "obama_1_240p.jpg"});
    const SampleAttempt sample = addSampleAttempt(store, QStringLiteral("2020000003"), 20);
    const SampleAttempt noId = addAttempt(store, QStringLiteral("2020000004"), 5, {"obama_3.jpg", "obama_1.jpg", nullptr});

    PreScreenService service(temp.store(), options());
    QSignalSpy progress(&service, &PreScreenService::progress);
    QSignalSpy analysed(&service, &PreScreenService::attemptAnalysed);
    const PreScreenRunStats stats = runPass(service);
    QCOMPARE(stats.attempts, 4);
    QCOMPARE(stats.photoErrors, 0);
    QCOMPARE(stats.remaining, 0);
    QVERIFY(!stats.cancelled);
    QVERIFY(stats.modelId.startsWith(QStringLiteral("dlib-frnet-v1:")));
    QCOMPARE(stats.modelId, m_analyzer->modelId());
    QCOMPARE(analysed.size(), 4);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 4);
    QCOMPARE(progress.last().at(1).toInt(), 4);
    // Obama's enrollment photo is shared by three attempts: analysed once per pass at most.
    QVERIFY2(stats.referencesFromCache >= 2, qPrintable(QString::number(stats.referencesFromCache)));

    // A "faces" row for every photo, with the model id; a "face_match" row per attempt.
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM photos")), 11);
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM photos p WHERE NOT EXISTS (SELECT 1 FROM analysis_results r "
                                         "WHERE r.photo_id = p.id AND r.kind = 'faces')")),
             0);
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'face_match'")), 4);
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind <> 'rules' AND producer_version <> '%1'")
                              .arg(stats.modelId)),
             0);
    // … and a "rules" row per attempt (tst_prescreen_rules covers them).
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'rules'")), 4);

    // The stored face of a photo: box, 68 landmarks, the descriptor, the chip as a JPEG blob.
    const Photo submitted = *PhotoRepository(store.db()).submittedFor(same.attemptId);
    Sql q(store.db(), QStringLiteral("SELECT result FROM analysis_results WHERE photo_id = :p AND kind = 'faces'"));
    q.bind(QStringLiteral(":p"), submitted.id).exec();
    QVERIFY(q.next());
    const QJsonObject faces = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    QCOMPARE(faces.value(QStringLiteral("faces")).toInt(), 1);
    QCOMPARE(faces.value(QStringLiteral("landmarks")).toArray().size(), 68);
    QVERIFY(faces.value(QStringLiteral("box")).toObject().value(QStringLiteral("w")).toInt() > 50);
    const auto descriptor = descriptorFromBytes(QByteArray::fromBase64(faces.value(QStringLiteral("descriptor")).toString().toLatin1()));
    QVERIFY(descriptor && descriptor->size() == 128);
    QVERIFY(!faces.contains(QStringLiteral("chip"))); // never in the database
    const auto chip = store.blobs().get(faces.value(QStringLiteral("chip_sha256")).toString());
    QVERIFY(chip.ok());
    const cv::Mat chipImage = cv::imdecode(std::vector<uchar>(chip->begin(), chip->end()), cv::IMREAD_COLOR);
    QCOMPARE(chipImage.cols, 150);
    QCOMPARE(chipImage.rows, 150);

    // Bands: same person → match, different person → mismatch; both comparisons stored.
    auto reportOf = [&](Id attemptId) {
        auto r = loadFaceReport(store, attemptId, stats.modelId);
        if (!r)
            qFatal("loadFaceReport: %s", qPrintable(r.error().message));
        return r.value();
    };
    const FaceReport s = reportOf(same.attemptId);
    QVERIFY(s.complete);
    QVERIFY(s.enrollment.available && s.idCard.available);
    QCOMPARE(matchBandName(s.enrollment.band), QStringLiteral("match"));
    QCOMPARE(matchBandName(s.idCard.band), QStringLiteral("match"));
    QVERIFY2(s.enrollment.distance > 0 && s.enrollment.distance < 0.5, qPrintable(QString::number(s.enrollment.distance)));
    QCOMPARE(s.enrollment.modelId, stats.modelId);
    QVERIFY(!s.submission.chipJpeg.isEmpty() && !s.enrollmentPhoto.chipJpeg.isEmpty() && !s.idCardPhoto.chipJpeg.isEmpty());

    const FaceReport d = reportOf(different.attemptId);
    QVERIFY(d.complete);
    QCOMPARE(matchBandName(d.enrollment.band), QStringLiteral("mismatch"));
    QCOMPARE(matchBandName(d.idCard.band), QStringLiteral("mismatch"));
    QVERIFY2(d.enrollment.distance > 0.6, qPrintable(QString::number(d.enrollment.distance)));

    // addSampleAttempt: Ochoa's portrait against itself (enrollment) and Obama's (ID card).
    const FaceReport o = reportOf(sample.attemptId);
    QCOMPARE(matchBandName(o.enrollment.band), QStringLiteral("match"));
    QVERIFY(o.enrollment.distance < 0.05);
    QCOMPARE(matchBandName(o.idCard.band), QStringLiteral("mismatch"));

    const FaceReport n = reportOf(noId.attemptId);
    QVERIFY(n.complete);
    QVERIFY(n.enrollment.available);
    QVERIFY(!n.idCard.available);
    QCOMPARE(n.idCard.problem, QStringLiteral("no_reference"));
    QVERIFY(!n.idCardPhoto.present);
}

void TestPreScreen::mostUrgentFirst()
{
    TempStore temp;
    const Store& store = *temp.store();
    // Paid 40 h, 2 h and 30 h ago: deadlines in 8 h, 46 h and 18 h.
    const Id a40 = addAttempt(store, QStringLiteral("2020000011"), 40, {"obama_2.jpg", "obama_1.jpg", nullptr}).attemptId;
    const Id a2 = addAttempt(store, QStringLiteral("2020000012"), 2, {"biden_2.jpg", "biden_1.jpg", nullptr}).attemptId;
    const Id a30 = addAttempt(store, QStringLiteral("2020000013"), 30, {"morgan_1.jpg", "morgan_2_iss.jpg", nullptr}).attemptId;
    PreScreenServiceOptions o = options(1);
    o.chunkSize = 1;
    PreScreenService service(temp.store(), o);
    QSignalSpy analysed(&service, &PreScreenService::attemptAnalysed);
    QCOMPARE(runPass(service).attempts, 3);
    QCOMPARE(analysed.size(), 3);
    QCOMPARE(analysed.at(0).at(0).toLongLong(), a40);
    QCOMPARE(analysed.at(1).at(0).toLongLong(), a30);
    QCOMPARE(analysed.at(2).at(0).toLongLong(), a2);
}

void TestPreScreen::secondRunDoesNoWork()
{
    TempStore temp;
    const Store& store = *temp.store();
    const SampleAttempt first = addAttempt(store, QStringLiteral("2020000021"), 10, {"obama_2.jpg", "obama_1.jpg", "obama_1_240p.jpg"});
    {
        PreScreenService service(temp.store(), options());
        QCOMPARE(runPass(service).attempts, 1);
    }
    const int rows = count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results"));
    {
        // A new service (as after a restart): nothing left to do.
        PreScreenService service(temp.store(), options());
        const PreScreenRunStats again = runPass(service);
        QCOMPARE(again.attempts, 0);
        QCOMPARE(again.remaining, 0);
        QVERIFY2(again.elapsedMs < 2000, qPrintable(QString::number(again.elapsedMs)));
        QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results")), rows);

        // The student's next attempt: only the submitted photo is analysed; both reference
        // descriptors come from the stored rows, not from a new analysis.
        const Id retry = addRetry(store, first.studentId, QStringLiteral("EXT-2020000021-2"), "obama_3.jpg");
        const PreScreenRunStats third = runPass(service);
        QCOMPARE(third.attempts, 1);
        QCOMPARE(third.referencesFromCache, 2);
        const FaceReport r = loadFaceReport(store, retry, third.modelId).value();
        QVERIFY(r.complete);
        QCOMPARE(matchBandName(r.enrollment.band), QStringLiteral("match"));
        QCOMPARE(matchBandName(r.idCard.band), QStringLiteral("match"));
        // The reference chips are still there (stored by the first run).
        QVERIFY(!r.enrollmentPhoto.chipJpeg.isEmpty() && !r.idCardPhoto.chipJpeg.isEmpty());
        QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results")), rows + 3); // faces, face_match, rules
    }
}

void TestPreScreen::corruptAndUnreadablePhotosGetErrorResults()
{
    TempStore temp;
    const Store& store = *temp.store();
    // A truncated JPEG as the submission.
    const SampleAttempt corrupt = addAttempt(store, QStringLiteral("2020000031"), 10, {nullptr, "obama_1.jpg", "obama_1_240p.jpg"});
    const QByteArray whole = readFileOrFail(facePath(QStringLiteral("obama_2.jpg")));
    const Id corruptPhoto = putPhoto(store, corrupt.studentId, corrupt.attemptId, PhotoRole::Submitted, whole.left(whole.size() / 3),
                                     QStringLiteral("cut.jpg"));
    // A submission whose blob is missing from the blob store, and a text file as enrollment photo.
    const SampleAttempt missing = addAttempt(store, QStringLiteral("2020000032"), 11, {nullptr, nullptr, "biden_1.jpg"});
    putPhoto(store, missing.studentId, missing.attemptId, PhotoRole::Submitted, QByteArray("never stored"), QStringLiteral("x.jpg"), false);
    putPhoto(store, missing.studentId, 0, PhotoRole::Enrollment, QByteArray("this is not an image"), QStringLiteral("e.jpg"));
    // A photo without a face next to a good one.
    const SampleAttempt noFace = addAttempt(store, QStringLiteral("2020000033"), 12, {"biden_2.jpg", "biden_1.jpg", nullptr});
    const QByteArray blank = [] {
        std::vector<uchar> buf;
        cv::imencode(".jpg", cv::Mat(480, 360, CV_8UC3, cv::Scalar(255, 197, 100)), buf);
        return QByteArray(reinterpret_cast<const char*>(buf.data()), qsizetype(buf.size()));
    }();
    putPhoto(store, noFace.studentId, 0, PhotoRole::IdCard, blank, QStringLiteral("blank.jpg"));

    PreScreenService service(temp.store(), options());
    const PreScreenRunStats stats = runPass(service);
    QCOMPARE(stats.attempts, 3);
    QCOMPARE(stats.photoErrors, 3); // cut.jpg, x.jpg (missing blob), e.jpg
    QCOMPARE(stats.noFace, 1);
    QCOMPARE(stats.remaining, 0);

    Sql q(store.db(), QStringLiteral("SELECT result FROM analysis_results WHERE photo_id = :p AND kind = 'faces'"));
    q.bind(QStringLiteral(":p"), corruptPhoto).exec();
    QVERIFY(q.next());
    const QJsonObject row = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    const QString code = row.value(QStringLiteral("error")).toObject().value(QStringLiteral("error")).toString();
    QVERIFY2(code == QLatin1String("truncated") || code == QLatin1String("corrupt"), qPrintable(q.value(0).toString()));
    QVERIFY(!row.contains(QStringLiteral("descriptor")));

    const FaceReport c = loadFaceReport(store, corrupt.attemptId, stats.modelId).value();
    QVERIFY(c.complete);
    QVERIFY(!c.enrollment.available && !c.idCard.available);
    QCOMPARE(c.enrollment.problem, code);
    QCOMPARE(c.submission.errorCode, code);
    QVERIFY(c.enrollmentPhoto.errorCode.isEmpty() && !c.enrollmentPhoto.chipJpeg.isEmpty());

    const FaceReport m = loadFaceReport(store, missing.attemptId, stats.modelId).value();
    QCOMPARE(m.submission.errorCode, QStringLiteral("unreadable"));
    QCOMPARE(m.enrollmentPhoto.errorCode, QStringLiteral("unsupported_format"));
    QCOMPARE(m.idCard.problem, QStringLiteral("unreadable"));

    const FaceReport n = loadFaceReport(store, noFace.attemptId, stats.modelId).value();
    QVERIFY(n.enrollment.available);
    QCOMPARE(matchBandName(n.enrollment.band), QStringLiteral("match"));
    QVERIFY(!n.idCard.available);
    QCOMPARE(n.idCard.problem, QStringLiteral("no_face"));
    QCOMPARE(n.idCardPhoto.errorCode, QStringLiteral("no_face"));

    // Not tried again: the errors are results.
    const PreScreenRunStats again = runPass(service);
    QCOMPARE(again.attempts, 0);
}

void TestPreScreen::cancelStopsThePass()
{
    TempStore temp;
    const Store& store = *temp.store();
    const char* people[][2] = {{"obama_2.jpg", "obama_1.jpg"}, {"biden_2.jpg", "biden_1.jpg"}, {"morgan_1.jpg", "morgan_2_iss.jpg"},
                               {"hague_1.jpg", "koch_1.jpg"},  {"meir_1.jpg", "wilson_1.jpg"},  {"melvin_1.jpg", "ochoa_1.jpg"},
                               {"obama_3.jpg", "obama_2.jpg"}, {"biden_1.jpg", "biden_2.jpg"}};
    int n = 0;
    for (const auto& p : people) {
        ++n;
        addAttempt(store, QStringLiteral("20200001%1").arg(n, 2, 10, QLatin1Char('0')), 10 + n, {p[0], p[1], nullptr});
    }
    PreScreenServiceOptions o = options(1);
    o.chunkSize = 4;
    PreScreenService service(temp.store(), o);
    QSignalSpy finished(&service, &PreScreenService::finished);
    connect(&service, &PreScreenService::progress, &service, [&service](int done, int) {
        if (done >= 1)
            service.cancel();
    });
    service.start();
    QVERIFY(service.isRunning());
    QVERIFY(finished.wait(60 * 1000));
    const PreScreenRunStats stats = finished.first().first().value<PreScreenRunStats>();
    QVERIFY(stats.cancelled);
    QVERIFY2(stats.attempts >= 1 && stats.attempts < 8, qPrintable(QString::number(stats.attempts)));
    QCOMPARE(stats.remaining, 8 - stats.attempts);
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'face_match'")), stats.attempts);
    QVERIFY(!service.isRunning());

    // Started again, the pass finishes the rest and nothing twice.
    disconnect(&service, &PreScreenService::progress, &service, nullptr);
    const PreScreenRunStats rest = runPass(service);
    QVERIFY(!rest.cancelled);
    QCOMPARE(rest.attempts, 8 - stats.attempts);
    QCOMPARE(rest.remaining, 0);
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'face_match'")), 8);
}

void TestPreScreen::analyseNowOnDemand()
{
    TempStore temp;
    const Store& store = *temp.store();
    const SampleAttempt a = addAttempt(store, QStringLiteral("2020000041"), 10, {"obama_2.jpg", "obama_1.jpg", "biden_1.jpg"});
    PreScreenService service(temp.store(), options());
    QSignalSpy analysed(&service, &PreScreenService::attemptAnalysed);
    QSignalSpy ready(&service, &PreScreenService::ready);
    service.analyseNow(a.attemptId);
    QVERIFY(analysed.wait(60 * 1000));
    QCOMPARE(analysed.first().first().toLongLong(), a.attemptId);
    QCOMPARE(ready.size(), 1);
    const FaceReport r = loadFaceReport(store, a.attemptId, service.modelId()).value();
    QVERIFY(r.complete);
    QCOMPARE(matchBandName(r.enrollment.band), QStringLiteral("match"));
    QCOMPARE(matchBandName(r.idCard.band), QStringLiteral("mismatch"));
    // The background pass finds nothing left.
    QCOMPARE(runPass(service).attempts, 0);
}

void TestPreScreen::newModelAnalysesAgain()
{
    TempStore temp;
    const Store& store = *temp.store();
    const SampleAttempt a = addAttempt(store, QStringLiteral("2020000051"), 10, {"obama_2.jpg", "obama_1.jpg", nullptr});
    PreScreenService service(temp.store(), options());
    const PreScreenRunStats stats = runPass(service);
    QCOMPARE(stats.attempts, 1);
    // Rows of another model do not count as results for this one.
    Sql(store.db(), QStringLiteral("UPDATE analysis_results SET producer_version = 'dlib-frnet-v1:0000000000000000'")).exec();
    QCOMPARE(countUnscreened(store, stats.modelId).value(), 1);
    QVERIFY(!loadFaceReport(store, a.attemptId, stats.modelId).value().complete);
    const PreScreenRunStats again = runPass(service);
    QCOMPARE(again.attempts, 1);
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'face_match'")), 2);
}

QTEST_GUILESS_MAIN(TestPreScreen)
#include "tst_prescreen.moc"
