// The photo rules in the review workspace, offscreen, on the demo store: opening a submission
// with a known failure shows ✗ for that rule in the flag list and pre-selects its reason in the
// decision panel; approving stays disabled until the checklist boxes are ticked (rejecting does
// not wait for them); a reason the reviewer touched is not overridden; O toggles the overlay on
// the submitted photo (and its checkbox follows). Screenshots with the overlay on and off.

#include "TestSupport.h"

#include "core/demo/DemoSeeder.h"
#include "core/notify/SmsComposer.h"
#include "core/prescreen/PreScreenService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Store.h"
#include "widgets/DecisionPanel.h"
#include "widgets/PhotoPane.h"
#include "widgets/QueueModel.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/RuleFlagsModel.h"
#include "widgets/RuleFlagsPanel.h"
#include "widgets/UiLanguage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;
using namespace pd::test;

class TestGuiRules : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void flagsReasonsChecklistOverlay();
    void reviewerChoiceIsKept();

private:
    void saveScreenshot(QWidget* w, const QString& name);
    // The pending demo attempt whose demo.json entry expects `rule` to fail (0: none).
    Id pendingAttemptFailing(const QString& rule) const;
    void open(ReviewWorkspace& workspace, Id attemptId);

    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    QJsonObject m_demo;
    Session m_session;
};

void TestGuiRules::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    const QString demoDir = qEnvironmentVariable("PHOTODESK_SHARE_DIR") + QStringLiteral("/demo");
    QFile manifest(demoDir + QStringLiteral("/demo.json"));
    QVERIFY2(manifest.open(QIODevice::ReadOnly), "the demo data is missing (PHOTODESK_SHARE_DIR/demo/demo.json)");
    m_demo = QJsonDocument::fromJson(manifest.readAll()).object();
    const QString dbPath = m_dir.filePath(QStringLiteral("pd.sqlite"));
    auto seeded = seedDemo(dbPath, demoDir);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
    auto opened = Store::open(dbPath);
    QVERIFY(opened.ok());
    m_store = opened.value();
    m_session = addUser(m_store, QStringLiteral("rules-reviewer"), Role::Reviewer);
}

void TestGuiRules::saveScreenshot(QWidget* w, const QString& name)
{
    QDir().mkpath(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR));
    w->grab().save(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR "/") + name);
}

Id TestGuiRules::pendingAttemptFailing(const QString& rule) const
{
    for (const QJsonValue& v : m_demo.value(QStringLiteral("attempts")).toArray()) {
        const QJsonObject a = v.toObject();
        if (a.contains(QStringLiteral("decision")) || !a.value(QStringLiteral("fails")).toArray().contains(rule))
            continue;
        if (auto attempt = AttemptRepository(m_store->db()).findByExternalId(a.value(QStringLiteral("external_id")).toString()))
            return attempt->id;
    }
    return 0;
}

void TestGuiRules::open(ReviewWorkspace& workspace, Id attemptId)
{
    QueueModel* model = workspace.queueModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(attemptId) >= 0, 30000);
    workspace.queueView()->setCurrentIndex(model->index(model->rowOf(attemptId), 0));
    QTRY_COMPARE_WITH_TIMEOUT(workspace.currentAttemptId(), attemptId, 30000);
}

