// The hotline workspace offscreen, through the real main window of a hotline agent: find a
// student, read the timeline, reveal the phone (audited), be refused the ID number, resend the
// last SMS through the outbox (audited), record a call note. A supervisor may see the ID number.
// The agent opens a rejected attempt's submitted photo (read-only, audited): only that photo,
// the stored rule flags with their student texts and regions, the reasons and SMS as sent; a
// damaged or unreadable photo says so in the view.

#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsComposer.h"
#include "core/prescreen/PreScreenService.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/util/Time.h"
#include "widgets/HotlineWorkspace.h"
#include "widgets/MainWindow.h"
#include "widgets/PhotoPane.h"
#include "widgets/RuleFlagsModel.h"
#include "widgets/RuleFlagsPanel.h"
#include "widgets/SubmittedPhotoDialog.h"
#include "widgets/StudentSearchModel.h"
#include "widgets/TimelineModel.h"
#include "widgets/UiLanguage.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
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
    void agentViewsRejectedSubmissionPhoto();
    void damagedPhotosSayWhyInTheView();

private:
    // A student of their own with one attempt whose submitted photo has these bytes (and this
    // size on record, when given).
    Id addAttemptWithPhoto(const QString& studentNumber, const QByteArray& bytes, qint64 recordedSize = -1);
    // Searches and opens a student in `hotline` (until their timeline is loaded).
    void openStudent(HotlineWorkspace& hotline, const QString& query, Id studentId);
    // Makes the first timeline row of `kind` the current one.
    void selectTimelineRow(HotlineWorkspace& hotline, TimelineEntry::Kind kind);
    int scalar(const QString& sql) const;
    void saveScreenshot(QWidget* window, const QString& name);

    std::unique_ptr<test::TempStore> m_temp;
    Session m_agent;
    Session m_supervisor;
    Id m_rejectedStudent = 0;
    Id m_rejectedAttempt = 0;
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
    {
        // The real pre-screen stores the rule flags before the reviewer decides, as at a desk.
        PreScreenServiceOptions options;
        options.threads = 1;
        PreScreenService prescreen(store, options);
        prescreen.analyseNow(rejected.attemptId);
        QVERIFY(prescreen.waitForIdle(120000));
        QVERIFY2(prescreen.state() != PreScreenService::State::Unavailable, qPrintable(prescreen.unavailableReason().message));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM analysis_results WHERE kind = 'rules'")), 1);
    }
    QVERIFY(decisions.decide(reviewer, {rejected.attemptId, Verdict::Reject, {QStringLiteral("SHARPNESS")}, QStringLiteral("模糊")}).ok());
    m_rejectedStudent = rejected.studentId;
    m_rejectedAttempt = rejected.attemptId;
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

Id TestGuiHotline::addAttemptWithPhoto(const QString& studentNumber, const QByteArray& bytes, qint64 recordedSize)
{
    const Store& store = *m_temp->store();
    Student s;
    s.studentNumber = studentNumber;
    s.name = QStringLiteral("学生") + studentNumber.right(3);
    s.nationalId = QStringLiteral("11010120000101") + studentNumber.right(4);
    s.phone = QStringLiteral("1380000") + studentNumber.right(4);
    Attempt a;
    a.studentId = StudentRepository(store.db()).upsert(s);
    a.externalId = QStringLiteral("EXT-") + studentNumber;
    a.paidAt = utcNow().addSecs(-3600);
    const Id attemptId = AttemptRepository(store.db()).insert(a);
    Photo p;
    p.studentId = a.studentId;
    p.attemptId = attemptId;
    p.role = PhotoRole::Submitted;
    p.sha256 = store.blobs().put(bytes).value();
    p.byteSize = recordedSize < 0 ? bytes.size() : recordedSize;
    p.fileName = QStringLiteral("upload.jpg");
    PhotoRepository(store.db()).insert(p);
    return attemptId;
}

void TestGuiHotline::openStudent(HotlineWorkspace& hotline, const QString& query, Id studentId)
{
    QSignalSpy loaded(&hotline, &HotlineWorkspace::timelineLoaded);
    hotline.search(query);
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(hotline.currentStudentId(), studentId);
}

void TestGuiHotline::selectTimelineRow(HotlineWorkspace& hotline, TimelineEntry::Kind kind)
{
    auto* view = hotline.findChild<QTableView*>(QStringLiteral("hotlineTimeline"));
    QVERIFY(view);
    for (int row = 0; row < hotline.timelineModel()->rowCount(); ++row) {
        if (hotline.timelineModel()->entry(row)->kind == kind) {
            view->setCurrentIndex(hotline.timelineModel()->index(row, TimelineModel::Details));
            return;
        }
    }
    QFAIL("no timeline row of that kind");
}

