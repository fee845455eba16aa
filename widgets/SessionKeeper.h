#pragma once

#include "core/config/RecoveryReport.h"
#include "core/config/SessionMarker.h"
#include "core/domain/Types.h"
#include "widgets/RecoveryNotice.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace pd {

class MainWindow;
class Store;

// Keeps the session marker (core/config/SessionMarker) up to date while someone works in a main
// window: who is signed in, the workspace tab in front, the submission open and held (claim
// token), and a decision from the moment it is sent to the store until it is confirmed. After an
// unclean exit the next sign-in recovers what was left (recoverLeftovers), and showRecovery()
// says so in a non-modal notice and takes the reviewer back to where they were.
class SessionKeeper : public QObject {
    Q_OBJECT
public:
    SessionKeeper(MainWindow* window, std::shared_ptr<SessionMarker> marker);
    ~SessionKeeper() override;

    // For `who`, who has just signed in: recovers every leftover marker of `marker`'s folder that
    // used this store (CrashRecovery: claims, in-flight decision, outbox), writes one log line
    // each and removes the markers (those of another store wait for it, at most 30 days). Call
    // before the main window exists, so a released claim is not resumed.
    static std::vector<RecoveryReport> recoverLeftovers(const std::shared_ptr<Store>& store, const QString& databaseLocation,
                                                        const Session& who, const SessionMarker& marker);
    // The notice at the top of the window, and back to the tab and submission of the reviewer.
    void showRecovery(const std::vector<RecoveryReport>& reports);
    RecoveryNotice* notice() const { return m_notice; }

private:
    void save();

    QPointer<MainWindow> m_window;
    std::shared_ptr<SessionMarker> m_marker;
    QPointer<RecoveryNotice> m_notice;
};

} // namespace pd
