#pragma once

#include "core/util/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace pd {

// "Export diagnostics": one .zip for the hotline to send to IT, with no personal data and no
// secrets. Entries:
//   README.txt          what the bundle holds and what it never holds
//   versions.json       versionReport(): version, build id, Qt/OpenCV/dlib/BLAS, OS, models
//   settings.json       the effective settings and their sources (SettingsModel); for secrets only
//                       where they come from, never their values
//   environment.json    PHOTODESK_*/QT_*/locale variables; secrets only as "(set)"
//   database.json       backend, schema version (applied vs. this program's), integrity check
//                       (SQLite: PRAGMA integrity_check + foreign_key_check; PostgreSQL: server,
//                       invalid indexes, expected tables), row counts; never a row's content
//   queue.json          attempts by state, overdue, live claims; outbox by channel and state,
//                       oldest waiting message, the most frequent failure codes; sync checkpoints
//   models.json         face and landmark models and configuration files with their SHA-256
//   logs/<file>         the newest log files (scrubbed again), up to maxLogBytes in total
// The store is inspected read-only and without migrating it: a store the program cannot open is
// exactly when diagnostics are needed, so every failure is recorded in the bundle instead.
struct DiagnosticsRequest {
    QString database;          // SQLite path or postgresql:// URL; empty: no store section
    QString logDir;            // empty: logging::logDir()
    // Effective settings without secrets; empty: settingsSnapshot(). Secret keys keep only the
    // words saying where a secret comes from ("environment", "keychain" …), values are scrubbed.
    QJsonObject settings;
    QString application = QStringLiteral("photodesk");
    qint64 maxLogBytes = 8 * 1024 * 1024;
};

struct DiagnosticsResult {
    QString path;
    QStringList entries;
    qint64 bytes = 0;
    QStringList problems; // what could not be collected (also inside the bundle)
};

// Writes the bundle to `zipPath` (atomically). `progress(step, steps)` is called from the
// calling thread — run it off the UI thread. Error codes: "diagnostics-write".
Result<DiagnosticsResult> exportDiagnostics(const DiagnosticsRequest& request, const QString& zipPath,
                                            const std::function<void(int step, int steps)>& progress = {});

// The desk's settings as core/config/SettingsModel reads them (defaults < /etc/photodesk/
// photodesk.conf < the user's file): files, locked keys, problems and the effective values with
// their sources — for secrets only where they come from.
QJsonObject settingsSnapshot();

// The store part on its own (database.json + queue.json as one object), for tests and the CLI.
QJsonObject inspectStore(const QString& location);

// "photodesk-diagnostics-20240501-0930.zip" in the user's home folder.
QString defaultDiagnosticsFileName();

} // namespace pd
