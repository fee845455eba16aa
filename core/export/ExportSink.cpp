#include "core/export/ExportSink.h"

#include "core/support/ZipWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace pd {

std::unique_ptr<ExportSink> ExportSink::forDestination(const QString& path)
{
    if (path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        return std::make_unique<ZipSink>(path);
    return std::make_unique<FolderSink>(path);
}

namespace {
QString osError() { return QString::fromLocal8Bit(std::strerror(errno)); }

// Flushes everything written below `dir` (one syncfs for the file system instead of one fsync
// per photo: 10 000 fsyncs would dominate an export).
bool syncTree(const QString& dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::syncfs(fd) == 0;
    ::close(fd);
    return ok;
}

void syncDir(const QString& dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}
} // namespace

// ---------------------------------------------------------------- folder

FolderSink::FolderSink(QString path) : m_path(QDir::cleanPath(std::move(path))) {}

FolderSink::~FolderSink()
{
    if (!m_temp.isEmpty() && !m_committed)
        QDir(m_temp).removeRecursively();
}

bool FolderSink::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool FolderSink::open()
{
    const QFileInfo target(m_path);
    // Hidden, beside the target (same file system, so the final rename is atomic), and named
    // after it so that whoever finds one left by a killed process knows what it was.
    m_temp = target.absolutePath() + QStringLiteral("/.") + target.fileName() + QStringLiteral(".partial-")
             + QUuid::createUuid().toString(QUuid::Id128).left(12);
    if (!QDir().mkdir(m_temp)) {
        const QString temp = m_temp;
        m_temp.clear();
        return fail(QStringLiteral("cannot create %1").arg(temp));
    }
    return true;
}

bool FolderSink::add(const QString& name, const QByteArray& bytes)
{
    QFile f(m_temp + QLatin1Char('/') + name);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(QStringLiteral("cannot create %1: %2").arg(name, f.errorString()));
    if (f.write(bytes) != bytes.size() || !f.flush())
        return fail(QStringLiteral("cannot write %1: %2").arg(name, f.errorString()));
    return true;
}

bool FolderSink::commit()
{
    if (!syncTree(m_temp))
        return fail(QStringLiteral("cannot flush the export to disk: %1").arg(osError()));
    // renameat2(RENAME_NOREPLACE): plain rename() would silently replace an empty folder that
    // appeared under the target name meanwhile.
    if (::renameat2(AT_FDCWD, QFile::encodeName(m_temp).constData(), AT_FDCWD, QFile::encodeName(m_path).constData(),
                    RENAME_NOREPLACE) != 0)
        return fail(QStringLiteral("cannot rename the export to %1: %2").arg(m_path, osError()));
    m_committed = true;
    syncDir(QFileInfo(m_path).absolutePath());
    return true;
}

void FolderSink::removeCommitted()
{
    if (m_committed)
        QDir(m_path).removeRecursively();
}

// ---------------------------------------------------------------- zip

ZipSink::ZipSink(QString path) : m_path(std::move(path)) {}

ZipSink::~ZipSink() = default; // an unfinished ZipWriter discards its temporary file

bool ZipSink::open()
{
    m_zip = std::make_unique<ZipWriter>(m_path);
    return m_zip->open();
}

bool ZipSink::add(const QString& name, const QByteArray& bytes)
{
    // Photos are stored as they are (deflating a JPEG costs time and gains nothing); the CSV and
    // JSON files are deflated.
    const bool jpeg = name.endsWith(QLatin1String(".jpg"));
    return m_zip->addFile(name, bytes, QDateTime::currentDateTimeUtc(), jpeg);
}

bool ZipSink::commit()
{
    if (QFileInfo::exists(m_path)) {
        m_error = QStringLiteral("%1 appeared while the export was written").arg(m_path);
        return false;
    }
    if (!m_zip->finish())
        return false;
    m_committed = true;
    syncDir(QFileInfo(m_path).absolutePath());
    return true;
}

void ZipSink::removeCommitted()
{
    if (m_committed)
        QFile::remove(m_path);
}

QString ZipSink::error() const { return m_error.isEmpty() && m_zip ? m_zip->error() : m_error; }

} // namespace pd
