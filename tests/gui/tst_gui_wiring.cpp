// The desk against real stand-in processes on 127.0.0.1: the platform simulator
// (photodesk-platform-sim) and the SMS gateway stand-in (photodesk-sms-gateway). The main window
// syncs the submissions, the reviewer opens one (claimed in the store) and approves it with "A";
// the decision must arrive at the simulator and exactly one SMS at the stand-in. Then a second
// session holds a submission: the workspace shows it locked and cannot decide it.

#include "GatewayProcess.h"
#include "SimProcess.h"
#include "TestSupport.h"

#include "core/review/ClaimService.h"
#include "core/review/ReviewQueue.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "widgets/DecisionPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/QueueModel.h"
#include "widgets/ReviewWorkspace.h"
#if __has_include("widgets/RuleFlagsPanel.h")
#include "widgets/RuleFlagsPanel.h"
#endif
#include "widgets/SyncController.h"
#include "widgets/UiLanguage.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <type_traits>

using namespace pd;

namespace {
// When the photo-rule checklist exists (widgets/RuleFlagsPanel, being added alongside), the rule
// pass must reach the open submission and a person must tick the checklist before "A" approves
// (as in tst_gui_review). Written against the workspace type so it also builds without it.
template <class Workspace>
void settleRules(Workspace* workspace)
{
    if constexpr (requires(Workspace* w) { w->ruleFlagsPanel(); }) {
        auto* rules = workspace->ruleFlagsPanel();
        using Rules = std::remove_pointer_t<decltype(rules)>;
        QTRY_VERIFY_WITH_TIMEOUT(rules->attemptId() == workspace->currentAttemptId()
                                     && (rules->mode() == Rules::Mode::Report || rules->mode() == Rules::Mode::Unavailable),
                                 30000);
        auto* panel = workspace->decisionPanel();
        QTRY_VERIFY(panel->template findChild<QListWidget*>(QStringLiteral("reasonList"))->isEnabled()); // decidable
        for (int n : panel->checkedNumbers())
            QVERIFY(panel->toggleReason(n));
        panel->confirmChecklist();
    }
}
} // namespace

class TestGuiWiring : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void syncClaimApproveAndDeliver();
    void attemptHeldByAnotherSessionIsReadOnly();

private:
    static int countRows(const Store& store, const QString& sql)
    {
        Sql q(store.db(), sql);
        q.exec();
        return q.next() ? q.value(0).toInt() : -1;
    }
};

void TestGuiWiring::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
}

