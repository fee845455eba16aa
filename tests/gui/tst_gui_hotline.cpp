// The hotline workspace offscreen, through the real main window of a hotline agent: find a
// student, read the timeline, reveal the phone (audited), be refused the ID number, resend the
// last SMS through the outbox (audited), record a call note. A supervisor may see the ID number.

#include "TestSupport.h"

#include "core/notify/SmsComposer.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "widgets/HotlineWorkspace.h"
#include "widgets/MainWindow.h"
#include "widgets/StudentSearchModel.h"
#include "widgets/TimelineModel.h"
#include "widgets/UiLanguage.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace pd;

class TestGuiHotline : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void agentFindsStudentAndResendsSms();
    void agentCannotRevealIdNumber();
    void findsByIdNumberTail();
    void supervisorRevealsIdNumber();

private:
    int scalar(const QString& sql) const;
    void saveScreenshot(QWidget* window, const QString& name);

    std::unique_ptr<test::TempStore> m_temp;
    Session m_agent;
    Session m_supervisor;
    Id m_rejectedStudent = 0;
};

int TestGuiHotline::scalar(const QString& sql) const
{
    return Sql(m_temp->store()->db(), sql).scalar().toInt();
}

void TestGuiHotline::saveScreenshot(QWidget* window, const QString& name)
{
    const QString dir = QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(dir));
    const QPixmap shot = window->grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(dir + QLatin1Char('/') + name, "PNG"));
}

void TestGuiHotline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    m_temp = std::make_unique<test::TempStore>();
    const auto& store = m_temp->store();
    const Session reviewer = test::addUser(store, QStringLiteral("reviewer1"), Role::Reviewer);
    m_agent = test::addUser(store, QStringLiteral("agent1"), Role::HotlineAgent);
    m_supervisor = test::addUser(store, QStringLiteral("super1"), Role::Supervisor);

    DecisionService decisions(store, ReasonCatalog::builtIn(), SmsComposer::builtIn());
    const auto rejected = test::addSampleAttempt(*store, QStringLiteral("20267101"), 30);
    QVERIFY(decisions.decide(reviewer, {rejected.attemptId, Verdict::Reject, {QStringLiteral("SHARPNESS")}, QStringLiteral("模糊")}).ok());
    m_rejectedStudent = rejected.studentId;
    const auto approved = test::addSampleAttempt(*store, QStringLiteral("20267202"), 10);
    QVERIFY(decisions.decide(reviewer, {approved.attemptId, Verdict::Approve, {}, {}}).ok());
    test::addSampleAttempt(*store, QStringLiteral("20267303"), 2);
}

void TestGuiHotline::agentFindsStudentAndResendsSms()
{
    MainWindow window(m_temp->store(), m_agent);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* hotline = window.findChild<HotlineWorkspace*>(QStringLiteral("hotlineWorkspace"));
    QVERIFY(hotline);
    QAbstractItemModelTester resultsTester(hotline->resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester timelineTester(hotline->timelineModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    auto* search = hotline->findChild<QLineEdit*>(QStringLiteral("hotlineSearch"));
    auto* results = hotline->findChild<QTableView*>(QStringLiteral("hotlineResults"));
    auto* header = hotline->findChild<QLabel*>(QStringLiteral("hotlineStudentHeader"));
    auto* resend = hotline->findChild<QPushButton*>(QStringLiteral("resendSmsButton"));
    auto* revealPhone = hotline->findChild<QPushButton*>(QStringLiteral("revealPhoneButton"));
    auto* info = hotline->findChild<QWidget*>(QStringLiteral("hotlineInfo"));
    QVERIFY(search && results && header && resend && revealPhone && info);
    QVERIFY(HotlineWorkspace::instructionsHtml().contains(QStringLiteral("9:30")));

    // Find the rejected student by name: one result, masked, opened at once.
    // (QTest::keyClicks only types Latin-1; Chinese arrives as an input method would commit it.)
    search->setFocus();
    search->insert(QStringLiteral("学生101"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(hotline->resultsModel()->rowCount(), 1);
    const QString maskedPhone = hotline->resultsModel()->index(0, StudentSearchModel::Phone).data().toString();
    QVERIFY2(!maskedPhone.contains(QStringLiteral("13800007101")), qPrintable(maskedPhone));
    QVERIFY(maskedPhone.endsWith(QStringLiteral("7101")));
    QTRY_COMPARE(hotline->currentStudentId(), m_rejectedStudent);
    QTRY_COMPARE(hotline->timelineModel()->count(TimelineEntry::Kind::Sms), 1);
    QCOMPARE(hotline->timelineModel()->count(TimelineEntry::Kind::Decision), 1);
    // The decision row names the reason as the catalog words it, in Chinese.
    bool sawReason = false;
    for (int row = 0; row < hotline->timelineModel()->rowCount(); ++row) {
        const QString details = hotline->timelineModel()->index(row, TimelineModel::Details).data().toString();
        sawReason = sawReason || (details.contains(QStringLiteral("已驳回")) && details.contains(ReasonCatalog::builtIn().find(QStringLiteral("SHARPNESS"))->titleZh));
    }
    QVERIFY(sawReason);
    QVERIFY(!hotline->timelineModel()->index(0, TimelineModel::Details).data(Qt::DecorationRole).value<QImage>().isNull());

    // Reveal the phone: shown in full, audited.
    QTRY_VERIFY(revealPhone->isEnabled());
    QTest::mouseClick(revealPhone, Qt::LeftButton);
    QTRY_VERIFY(header->text().contains(QStringLiteral("13800007101")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'pii.reveal' AND actor = 'agent1'")), 1);

    // Resend the last SMS: a new outbox row copying the original, audited.
    const int smsBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'sms'"));
    QTRY_VERIFY(resend->isEnabled());
    QSignalSpy done(hotline, &HotlineWorkspace::actionFinished);
    QTest::mouseClick(resend, Qt::LeftButton);
    QTRY_COMPARE(done.count(), 1);
    QCOMPARE(done.at(0).at(0).toBool(), true);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'sms'")), smsBefore + 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND resend_of IS NOT NULL")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'sms.resend' AND actor = 'agent1' "
                                   "AND object_id = '%1'").arg(m_rejectedStudent)), 1);
    QTRY_COMPARE(hotline->timelineModel()->count(TimelineEntry::Kind::Sms), 2);
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("短信")));

    // A call note, typed and saved: in the store, the audit log and the timeline.
    auto* note = hotline->findChild<QPlainTextEdit*>(QStringLiteral("callNoteEdit"));
    auto* addNote = hotline->findChild<QPushButton*>(QStringLiteral("addCallNoteButton"));
    QVERIFY(note && addNote);
    QVERIFY(!addNote->isEnabled());
    note->setFocus();
    note->insertPlainText(QStringLiteral("学生来电询问未通过原因，已告知重新采集"));
    QVERIFY(addNote->isEnabled());
    QTest::mouseClick(addNote, Qt::LeftButton);
    QTRY_COMPARE(hotline->timelineModel()->count(TimelineEntry::Kind::CallNote), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_notes")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'call.note' AND actor = 'agent1'")), 1);
    QVERIFY(note->toPlainText().isEmpty());

    saveScreenshot(&window, QStringLiteral("hotline-agent.png"));
}

