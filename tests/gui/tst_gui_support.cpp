// Help menu, offscreen, through the real window: About shows the version, the build id and the
// verified face model (and copies the same text); "Export diagnostics" writes the zip on a
// worker thread while the window stays usable, and says where it is.
#include "TestSupport.h"
#include "../diagnostics/ZipReader.h"

#include "core/util/BuildInfo.h"
#include "widgets/AboutDialog.h"
#include "widgets/DiagnosticsExporter.h"
#include "widgets/MainWindow.h"
#include "widgets/UiLanguage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace pd;
using namespace pd::test;

class TestGuiSupport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        UiLanguage::applyDefaultFont();
        QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        m_store = std::make_unique<TempStore>();
        const Session reviewer = addUser(m_store->store(), QStringLiteral("reviewer"), Role::Reviewer);
        addSampleAttempt(*m_store->store(), QStringLiteral("2021010101"), 3);
        m_window = std::make_unique<MainWindow>(m_store->store(), reviewer);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void aboutShowsVersionBuildAndModel()
    {
        auto* about = m_window->findChild<QAction*>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        QCOMPARE(about->text(), QStringLiteral("关于 PhotoDesk(&A)"));
        bool checked = false;
        // exec() blocks: the checks run from the event loop while the dialog is up.
        QTimer::singleShot(0, this, [this, &checked] {
            auto* dialog = qobject_cast<AboutDialog*>(QApplication::activeModalWidget());
            // Whatever fails below, the dialog closes, so exec() returns and the test reports it.
            const auto close = qScopeGuard([] {
                if (QWidget* modal = QApplication::activeModalWidget())
                    modal->close();
            });
            QVERIFY(dialog);
            QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), 20000);
            QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("aboutVersion"))->text(), build::version());
            QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("aboutBuildId"))->text(), build::buildId());
            const QString model = dialog->findChild<QLabel*>(QStringLiteral("aboutFaceModel"))->text();
            QVERIFY2(model.startsWith(QStringLiteral("✓ 校验通过")), qPrintable(model));
            auto* copy = dialog->findChild<QPushButton*>(QStringLiteral("aboutCopy"));
            QVERIFY(copy && copy->isEnabled());
            QTest::mouseClick(copy, Qt::LeftButton);
            const QString copied = QApplication::clipboard()->text();
            QVERIFY2(copied.startsWith(QStringLiteral("PhotoDesk %1 (build %2)").arg(build::version(), build::buildId())), qPrintable(copied));
            QVERIFY(copied.contains(QStringLiteral("face model: ")));
            saveScreenshot(dialog, QStringLiteral("about.png"));
            checked = true;
        });
        about->trigger();
        QVERIFY(checked);
    }

    void exportDiagnosticsOffTheUiThread()
    {
        auto* action = m_window->findChild<QAction*>(QStringLiteral("exportDiagnosticsAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("导出诊断信息(&D)…"));
        auto* helpMenu = m_window->findChild<QMenu*>(QStringLiteral("helpMenu"));
        QVERIFY(helpMenu && helpMenu->actions().contains(action));

        auto* exporter = m_window->findChild<DiagnosticsExporter*>();
        QVERIFY(exporter);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("诊断.zip"));
        QSignalSpy finished(exporter, &DiagnosticsExporter::finished);
        QVERIFY(exporter->exportTo(file));
        QVERIFY(exporter->isRunning());
        QVERIFY(!exporter->exportTo(file)); // one at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.first().at(0).toString(), file);
        QVERIFY(!exporter->isRunning());

        auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("diagnosticsResult"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->text().contains(QDir::toNativeSeparators(file)), qPrintable(box->text()));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("诊断信息已保存")));
        saveScreenshot(m_window.get(), QStringLiteral("diagnostics-done.png"));
        box->close();

        const ZipContents z = readZip(file);
        QVERIFY2(z.error.isEmpty(), qPrintable(z.error));
        for (const char* entry : {"README.txt", "versions.json", "settings.json", "database.json", "queue.json", "models.json"})
            QVERIFY2(z.files.contains(QString::fromLatin1(entry)), entry);
        for (auto it = z.files.begin(); it != z.files.end(); ++it) {
            QVERIFY2(!it.value().contains("2021010101"), qPrintable(it.key()));
            QVERIFY2(!it.value().contains("13800000101"), qPrintable(it.key()));
        }

        // A place that cannot be written: the user is told, nothing crashes.
        finished.clear();
        QVERIFY(exporter->exportTo(QStringLiteral("/proc/no-such-folder/d.zip")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(finished.first().at(0).toString().isEmpty());
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("无法保存")));
        if (auto* failed = m_window->findChild<QMessageBox*>(QStringLiteral("diagnosticsResult")))
            failed->close();
    }

private:
    void saveScreenshot(QWidget* widget, const QString& name)
    {
        QDir().mkpath(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR));
        widget->grab().save(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR "/") + name);
    }

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestGuiSupport)
#include "tst_gui_support.moc"
