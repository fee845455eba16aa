// The clean lane in the reviewer's window, offscreen, on photos that really pass every rule and
// match both references (CleanLaneFixture), analysed by the real pre-screen of the window:
// the tab exists only while a supervisor has the lane switched on (set on the supervision page,
// audited); the grid shows the clean submissions, all selected; one is deselected with the
// keyboard (arrow + Space); Ctrl+Enter asks to confirm with the count and approves; the store
// then holds exactly the expected decisions, audit events and SMS rows, nothing for the
// deselected one, which is back in the normal queue. A tile whose lease another desk took meanwhile
// is not approved. Screenshots: the grid with a deselected tile, and after approving.

#include "CleanLaneFixture.h"
#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/prescreen/PreScreenService.h"
#include "core/review/ClaimService.h"
#include "core/review/CleanLaneSettings.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"
#include "core/vision/FaceAnalyzer.h"
#include "widgets/CleanLaneModel.h"
#include "widgets/CleanLanePage.h"
#include "widgets/CleanLaneSettingsPage.h"
#include "widgets/MainWindow.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/SupervisionWorkspace.h"
#include "widgets/UiLanguage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QtTest>

using namespace pd;

class TestGuiCleanLane : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void supervisorSwitchesTheLaneOn();
    void approvesAPageWithOneDeselected();
    void tileTakenByAnotherDeskIsNotApproved();

private:
    void saveScreenshot(QWidget* w, const QString& name);
    // A reviewer's window whose pre-screen has analysed every attempt.
    void openReviewerWindow(std::unique_ptr<MainWindow>& window, const Session& who);
    int count(const QString& sql, Id id = 0) const;
    void setLane(bool on, int pageSize);

    std::unique_ptr<test::TempStore> m_temp;
    std::shared_ptr<const FaceAnalyzer> m_analyzer;
    std::vector<test::CleanAttempt> m_clean;
    std::vector<Id> m_failing;
    Session m_reviewer, m_other, m_boss;
};

void TestGuiCleanLane::initTestCase()
{
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    auto analyzer = FaceAnalyzer::shared();
    QVERIFY2(analyzer.ok(), analyzer.ok() ? "" : qPrintable(analyzer.error().message));
    m_analyzer = analyzer.value();
    m_temp = std::make_unique<test::TempStore>(test::Backend::SQLite);
    const Store& store = *m_temp->store();
    m_reviewer = test::addUser(m_temp->store(), QStringLiteral("lane-reviewer"), Role::Reviewer);
    m_other = test::addUser(m_temp->store(), QStringLiteral("other-desk"), Role::Reviewer);
    m_boss = test::addUser(m_temp->store(), QStringLiteral("boss"), Role::Supervisor);
    // Two that fail (a smiling portrait, an ID photo of someone else) and are the most urgent,
    // so the review workspace opens (and holds) one of them, not a clean one.
    m_failing.push_back(test::addSampleAttempt(store, QStringLiteral("2019000001"), 46).attemptId);
    m_failing.push_back(test::addSampleAttempt(store, QStringLiteral("2019000002"), 45.5).attemptId);
    m_clean = test::addCleanAttempts(store, *m_analyzer, 3, 40);
    QCOMPARE(int(m_clean.size()), 3);
}

void TestGuiCleanLane::saveScreenshot(QWidget* w, const QString& name)
{
    QDir().mkpath(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR));
    const QPixmap shot = w->grab();
    shot.save(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR "/") + name);
    // The report's screenshots, when asked for.
    if (const QString dir = qEnvironmentVariable("PHOTODESK_LANE_SHOTS"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        shot.save(dir + QLatin1Char('/') + name);
    }
}

int TestGuiCleanLane::count(const QString& sql, Id id) const
{
    Sql q(m_temp->store()->db(), sql);
    if (sql.contains(QLatin1String(":id")))
        q.bind(QStringLiteral(":id"), id);
    return q.scalar().toInt();
}