void TestGuiHotline::agentCannotRevealIdNumber()
{
    HotlineWorkspace hotline(m_temp->store(), m_agent);
    hotline.resize(1300, 700);
    hotline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&hotline));
    hotline.search(QStringLiteral("20267202"));
    QTRY_COMPARE(hotline.currentStudentId() != 0, true);
    auto* revealId = hotline.findChild<QPushButton*>(QStringLiteral("revealIdButton"));
    auto* header = hotline.findChild<QLabel*>(QStringLiteral("hotlineStudentHeader"));
    QVERIFY(revealId && header);
    QTRY_VERIFY(hotline.findChild<QPushButton*>(QStringLiteral("revealPhoneButton"))->isEnabled());
    QVERIFY(!revealId->isEnabled()); // hidden affordance …
    const int reveals = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'pii.reveal'"));
    // … and the core refuses even when asked directly.
    QSignalSpy done(&hotline, &HotlineWorkspace::actionFinished);
    QSignalSpy status(&hotline, &HotlineWorkspace::statusMessage);
    hotline.revealNationalId();
    QTRY_COMPARE(done.count(), 1);
    QCOMPARE(done.at(0).at(0).toBool(), false);
    QVERIFY(status.last().at(0).toString().contains(QStringLiteral("角色")));
    QVERIFY(!header->text().contains(QStringLiteral("110101200001017202")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'pii.reveal'")), reveals);
}

void TestGuiHotline::findsByIdNumberTail()
{
    HotlineWorkspace hotline(m_temp->store(), m_agent);
    QSignalSpy found(&hotline, &HotlineWorkspace::searchFinished);
    hotline.search(QStringLiteral("7303"));
    QTRY_COMPARE(found.count(), 1);
    QCOMPARE(found.at(0).at(0).toInt(), 1);
    QCOMPARE(hotline.resultsModel()->index(0, StudentSearchModel::StudentNumber).data().toString(), QStringLiteral("20267303"));
    QVERIFY(hotline.resultsModel()->index(0, StudentSearchModel::NationalId).data().toString().endsWith(QStringLiteral("7303")));
    QVERIFY(!hotline.resultsModel()->index(0, StudentSearchModel::NationalId).data().toString().contains(QStringLiteral("110101200001017303")));
}

void TestGuiHotline::supervisorRevealsIdNumber()
{
    HotlineWorkspace hotline(m_temp->store(), m_supervisor);
    hotline.resize(1300, 700);
    hotline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&hotline));
    hotline.search(QStringLiteral("20267101"));
    QTRY_COMPARE(hotline.currentStudentId(), m_rejectedStudent);
    auto* revealId = hotline.findChild<QPushButton*>(QStringLiteral("revealIdButton"));
    QTRY_VERIFY(revealId->isEnabled());
    QTest::mouseClick(revealId, Qt::LeftButton);
    auto* header = hotline.findChild<QLabel*>(QStringLiteral("hotlineStudentHeader"));
    QTRY_VERIFY(header->text().contains(QStringLiteral("110101200001017101")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'pii.reveal' AND actor = 'super1' "
                                   "AND after_value LIKE '%national_id%'")), 1);
}

QTEST_MAIN(TestGuiHotline)
#include "tst_gui_hotline.moc"