void TestGuiHotline::agentViewsRejectedSubmissionPhoto()
{
    HotlineWorkspace hotline(m_temp->store(), m_agent);
    hotline.resize(1400, 760);
    hotline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&hotline));
    auto* viewPhoto = hotline.findChild<QPushButton*>(QStringLiteral("viewPhotoButton"));
    QVERIFY(viewPhoto);
    QVERIFY(!viewPhoto->isEnabled()); // no student yet

    openStudent(hotline, QStringLiteral("20267101"), m_rejectedStudent);
    QVERIFY(!viewPhoto->isEnabled()); // no row selected yet
    // A call note is the student's, not an attempt's: nothing to show for it.
    selectTimelineRow(hotline, TimelineEntry::Kind::CallNote);
    QVERIFY(!viewPhoto->isEnabled());
    // The decision's row offers the photo of its attempt.
    selectTimelineRow(hotline, TimelineEntry::Kind::Decision);
    QVERIFY(viewPhoto->isEnabled());
    QCOMPARE(viewPhoto->text(), QStringLiteral("查看提交的照片(&V)"));

    const QString viewed = QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'photo.view' AND actor = 'agent1' "
                                          "AND object_type = 'attempt' AND object_id = '%1'")
                               .arg(m_rejectedAttempt);
    QCOMPARE(scalar(viewed), 0);
    QSignalSpy loaded(&hotline, &HotlineWorkspace::photoViewLoaded);
    QTest::mouseClick(viewPhoto, Qt::LeftButton);
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).value<Id>(), m_rejectedAttempt);
    QCOMPARE(loaded.at(0).at(1).toBool(), true);
    SubmittedPhotoDialog* dialog = hotline.photoView();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    // The submitted photo, and only it: one photo pane, no reference photos, no decision controls.
    PhotoPane* photo = dialog->photoPane();
    QVERIFY(photo->hasImage());
    QCOMPARE(photo->imageSize(), QImageReader(test::facePath(QStringLiteral("ochoa_1.jpg"))).size());
    QCOMPARE(dialog->findChildren<PhotoPane*>().size(), 1);
    QVERIFY(!dialog->findChild<QWidget*>(QStringLiteral("enrollmentPhoto")));
    QVERIFY(!dialog->findChild<QWidget*>(QStringLiteral("idCardPhoto")));
    const auto buttons = dialog->findChildren<QPushButton*>();
    QCOMPARE(buttons.size(), 1);
    QCOMPARE(buttons.front()->objectName(), QStringLiteral("closePhotoButton"));

    // The stored flags: every failed or warned rule, with what the student is told, drawn on the photo.
    const auto stored = loadNewestRuleReport(*m_temp->store(), m_rejectedAttempt);
    QVERIFY(stored.ok() && stored->report);
    RuleFlagsPanel* flags = dialog->ruleFlags();
    QCOMPARE(flags->mode(), RuleFlagsPanel::Mode::Report);
    RuleFlagsModel* model = flags->model();
    QAbstractItemModelTester flagsTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int flagged = int(stored->report->idsWith(rules::Verdict::Fail).size() + stored->report->idsWith(rules::Verdict::Warn).size());
    QCOMPARE(model->rowCount(), flagged);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->index(row, 0).data(RuleFlagsModel::RuleIdRole).toString();
        const QString verdict = model->index(row, 0).data(RuleFlagsModel::VerdictRole).toString();
        QVERIFY2(verdict == QLatin1String("fail") || verdict == QLatin1String("warn"), qPrintable(id));
        QCOMPARE(rules::verdictName(stored->report->find(id)->verdict), verdict);
        QCOMPARE(model->index(row, RuleFlagsModel::ValuesColumn).data().toString(), ReasonCatalog::builtIn().find(id)->studentZh);
    }
    QVERIFY(photo->overlayShown());
    QVERIFY(!photo->overlay().faceBox.isEmpty());

    // The reasons and the SMS as sent: the decision's message and the agent's resend, with their state.
    const QString sent = dialog->sentText();
    QVERIFY2(sent.contains(QStringLiteral("已驳回")), qPrintable(sent));
    QVERIFY(sent.contains(ReasonCatalog::builtIn().find(QStringLiteral("SHARPNESS"))->studentZh));
    Sql sms(m_temp->store()->db(), QStringLiteral("SELECT payload FROM outbox WHERE channel = 'sms' AND attempt_id = :a ORDER BY id"));
    sms.bind(QStringLiteral(":a"), m_rejectedAttempt).exec();
    int messages = 0;
    while (sms.next()) {
        const QString text = QJsonDocument::fromJson(sms.value(0).toString().toUtf8()).object().value(QStringLiteral("text")).toString();
        QVERIFY(!text.isEmpty());
        QVERIFY2(sent.contains(text), qPrintable(text));
        ++messages;
    }
    QCOMPARE(messages, 2);
    QVERIFY(sent.contains(QStringLiteral("待发送"))); // no dispatcher in this test: both wait
    QVERIFY(!sent.contains(QStringLiteral("13800007101"))); // the phone number is not part of the view

    // Recorded once, in a chain that still verifies.
    QCOMPARE(scalar(viewed), 1);
    QVERIFY(AuditLog(m_temp->store()->db()).verify().ok);
    saveScreenshot(dialog, QStringLiteral("hotline-photo-view.png"));
    saveScreenshot(&hotline, QStringLiteral("hotline-photo-button.png"));

    // Opening it again while it is open does not read or record it again.
    hotline.viewSelectedSubmission();
    QCOMPARE(hotline.photoView(), dialog);
    QCOMPARE(scalar(viewed), 1);

    // Closed: the dialog and its decoded photo are gone.
    QTest::mouseClick(buttons.front(), Qt::LeftButton);
    QTRY_VERIFY(!hotline.photoView());
}

