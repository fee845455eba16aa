// The hotline's view of a submitted photo (core/hotline/SubmittedPhotoViewer): who may open it,
// that it is audited in the chain, that it carries the submitted photo and nothing else, that
// the flags and SMS are the stored ones, and the error codes of a photo that cannot be shown.
// Also run as tst_hotlinephoto_pg against PostgreSQL.

#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/hotline/SubmittedPhotoViewer.h"
#include "core/notify/SmsComposer.h"
#include "core/notify/SmsOutbox.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"
#include "core/vision/rules/RuleReportJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace pd;

namespace {

const QString kModel = QStringLiteral("test-model:0123456789abcdef");

struct Fixture {
    test::TempStore t;
    Session agent, supervisor, admin, reviewer;
    Id studentId = 0, attemptId = 0;
    QByteArray submitted, enrollment, idCard;

    Fixture()
    {
        agent = test::addUser(t.store(), QStringLiteral("agent"), Role::HotlineAgent);
        supervisor = test::addUser(t.store(), QStringLiteral("boss"), Role::Supervisor);
        admin = test::addUser(t.store(), QStringLiteral("admin"), Role::Administrator);
        reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        // Three different files, so "only the submitted photo" can be told from the others.
        submitted = test::readFileOrFail(test::facePath(QStringLiteral("ochoa_1.jpg")));
        enrollment = test::readFileOrFail(test::facePath(QStringLiteral("obama_1.jpg")));
        idCard = test::readFileOrFail(test::facePath(QStringLiteral("obama_1_240p.jpg")));
        Student s;
        s.studentNumber = QStringLiteral("2019015001");
        s.name = QStringLiteral("学生甲");
        s.nationalId = QStringLiteral("110101200001015001");
        s.phone = QStringLiteral("13800005001");
        studentId = StudentRepository(t.store()->db()).upsert(s);
        addPhoto(0, PhotoRole::Enrollment, enrollment);
        addPhoto(0, PhotoRole::IdCard, idCard);
        attemptId = addAttempt(QStringLiteral("EXT-5001-1"), submitted);
    }

    Id addAttempt(const QString& externalId, const QByteArray& photo)
    {
        Attempt a;
        a.studentId = studentId;
        a.externalId = externalId;
        a.paidAt = utcNow().addSecs(-3600);
        const Id id = AttemptRepository(t.store()->db()).insert(a);
        if (!photo.isEmpty())
            addPhoto(id, PhotoRole::Submitted, photo);
        return id;
    }

    Id addPhoto(Id attempt, PhotoRole role, const QByteArray& bytes, qint64 byteSize = -1)
    {
        Photo p;
        p.studentId = studentId;
        p.attemptId = attempt;
        p.role = role;
        p.sha256 = t.store()->blobs().put(bytes).value();
        p.byteSize = byteSize < 0 ? bytes.size() : byteSize;
        p.fileName = QStringLiteral("photo.jpg");
        return PhotoRepository(t.store()->db()).insert(p);
    }

    Id submittedPhotoId() const { return PhotoRepository(t.store()->db()).submittedFor(attemptId)->id; }

