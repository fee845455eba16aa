// The pre-screen service runs the photo rules: every attempt gets a stored "rules" row (the rule
// report with the configuration's name and version) next to its face comparison, computed from
// the same face analysis; every submitted photo lands in the duplicate index, so a re-upload of
// another student's photo fails NOT_REUSED; an invalid rule configuration makes the service
// unavailable with a message naming the field (no crash); on the demo store the known failures
// of demo.json are flagged, and its "clean" attempts pass every rule and fill the clean lane.

#include "TestSupport.h"

#include "core/auth/AuthService.h"
#include "core/demo/DemoSeeder.h"
#include "core/notify/SmsComposer.h"
#include "core/review/CleanLane.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/prescreen/PreScreenService.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/util/Time.h"
#include "core/vision/FaceAnalyzer.h"
#include "core/vision/rules/RuleReportJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;
using namespace pd::test;

namespace {

Id putPhoto(const Store& store, Id studentId, Id attemptId, PhotoRole role, const QByteArray& bytes, const QString& name)
{
    Photo photo;
    photo.studentId = studentId;
    photo.attemptId = role == PhotoRole::Submitted ? attemptId : 0;
    photo.role = role;
    photo.sha256 = store.blobs().put(bytes).value();
    photo.byteSize = bytes.size();
    photo.fileName = name;
    return PhotoRepository(store.db()).insert(photo);
}

// A student with one attempt: submitted photo (bytes), enrollment photo (a test portrait).
SampleAttempt addAttempt(const Store& store, const QString& number, double paidHoursAgo, const QByteArray& submitted,
                         const char* enrollment)
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
    putPhoto(store, r.studentId, r.attemptId, PhotoRole::Submitted, submitted, QStringLiteral("photo.jpg"));
    if (enrollment)
        putPhoto(store, r.studentId, 0, PhotoRole::Enrollment, readFileOrFail(facePath(QLatin1String(enrollment))),
                 QLatin1String(enrollment));
    return r;
}

PreScreenRunStats runPass(PreScreenService& service)
{
    QSignalSpy finished(&service, &PreScreenService::finished);
    service.start();
    if (!finished.wait(200 * 1000))
        qFatal("the pre-screen pass did not finish");
    return finished.first().first().value<PreScreenRunStats>();
}

int count(const Store& store, const QString& sql)
{
    return Sql(store.db(), sql).scalar().toInt();
}

rules::Verdict verdictOf(const StoredRuleReport& r, const QString& id)
{
    if (!r.report)
        return rules::Verdict::Error;
    const rules::RuleResult* result = r.report->find(id);
    return result ? result->verdict : rules::Verdict::Error;
}

} // namespace

class TestPreScreenRules : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void rulesRowsPersistedWithConfigVersion();
    void reuploadOfAnotherStudentsPhotoFailsNotReused();
    void invalidConfigMakesServiceUnavailable();
    void demoStoreKnownFailuresAreFlagged();
    void demoCleanAttemptsFillTheCleanLane();

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

void TestPreScreenRules::initTestCase()
{
    auto analyzer = FaceAnalyzer::shared();
    QVERIFY2(analyzer.ok(), analyzer.ok() ? "" : qPrintable(analyzer.error().message + QStringLiteral(" (run scripts/fetch-face-model <build-dir>)")));
    m_analyzer = analyzer.value();
}