void TestGuiWiring::syncClaimApproveAndDeliver()
{
    constexpr int kSubmissions = 4;
    test::SimProcess sim({QStringLiteral("--synthetic"), QString::number(kSubmissions)});
    QVERIFY2(sim.ok(), "the platform simulator did not start");
    test::GatewayProcess gateway;
    // The desk reads the SMS key pair from the environment, as in production (docs/sms.md).
    qputenv("PHOTODESK_SMS_ACCESS_KEY_ID", test::GatewayProcess::kKeyId);
    qputenv("PHOTODESK_SMS_ACCESS_KEY_SECRET", test::GatewayProcess::kSecret);

    test::TempStore temp;
    const Session reviewer = test::addUser(temp.store(), QStringLiteral("reviewer"), Role::Reviewer);

    DeskServicesConfig config;
    PlatformConfig platform;
    platform.baseUrl = sim.url();
    platform.token = test::SimProcess::token();
    config.platform = platform;
    config.smsProvider = SmsProviderKind::Aliyun;
    config.smsEndpoint = gateway.endpoint(QStringLiteral("aliyun"));
    config.platformDispatchIntervalMs = 300; // quick delivery for the test
    config.smsPollIntervalMs = 300;
    config.smsCountsIntervalMs = 300;

    MainWindow window(temp.store(), reviewer);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.startServices(config);

    auto* bar = window.findChild<QProgressBar*>(QStringLiteral("syncProgress"));
    auto* smsLabel = window.findChild<QLabel*>(QStringLiteral("smsLabel"));
    auto* syncNow = window.findChild<QAction*>(QStringLiteral("syncNowAction"));
    auto* review = window.reviewWorkspace();
    QVERIFY(bar && smsLabel && syncNow && review);
    QVERIFY(syncNow->isEnabled());

    // Sync: the bar reaches its end and the store holds the simulator's submissions.
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() == kSubmissions && bar->value() == kSubmissions, 20000);
    QVERIFY2(bar->text().contains(QStringLiteral("%1/%1").arg(kSubmissions)), qPrintable(bar->text()));
    QCOMPARE(ReviewQueue(temp.store()->db()).count(QueueFilter{}), kSubmissions);
    const QJsonArray served = sim.get(QStringLiteral("/_sim/submissions")).value(QStringLiteral("items")).toArray();
    QCOMPARE(served.size(), kSubmissions);
    for (const QJsonValue& item : served) {
        const QString id = item.toObject().value(QStringLiteral("attempt_id")).toString();
        QCOMPARE(countRows(*temp.store(), QStringLiteral("SELECT COUNT(*) FROM attempts WHERE external_id = '%1'").arg(id)), 1);
    }

    // The queue reloaded after the sync and opened the most urgent submission: claimed in the store.
    QTRY_VERIFY_WITH_TIMEOUT(review->currentAttemptId() != 0 && review->claim().has_value(), 10000);
    const Id opened = review->currentAttemptId();
    QCOMPARE(review->claim()->attemptId, opened);
    const auto held = ClaimService(temp.store()).heldBy(reviewer);
    QVERIFY(held.ok());
    QCOMPARE(int(held->size()), 1);
    QCOMPARE(held->front().attemptId, opened);
    QCOMPARE(held->front().token, review->claim()->token);
    auto* banner = window.findChild<QLabel*>(QStringLiteral("claimBanner"));
    QVERIFY(banner && banner->isVisible());

    // Approve by keyboard (the photo-rule checklist is a person's to tick first).
    const QString externalId = review->claim()->externalId;
    settleRules(review);
    review->queueView()->setFocus();
    QTest::keyClick(review->queueView(), Qt::Key_A);
    QTRY_VERIFY_WITH_TIMEOUT(
        countRows(*temp.store(), QStringLiteral("SELECT COUNT(*) FROM attempts WHERE id = %1 AND state = 'approved'").arg(opened)) == 1, 10000);

    // The platform receives the decision (through the outbox and PlatformDispatcher) …
    QJsonArray decisions;
    QTRY_VERIFY_WITH_TIMEOUT((decisions = sim.get(QStringLiteral("/_sim/decisions")).value(QStringLiteral("decisions")).toArray()).size() == 1,
                             15000);
    const QJsonObject decision = decisions.first().toObject().value(QStringLiteral("decision")).toObject();
    QCOMPARE(decision.value(QStringLiteral("attempt")).toString(), externalId);
    QCOMPARE(decision.value(QStringLiteral("verdict")).toString(), QStringLiteral("approve"));
    QCOMPARE(decisions.first().toObject().value(QStringLiteral("deliveries")).toInt(), 1);

    // … and the student exactly one SMS (woken right after the decision).
    QTRY_VERIFY_WITH_TIMEOUT(gateway.stats().value(QStringLiteral("deliveries")).toArray().size() >= 1, 15000);
    const QJsonObject stats = gateway.stats();
    QCOMPARE(stats.value(QStringLiteral("deliveries")).toArray().size(), 1);
    QCOMPARE(countRows(*temp.store(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND state = 'sent'")), 1);
    QTRY_VERIFY_WITH_TIMEOUT(smsLabel->text().contains(QStringLiteral("1")), 5000);

    // The next submission is open and claimed; closing the window gives it back.
    QTRY_VERIFY_WITH_TIMEOUT(review->claim().has_value() && review->currentAttemptId() != opened, 10000);
    window.close();
}

void TestGuiWiring::attemptHeldByAnotherSessionIsReadOnly()
{
    test::TempStore temp;
    const Session me = test::addUser(temp.store(), QStringLiteral("reviewer"), Role::Reviewer);
    const Session other = test::addUser(temp.store(), QStringLiteral("reviewer2"), Role::Reviewer);
    const Id urgent = test::addSampleAttempt(*temp.store(), QStringLiteral("2099000001"), 40).attemptId;
    const Id later = test::addSampleAttempt(*temp.store(), QStringLiteral("2099000002"), 2).attemptId;

    // Another desk holds the most urgent one.
    const ClaimService claims(temp.store());
    const auto theirs = claims.claim(other, urgent);
    QVERIFY(theirs.ok());

    MainWindow window(temp.store(), me);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ReviewWorkspace* review = window.reviewWorkspace();
    QVERIFY(review);

    // Start-up skips what others hold: the other submission is opened and claimed.
    QTRY_VERIFY2_WITH_TIMEOUT(review->currentAttemptId() == later && review->claim().has_value(),
                              qPrintable(QStringLiteral("open %1 (want %2), claim %3, locked by '%4'")
                                             .arg(review->currentAttemptId())
                                             .arg(later)
                                             .arg(review->claim() ? review->claim()->attemptId : 0)
                                             .arg(review->lockedBy())),
                              10000);
    QueueModel* model = review->queueModel();
    const int lockedRow = model->rowOf(urgent);
    QVERIFY(lockedRow >= 0);
    QTRY_COMPARE(model->data(model->index(lockedRow, QueueModel::LockColumn), QueueModel::LockedByRole).toString(), other.displayName.isEmpty() ? other.username : other.displayName);
    QVERIFY(!model->data(model->index(lockedRow, QueueModel::LockColumn), Qt::DecorationRole).isNull());

    // K goes up to the locked one: it opens read-only, and our claim on the other is released.
    QTest::keyClick(review->queueView(), Qt::Key_K);
    QTRY_VERIFY_WITH_TIMEOUT(review->currentAttemptId() == urgent && !review->lockedBy().isEmpty(), 10000);
    QVERIFY(!review->claim().has_value());
    auto* approveButton = window.findChild<QPushButton*>(QStringLiteral("approveButton"));
    auto* banner = window.findChild<QLabel*>(QStringLiteral("claimBanner"));
    QVERIFY(approveButton && banner);
    QVERIFY(!approveButton->isEnabled());
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(review->lockedBy()), qPrintable(banner->text()));
    QTRY_VERIFY(ClaimService(temp.store()).heldBy(me)->empty());

    // Deciding is impossible: "A" writes nothing and says why.
    QTest::keyClick(review->queueView(), Qt::Key_A);
    QVERIFY(!review->isDeciding()); // refused on the spot, no decision started on the worker
    QCOMPARE(countRows(*temp.store(), QStringLiteral("SELECT COUNT(*) FROM decisions")), 0);
    QCOMPARE(countRows(*temp.store(), QStringLiteral("SELECT COUNT(*) FROM attempts WHERE state = 'pending'")), 2);
    auto* message = window.findChild<QLabel*>(QStringLiteral("decisionMessage"));
    if (message)
        QVERIFY2(message->text().contains(review->lockedBy()), qPrintable(message->text()));
    const auto stillTheirs = ClaimService(temp.store()).heldBy(other);
    QVERIFY(stillTheirs.ok());
    QCOMPARE(int(stillTheirs->size()), 1);
    QCOMPARE(stillTheirs->front().token, theirs->token);
}

QTEST_MAIN(TestGuiWiring)
#include "tst_gui_wiring.moc"