void TestGuiHotline::damagedPhotosSayWhyInTheView()
{
    const QByteArray good = test::readFileOrFail(test::facePath(QStringLiteral("obama_2.jpg")));
    const Id damagedAttempt = addAttemptWithPhoto(QStringLiteral("20268404"), good);
    const QString path = m_temp->store()->blobs().pathFor(BlobStore::sha256Hex(good));
    QByteArray flipped = good;
    flipped[flipped.size() / 3] = char(flipped[flipped.size() / 3] ^ 0x21);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(flipped), flipped.size());
    file.close();
    const Id unreadableAttempt = addAttemptWithPhoto(QStringLiteral("20268505"), QByteArray("this is not a photo at all", 26));
    const Id oversizeAttempt = addAttemptWithPhoto(QStringLiteral("20268606"), test::readFileOrFail(test::facePath(QStringLiteral("obama_3.jpg"))),
                                                   SubmittedPhotoViewer::kMaxBytes + 1);

    HotlineWorkspace hotline(m_temp->store(), m_agent);
    hotline.resize(1300, 700);
    hotline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&hotline));
    const int viewsBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'photo.view'"));
    QSignalSpy loaded(&hotline, &HotlineWorkspace::photoViewLoaded);

    // A flipped byte on disk: the core refuses with blob-corrupt; the view says so, in red.
    hotline.viewSubmittedPhoto(damagedAttempt);
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(1).toBool(), false);
    QVERIFY(hotline.photoView());
    QCOMPARE(hotline.photoView()->photoPane()->state(), PhotoPane::State::Message);
    QCOMPARE(hotline.photoView()->photoPane()->message(), QStringLiteral("照片文件已损坏（校验值不符）。"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'photo.view'")), viewsBefore);
    saveScreenshot(hotline.photoView(), QStringLiteral("hotline-photo-damaged.png"));

    // Bytes that are intact but no image: opened (and recorded), the view says it cannot decode them.
    hotline.viewSubmittedPhoto(unreadableAttempt);
    QTRY_COMPARE(loaded.count(), 2);
    QCOMPARE(loaded.at(1).at(1).toBool(), true);
    QCOMPARE(hotline.photoView()->attemptId(), unreadableAttempt);
    QCOMPARE(hotline.photoView()->photoPane()->state(), PhotoPane::State::Message);
    QCOMPARE(hotline.photoView()->photoPane()->message(), QStringLiteral("该文件不是可识别的图像。"));
    QCOMPARE(hotline.photoView()->ruleFlags()->mode(), RuleFlagsPanel::Mode::Unavailable);

    // Too large to read into memory: refused before the file is read.
    hotline.viewSubmittedPhoto(oversizeAttempt);
    QTRY_COMPARE(loaded.count(), 3);
    QCOMPARE(loaded.at(2).at(1).toBool(), false);
    QCOMPARE(hotline.photoView()->photoPane()->message(), QStringLiteral("照片文件过大，无法显示（超过 20 MB）。"));
    hotline.photoView()->close();
    QTRY_VERIFY(!hotline.photoView());
}

QTEST_MAIN(TestGuiHotline)
#include "tst_gui_hotline.moc"
