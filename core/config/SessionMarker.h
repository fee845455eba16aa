#pragma once

#include "core/domain/Types.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace pd {

// What a running desk keeps on disk about itself, so that the next start after a crash or a
// power cut can tell what was going on: who was signed in, which attempt was open and held
// (claim token), which tab, and a decision that had been sent to the store but not confirmed.
struct SessionRecord {
    qint64 pid = 0;
    QString bootId;            // /proc/sys/kernel/random/boot_id: a different one = the machine restarted
    QString executable;
    QDateTime startedAt;
    QDateTime updatedAt;
    QString database;          // the store's location, never with a password
    Id userId = 0;             // 0: nobody signed in
    QString username;
    Id openAttemptId = 0;      // the submission on screen
    Id claimAttemptId = 0;     // the submission this desk holds …
    QString claimToken;        // … with this claim token
    QString tab;               // objectName of the workspace tab in front
    Id decidingAttemptId = 0;  // a decision sent to the store and not yet confirmed
    QString decidingVerdict;   // approve | reject
    QDateTime decidingSince;

    QByteArray toJson() const;
    static std::optional<SessionRecord> fromJson(const QByteArray& json);
    // This process, now (pid, boot id, executable, times).
    static SessionRecord forThisProcess(const QString& database);
};

// The session marker: one small JSON file per running desk, <folder>/<pid>.json in the user's
// data folder, written at start, rewritten (atomically, synced) as the session moves on, and
// removed at a clean exit. A marker whose process is gone (or whose machine has restarted since)
// is the trace of an unclean exit.
class SessionMarker {
public:
    explicit SessionMarker(QString folder);
    // <user data folder>/sessions
    static QString defaultFolder();

    const QString& folder() const { return m_folder; }
    // Markers of sessions that ended without a clean exit, oldest first (never this process's,
    // never a desk that is still running in another process).
    std::vector<std::pair<QString, SessionRecord>> leftovers() const;
    // Removes a leftover marker once its session has been recovered.
    static void discard(const QString& path);

    // Writes this process's marker; error code session-marker-write.
    Status begin(const SessionRecord& record);
    SessionRecord& record() { return m_record; }
    const SessionRecord& record() const { return m_record; }
    // Writes record() again (stamped with the time).
    Status save();
    // A clean exit: the marker goes.
    void end();
    bool isActive() const { return !m_path.isEmpty(); }

    // Whether the process that wrote `record` is still running (same boot, same executable).
    static bool isAlive(const SessionRecord& record);
    static QString currentBootId();

private:
    QString m_folder;
    QString m_path;
    SessionRecord m_record;
};

} // namespace pd
