// Crash recovery in the main window (offscreen): a session marker left behind by a desk that
// died while holding a submission, with a decision that landed and its messages undelivered.
// The next sign-in shows the non-modal notice, resumes the held submission on the Review tab,
// and the new session's marker follows the work (claim, decision in flight, cleared when saved).

#include "GuiShot.h"
#include "TestSupport.h"

#include "core/config/SessionMarker.h"
#include "core/review/ClaimService.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/notify/SmsComposer.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"
#include "widgets/DecisionPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/RecoveryNotice.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/RuleFlagsPanel.h"
#include "widgets/SessionKeeper.h"
#include "widgets/UiLanguage.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

namespace {
qint64 deadPid()
{
    QProcess p;
    p.start(QStringLiteral("true"), {});
    const qint64 pid = p.processId(); // 0 once it has finished
    p.waitForFinished(5000);
    return pid;
}

SessionRecord readMarker(const SessionMarker& marker)
{
    QFile f(QDir(marker.folder()).filePath(QStringLiteral("%1.json").arg(QCoreApplication::applicationPid())));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return SessionRecord::fromJson(f.readAll()).value_or(SessionRecord{});
}

void writeLeftover(const QString& folder, const SessionRecord& r)
{
    QVERIFY(QDir().mkpath(folder));
    QFile f(QDir(folder).filePath(QStringLiteral("%1.json").arg(r.pid)));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(r.toJson());
}

void shoot(QWidget* w, const QString& name)
{
    QVERIFY2(test::shoot(w, name), qPrintable(name));
}
} // namespace

class TestGuiRecovery : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void resumesWhereTheReviewerWas();
    void reopensADecisionThatDidNotLand();
};

void TestGuiRecovery::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
}

void TestGuiRecovery::resumesWhereTheReviewerWas()
{
    test::TempStore temp(test::Backend::SQLite);
    const Session reviewer = test::addUser(temp.store(), QStringLiteral("reviewer"), Role::Reviewer);
    const auto a1 = test::addSampleAttempt(*temp.store(), QStringLiteral("2099000001"), 10); // least urgent
    const auto a2 = test::addSampleAttempt(*temp.store(), QStringLiteral("2099000002"), 30);
    const auto a3 = test::addSampleAttempt(*temp.store(), QStringLiteral("2099000003"), 40); // most urgent
    Q_UNUSED(a3);

    // The session that died: approved a2 (landed, SMS + platform message waiting), then held a1.
    SessionRecord previous = SessionRecord::forThisProcess(temp.dbPath());
    previous.pid = deadPid();
    previous.startedAt = utcNow().addSecs(-120);
    previous.userId = reviewer.userId;
    previous.username = reviewer.username;
    const ClaimService claims(temp.store());
    const auto c2 = claims.claim(reviewer, a2.attemptId);
    DecisionRequest approve;
    approve.attemptId = a2.attemptId;
    QVERIFY(DecisionService(temp.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn()).decide(reviewer, approve, c2->token).ok());
    previous.decidingAttemptId = a2.attemptId;
    previous.decidingVerdict = QStringLiteral("approve");
    const auto c1 = claims.claim(reviewer, a1.attemptId);
    previous.claimAttemptId = previous.openAttemptId = a1.attemptId;
    previous.claimToken = c1->token;
    previous.tab = QStringLiteral("reviewWorkspace");
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("sessions"));
    writeLeftover(folder, previous);

    // The next start: this process's marker, then the sign-in recovers the leftover.
    auto marker = std::make_shared<SessionMarker>(folder);
    QVERIFY(marker->begin(SessionRecord::forThisProcess(temp.dbPath())).ok());
    const auto reports = SessionKeeper::recoverLeftovers(temp.store(), temp.dbPath(), reviewer, *marker);
    QCOMPARE(int(reports.size()), 1);
    QVERIFY(marker->leftovers().empty()); // recovered once

    MainWindow window(temp.store(), reviewer);
    auto* keeper = new SessionKeeper(&window, marker);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    keeper->showRecovery(reports);

    // Not the most urgent submission: the one this desk held, under the same claim.
    ReviewWorkspace* review = window.reviewWorkspace();
    QTRY_VERIFY_WITH_TIMEOUT(review->currentAttemptId() == a1.attemptId && review->claim().has_value(), 15000);
    QCOMPARE(review->claim()->token, c1->token);
    QCOMPARE(window.workspaces()->currentWidget(), static_cast<QWidget*>(review));

    // The notice says what was recovered, without blocking anything.
    auto* notice = window.findChild<RecoveryNotice*>(QStringLiteral("recoveryNotice"));
    QVERIFY(notice && notice->isVisible());
    QVERIFY(!notice->isModal() && !notice->isWindow());
    const QString text = window.findChild<QLabel*>(QStringLiteral("recoveryText"))->text();
    QVERIFY2(text.contains(QStringLiteral("reviewer")), qPrintable(text));
    QVERIFY2(text.contains(c1->externalId) && text.contains(QStringLiteral("仍由您审核")), qPrintable(text));     // resumed
    QVERIFY2(text.contains(QStringLiteral("完整保存")), qPrintable(text));                                    // the decision landed
    QVERIFY2(text.contains(QStringLiteral("1 条短信")) && text.contains(QStringLiteral("1 条平台消息")), qPrintable(text)); // outbox resumed
    QTRY_VERIFY_WITH_TIMEOUT(review->photosPainted(), 30000);
    shoot(&window, QStringLiteral("recovery-notice"));

    // The new marker follows the work: the claim …
    QTRY_COMPARE(readMarker(*marker).claimAttemptId, a1.attemptId);
    QCOMPARE(readMarker(*marker).claimToken, c1->token);
    QCOMPARE(readMarker(*marker).username, QStringLiteral("reviewer"));
    // … a decision is on disk before it is written to the store, and gone once it is saved.
    SessionRecord atStart;
    connect(review, &ReviewWorkspace::decisionStarted, this, [&] { atStart = readMarker(*marker); });
    auto* rules = review->ruleFlagsPanel();
    QTRY_VERIFY_WITH_TIMEOUT(rules->attemptId() == a1.attemptId
                                 && (rules->mode() == RuleFlagsPanel::Mode::Report || rules->mode() == RuleFlagsPanel::Mode::Unavailable),
                             30000);
    auto* panel = review->decisionPanel();
    QTRY_VERIFY(panel->findChild<QListWidget*>(QStringLiteral("reasonList"))->isEnabled());
    for (int n : panel->checkedNumbers())
        QVERIFY(panel->toggleReason(n));
    panel->confirmChecklist();
    review->queueView()->setFocus();
    QTest::keyClick(review->queueView(), Qt::Key_A);
    QTRY_COMPARE(atStart.decidingAttemptId, a1.attemptId);
    QCOMPARE(atStart.decidingVerdict, QStringLiteral("approve"));
    QTRY_VERIFY_WITH_TIMEOUT(readMarker(*marker).decidingAttemptId == 0 && readMarker(*marker).claimAttemptId != a1.attemptId, 10000);

    notice->findChild<QPushButton*>(QStringLiteral("recoveryCloseButton"))->click();
    QTRY_VERIFY(!notice->isVisible());
    window.close();
    marker->end();
    QVERIFY(QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty()); // a clean exit leaves nothing
}

