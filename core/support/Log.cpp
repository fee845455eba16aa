#include "core/support/Log.h"

#include "core/config/SettingsModel.h"
#include "core/support/LogCategories.h"
#include "core/support/Redaction.h"
#include "core/util/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cstdio>
#include <memory>

namespace pd::logging {

namespace {

constexpr qsizetype kMaxMessageChars = 8000; // a line stays readable; bytes never belong in a log

Level levelOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return Level::Debug;
    case QtInfoMsg: return Level::Info;
    case QtWarningMsg: return Level::Warning;
    case QtCriticalMsg:
    case QtFatalMsg: return Level::Error;
    }
    return Level::Info;
}

QString typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return QStringLiteral("debug");
    case QtInfoMsg: return QStringLiteral("info");
    case QtWarningMsg: return QStringLiteral("warning");
    case QtCriticalMsg: return QStringLiteral("error");
    case QtFatalMsg: return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

// The installed sink. The handler copies the shared_ptr under the mutex and writes outside
// it, so uninstall() never pulls the file from under a writing thread.
QMutex g_mutex;
std::shared_ptr<RotatingLogFile> g_file;
QString g_dir;
QtMessageHandler g_previous = nullptr;
bool g_installed = false;
bool g_echo = true;
std::atomic<int> g_level{int(Level::Info)};
thread_local bool t_inHandler = false; // a message raised while writing one goes to stderr only

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    std::shared_ptr<RotatingLogFile> file;
    QtMessageHandler previous = nullptr;
    bool echo = true;
    {
        QMutexLocker lock(&g_mutex);
        file = g_file;
        previous = g_previous;
        echo = g_echo;
    }
    const Level level = levelOf(type);
    if (!t_inHandler && file && int(level) >= g_level.load(std::memory_order_relaxed)) {
        t_inHandler = true;
        file->write(formatLine(type, context.category, message, QDateTime::currentDateTimeUtc()));
        t_inHandler = false;
    }
    // The terminal (or the desktop session's journal) keeps getting what it got before the file
    // existed; a fatal message must reach the previous handler, which aborts.
    if (type == QtFatalMsg || echo || !file || t_inHandler) {
        if (previous)
            previous(type, context, message);
        else
            std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
    }
}

} // namespace

std::optional<Level> levelFromString(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("debug"))
        return Level::Debug;
    if (t == QLatin1String("info"))
        return Level::Info;
    if (t == QLatin1String("warning") || t == QLatin1String("warn"))
        return Level::Warning;
    if (t == QLatin1String("error") || t == QLatin1String("critical"))
        return Level::Error;
    return std::nullopt;
}

QString toString(Level level)
{
    switch (level) {
    case Level::Debug: return QStringLiteral("debug");
    case Level::Info: return QStringLiteral("info");
    case Level::Warning: return QStringLiteral("warning");
    case Level::Error: return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

// ---- RotatingLogFile ----

RotatingLogFile::RotatingLogFile(QString dir, QString baseName, qint64 maxBytes, int keep)
    : m_dir(std::move(dir)), m_base(std::move(baseName)), m_maxBytes(qMax<qint64>(1024, maxBytes)), m_keep(qMax(0, keep))
{
}

RotatingLogFile::~RotatingLogFile()
{
    delete m_file;
}

QString RotatingLogFile::currentPath() const
{
    return QDir(m_dir).filePath(m_base + QStringLiteral(".log"));
}

bool RotatingLogFile::openLocked()
{
    if (m_file && m_file->isOpen())
        return true;
    if (!QDir().mkpath(m_dir))
        return false;
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    delete m_file;
    m_file = new QFile(currentPath());
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered, QFile::ReadOwner | QFile::WriteOwner))
        return false;
    m_size = m_file->size();
    return true;
}

void RotatingLogFile::rotateLocked()
{
    if (m_file)
        m_file->close();
    const QString current = currentPath();
    auto numbered = [&current](int i) { return current + QLatin1Char('.') + QString::number(i); };
    if (m_keep == 0) {
        QFile::remove(current);
    } else {
        QFile::remove(numbered(m_keep));
        for (int i = m_keep - 1; i >= 1; --i)
            if (QFileInfo::exists(numbered(i)))
                QFile::rename(numbered(i), numbered(i + 1));
        QFile::rename(current, numbered(1));
    }
    m_size = 0;
}