void TestGuiCleanLane::setLane(bool on, int pageSize)
{
    QVERIFY(CleanLaneSettings(m_temp->store()).save(m_boss, CleanLaneConfig{on, pageSize}).ok());
}

void TestGuiCleanLane::openReviewerWindow(std::unique_ptr<MainWindow>& window, const Session& who)
{
    window = std::make_unique<MainWindow>(m_temp->store(), who);
    window->resize(1500, 940);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    PreScreenService* preScreen = window->reviewWorkspace()->preScreen();
    const Store& store = *m_temp->store();
    // The window's own background pass analyses every attempt (faces, matches, rules).
    QTRY_VERIFY_WITH_TIMEOUT(!preScreen->rulesVersion().isEmpty()
                                 && countUnscreened(store, preScreen->modelId(), false, preScreen->rulesVersion()).value() == 0
                                 && !preScreen->isRunning(),
                             240000);
}

void TestGuiCleanLane::supervisorSwitchesTheLaneOn()
{
    setLane(false, 12);
    // Off: the reviewer's window has no clean-lane tab, and G says why.
    {
        MainWindow window(m_temp->store(), m_reviewer);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.cleanLane());
        QCOMPARE(window.workspaces()->indexOf(window.cleanLane()), -1);
        QTest::keyClick(window.reviewWorkspace(), Qt::Key_G);
        QCOMPARE(window.workspaces()->indexOf(window.cleanLane()), -1);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("快速通道")));
    }
    // The supervisor's page: keyboard only (Tab to the box, Space, the page size, Save).
    MainWindow boss(m_temp->store(), m_boss);
    boss.show();
    QVERIFY(QTest::qWaitForWindowExposed(&boss));
    auto* supervision = boss.findChild<SupervisionWorkspace*>();
    QVERIFY(supervision && supervision->cleanLane());
    CleanLaneSettingsPage* page = supervision->cleanLane();
    boss.workspaces()->setCurrentWidget(supervision);
    supervision->pages()->setCurrentWidget(page);
    QVERIFY(!page->enabledBox()->isChecked());
    page->enabledBox()->setFocus();
    QTest::keyClick(page->enabledBox(), Qt::Key_Space);
    QVERIFY(page->enabledBox()->isChecked());
    page->pageSizeBox()->setFocus();
    page->pageSizeBox()->selectAll();
    QTest::keyClicks(page->pageSizeBox(), QStringLiteral("3")); // below the minimum: the box keeps it at 4+
    QTest::keyClick(page->pageSizeBox(), Qt::Key_Tab);
    QVERIFY(page->pageSizeBox()->value() >= CleanLaneConfig::kMinPageSize);
    page->pageSizeBox()->setValue(12);
    auto* save = page->findChild<QPushButton*>(QStringLiteral("cleanLaneSave"));
    save->setFocus();
    QTest::keyClick(save, Qt::Key_Space);
    QCOMPARE(CleanLaneSettings(m_temp->store()).current().value(), (CleanLaneConfig{true, 12}));
    const auto events = AuditLog(m_temp->store()->db()).forObject(QStringLiteral("setting"), QLatin1String(CleanLaneSettings::kSettingKey));
    QCOMPARE(events.back().action, QStringLiteral("setting.change"));
    QCOMPARE(events.back().after, QStringLiteral("{\"enabled\":true,\"page_size\":12}"));
    QCOMPARE(events.back().actor, QStringLiteral("boss"));
    saveScreenshot(&boss, QStringLiteral("clean-lane-setting.png"));
}