void TestPreScreenRules::rulesRowsPersistedWithConfigVersion()
{
    TempStore temp;
    const Store& store = *temp.store();
    const SampleAttempt a = addAttempt(store, QStringLiteral("2020000001"), 20, readFileOrFail(facePath(QStringLiteral("obama_2.jpg"))), "obama_1.jpg");
    const SampleAttempt b = addAttempt(store, QStringLiteral("2020000002"), 10, readFileOrFail(facePath(QStringLiteral("biden_1.jpg"))), "obama_1.jpg");
    PreScreenService service(temp.store(), options());
    const PreScreenRunStats stats = runPass(service);
    QCOMPARE(stats.attempts, 2);
    const auto config = service.ruleConfig();
    QVERIFY(config.has_value());
    const QString version = service.rulesVersion();
    QCOMPARE(version, rulesProducerVersion(*config, stats.modelId));
    QVERIFY(version.contains(config->name));

    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'rules'")), 2);
    const QString row = Sql(store.db(), QStringLiteral("SELECT result FROM analysis_results WHERE kind = 'rules' ORDER BY id LIMIT 1"))
                            .scalar().toString();
    const QJsonObject json = QJsonDocument::fromJson(row.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("config")).toObject().value(QStringLiteral("name")).toString(), config->name);
    QCOMPARE(json.value(QStringLiteral("config")).toObject().value(QStringLiteral("version")).toInt(), config->version);
    QCOMPARE(json.value(QStringLiteral("rules")).toArray().size(), 28);
    QCOMPARE(json.value(QStringLiteral("model_id")).toString(), stats.modelId);

    // Both submissions and the (shared-bytes) enrollment photos are in the duplicate index.
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM photo_hashes WHERE role = 'submitted'")), 2);
    QVERIFY(count(store, QStringLiteral("SELECT COUNT(*) FROM photo_hashes WHERE role = 'enrollment'")) >= 1);

    const auto same = loadRuleReport(store, a.attemptId, version, stats.modelId);
    QVERIFY(same.ok());
    QVERIFY(same.value().complete);
    QVERIFY(same.value().report.has_value());
    QCOMPARE(same.value().landmarks.size(), 68);
    QVERIFY(same.value().faceBox.width() > 0);
    QCOMPARE(verdictOf(same.value(), QStringLiteral("SINGLE_FACE")), rules::Verdict::Pass);
    QVERIFY(verdictOf(same.value(), QStringLiteral("MATCH_ENROLLMENT")) != rules::Verdict::Fail);
    const auto other = loadRuleReport(store, b.attemptId, version, stats.modelId);
    QVERIFY(other.ok() && other.value().report);
    QCOMPARE(verdictOf(other.value(), QStringLiteral("MATCH_ENROLLMENT")), rules::Verdict::Fail);
    QVERIFY(rules::preselectedReasonIds(*other.value().report).contains(QStringLiteral("MATCH_ENROLLMENT")));
    QCOMPARE(countUnscreened(store, stats.modelId, false, version).value(), 0);

    // A new rule-set version evaluates again; the face rows are not recomputed.
    Sql(store.db(), QStringLiteral("UPDATE analysis_results SET producer_version = 'old@1/x' WHERE kind = 'rules'")).exec();
    QCOMPARE(countUnscreened(store, stats.modelId, false, version).value(), 2);
    const int facesBefore = count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'faces'"));
    QCOMPARE(runPass(service).attempts, 2);
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'rules'")), 4);
    QCOMPARE(count(store, QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'faces'")), facesBefore);
}

void TestPreScreenRules::reuploadOfAnotherStudentsPhotoFailsNotReused()
{
    TempStore temp;
    const Store& store = *temp.store();
    const QByteArray photo = readFileOrFail(facePath(QStringLiteral("obama_2.jpg")));
    const SampleAttempt first = addAttempt(store, QStringLiteral("2020000011"), 30, photo, "obama_1.jpg");
    PreScreenService service(temp.store(), options());
    QCOMPARE(runPass(service).attempts, 1);
    const QString version = service.rulesVersion();
    QCOMPARE(verdictOf(loadRuleReport(store, first.attemptId, version, service.modelId()).value(), QStringLiteral("NOT_REUSED")),
             rules::Verdict::Pass);

    // Another student uploads the same picture, re-encoded bytes not needed: the same file.
    const SampleAttempt copy = addAttempt(store, QStringLiteral("2020000012"), 5, photo, "biden_1.jpg");
    QCOMPARE(runPass(service).attempts, 1);
    const auto report = loadRuleReport(store, copy.attemptId, version, service.modelId());
    QVERIFY(report.ok() && report.value().report);
    QCOMPARE(verdictOf(report.value(), QStringLiteral("NOT_REUSED")), rules::Verdict::Fail);
    QVERIFY(rules::preselectedReasonIds(*report.value().report).contains(QStringLiteral("NOT_REUSED")));

    // Within one pass too: the attempt stored second sees the first one's hashes.
    const SampleAttempt x = addAttempt(store, QStringLiteral("2020000013"), 3, readFileOrFail(facePath(QStringLiteral("meir_1.jpg"))), nullptr);
    const SampleAttempt y = addAttempt(store, QStringLiteral("2020000014"), 2, readFileOrFail(facePath(QStringLiteral("meir_1.jpg"))), nullptr);
    QCOMPARE(runPass(service).attempts, 2);
    int reusedFails = 0;
    for (Id id : {x.attemptId, y.attemptId})
        reusedFails += verdictOf(loadRuleReport(store, id, version, service.modelId()).value(), QStringLiteral("NOT_REUSED")) == rules::Verdict::Fail;
    QCOMPARE(reusedFails, 1);
}

void TestPreScreenRules::invalidConfigMakesServiceUnavailable()
{
    TempStore temp;
    addAttempt(*temp.store(), QStringLiteral("2020000021"), 5, readFileOrFail(facePath(QStringLiteral("obama_2.jpg"))), nullptr);
    const QString path = temp.dir() + QStringLiteral("/school-rules.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"name":"school","version":2,"rules":{"SHARPNESS":{"min_laplacian_nonsense":3}}})");
    f.close();
    PreScreenServiceOptions o = options();
    o.ruleConfigPath = path;
    PreScreenService service(temp.store(), o);
    QSignalSpy unavailable(&service, &PreScreenService::unavailable);
    const PreScreenRunStats stats = runPass(service);
    QCOMPARE(stats.attempts, 0);
    QCOMPARE(service.state(), PreScreenService::State::Unavailable);
    QCOMPARE(service.unavailableReason().code, QStringLiteral("config"));
    QVERIFY2(service.unavailableReason().message.contains(QStringLiteral("min_laplacian_nonsense")),
             qPrintable(service.unavailableReason().message));
    QTRY_COMPARE(unavailable.count(), 1);
    QCOMPARE(count(*temp.store(), QStringLiteral("SELECT COUNT(*) FROM analysis_results")), 0);
}

void TestPreScreenRules::demoStoreKnownFailuresAreFlagged()
{
    const QString demoDir = qEnvironmentVariable("PHOTODESK_SHARE_DIR") + QStringLiteral("/demo");
    QFile manifest(demoDir + QStringLiteral("/demo.json"));
    if (!manifest.open(QIODevice::ReadOnly))
        QSKIP("no demo data in the share folder");
    const QJsonObject demo = QJsonDocument::fromJson(manifest.readAll()).object();
    QTemporaryDir dir;
    const QString dbPath = dir.path() + QStringLiteral("/pd.sqlite");
    auto seeded = seedDemo(dbPath, demoDir);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
    auto store = Store::open(dbPath, {});
    QVERIFY(store.ok());
    PreScreenServiceOptions o = options();
    o.includeDecided = true;
    PreScreenService service(store.value(), o);
    const PreScreenRunStats stats = runPass(service);
    QVERIFY(stats.attempts > 0);
    QCOMPARE(stats.storeFailures, 0);

    // The rules a machine must catch without doubt; the others are reported, not asserted.
    const QStringList clearCut{QStringLiteral("FILE_FORMAT"), QStringLiteral("FILE_SIZE"), QStringLiteral("BACKGROUND_BLUE"),
                               QStringLiteral("MATCH_ENROLLMENT"), QStringLiteral("MATCH_ID"), QStringLiteral("SHARPNESS")};
    int asserted = 0, caught = 0, expected = 0;
    for (const QJsonValue& v : demo.value(QStringLiteral("attempts")).toArray()) {
        const QJsonObject a = v.toObject();
        const auto attempt = AttemptRepository(store.value()->db()).findByExternalId(a.value(QStringLiteral("external_id")).toString());
        QVERIFY(attempt);
        const auto report = loadRuleReport(*store.value(), attempt->id, service.rulesVersion(), service.modelId());
        QVERIFY(report.ok());
        QVERIFY2(report.value().report, qPrintable(a.value(QStringLiteral("key")).toString()));
        const QStringList failed = report.value().report->idsWith(rules::Verdict::Fail);
        // A twin's photo is within the same-person band of the descriptor (docs/face-analysis.md:
        // a known limitation), so it is no clear-cut MATCH_* case.
        const bool twin = a.value(QStringLiteral("decision")).toObject().value(QStringLiteral("note")).toString().contains(QStringLiteral("双胞胎"));
        for (const QJsonValue& f : a.value(QStringLiteral("fails")).toArray()) {
            const QString rule = f.toString();
            ++expected;
            caught += failed.contains(rule);
            if (clearCut.contains(rule) && !(twin && rule.startsWith(QLatin1String("MATCH_")))) {
                ++asserted;
                QVERIFY2(failed.contains(rule), qPrintable(QStringLiteral("%1: %2 not flagged (failed: %3)")
                                                               .arg(a.value(QStringLiteral("key")).toString(), rule, failed.join(u','))));
            }
        }
        if (a.value(QStringLiteral("expect")).toString() == QLatin1String("good") && !failed.isEmpty())
        {
            QStringList why;
            for (const QString& id : failed)
                why << id + QStringLiteral(" (") + report.value().report->find(id)->explanationEn + QLatin1Char(')');
            qInfo("%s (good): rules failed: %s", qPrintable(a.value(QStringLiteral("key")).toString()), qPrintable(why.join(QStringLiteral(", "))));
        }
    }
    qInfo("demo store: %d of %d expected failures flagged (%d clear-cut asserted)", caught, expected, asserted);
    QVERIFY(asserted > 0);
}

// The demo's "clean" attempts (a submission made from another picture of the student's person
// than the reference photos: tools/demo-photos) pass every rule with both faces in the match
// band, and the seeder switched the lane on: the demo reviewer's first page holds exactly them.
// Screened as the demo screens (pending attempts only): decided attempts are not in the
// duplicate index then. (With them, a045 meets a011's face code within the 4-bit radius and
// NOT_REUSED fails it: the index decides by face code alone, it has no descriptors to verify.)
void TestPreScreenRules::demoCleanAttemptsFillTheCleanLane()
{
    const QString demoDir = qEnvironmentVariable("PHOTODESK_SHARE_DIR") + QStringLiteral("/demo");
    QFile manifest(demoDir + QStringLiteral("/demo.json"));
    if (!manifest.open(QIODevice::ReadOnly))
        QSKIP("no demo data in the share folder");
    const QJsonObject demo = QJsonDocument::fromJson(manifest.readAll()).object();
    QTemporaryDir dir;
    const QString dbPath = dir.path() + QStringLiteral("/pd.sqlite");
    auto seeded = seedDemo(dbPath, demoDir);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
    QVERIFY(seeded->cleanLaneOn);
    auto store = Store::open(dbPath, {});
    QVERIFY(store.ok());
    PreScreenService service(store.value(), options());
    QCOMPARE(runPass(service).storeFailures, 0);

    QStringList clean;
    for (const QJsonValue& v : demo.value(QStringLiteral("attempts")).toArray()) {
        const QJsonObject a = v.toObject();
        if (a.value(QStringLiteral("expect")).toString() != QLatin1String("clean"))
            continue;
        const QString key = a.value(QStringLiteral("key")).toString();
        const auto attempt = AttemptRepository(store.value()->db()).findByExternalId(a.value(QStringLiteral("external_id")).toString());
        QVERIFY(attempt);
        const auto report = loadRuleReport(*store.value(), attempt->id, service.rulesVersion(), service.modelId());
        QVERIFY(report.ok());
        QVERIFY2(report.value().report, qPrintable(key));
        QStringList why;
        for (const QString& id : report.value().report->idsWith(rules::Verdict::Fail))
            why << id + QStringLiteral(" (") + report.value().report->find(id)->explanationEn + QLatin1Char(')');
        QVERIFY2(why.isEmpty(), qPrintable(key + QStringLiteral(" fails ") + why.join(QStringLiteral(", "))));
        QVERIFY2(report.value().report->idsWith(rules::Verdict::Error).isEmpty(), qPrintable(key));
        clean << a.value(QStringLiteral("external_id")).toString();
    }
    QVERIFY(!clean.isEmpty());

    const auto reviewer = AuthService(store.value()).login(QStringLiteral("reviewer"), QStringLiteral("review-demo-1"));
    QVERIFY(reviewer.ok());
    const CleanLane lane(store.value(), std::make_shared<DecisionService>(store.value(), ReasonCatalog::builtIn(), SmsComposer::builtIn()),
                         std::make_shared<ClaimService>(store.value()));
    const auto page = lane.nextPage(reviewer.value(), AnalysisVersions{service.modelId(), service.rulesVersion()});
    QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().code));
    QStringList shown;
    for (const CleanLaneItem& item : page.value().items) {
        shown << item.externalId;
        QCOMPARE(item.judgement.exclusion, QString());
    }
    QCOMPARE(shown, clean);
}

QTEST_GUILESS_MAIN(TestPreScreenRules)
#include "tst_prescreen_rules.moc"
