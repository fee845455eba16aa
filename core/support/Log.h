#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

class QFile;

namespace pd::logging {

enum class Level { Debug, Info, Warning, Error };

// "debug", "info", "warning" (or "warn"), "error"; nullopt for anything else.
std::optional<Level> levelFromString(const QString& text);
QString toString(Level level);

// A log file that rotates by size: <dir>/<base>.log, and on overflow the older lines move to
// <base>.log.1 (then .2 …); only `keep` rotated files stay. Files are created 0600 in a 0700
// folder (desks are shared). Each line is written unbuffered, so a crash loses nothing.
// Thread-safe. One process per base name: the GUI writes photodesk.log, the command line
// photodesk-cli.log, so two programs never rotate each other's file.
class RotatingLogFile {
public:
    RotatingLogFile(QString dir, QString baseName, qint64 maxBytes, int keep);
    ~RotatingLogFile();
    RotatingLogFile(const RotatingLogFile&) = delete;
    RotatingLogFile& operator=(const RotatingLogFile&) = delete;

    // Appends one line (a '\n' is added). False when the file cannot be written.
    bool write(const QByteArray& line);
    QString currentPath() const;

private:
    bool openLocked();
    void rotateLocked();

    QString m_dir;
    QString m_base;
    qint64 m_maxBytes;
    int m_keep;
    mutable QMutex m_mutex;
    QFile* m_file = nullptr;
    qint64 m_size = 0;
};

// One JSON object per line: {"time","level","category","message","pid"} with the time in UTC
// (milliseconds) and the message scrubbed of personal data and secrets (scrubPersonalData).
QByteArray formatLine(QtMsgType type, const char* category, const QString& message, const QDateTime& utc);

struct Options {
    QString dir;                      // empty: defaultLogDir()
    QString baseName = QStringLiteral("photodesk");
    Level level = Level::Info;        // lines below it are dropped
    qint64 maxBytes = 2 * 1024 * 1024; // per file
    int keep = 5;                     // rotated files kept besides the current one
    bool echo = true;                 // every message also goes to the previous handler (stderr), as before
};

// <user data folder>/logs (core/util/Paths userDataDir()); $PHOTODESK_LOG_DIR overrides it.
QString defaultLogDir();

// Options for a program: the folder from defaultLogDir(), the level from $PHOTODESK_LOG_LEVEL,
// else the setting "log/level" (core/config/SettingsModel: system file < user file), else info.
Options standardOptions(const QString& baseName);

// Installs the message handler for the whole process (qInstallMessageHandler). Returns false
// (and keeps Qt's handler) when the folder cannot be created; the reason goes to stderr.
bool install(const Options& options);
// Changes the level while running (the settings dialog, `log/level`).
void setLevel(Level level);
Level level();
// Restores the previous handler and closes the file (tests; also at exit).
void uninstall();
// The folder of the installed log, or defaultLogDir() when none is installed.
QString logDir();

// The log files in `dir` (every program's, current and rotated), newest first.
QStringList logFiles(const QString& dir);

} // namespace pd::logging
