// Crash recovery without widgets: a session marker left behind (the process is gone or the
// machine restarted), a claim this desk held, a decision in flight and undelivered messages;
// the report says what became of each and where to reopen (core/config/RecoveryReport).

#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/config/RecoveryReport.h"
#include "core/config/SessionMarker.h"
#include "core/review/ClaimService.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/notify/SmsComposer.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

namespace {
// A pid that surely runs no process: a child that has been waited for.
qint64 deadPid()
{
    QProcess p;
    p.start(QStringLiteral("true"), {});
    const qint64 pid = p.processId(); // 0 once it has finished
    p.waitForFinished(5000);
    return pid ? pid : 0x3ffffff0;
}

int count(const Store& store, const QString& sql)
{
    Sql q(store.db(), sql);
    q.exec();
    return q.next() ? q.value(0).toInt() : -1;
}
} // namespace

class TestRecovery : public QObject {
    Q_OBJECT

private slots:
    void markerLifecycle();
    void leftoversAreOnlyDeadSessions();
    void sameReviewerResumes();
    void otherUserReleasesThisDesksClaim();
    void decisionThatDidNotLand();
    void expiredAndTakenOverClaims();
    void otherDatabaseIsLeftAlone();

private:
    struct Scene {
        test::TempStore temp;
        Session reviewer;
        Session reviewer2;
        test::SampleAttempt a1, a2, a3;
        SessionRecord record;
    };
    // A session that held a1, had just approved a2 (landed, messages queued) and had a1 open.
    static void crashedSession(Scene& s);
};

void TestRecovery::crashedSession(Scene& s)
{
    s.reviewer = test::addUser(s.temp.store(), QStringLiteral("reviewer"), Role::Reviewer);
    s.reviewer2 = test::addUser(s.temp.store(), QStringLiteral("reviewer2"), Role::Reviewer);
    s.a1 = test::addSampleAttempt(*s.temp.store(), QStringLiteral("S1"), 10);
    s.a2 = test::addSampleAttempt(*s.temp.store(), QStringLiteral("S2"), 20);
    s.a3 = test::addSampleAttempt(*s.temp.store(), QStringLiteral("S3"), 30);
    s.record = SessionRecord::forThisProcess(s.temp.dbPath());
    s.record.pid = deadPid();
    s.record.startedAt = utcNow().addSecs(-60);
    s.record.userId = s.reviewer.userId;
    s.record.username = s.reviewer.username;
    const ClaimService claims(s.temp.store());
    const auto c2 = claims.claim(s.reviewer, s.a2.attemptId);
    QVERIFY(c2.ok());
    DecisionRequest request;
    request.attemptId = s.a2.attemptId;
    request.verdict = Verdict::Approve;
    s.record.decidingAttemptId = s.a2.attemptId;
    s.record.decidingVerdict = QStringLiteral("approve");
    s.record.decidingSince = utcNow();
    QVERIFY(DecisionService(s.temp.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn()).decide(s.reviewer, request, c2->token).ok());
    const auto c1 = claims.claim(s.reviewer, s.a1.attemptId);
    QVERIFY(c1.ok());
    s.record.claimAttemptId = s.a1.attemptId;
    s.record.claimToken = c1->token;
    s.record.openAttemptId = s.a1.attemptId;
    s.record.tab = QStringLiteral("reviewWorkspace");
}