void TestGuiCleanLane::approvesAPageWithOneDeselected()
{
    setLane(true, 12);
    std::unique_ptr<MainWindow> window;
    openReviewerWindow(window, m_reviewer);
    if (QTest::currentTestFailed())
        return;
    ReviewWorkspace* review = window->reviewWorkspace();
    // The workspace opened the most urgent submission (a failing one) and holds it.
    QTRY_VERIFY_WITH_TIMEOUT(review->currentAttemptId() != 0, 30000);
    QVERIFY(std::find(m_failing.begin(), m_failing.end(), review->currentAttemptId()) != m_failing.end());

    // G: the clean lane (the tab appears because the switch is on).
    CleanLanePage* lane = window->cleanLane();
    QSignalSpy loaded(lane, &CleanLanePage::pageLoaded);
    QTest::keyClick(review, Qt::Key_G);
    QCOMPARE(window->workspaces()->currentWidget(), lane);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
    CleanLaneModel* model = lane->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Exactly the three clean submissions, most urgent first, all selected, all held by this desk.
    QCOMPARE(model->rowCount(), 3);
    for (int r = 0; r < 3; ++r) {
        QCOMPARE(model->item(r).attemptId, m_clean[std::size_t(r)].attemptId);
        QVERIFY(model->isChecked(r));
        QCOMPARE(AttemptRepository(m_temp->store()->db()).find(m_clean[std::size_t(r)].attemptId)->claimedBy, m_reviewer.userId);
    }
    // Warnings travel with the tile (the turned heads warn on POSE_FRONTAL) and are shown.
    QVERIFY(model->index(0).data(CleanLaneModel::WarningsRole).toStringList().contains(QStringLiteral("POSE_FRONTAL")));
    QVERIFY(model->index(0).data(CleanLaneModel::WarningTextRole).toString().contains(QStringLiteral("正面")));
    // Thumbnails decoded off the UI thread, at device pixels.
    QTRY_VERIFY_WITH_TIMEOUT(!model->index(2).data(CleanLaneModel::PhotoRole).value<QImage>().isNull()
                                 && !model->index(2).data(CleanLaneModel::ChipRole).value<QImage>().isNull(),
                             30000);

    // Keyboard: the view has the focus; Right moves to the second tile, Space deselects it.
    QListView* view = lane->view();
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(view->currentIndex().row(), 0);
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(view->currentIndex().row(), 1);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(!model->isChecked(1));
    QCOMPARE(model->checkedCount(), 2);
    // A click toggles as well (and back).
    const QRect second = view->visualRect(model->index(1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, second.center());
    QVERIFY(model->isChecked(1));
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(!model->isChecked(1));
    auto* counts = lane->findChild<QLabel*>(QStringLiteral("cleanLaneCounts"));
    QCOMPARE(counts->text(), QStringLiteral("已选 2 / 3"));
    saveScreenshot(window.get(), QStringLiteral("clean-lane-deselected.png"));

    // Ctrl+Enter: a confirmation naming the count; Ctrl+Enter again approves.
    const Id doubtful = m_clean[1].attemptId;
    const int auditBefore = count(QStringLiteral("SELECT COUNT(*) FROM audit_events"));
    QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
    auto* confirm = lane->findChild<QWidget*>(QStringLiteral("cleanLaneConfirm"));
    QVERIFY(confirm->isVisible());
    QVERIFY(lane->findChild<QLabel*>(QStringLiteral("cleanLaneConfirmText"))->text().contains(QStringLiteral("2")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM decisions")), 0); // nothing before confirming
    QSignalSpy finished(lane, &CleanLanePage::approvalFinished);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
    QCOMPARE(finished.at(0).at(0).toInt(), 2);
    QCOMPARE(finished.at(0).at(1).toInt(), 0);
    QCOMPARE(model->status(0), CleanLaneModel::Status::Approved);
    QCOMPARE(model->status(1), CleanLaneModel::Status::Returned);
    QCOMPARE(model->status(2), CleanLaneModel::Status::Approved);
    saveScreenshot(window.get(), QStringLiteral("clean-lane-approved.png"));

    // The store: exactly two decisions, each its own audit event, SMS and platform callback.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM decisions")), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM decisions WHERE lane = 'clean' AND verdict = 'approve' AND reviewer_id = :id"),
                   m_reviewer.userId),
             2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'decision.approve'")), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'sms'")), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'platform'")), 2);
    for (const Id id : {m_clean[0].attemptId, m_clean[2].attemptId}) {
        QCOMPARE(toString(AttemptRepository(m_temp->store()->db()).find(id)->state), QStringLiteral("approved"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND attempt_id = :id"), id), 1);
        const auto events = AuditLog(m_temp->store()->db()).forObject(QStringLiteral("attempt"), QString::number(id));
        QCOMPARE(events.back().action, QStringLiteral("decision.approve"));
        QCOMPARE(QJsonDocument::fromJson(events.back().after.toUtf8()).object().value(QStringLiteral("lane")).toString(), QStringLiteral("clean"));
    }
    // Nothing for the deselected one: pending, held by nobody, back in the normal queue.
    const auto back = AttemptRepository(m_temp->store()->db()).find(doubtful);
    QCOMPARE(toString(back->state), QStringLiteral("pending"));
    QCOMPARE(back->claimedBy, Id(0));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE attempt_id = :id"), doubtful), 0);
    QVERIFY(!DecisionRepository(m_temp->store()->db()).forAttempt(doubtful));
    // Audit since the confirmation: one release (the deselected tile) and two decisions.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_events")) - auditBefore, 1 + 2);
    QVERIFY(AuditLog(m_temp->store()->db()).verify().ok);

    // Esc: back to the review workspace; the next page does not offer the deselected one again.
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(window->workspaces()->currentWidget(), review);
    QTest::keyClick(review, Qt::Key_G);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 2, 30000);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(lane->statusText().contains(QStringLiteral("没有")));
}

void TestGuiCleanLane::tileTakenByAnotherDeskIsNotApproved()
{
    // The one left (deselected above) comes back in a new session.
    setLane(true, 12);
    std::unique_ptr<MainWindow> window;
    openReviewerWindow(window, m_reviewer);
    if (QTest::currentTestFailed())
        return;
    CleanLanePage* lane = window->cleanLane();
    QSignalSpy loaded(lane, &CleanLanePage::pageLoaded);
    QTest::keyClick(window->reviewWorkspace(), Qt::Key_G);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
    QCOMPARE(lane->model()->rowCount(), 1);
    const Id target = lane->model()->item(0).attemptId;
    QCOMPARE(target, m_clean[1].attemptId);
    // Meanwhile its lease runs out and another desk claims it.
    Sql(m_temp->store()->db(), QStringLiteral("UPDATE attempts SET lease_until = :t WHERE id = :id"))
        .bind(QStringLiteral(":t"), toDbTime(utcNow().addSecs(-1)))
        .bind(QStringLiteral(":id"), target)
        .exec();
    QVERIFY(ClaimService(m_temp->store()).claim(m_other, target).ok());

    QSignalSpy finished(lane, &CleanLanePage::approvalFinished);
    lane->requestApproval();
    lane->confirmApproval();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
    QCOMPARE(finished.at(0).at(0).toInt(), 0);
    QCOMPARE(finished.at(0).at(1).toInt(), 1);
    QCOMPARE(lane->model()->status(0), CleanLaneModel::Status::Failed);
    QVERIFY(!lane->model()->index(0).data(CleanLaneModel::ResultTextRole).toString().isEmpty());
    const auto attempt = AttemptRepository(m_temp->store()->db()).find(target);
    QCOMPARE(toString(attempt->state), QStringLiteral("pending"));
    QCOMPARE(attempt->claimedBy, m_other.userId);
    QVERIFY(!DecisionRepository(m_temp->store()->db()).forAttempt(target));

    // Switched off by the supervisor: the core refuses a new page even with the tab open.
    setLane(false, 12);
    lane->loadPage();
    QTRY_VERIFY_WITH_TIMEOUT(lane->statusText().contains(QStringLiteral("关闭")), 30000);
    QCOMPARE(lane->model()->rowCount(), 0);
}

QTEST_MAIN(TestGuiCleanLane)
#include "tst_gui_cleanlane.moc"
