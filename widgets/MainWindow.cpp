#include "widgets/MainWindow.h"

#include "core/prescreen/PreScreenService.h"
#include "core/store/Store.h"
#include "widgets/AboutDialog.h"
#include "widgets/DiagnosticsExporter.h"
#include "widgets/FaceMatchPanel.h"
#include "widgets/HotlineWorkspace.h"
#include "widgets/PasswordChangeDialog.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/ReviewKeys.h"
#include "widgets/CleanLanePage.h"
#include "widgets/ShortcutOverlay.h"
#include "core/review/CleanLaneSettings.h"
#include "widgets/SupervisionWorkspace.h"
#include "widgets/SyncController.h"
#include "widgets/SessionFiguresLabel.h"
#include "widgets/SyncStatusWidget.h"
#include "widgets/UiLanguage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

namespace pd {

MainWindow::MainWindow(std::shared_ptr<Store> store, Session session, QWidget* parent)
    : QMainWindow(parent), m_store(std::move(store)), m_session(std::move(session))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setAutoHide(true);
    setCentralWidget(m_tabs);

    const Role role = m_session.role;
    if (role == Role::Supervisor || role == Role::Administrator) {
        m_supervision = new SupervisionWorkspace(m_store, m_session, this);
        m_tabs->addTab(m_supervision, QString());
        connect(m_supervision, &SupervisionWorkspace::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    }
    if (role == Role::Reviewer || role == Role::Supervisor) {
        m_review = new ReviewWorkspace(m_store, m_session, this);
        m_tabs->addTab(m_review, QString());
    }
    if (role == Role::HotlineAgent || role == Role::Administrator) {
        m_hotline = new HotlineWorkspace(m_store, m_session, this);
        m_tabs->addTab(m_hotline, QString());
        connect(m_hotline, &HotlineWorkspace::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    }

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_refresh = m_fileMenu->addAction(QString());
    m_refresh->setObjectName(QStringLiteral("refreshAction"));
    m_refresh->setEnabled(m_review != nullptr);
    if (m_review)
        connect(m_refresh, &QAction::triggered, m_review, &ReviewWorkspace::refreshQueue);
    m_claimNext = m_fileMenu->addAction(QString());
    m_claimNext->setObjectName(QStringLiteral("claimNextAction"));
    m_claimNext->setEnabled(m_review != nullptr);
    if (m_review)
        connect(m_claimNext, &QAction::triggered, m_review, &ReviewWorkspace::claimNext);
    m_syncNow = m_fileMenu->addAction(QString());
    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNow->setEnabled(false); // until startServices() with a platform
    if (role == Role::Administrator) {
        m_fileMenu->addSeparator();
        m_settings = m_fileMenu->addAction(QString());
        m_settings->setObjectName(QStringLiteral("settingsAction"));
        m_settings->setMenuRole(QAction::PreferencesRole);
        connect(m_settings, &QAction::triggered, this, &MainWindow::settingsRequested);
        m_setupWizard = m_fileMenu->addAction(QString());
        m_setupWizard->setObjectName(QStringLiteral("setupWizardAction"));
        connect(m_setupWizard, &QAction::triggered, this, &MainWindow::setupWizardRequested);
    }
    m_fileMenu->addSeparator();
    m_logout = m_fileMenu->addAction(QString());
    m_logout->setObjectName(QStringLiteral("logoutAction"));
    m_logout->setShortcut(ReviewKeys::keys("logout").front());
    connect(m_logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    m_quit = m_fileMenu->addAction(QString());
    m_quit->setObjectName(QStringLiteral("quitAction"));
    m_quit->setShortcut(ReviewKeys::keys("quit").front());
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languages = new QActionGroup(this);
    m_languages->setExclusive(true);
    for (const QString& code : UiLanguage::available()) {
        QAction* a = m_languageMenu->addAction(UiLanguage::nativeName(code));
        a->setObjectName(QStringLiteral("language_") + code);
        a->setCheckable(true);
        a->setChecked(code == UiLanguage::current());
        a->setData(code);
        m_languages->addAction(a);
    }
    connect(m_languages, &QActionGroup::triggered, this, [this](QAction* a) {
        const QString code = UiLanguage::install(a->data().toString());
        emit languageChosen(code);
    });

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_shortcuts = m_helpMenu->addAction(QString());
    m_shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcuts->setShortcut(ReviewKeys::keys("shortcuts").front()); // "?" is the workspace's
    connect(m_shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    // For the hotline to send to IT: versions, settings without secrets, logs, database check.
    m_diagnostics = new DiagnosticsExporter(m_store, this);
    m_exportDiagnostics = m_helpMenu->addAction(QString());
    m_exportDiagnostics->setObjectName(QStringLiteral("exportDiagnosticsAction"));
    connect(m_exportDiagnostics, &QAction::triggered, m_diagnostics, &DiagnosticsExporter::chooseAndExport);
    connect(m_diagnostics, &DiagnosticsExporter::finished, this, [this](const QString&, const QString& message) { statusBar()->showMessage(message, 8000); });
    m_about = m_helpMenu->addAction(QString());
    m_about->setObjectName(QStringLiteral("aboutAction"));
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);

    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->addPermanentWidget(m_userLabel);

    if (m_review) {
        connect(m_review, &ReviewWorkspace::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
        connect(m_review, &ReviewWorkspace::pendingCountChanged, this, [this](int pending) {
            m_pending = pending;
            retranslate();
        });
        // The face pre-screen of every new attempt starts with the session ("预审 12/40").
        statusBar()->addPermanentWidget(new FaceMatchProgressLabel(m_review->preScreen(), this));
        // This reviewer's figures of the day ("今日已审 37 份 · 中位 12 秒/份").
        statusBar()->addPermanentWidget(new SessionFiguresLabel(m_store, m_session, m_review, this));
        m_review->preScreen()->start();
        m_tabs->setCurrentWidget(m_review);
        m_review->refreshQueue();
        m_review->setFocus();
        setUpCleanLane();
    }
    retranslate();
    resize(1440, 900);
    if (m_session.mustChangePassword)
        QTimer::singleShot(0, this, &MainWindow::askForNewPassword);
}

void MainWindow::startServices(const DeskServicesConfig& config)
{
    if (m_services)
        return;
    m_services = new SyncController(m_store, config, this);
    statusBar()->insertPermanentWidget(0, new SyncStatusWidget(m_services, this));
    m_syncNow->setEnabled(m_services->hasPlatform());
    connect(m_syncNow, &QAction::triggered, m_services, &SyncController::syncNow);
    if (m_review) {
        // Each decision's SMS leaves at once; new submissions show up in the queue.
        connect(m_review, &ReviewWorkspace::decided, m_services, &SyncController::wakeSms);
        connect(m_services, &SyncController::storeChanged, m_review, &ReviewWorkspace::refreshQueue);
    }
    connect(m_services, &SyncController::platformDeliveryFailed, this, [this](const QString& error, bool willRetry) {
        statusBar()->showMessage(willRetry ? tr("A decision could not be delivered to the platform yet (%1); it is tried again.").arg(error)
                                           : tr("A decision was refused by the platform: %1").arg(error),
                                 8000);
    });
    m_services->start();
}

void MainWindow::askForNewPassword()
{
    PasswordChangeDialog dialog(m_store, m_session, this);
    if (dialog.exec() == QDialog::Accepted)
        m_session.mustChangePassword = false;
    else
        emit logoutRequested();
}

MainWindow::~MainWindow() = default;

QString MainWindow::roleName(Role role)
{
    switch (role) {
    case Role::Reviewer:
        return tr("Reviewer");
    case Role::HotlineAgent:
        return tr("Hotline agent");
    case Role::Supervisor:
        return tr("Supervisor");
    case Role::Administrator:
        return tr("Administrator");
    }
    return {};
}

void MainWindow::retranslate()
{
    setWindowTitle(m_schoolName.isEmpty() ? tr("PhotoDesk — Graduation photo review")
                                          : tr("PhotoDesk — %1 graduation photo review").arg(m_schoolName));
    if (m_review)
        m_tabs->setTabText(m_tabs->indexOf(m_review), tr("Review"));
    if (m_cleanLane && m_tabs->indexOf(m_cleanLane) >= 0)
        m_tabs->setTabText(m_tabs->indexOf(m_cleanLane), tr("Clean lane"));
    if (m_hotline)
        m_tabs->setTabText(m_tabs->indexOf(m_hotline), m_hotline->title());
    if (m_supervision)
        m_tabs->setTabText(m_tabs->indexOf(m_supervision), m_supervision->title());
    m_fileMenu->setTitle(tr("&File"));
    m_refresh->setText(tr("&Refresh queue"));
    m_refresh->setShortcut(ReviewKeys::keys("refresh").front());
    m_refresh->setShortcutContext(Qt::WidgetShortcut); // F5 itself is handled by the workspace
    m_claimNext->setText(tr("&Claim next submission"));
    m_claimNext->setShortcut(ReviewKeys::keys("claim-next").front());
    m_claimNext->setShortcutContext(Qt::WidgetShortcut); // N itself is handled by the workspace
    m_syncNow->setText(tr("&Sync now"));
    if (m_settings) {
        m_settings->setText(tr("S&ettings…"));
        m_setupWizard->setText(tr("Set-&up wizard…"));
    }
    m_logout->setText(tr("&Log out"));
    m_quit->setText(tr("&Quit"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_shortcuts->setText(tr("&Keyboard shortcuts"));
    m_exportDiagnostics->setText(tr("Export &diagnostics…"));
    m_about->setText(tr("&About PhotoDesk"));
    updateUserLabel();
    if (m_review && m_pending >= 0)
        m_pendingLabel->setText(tr("%n pending", "", m_pending));
    else
        m_pendingLabel->clear();
}

void MainWindow::setSchoolName(const QString& name)
{
    m_schoolName = name;
    retranslate();
}

void MainWindow::updateUserLabel()
{
    const QString name = m_session.displayName.isEmpty() ? m_session.username : m_session.displayName;
    m_userLabel->setText(tr("%1 (%2) · %3").arg(name, m_session.username, roleName(m_session.role)));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        for (QAction* a : m_languages->actions())
            a->setChecked(a->data().toString() == UiLanguage::current());
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::showShortcuts()
{
    // Every key of the window, from the one key table (widgets/ReviewKeys).
    ShortcutOverlay::toggleOver(this);
}

void MainWindow::setUpCleanLane()
{
    // The clean lane is a tab only while a supervisor has it switched on (the core refuses it
    // otherwise anyway); the switch is looked at again every half minute, G opens the tab.
    m_cleanLane = new CleanLanePage(m_store, m_session, m_review->preScreen(), this);
    m_cleanLane->hide();
    connect(m_cleanLane, &CleanLanePage::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_cleanLane, &CleanLanePage::backRequested, this, [this] {
        m_tabs->setCurrentWidget(m_review);
        m_review->setFocus();
    });
    connect(m_cleanLane, &CleanLanePage::decided, m_review, &ReviewWorkspace::decided);
    connect(m_cleanLane, &CleanLanePage::approvalFinished, m_review, &ReviewWorkspace::refreshQueue);
    ReviewKeys::bind(this, "clean-lane", Qt::WindowShortcut, [this](int) {
        updateCleanLaneTab();
        if (m_tabs->indexOf(m_cleanLane) >= 0) {
            m_tabs->setCurrentWidget(m_cleanLane);
            m_cleanLane->setFocus();
        } else {
            statusBar()->showMessage(tr("The clean lane is switched off (a supervisor's setting)."), 8000);
        }
    });
    auto* poll = new QTimer(this);
    poll->setInterval(30 * 1000);
    connect(poll, &QTimer::timeout, this, &MainWindow::updateCleanLaneTab);
    poll->start();
    updateCleanLaneTab();
}

void MainWindow::updateCleanLaneTab()
{
    if (!m_cleanLane)
        return;
    // One small indexed row: cheap enough for the UI thread.
    auto config = CleanLaneSettings(m_store).current();
    const bool on = config && config->enabled;
    const int index = m_tabs->indexOf(m_cleanLane);
    if (on && index < 0) {
        m_tabs->insertTab(m_tabs->indexOf(m_review) + 1, m_cleanLane, tr("Clean lane"));
    } else if (!on && index >= 0 && !m_cleanLane->isBusy()) {
        if (m_tabs->currentWidget() == m_cleanLane)
            m_tabs->setCurrentWidget(m_review);
        m_tabs->removeTab(index);
        m_cleanLane->hide();
    }
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace pd