void TestRecovery::markerLifecycle()
{
    QTemporaryDir dir;
    SessionMarker marker(dir.filePath(QStringLiteral("sessions")));
    QVERIFY(marker.begin(SessionRecord::forThisProcess(QStringLiteral("/x/pd.sqlite"))).ok());
    const QString path = dir.filePath(QStringLiteral("sessions/%1.json").arg(QCoreApplication::applicationPid()));
    QVERIFY(QFile::exists(path));
    marker.record().userId = 7;
    marker.record().decidingAttemptId = 42;
    marker.record().decidingVerdict = QStringLiteral("reject");
    QVERIFY(marker.save().ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto read = SessionRecord::fromJson(f.readAll());
    QVERIFY(read.has_value());
    QCOMPARE(read->userId, Id(7));
    QCOMPARE(read->decidingAttemptId, Id(42));
    QCOMPARE(read->database, QStringLiteral("/x/pd.sqlite"));
    QVERIFY(marker.leftovers().empty()); // its own marker is no leftover
    marker.end();
    QVERIFY(!QFile::exists(path));
}

void TestRecovery::leftoversAreOnlyDeadSessions()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("sessions"));
    QVERIFY(QDir().mkpath(folder));
    auto write = [&](const SessionRecord& r) {
        QFile f(QDir(folder).filePath(QStringLiteral("%1.json").arg(r.pid)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.toJson());
    };
    // A desk still running in another process (here: a sleeping child) is not a leftover …
    QProcess running;
    running.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    QVERIFY(running.waitForStarted());
    SessionRecord alive = SessionRecord::forThisProcess({});
    alive.pid = running.processId();
    alive.executable = QFileInfo(QStringLiteral("/proc/%1/exe").arg(alive.pid)).symLinkTarget();
    write(alive);
    // … but the same pid after a restart of the machine (another boot id) is, as is a pid now
    // used by another program, and a process that is gone.
    SessionRecord rebooted = alive;
    rebooted.pid = alive.pid + 1000000; // a file name of its own; the boot id decides
    rebooted.bootId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    write(rebooted);
    SessionRecord reused = SessionRecord::forThisProcess({});
    reused.pid = alive.pid;
    reused.executable = QStringLiteral("/usr/bin/photodesk");
    SessionRecord gone = SessionRecord::forThisProcess({});
    gone.pid = deadPid();
    gone.startedAt = utcNow().addSecs(-5);
    write(gone);
    QFile junk(QDir(folder).filePath(QStringLiteral("junk.json")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("{not json");
    junk.close();

    SessionMarker marker(folder);
    auto found = marker.leftovers();
    QCOMPARE(int(found.size()), 2);
    QVERIFY(!SessionMarker::isAlive(rebooted));
    QVERIFY(!SessionMarker::isAlive(reused));
    QVERIFY(SessionMarker::isAlive(alive));
    QVERIFY(!QFile::exists(junk.fileName()));
    SessionMarker::discard(found[0].first);
    QCOMPARE(int(marker.leftovers().size()), 1);
    running.kill();
    running.waitForFinished();
}

void TestRecovery::sameReviewerResumes()
{
    Scene s;
    crashedSession(s);
    if (QTest::currentTestFailed())
        return;
    const auto report = CrashRecovery(s.temp.store(), s.temp.dbPath()).recover(s.record, s.reviewer);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QVERIFY(report->sameUser);
    QCOMPARE(toString(report->claim), toString(RecoveryReport::ClaimOutcome::Resumed));
    QCOMPARE(report->claimAttemptId, s.a1.attemptId);
    QVERIFY(!report->claimExternalId.isEmpty());
    QCOMPARE(toString(report->decision), toString(RecoveryReport::DecisionOutcome::Landed));
    QCOMPARE(report->decisionAttemptId, s.a2.attemptId);
    QCOMPARE(report->decisionVerdict, QStringLiteral("approve"));
    QCOMPARE(report->smsResumed, 1);
    QCOMPARE(report->platformResumed, 1);
    QCOMPARE(report->reopenAttemptId, s.a1.attemptId);
    QCOMPARE(report->reopenTab, QStringLiteral("reviewWorkspace"));
    QVERIFY(!report->nothingInProgress());
    // Still held by the reviewer, who carries on with it.
    const auto held = ClaimService(s.temp.store()).heldBy(s.reviewer);
    QCOMPARE(int(held->size()), 1);
    QCOMPARE(held->front().token, s.record.claimToken);
    const QString line = report->summary();
    QVERIFY2(line.contains(QStringLiteral("resumed")) && line.contains(QStringLiteral("landed")), qPrintable(line));
    QVERIFY(!line.contains(QStringLiteral("S1"))); // ids and counts, no student data
}

void TestRecovery::otherUserReleasesThisDesksClaim()
{
    Scene s;
    crashedSession(s);
    if (QTest::currentTestFailed())
        return;
    const int releasesBefore = count(*s.temp.store(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'claim.release'"));
    const auto report = CrashRecovery(s.temp.store(), s.temp.dbPath()).recover(s.record, s.reviewer2);
    QVERIFY(report.ok());
    QVERIFY(!report->sameUser);
    QCOMPARE(toString(report->claim), toString(RecoveryReport::ClaimOutcome::Released));
    QCOMPARE(report->reopenAttemptId, Id(0));
    QCOMPARE(count(*s.temp.store(), QStringLiteral("SELECT COUNT(*) FROM attempts WHERE id = %1 AND claimed_by IS NULL").arg(s.a1.attemptId)), 1);
    QCOMPARE(count(*s.temp.store(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'claim.release'")), releasesBefore + 1);
    QVERIFY(ClaimService(s.temp.store()).heldBy(s.reviewer)->empty());
}

void TestRecovery::decisionThatDidNotLand()
{
    Scene s;
    crashedSession(s);
    if (QTest::currentTestFailed())
        return;
    // The desk died while deciding a3 with the claim on it: the transaction never committed.
    const auto c3 = ClaimService(s.temp.store()).claim(s.reviewer, s.a3.attemptId);
    s.record.claimAttemptId = s.a3.attemptId;
    s.record.claimToken = c3->token;
    s.record.openAttemptId = s.a3.attemptId;
    s.record.decidingAttemptId = s.a3.attemptId;
    s.record.decidingVerdict = QStringLiteral("reject");
    const auto report = CrashRecovery(s.temp.store(), s.temp.dbPath()).recover(s.record, s.reviewer);
    QVERIFY(report.ok());
    QCOMPARE(toString(report->decision), toString(RecoveryReport::DecisionOutcome::NotSaved));
    QCOMPARE(report->decisionVerdict, QStringLiteral("reject"));
    QCOMPARE(report->reopenAttemptId, s.a3.attemptId); // to be decided again
    QCOMPARE(count(*s.temp.store(), QStringLiteral("SELECT COUNT(*) FROM decisions WHERE attempt_id = %1").arg(s.a3.attemptId)), 0);

    // Had the open one been decided, the queue moves on instead.
    s.record.decidingAttemptId = s.a2.attemptId;
    s.record.openAttemptId = s.a2.attemptId;
    s.record.claimAttemptId = s.a2.attemptId;
    const auto decided = CrashRecovery(s.temp.store(), s.temp.dbPath()).recover(s.record, s.reviewer);
    QCOMPARE(toString(decided->decision), toString(RecoveryReport::DecisionOutcome::Landed));
    QCOMPARE(toString(decided->claim), toString(RecoveryReport::ClaimOutcome::Decided));
    QCOMPARE(decided->reopenAttemptId, Id(0));
}

void TestRecovery::expiredAndTakenOverClaims()
{
    Scene s;
    crashedSession(s);
    if (QTest::currentTestFailed())
        return;
    const QDateTime later = utcNow().addSecs(ClaimService::kDefaultLeaseSeconds + 60);
    ScopedClock clock([later] { return later; });
    auto report = CrashRecovery(s.temp.store(), s.temp.dbPath()).recover(s.record, s.reviewer);
    QCOMPARE(toString(report->claim), toString(RecoveryReport::ClaimOutcome::Expired));
    QCOMPARE(report->reopenAttemptId, s.a1.attemptId); // reopened: it is claimed again if still free
    QVERIFY(ClaimService(s.temp.store()).claim(s.reviewer2, s.a1.attemptId).ok());
    report = CrashRecovery(s.temp.store(), s.temp.dbPath()).recover(s.record, s.reviewer);
    QCOMPARE(toString(report->claim), toString(RecoveryReport::ClaimOutcome::TakenOver));
    QCOMPARE(report->claimHolder, QStringLiteral("reviewer2"));
}

void TestRecovery::otherDatabaseIsLeftAlone()
{
    Scene s;
    crashedSession(s);
    if (QTest::currentTestFailed())
        return;
    s.record.database = QStringLiteral("/elsewhere/pd.sqlite");
    const auto report = CrashRecovery(s.temp.store(), s.temp.dbPath()).recover(s.record, s.reviewer2);
    QVERIFY(report.ok());
    QVERIFY(!report->sameDatabase);
    QCOMPARE(toString(report->claim), toString(RecoveryReport::ClaimOutcome::None));
    QCOMPARE(int(ClaimService(s.temp.store()).heldBy(s.reviewer)->size()), 1);
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