    void putResult(const QString& kind, const QString& version, const QJsonObject& row, const QDateTime& at)
    {
        Sql(t.store()->db(), QStringLiteral("INSERT INTO analysis_results (photo_id, kind, producer_version, result, created_at) "
                                            "VALUES (:p, :k, :v, :r, :t)"))
            .bind(QStringLiteral(":p"), submittedPhotoId())
            .bind(QStringLiteral(":k"), kind)
            .bind(QStringLiteral(":v"), version)
            .bind(QStringLiteral(":r"), QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact)))
            .bind(QStringLiteral(":t"), toDbTime(at))
            .exec();
    }

    // A rules row as the pre-screen writes it: every rule passes except `verdicts`.
    void putRules(int configVersion, const QHash<QString, rules::Verdict>& verdicts, const QDateTime& at)
    {
        rules::RuleReport report;
        report.configName = QStringLiteral("test-rules");
        report.configVersion = configVersion;
        for (const QString& id : rules::allRuleIds()) {
            rules::RuleResult r;
            r.id = id;
            r.kind = *rules::ruleKind(id);
            r.verdict = verdicts.value(id, r.kind == rules::RuleKind::Checklist ? rules::Verdict::NotApplicable : rules::Verdict::Pass);
            if (r.verdict == rules::Verdict::Fail) {
                r.explanationZh = QStringLiteral("照片模糊");
                r.explanationEn = QStringLiteral("the photo is blurred");
                r.regions.append({QStringLiteral("face"), QRect(40, 60, 120, 150)});
            }
            report.results.push_back(r);
        }
        putResult(kRulesResultKind, QStringLiteral("test-rules@%1/%2").arg(configVersion).arg(kModel), rules::ruleReportToJson(report), at);
    }

    void putFaces(const QDateTime& at)
    {
        QJsonArray landmarks;
        for (int i = 0; i < 68; ++i)
            landmarks.append(QJsonArray{100 + i, 200 + i});
        putResult(kFacesResultKind, kModel,
                  QJsonObject{{QStringLiteral("faces"), 1},
                              {QStringLiteral("box"), QJsonObject{{QStringLiteral("x"), 30}, {QStringLiteral("y"), 50},
                                                                   {QStringLiteral("w"), 140}, {QStringLiteral("h"), 160}}},
                              {QStringLiteral("landmarks"), landmarks}},
                  at);
    }

    int views() const
    {
        return Sql(t.store()->db(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'photo.view'")).scalar().toInt();
    }

    void reject(const QStringList& reasons, const QString& note = {})
    {
        DecisionService decisions(t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
        const auto decided = decisions.decide(reviewer, {attemptId, Verdict::Reject, reasons, note});
        QVERIFY2(decided.ok(), decided.ok() ? "" : qPrintable(decided.error().message));
    }
};

} // namespace

class TestHotlinePhoto : public QObject {
    Q_OBJECT
private slots:
    void rolesFollowTheReveal()
    {
        Fixture f;
        SubmittedPhotoViewer viewer(f.t.store());
        const auto refused = viewer.open(f.reviewer, f.attemptId);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("forbidden"));
        QCOMPARE(f.views(), 0); // a refusal reads nothing and records no view
        QVERIFY(!SubmittedPhotoViewer::mayView(Role::Reviewer));
        for (const Session& who : {f.agent, f.supervisor, f.admin}) {
            QVERIFY2(SubmittedPhotoViewer::mayView(who.role), qPrintable(who.username));
            QVERIFY2(viewer.open(who, f.attemptId).ok(), qPrintable(who.username));
        }
        QCOMPARE(f.views(), 3);
    }

    void onlyTheSubmittedPhotoAndTheViewIsAudited()
    {
        Fixture f;
        const int eventsBefore = AuditLog(f.t.store()->db()).count();
        const auto view = SubmittedPhotoViewer(f.t.store()).open(f.agent, f.attemptId);
        QVERIFY(view.ok());
        QCOMPARE(view->attemptId, f.attemptId);
        QCOMPARE(view->studentId, f.studentId);
        QCOMPARE(view->externalId, QStringLiteral("EXT-5001-1"));
        QCOMPARE(view->bytes, f.submitted);
        QVERIFY(view->bytes != f.enrollment && view->bytes != f.idCard);
        QCOMPARE(toString(view->photo.role), toString(PhotoRole::Submitted));
        QCOMPARE(view->photo.id, f.submittedPhotoId());
        QVERIFY(!view->decision);
        QVERIFY(!view->rules.report); // never pre-screened
        QVERIFY(view->sms.empty());

        // One event: who, which attempt, which student and photo; the chain still verifies.
        QCOMPARE(AuditLog(f.t.store()->db()).count(), eventsBefore + 1);
        const auto events = AuditLog(f.t.store()->db()).forObject(QStringLiteral("attempt"), QString::number(f.attemptId));
        QCOMPARE(int(events.size()), 1);
        const AuditEvent& e = events.front();
        QCOMPARE(e.action, QStringLiteral("photo.view"));
        QCOMPARE(e.actor, QStringLiteral("agent"));
        QCOMPARE(e.actorId, f.agent.userId);
        QVERIFY(e.at.isValid());
        const QJsonObject after = QJsonDocument::fromJson(e.after.toUtf8()).object();
        QCOMPARE(after.value(QStringLiteral("student")).toInteger(), f.studentId);
        QCOMPARE(after.value(QStringLiteral("photo")).toInteger(), f.submittedPhotoId());
        QCOMPARE(after.value(QStringLiteral("role")).toString(), QStringLiteral("submitted"));
        const auto verified = AuditLog(f.t.store()->db()).verify();
        QVERIFY2(verified.ok, qPrintable(verified.problem));
    }

    void flagsReasonsAndSmsAreTheStoredOnes()
    {
        Fixture f;
        const QDateTime before = utcNow().addSecs(-60);
        f.putFaces(before);
        f.putRules(1, {{QStringLiteral("SHARPNESS"), rules::Verdict::Fail}, {QStringLiteral("HEAD_SIZE"), rules::Verdict::Warn}}, before);
        f.reject({QStringLiteral("SHARPNESS")}, QStringLiteral("内部备注：很糊"));
        // A later rule set, evaluated after the decision, is not what the reviewer saw.
        f.putRules(2, {}, utcNow().addSecs(60));
        // A second attempt of the same student with its own SMS must stay out of this view.
        const Id other = f.addAttempt(QStringLiteral("EXT-5001-2"), f.enrollment);
        QVERIFY(DecisionService(f.t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn())
                    .decide(f.reviewer, {other, Verdict::Approve, {}, {}})
                    .ok());

        // The decision's SMS is sent and delivered; the agent then resends it.
        SmsOutbox outbox(f.t.store()->db());
        const auto jobs = outbox.claim(10, 60000, QStringLiteral("test"));
        QCOMPARE(int(jobs.size()), 2);
        for (const SmsJob& job : jobs)
            QVERIFY(outbox.markSent(job.id, QStringLiteral("test"), QStringLiteral("generic"), QStringLiteral("m1"), QStringLiteral("DELIVERED")));
        const QString sentText = Sql(f.t.store()->db(), QStringLiteral("SELECT payload FROM outbox WHERE channel = 'sms' AND attempt_id = :a"))
                                     .bind(QStringLiteral(":a"), f.attemptId)
                                     .scalar()
                                     .toString();
        const QString expectedText = QJsonDocument::fromJson(sentText.toUtf8()).object().value(QStringLiteral("text")).toString();
        QVERIFY(expectedText.contains(ReasonCatalog::builtIn().find(QStringLiteral("SHARPNESS"))->studentZh));

        const auto view = SubmittedPhotoViewer(f.t.store()).open(f.agent, f.attemptId);
        QVERIFY(view.ok());
        QCOMPARE(toString(view->attemptState), toString(AttemptState::Rejected));
        QVERIFY(view->decision);
        QCOMPARE(toString(view->decision->verdict), toString(Verdict::Reject));
        QCOMPARE(view->decision->reasons, QStringList{QStringLiteral("SHARPNESS")});
        QVERIFY(view->decision->note.isEmpty()); // the reviewer's note was not sent, so not shown

        QVERIFY(view->rules.report);
        QCOMPARE(view->rules.report->configVersion, 1);
        const rules::RuleResult* sharpness = view->rules.report->find(QStringLiteral("SHARPNESS"));
        QVERIFY(sharpness);
        QCOMPARE(sharpness->verdict, rules::Verdict::Fail);
        QCOMPARE(sharpness->explanationZh, QStringLiteral("照片模糊"));
        QCOMPARE(sharpness->regions.size(), 1);
        QCOMPARE(sharpness->regions.front().rect, QRect(40, 60, 120, 150));
        QCOMPARE(view->rules.report->find(QStringLiteral("HEAD_SIZE"))->verdict, rules::Verdict::Warn);
        QCOMPARE(view->rules.faceBox, QRect(30, 50, 140, 160));
        QCOMPARE(view->rules.landmarks.size(), 68);

        QCOMPARE(int(view->sms.size()), 1);
        QCOMPARE(view->sms.front().text, expectedText);
        QCOMPARE(view->sms.front().state, QStringLiteral("sent"));
        QCOMPARE(view->sms.front().deliveryStatus, QStringLiteral("DELIVERED"));
        QVERIFY(!view->sms.front().resend);

        // Administrators may look at the photo but not at SMS delivery (as in SmsHotline).
        const auto adminView = SubmittedPhotoViewer(f.t.store()).open(f.admin, f.attemptId);
        QVERIFY(adminView.ok());
        QCOMPARE(adminView->sms.front().text, expectedText);
        QVERIFY(adminView->sms.front().deliveryStatus.isEmpty());
    }

    void newestRulesWithoutADecision()
    {
        Fixture f;
        f.putRules(1, {{QStringLiteral("SHARPNESS"), rules::Verdict::Fail}}, utcNow().addSecs(-60));
        f.putRules(2, {}, utcNow());
        const auto view = SubmittedPhotoViewer(f.t.store()).open(f.supervisor, f.attemptId);
        QVERIFY(view.ok());
        QVERIFY(view->rules.report);
        QCOMPARE(view->rules.report->configVersion, 2);
        QCOMPARE(view->rules.report->find(QStringLiteral("SHARPNESS"))->verdict, rules::Verdict::Pass);
        QVERIFY(view->rules.faceBox.isEmpty()); // no faces row for the model
    }

    void photosThatCannotBeShownAreErrorCodes()
    {
        Fixture f;
        SubmittedPhotoViewer viewer(f.t.store());
        QCOMPARE(viewer.open(f.agent, f.attemptId + 1000).error().code, QStringLiteral("not-found"));
        const Id noPhoto = f.addAttempt(QStringLiteral("EXT-5001-3"), {});
        QCOMPARE(viewer.open(f.agent, noPhoto).error().code, QStringLiteral("no-photo"));
        const Id oversize = f.addAttempt(QStringLiteral("EXT-5001-4"), {});
        f.addPhoto(oversize, PhotoRole::Submitted, f.idCard, SubmittedPhotoViewer::kMaxBytes + 1);
        QCOMPARE(viewer.open(f.agent, oversize).error().code, QStringLiteral("photo-oversize"));

        // A flipped byte on disk: the verified read says so instead of handing out bad bytes.
        const QString path = f.t.store()->blobs().pathFor(BlobStore::sha256Hex(f.submitted));
        QByteArray damaged = f.submitted;
        damaged[damaged.size() / 2] = char(damaged[damaged.size() / 2] ^ 0x55);
        {
            QFile file(path);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(damaged), damaged.size());
        }
        QCOMPARE(viewer.open(f.agent, f.attemptId).error().code, QStringLiteral("blob-corrupt"));
        QVERIFY(QFile::remove(path));
        QCOMPARE(viewer.open(f.agent, f.attemptId).error().code, QStringLiteral("blob-missing"));
        QCOMPARE(f.views(), 0); // nothing was shown, nothing is recorded as seen
        QVERIFY(AuditLog(f.t.store()->db()).verify().ok);
    }
};

QTEST_GUILESS_MAIN(TestHotlinePhoto)
#include "tst_hotlinephoto.moc"
