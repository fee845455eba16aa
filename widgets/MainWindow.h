#pragma once

#include "core/domain/Types.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;

namespace pd {

class DiagnosticsExporter;
class CleanLanePage;
class HotlineWorkspace;
class SyncController;
struct DeskServicesConfig;
class SupervisionWorkspace;
class ReviewWorkspace;
class Store;

// The workstation window: the workspaces of the signed-in user's role as tabs (Review for
// reviewers, Hotline for hotline agents, Supervision and Review for supervisors), a menu with
// the language switch and log-out, and the user and role in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(std::shared_ptr<Store> store, Session session, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Session& session() const { return m_session; }
    // nullptr when the role has no review workspace.
    ReviewWorkspace* reviewWorkspace() const { return m_review; }
    // nullptr when the role has no review workspace; a tab only while the lane is switched on.
    CleanLanePage* cleanLane() const { return m_cleanLane; }
    QTabWidget* workspaces() const { return m_tabs; }

    static QString roleName(Role role);

    // Starts the background traffic of this session: platform sync (now, then periodically,
    // and from File ▸ Sync now), decision delivery to the platform and the SMS dispatcher, with
    // their state in the status bar. Stopped when the window closes (logout, quit).
    void startServices(const DeskServicesConfig& config);
    SyncController* services() const { return m_services; }
    // The school's name from the settings, shown in the window title (empty: none).
    void setSchoolName(const QString& name);

signals:
    void logoutRequested();
    void languageChosen(const QString& code);
    // File ▸ Settings… and File ▸ Set-up wizard… (administrators): the application opens them
    // with the desk's settings model.
    void settingsRequested();
    void setupWizardRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateUserLabel();
    void showShortcuts();
    void setUpCleanLane();
    void updateCleanLaneTab();
    void showAbout();
    // An initial or reset password is replaced before any work; refusing logs out.
    void askForNewPassword();

    std::shared_ptr<Store> m_store;
    Session m_session;
    QTabWidget* m_tabs;
    ReviewWorkspace* m_review = nullptr;
    HotlineWorkspace* m_hotline = nullptr;
    CleanLanePage* m_cleanLane = nullptr; // a tab while the clean lane is switched on
    SupervisionWorkspace* m_supervision = nullptr;
    QMenu* m_fileMenu;
    QMenu* m_languageMenu;
    QMenu* m_helpMenu;
    QAction* m_refresh;
    QAction* m_claimNext;
    QAction* m_syncNow;
    QAction* m_settings = nullptr;    // administrators only
    QAction* m_setupWizard = nullptr;
    QString m_schoolName;
    SyncController* m_services = nullptr;
    QAction* m_logout;
    QAction* m_quit;
    QAction* m_shortcuts;
    QAction* m_about;
    QAction* m_exportDiagnostics;
    DiagnosticsExporter* m_diagnostics;
    QActionGroup* m_languages;
    QLabel* m_userLabel;
    QLabel* m_pendingLabel;
    int m_pending = -1;
};

} // namespace pd
