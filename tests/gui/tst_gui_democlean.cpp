// The demo store's clean lane, offscreen: the demo seeder switches the lane on, so the demo
// reviewer's window has the 快速通道 tab; after the window's own pre-screen pass, G shows exactly
// the demo.json attempts marked "clean" (made from another picture of the student's person than
// the reference photos, so they pass every rule). Screenshot: demo-clean-lane.png.

#include "core/auth/AuthService.h"
#include "core/demo/DemoSeeder.h"
#include "core/prescreen/PreScreenService.h"
#include "core/store/Store.h"
#include "core/util/Paths.h"
#include "widgets/CleanLaneModel.h"
#include "widgets/CleanLanePage.h"
#include "widgets/MainWindow.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/UiLanguage.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace pd;

class TestGuiDemoClean : public QObject {
    Q_OBJECT

private slots:
    void reviewerSeesTheDemoCleanLane();
};

void TestGuiDemoClean::reviewerSeesTheDemoCleanLane()
{
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    const QString manifestPath = shareFile(QStringLiteral("demo/demo.json"));
    QVERIFY2(!manifestPath.isEmpty(), "the demo data is missing (PHOTODESK_SHARE_DIR/demo/demo.json)");
    QFile manifest(manifestPath);
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QStringList clean; // oldest payment first = most urgent first
    for (const QJsonValue& v : QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("attempts")).toArray())
        if (v.toObject().value(QStringLiteral("expect")).toString() == QLatin1String("clean"))
            clean << v.toObject().value(QStringLiteral("external_id")).toString();
    QVERIFY(!clean.isEmpty());

    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("demo.sqlite"));
    auto seeded = seedDemo(dbPath);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
    auto store = Store::open(dbPath).value();
    auto reviewer = AuthService(store).login(QStringLiteral("reviewer"), QStringLiteral("review-demo-1"));
    QVERIFY(reviewer.ok());

    MainWindow window(store, reviewer.value());
    window.resize(1500, 940);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The lane is on in the demo: the tab is there from the start, beside the review workspace.
    CleanLanePage* lane = window.cleanLane();
    QVERIFY(lane);
    const int tab = window.workspaces()->indexOf(lane);
    QVERIFY(tab >= 0);
    QCOMPARE(window.workspaces()->tabText(tab), QStringLiteral("快速通道"));

    // The window's background pass analyses the pending attempts (faces, matches, rules).
    PreScreenService* preScreen = window.reviewWorkspace()->preScreen();
    QTRY_VERIFY_WITH_TIMEOUT(!preScreen->rulesVersion().isEmpty()
                                 && countUnscreened(*store, preScreen->modelId(), false, preScreen->rulesVersion()).value() == 0
                                 && !preScreen->isRunning(),
                             240000);

    QSignalSpy loaded(lane, &CleanLanePage::pageLoaded);
    QTest::keyClick(window.reviewWorkspace(), Qt::Key_G);
    QCOMPARE(window.workspaces()->currentWidget(), lane);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
    CleanLaneModel* model = lane->model();
    QStringList shown;
    for (int r = 0; r < model->rowCount(); ++r) {
        shown << model->item(r).externalId;
        QVERIFY(model->isChecked(r));
    }
    QCOMPARE(shown, clean);
    const int last = model->rowCount() - 1;
    QTRY_VERIFY_WITH_TIMEOUT(!model->index(last).data(CleanLaneModel::PhotoRole).value<QImage>().isNull()
                                 && !model->index(last).data(CleanLaneModel::ChipRole).value<QImage>().isNull(),
                             30000);

    QDir().mkpath(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR));
    QVERIFY(window.grab().save(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR "/demo-clean-lane.png")));
}

QTEST_MAIN(TestGuiDemoClean)
#include "tst_gui_democlean.moc"