bool RotatingLogFile::write(const QByteArray& line)
{
    QMutexLocker lock(&m_mutex);
    if (!openLocked())
        return false;
    // Another program with the same base name may have rotated the file under us.
    if (!QFileInfo::exists(currentPath())) {
        m_file->close();
        if (!openLocked())
            return false;
    }
    if (m_size > 0 && m_size + line.size() + 1 > m_maxBytes) {
        rotateLocked();
        if (!openLocked())
            return false;
    }
    QByteArray data = line;
    data.append('\n');
    const qint64 written = m_file->write(data);
    if (written > 0)
        m_size += written;
    return written == data.size();
}

// ---- format, install ----

QByteArray formatLine(QtMsgType type, const char* category, const QString& message, const QDateTime& utc)
{
    QString text = message;
    if (text.size() > kMaxMessageChars)
        text = text.left(kMaxMessageChars) + QStringLiteral(" [%1 characters cut]").arg(message.size() - kMaxMessageChars);
    QJsonObject o{{QStringLiteral("time"), utc.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("level"), typeName(type)},
                  {QStringLiteral("category"), QString::fromLatin1(category ? category : "default")},
                  {QStringLiteral("message"), scrubPersonalData(text)},
                  {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString defaultLogDir()
{
    const QString env = qEnvironmentVariable("PHOTODESK_LOG_DIR");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    return userDataDir() + QStringLiteral("/logs");
}

Options standardOptions(const QString& baseName)
{
    Options o;
    o.baseName = baseName;
    o.dir = defaultLogDir();
    const QString env = qEnvironmentVariable("PHOTODESK_LOG_LEVEL");
    if (!env.isEmpty()) {
        if (const auto level = levelFromString(env))
            o.level = *level;
        else
            std::fprintf(stderr, "photodesk: PHOTODESK_LOG_LEVEL=%s is not debug, info, warning or error; using info\n", qPrintable(env));
        return o;
    }
    // The settings model validates the value (one of the four), so a bad file means the default.
    if (const auto level = levelFromString(SettingsModel().text(QLatin1String(SettingKey::LogLevel))))
        o.level = *level;
    return o;
}

bool install(const Options& options)
{
    const QString dir = options.dir.isEmpty() ? defaultLogDir() : options.dir;
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "photodesk: cannot create the log folder %s; logging to stderr only\n", qPrintable(dir));
        return false;
    }
    // Desks are shared: only the user reads their own logs.
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto file = std::make_shared<RotatingLogFile>(dir, options.baseName, options.maxBytes, options.keep);
    {
        QMutexLocker lock(&g_mutex);
        g_file = std::move(file);
        g_dir = dir;
        g_echo = options.echo;
        g_level = int(options.level);
        if (!g_installed) {
            g_previous = qInstallMessageHandler(handler);
            g_installed = true;
        }
    }
    return true;
}

void setLevel(Level level)
{
    g_level = int(level);
}

Level level()
{
    return Level(g_level.load());
}

void uninstall()
{
    QMutexLocker lock(&g_mutex);
    if (g_installed) {
        qInstallMessageHandler(g_previous);
        g_previous = nullptr;
        g_installed = false;
    }
    g_file.reset();
    g_dir.clear();
}

QString logDir()
{
    QMutexLocker lock(&g_mutex);
    return g_dir.isEmpty() ? defaultLogDir() : g_dir;
}

QStringList logFiles(const QString& dir)
{
    const QFileInfoList entries = QDir(dir).entryInfoList({QStringLiteral("*.log"), QStringLiteral("*.log.[0-9]*")},
                                                          QDir::Files | QDir::NoDotAndDotDot, QDir::Time);
    QStringList files;
    for (const QFileInfo& f : entries)
        files << f.absoluteFilePath();
    return files;
}

} // namespace pd::logging