void TestGuiRecovery::reopensADecisionThatDidNotLand()
{
    test::TempStore temp(test::Backend::SQLite);
    const Session reviewer = test::addUser(temp.store(), QStringLiteral("reviewer"), Role::Reviewer);
    const auto older = test::addSampleAttempt(*temp.store(), QStringLiteral("2099000011"), 40); // the default pick
    const auto target = test::addSampleAttempt(*temp.store(), QStringLiteral("2099000012"), 5);
    Q_UNUSED(older);

    // Died while rejecting `target`; its hold ran out long ago (nothing was written).
    SessionRecord previous = SessionRecord::forThisProcess(temp.dbPath());
    previous.pid = deadPid();
    previous.startedAt = utcNow().addSecs(-3600);
    previous.userId = reviewer.userId;
    previous.username = reviewer.username;
    previous.openAttemptId = target.attemptId;
    previous.decidingAttemptId = target.attemptId;
    previous.decidingVerdict = QStringLiteral("reject");
    previous.tab = QStringLiteral("reviewWorkspace");
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("sessions"));
    writeLeftover(folder, previous);
    auto marker = std::make_shared<SessionMarker>(folder);
    QVERIFY(marker->begin(SessionRecord::forThisProcess(temp.dbPath())).ok());

    const auto reports = SessionKeeper::recoverLeftovers(temp.store(), temp.dbPath(), reviewer, *marker);
    QCOMPARE(int(reports.size()), 1);
    MainWindow window(temp.store(), reviewer);
    auto* keeper = new SessionKeeper(&window, marker);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    keeper->showRecovery(reports);
    ReviewWorkspace* review = window.reviewWorkspace();
    QTRY_VERIFY_WITH_TIMEOUT(review->currentAttemptId() == target.attemptId && review->claim().has_value(), 15000);
    const QString text = window.findChild<QLabel*>(QStringLiteral("recoveryText"))->text();
    QVERIFY2(text.contains(QStringLiteral("未保存")) && text.contains(QStringLiteral("驳回")), qPrintable(text));
    window.close();
}

QTEST_MAIN(TestGuiRecovery)
#include "tst_gui_recovery.moc"
