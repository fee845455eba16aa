// The supervision workspace's Export page (导出) offscreen, in Chinese, on the demo store with
// history: cohort and major choices filled off the UI thread, the preview count, an export to a
// folder through the page (files checked against the manifest and the national format), the
// left-out reasons in the table, "not yet exported" empty afterwards, a zip export cancelled
// from the page, and no Export page for a reviewer's or hotline agent's workspace.
#include "ExportChecks.h"
#include "GuiShot.h"
#include "TestSupport.h"

#include "core/demo/DemoSeeder.h"
#include "core/export/ExportPlanner.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "widgets/ExportLeftOutModel.h"
#include "widgets/ExportPage.h"
#include "widgets/StoreWorker.h"
#include "widgets/SupervisionWorkspace.h"
#include "widgets/UiLanguage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;
using namespace pd::test;

class TestGuiExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;

    Session sessionOf(const QString& username) const
    {
        const auto u = UserRepository(m_store->db()).findByUsername(username);
        return Session{u->id, u->username, u->displayName, u->role};
    }

private slots:
    void initTestCase()
    {
        UiLanguage::applyDefaultFont();
        QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        const QString db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        auto seeded = seedDemoWithHistory(db);
        QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
        m_store = Store::open(db).value();
    }

    void exportsThroughThePage()
    {
        SupervisionWorkspace workspace(m_store, sessionOf(QStringLiteral("supervisor")));
        workspace.resize(1100, 800);
        workspace.show();
        ExportPage* page = workspace.exportPage();
        QVERIFY(page);
        workspace.pages()->setCurrentWidget(page);
        QCOMPARE(workspace.pages()->tabText(workspace.pages()->indexOf(page)), QStringLiteral("导出"));
        QAbstractItemModelTester tester(page->leftOutModel());

        // Choices and the preview arrive from the worker.
        QTRY_VERIFY(page->cohortBox()->count() == 2);
        QCOMPARE(page->cohortBox()->itemText(1), QStringLiteral("2025"));
        QTRY_VERIFY(page->majorBox()->count() > 2);
        const int expected = int(ExportPlanner(m_store).plan(sessionOf(QStringLiteral("supervisor")), {}, ExportKey::NationalId)->items.size());
        QTRY_VERIFY(page->previewLabel()->text().contains(QStringLiteral("%1 张").arg(expected)));
        // Narrowing to one major changes the count.
        page->majorBox()->setCurrentIndex(page->majorBox()->findText(QStringLiteral("计算机科学与技术")));
        QTRY_VERIFY(!page->previewLabel()->text().contains(QStringLiteral("%1 张").arg(expected)));
        page->majorBox()->setCurrentIndex(0);
        QTRY_VERIFY(page->previewLabel()->text().contains(QStringLiteral("%1 张").arg(expected)));

        const QString destination = m_dir.filePath(QStringLiteral("upload"));
        page->destinationEdit()->setText(destination);
        QSignalSpy finished(page, &ExportPage::exportFinished);
        QTest::mouseClick(page->exportButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(page->exportButton()->isEnabled());
        QVERIFY(!page->cancelButton()->isEnabled());
        QVERIFY(page->resultLabel()->text().contains(QStringLiteral("已导出 %1 张照片").arg(expected)));

        int listed = 0;
        QCOMPARE(verifyExport(exportFiles(destination), &listed), QString());
        QCOMPARE(listed, expected);
        QVERIFY(page->leftOutModel()->rowCount() > 0);
        QStringList reasons;
        for (int r = 0; r < page->leftOutModel()->rowCount(); ++r)
            reasons << page->leftOutModel()->index(r, ExportLeftOutModel::ReasonColumn).data().toString();
        // Every demo student has an approval by now; their older approvals are listed, in Chinese.
        QVERIFY(reasons.contains(QStringLiteral("较早的通过（已导出更新的一张）")));
        QVERIFY(page->leftOutModel()->index(0, ExportLeftOutModel::DetailColumn).data().toString().startsWith(QStringLiteral("已改为导出提交 ")));
        QCOMPARE(Sql(m_store->db(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'export.create'")).scalar().toInt(), 1);
        QVERIFY(shoot(&workspace, QStringLiteral("export-page")));

        // Not yet exported: nothing left to export now.
        page->stateBox()->setCurrentIndex(1);
        QTRY_VERIFY(page->previewLabel()->text().startsWith(QStringLiteral("将导出 0 张")));
    }

    void cancelFromThePage()
    {
        SupervisionWorkspace workspace(m_store, sessionOf(QStringLiteral("admin")));
        workspace.show();
        ExportPage* page = workspace.exportPage();
        QVERIFY(page);
        QTRY_VERIFY(page->cohortBox()->count() == 2);
        const QString destination = m_dir.filePath(QStringLiteral("cancelled.zip"));
        page->destinationEdit()->setText(destination);
        QSignalSpy finished(page, &ExportPage::exportFinished);
        // The page's store thread is held while Export and then Cancel are pressed, so the export
        // starts with the flag raised: it stops at its first look at it and leaves nothing.
        QSemaphore hold;
        page->worker()->run([&hold] { hold.acquire(); });
        QTest::mouseClick(page->exportButton(), Qt::LeftButton);
        QVERIFY(page->isRunning());
        QVERIFY(page->cancelButton()->isEnabled());
        QVERIFY(!page->exportButton()->isEnabled());
        QTest::mouseClick(page->cancelButton(), Qt::LeftButton);
        hold.release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(page->resultLabel()->text().contains(QStringLiteral("已取消")));
        QVERIFY(!QFileInfo::exists(destination));
        QCOMPARE(strayEntries(m_dir.path(), {QStringLiteral("demo.sqlite"), QStringLiteral("demo.sqlite-wal"),
                                             QStringLiteral("demo.sqlite-shm"), QStringLiteral("demo.blobs"), QStringLiteral("upload")}),
                 QStringList{});
    }

    void noExportPageForOtherRoles()
    {
        for (const char* who : {"reviewer", "hotline"}) {
            SupervisionWorkspace workspace(m_store, sessionOf(QLatin1String(who)));
            QVERIFY(!workspace.exportPage());
        }
    }
};

QTEST_MAIN(TestGuiExport)
#include "tst_gui_export.moc"