void TestGuiRules::flagsReasonsChecklistOverlay()
{
    const Id target = pendingAttemptFailing(QStringLiteral("FILE_FORMAT"));
    QVERIFY2(target != 0, "the demo has no pending submission failing FILE_FORMAT");

    ReviewWorkspace workspace(m_store, m_session);
    workspace.resize(1600, 980);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    RuleFlagsPanel* rules = workspace.ruleFlagsPanel();
    DecisionPanel* panel = workspace.decisionPanel();
    auto* view = workspace.findChild<QTableView*>(QStringLiteral("ruleFlagsView"));
    auto* approve = workspace.findChild<QPushButton*>(QStringLiteral("approveButton"));
    auto* reject = workspace.findChild<QPushButton*>(QStringLiteral("rejectButton"));
    auto* submitted = workspace.findChild<PhotoPane*>(QStringLiteral("submittedPhoto"));
    auto* overlayCheck = workspace.findChild<QCheckBox*>(QStringLiteral("overlayCheck"));
    QVERIFY(rules && panel && view && approve && reject && submitted && overlayCheck);
    QAbstractItemModelTester tester(rules->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    open(workspace, target);
    // Not reached by any background pass: checked on demand, "规则检查中…" meanwhile.
    QTRY_COMPARE_WITH_TIMEOUT(rules->mode(), RuleFlagsPanel::Mode::Report, 90000);
    RuleFlagsModel* model = rules->model();
    QCOMPARE(model->rowCount(), 28);
    const int row = model->rowOf(QStringLiteral("FILE_FORMAT"));
    QVERIFY(row >= 0);
    const QString verdict = model->index(row, RuleFlagsModel::VerdictColumn).data().toString();
    QVERIFY2(verdict.startsWith(QStringLiteral("✗")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("不符合")), qPrintable(verdict));
    QCOMPARE(model->index(row, 0).data(RuleFlagsModel::VerdictRole).toString(), QStringLiteral("fail"));
    QVERIFY(model->index(row, 0).data().toString().contains(ReasonCatalog::builtIn().find(QStringLiteral("FILE_FORMAT"))->titleZh));
    QVERIFY(!model->index(row, 0).data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(model->index(0, 0).data(RuleFlagsModel::VerdictRole).toString(), QStringLiteral("fail")); // most severe first
    QVERIFY(rules->statusText().contains(QStringLiteral("✗")));
    // Checklist rules read "– 不适用" in the list: the reviewer decides them below.
    const int headwear = model->rowOf(QStringLiteral("NO_HEADWEAR"));
    QVERIFY(model->index(headwear, RuleFlagsModel::VerdictColumn).data().toString().startsWith(QStringLiteral("–")));

    // The failed rule's reason is pre-selected; the reviewer can still change it.
    QTRY_VERIFY2_WITH_TIMEOUT(panel->checkedReasonIds().contains(QStringLiteral("FILE_FORMAT")),
                              qPrintable(panel->checkedReasonIds().join(u',')), 30000);
    QVERIFY(!panel->reasonsTouched());

    // Approve waits for the checklist; reject does not.
    QTRY_VERIFY_WITH_TIMEOUT(reject->isEnabled(), 30000);
    QVERIFY(!approve->isEnabled());
    QCOMPARE(panel->unconfirmedChecklist(), (QStringList{QStringLiteral("NO_HEADWEAR"), QStringLiteral("NO_JEWELRY")}));
    for (const QString& id : panel->checklistIds()) {
        auto* box = workspace.findChild<QCheckBox*>(QStringLiteral("checklist_") + id);
        QVERIFY(box && box->isEnabled());
        QVERIFY(!approve->isEnabled());
        box->click();
    }
    QVERIFY(panel->checklistConfirmed());
    QVERIFY(approve->isEnabled());

    // The overlay: drawn on the submitted photo, toggled by O and by its checkbox.
    QTRY_VERIFY_WITH_TIMEOUT(workspace.photosPainted(), 30000);
    QVERIFY(submitted->hasOverlay());
    QCOMPARE(submitted->overlay().landmarks.size(), 68);
    QCOMPARE(submitted->overlay().guides.size(), 3);
    QVERIFY(submitted->overlayShown());
    QVERIFY(overlayCheck->isChecked());
    saveScreenshot(&workspace, QStringLiteral("rules-overlay-on.png"));
    workspace.queueView()->setFocus();
    QTest::keyClick(workspace.queueView(), Qt::Key_O);
    QTRY_VERIFY(!submitted->overlayVisible());
    QVERIFY(!submitted->overlayShown());
    QVERIFY(!overlayCheck->isChecked());
    saveScreenshot(&workspace, QStringLiteral("rules-overlay-off.png"));
    QTest::keyClick(workspace.queueView(), Qt::Key_O);
    QTRY_VERIFY(submitted->overlayVisible());
    overlayCheck->click();
    QVERIFY(!submitted->overlayVisible());
    overlayCheck->click();
    QVERIFY(submitted->overlayShown());

    // Another known failure: the background.
    if (const Id blue = pendingAttemptFailing(QStringLiteral("BACKGROUND_BLUE"))) {
        open(workspace, blue);
        QVERIFY(!approve->isEnabled()); // a new submission: the checklist starts unticked
        QTRY_COMPARE_WITH_TIMEOUT(rules->mode(), RuleFlagsPanel::Mode::Report, 90000);
        QTRY_COMPARE(rules->attemptId(), blue);
        const int b = model->rowOf(QStringLiteral("BACKGROUND_BLUE"));
        QVERIFY2(model->index(b, RuleFlagsModel::VerdictColumn).data().toString().startsWith(QStringLiteral("✗")),
                 qPrintable(model->index(b, RuleFlagsModel::VerdictColumn).data().toString()));
        QTRY_VERIFY2_WITH_TIMEOUT(panel->checkedReasonIds().contains(QStringLiteral("BACKGROUND_BLUE")),
                                  qPrintable(panel->checkedReasonIds().join(u',')), 30000);
        QVERIFY(!panel->checkedReasonIds().contains(QStringLiteral("FILE_FORMAT")));
        QTRY_VERIFY_WITH_TIMEOUT(workspace.photosPainted(), 30000);
        saveScreenshot(&workspace, QStringLiteral("rules-background.png"));
    }
}

void TestGuiRules::reviewerChoiceIsKept()
{
    // The decision panel alone: suggestions arrive after the reviewer has already chosen.
    DecisionPanel panel(ReasonCatalog::builtIn(), SmsComposer::builtIn());
    Student s;
    s.name = QStringLiteral("张三");
    s.phone = QStringLiteral("13800000000");
    panel.setStudent(s);
    panel.setDecidable(true);
    QVERIFY(panel.setSuggestedReasons({QStringLiteral("SHARPNESS")}));
    QCOMPARE(panel.checkedReasonIds(), QStringList{QStringLiteral("SHARPNESS")});
    const int number = ReasonCatalog::builtIn().find(QStringLiteral("EXPOSURE"))->number;
    QVERIFY(panel.toggleReason(number)); // the reviewer adds one
    QVERIFY(panel.reasonsTouched());
    QVERIFY(!panel.setSuggestedReasons({QStringLiteral("FILE_SIZE")})); // later flags do not override
    QCOMPARE(panel.checkedReasonIds().size(), 2);
    QVERIFY(!panel.checkedReasonIds().contains(QStringLiteral("FILE_SIZE")));
    // Reasons only suggested before the student arrived are applied when it does.
    panel.setStudent(std::nullopt);
    panel.setSuggestedReasons({QStringLiteral("FILE_SIZE")});
    QVERIFY(panel.checkedReasonIds().isEmpty());
    panel.setStudent(s);
    QCOMPARE(panel.checkedReasonIds(), QStringList{QStringLiteral("FILE_SIZE")});
}

QTEST_MAIN(TestGuiRules)
#include "tst_gui_rules.moc"
