// The face pre-screen in the review workspace, offscreen: opening a submission that the
// background pass has not reached analyses it on demand (the panel says "分析中…" meanwhile) and
// then shows both comparisons with their band, symbol and word; the chips are 150×150; a match
// warns in its tooltip that relatives and twins are not ruled out. The main window starts the
// background pass and reports it in the status bar.

#include "TestSupport.h"

#include "core/prescreen/PreScreenService.h"
#include "core/store/Repositories.h"
#include "core/store/Store.h"
#include "core/util/Time.h"
#include "widgets/FaceMatchPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/QueueModel.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/UiLanguage.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace pd;
using namespace pd::test;

namespace {
Id addAttempt(const Store& store, const QString& number, double paidHoursAgo, const char* submitted, const char* enrollment, const char* idCard)
{
    Student s;
    s.studentNumber = number;
    s.name = QStringLiteral("学生") + number.right(3);
    s.nationalId = QStringLiteral("110101200001010000");
    s.phone = QStringLiteral("13800000000");
    s.programme = QStringLiteral("法学");
    s.level = QStringLiteral("本科");
    const Id studentId = StudentRepository(store.db()).upsert(s);
    Attempt a;
    a.studentId = studentId;
    a.externalId = QStringLiteral("EXT-") + number;
    a.paidAt = utcNow().addSecs(qint64(-paidHoursAgo * 3600));
    const Id attemptId = AttemptRepository(store.db()).insert(a);
    const struct {
        const char* file;
        PhotoRole role;
    } photos[] = {{submitted, PhotoRole::Submitted}, {enrollment, PhotoRole::Enrollment}, {idCard, PhotoRole::IdCard}};
    for (const auto& p : photos) {
        const QByteArray bytes = readFileOrFail(facePath(QLatin1String(p.file)));
        Photo photo;
        photo.studentId = studentId;
        photo.attemptId = p.role == PhotoRole::Submitted ? attemptId : 0;
        photo.role = p.role;
        photo.sha256 = store.blobs().put(bytes).value();
        photo.byteSize = bytes.size();
        photo.fileName = QLatin1String(p.file);
        PhotoRepository(store.db()).insert(photo);
    }
    return attemptId;
}
} // namespace

class TestGuiFaceMatch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void onDemandThenBands();
    void mainWindowRunsThePreScreen();

private:
    void saveScreenshot(QWidget* w, const QString& name);
    std::unique_ptr<TempStore> m_temp;
    Session m_session;
    Id m_same = 0, m_different = 0;
};

void TestGuiFaceMatch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    m_temp = std::make_unique<TempStore>();
    const Store& store = *m_temp->store();
    // Most urgent first in the queue: the same-person attempt opens first.
    m_same = addAttempt(store, QStringLiteral("2021000001"), 40, "obama_2.jpg", "obama_1.jpg", "obama_1_240p.jpg");
    m_different = addAttempt(store, QStringLiteral("2021000002"), 30, "biden_1.jpg", "obama_3.jpg", "obama_1_240p.jpg");
    m_session = addUser(m_temp->store(), QStringLiteral("reviewer"), Role::Reviewer);
}

void TestGuiFaceMatch::saveScreenshot(QWidget* w, const QString& name)
{
    QDir().mkpath(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR));
    w->grab().save(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR "/") + name);
}

void TestGuiFaceMatch::onDemandThenBands()
{
    // The workspace alone: nobody starts the background pass, so each submission is analysed
    // on demand when it opens.
    ReviewWorkspace workspace(m_temp->store(), m_session);
    workspace.resize(1440, 860);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    FaceMatchPanel* panel = workspace.faceMatchPanel();
    QVERIFY(panel);
    QTRY_COMPARE(workspace.currentAttemptId(), m_same);
    // Analysing first (the model loads on the service's thread), never blocking the UI.
    QVERIFY2(panel->enrollmentBand() == QLatin1String("analysing") || panel->enrollmentBand() == QLatin1String("match"),
             qPrintable(panel->enrollmentBand()));
    if (panel->enrollmentBand() == QLatin1String("analysing"))
        QVERIFY(panel->enrollmentBadge()->text().contains(QStringLiteral("分析中")));
    QTRY_COMPARE_WITH_TIMEOUT(panel->enrollmentBand(), QStringLiteral("match"), 60000);
    QCOMPARE(panel->idCardBand(), QStringLiteral("match"));
    QVERIFY2(panel->enrollmentBadge()->text().startsWith(QStringLiteral("✓ 一致")), qPrintable(panel->enrollmentBadge()->text()));
    QVERIFY(panel->enrollmentBadge()->toolTip().contains(QStringLiteral("双胞胎")));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!panel->chipLabel(i)->pixmap().isNull());
        QCOMPARE(panel->chipLabel(i)->pixmap().size(), QSize(FaceMatchPanel::kChipSide, FaceMatchPanel::kChipSide));
    }
    QTRY_VERIFY_WITH_TIMEOUT(workspace.photosPainted(), 30000);
    saveScreenshot(&workspace, QStringLiteral("facematch-same.png"));

    workspace.nextSubmission();
    QTRY_COMPARE(workspace.currentAttemptId(), m_different);
    QTRY_COMPARE_WITH_TIMEOUT(panel->enrollmentBand(), QStringLiteral("mismatch"), 60000);
    QCOMPARE(panel->idCardBand(), QStringLiteral("mismatch"));
    QVERIFY2(panel->enrollmentBadge()->text().startsWith(QStringLiteral("✗ 不一致")), qPrintable(panel->enrollmentBadge()->text()));
    QVERIFY(!panel->enrollmentBadge()->toolTip().contains(QStringLiteral("双胞胎")));
    QTRY_VERIFY_WITH_TIMEOUT(workspace.photosPainted(), 30000);
    saveScreenshot(&workspace, QStringLiteral("facematch-different.png"));

    // Back to the first: its result is stored now and shows without analysing again.
    QSignalSpy analysed(workspace.preScreen(), &PreScreenService::attemptAnalysed);
    workspace.previousSubmission();
    QTRY_COMPARE(workspace.currentAttemptId(), m_same);
    QTRY_COMPARE(panel->enrollmentBand(), QStringLiteral("match"));
    QCOMPARE(analysed.size(), 0);
}

void TestGuiFaceMatch::mainWindowRunsThePreScreen()
{
    const Store& store = *m_temp->store();
    addAttempt(store, QStringLiteral("2021000003"), 20, "morgan_1.jpg", "morgan_2_iss.jpg", "hague_1.jpg");
    addAttempt(store, QStringLiteral("2021000004"), 10, "obama_3.jpg", "obama_1.jpg", "obama_2.jpg");
    MainWindow window(m_temp->store(), m_session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* progress = window.findChild<QLabel*>(QStringLiteral("preScreenProgress"));
    QVERIFY(progress);
    QTRY_VERIFY_WITH_TIMEOUT(progress->text().startsWith(QStringLiteral("预审完成")), 60000);
    QCOMPARE(progress->text(), QStringLiteral("预审完成 2/2"));
    QCOMPARE(countUnscreened(store, window.reviewWorkspace()->preScreen()->modelId()).value(), 0);
    QTRY_COMPARE(window.reviewWorkspace()->faceMatchPanel()->enrollmentBand(), QStringLiteral("match"));
    QTRY_VERIFY_WITH_TIMEOUT(window.reviewWorkspace()->photosPainted(), 30000);
    saveScreenshot(&window, QStringLiteral("facematch-mainwindow.png"));
}

QTEST_MAIN(TestGuiFaceMatch)
#include "tst_gui_facematch.moc"
