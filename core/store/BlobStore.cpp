#include "core/store/BlobStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace pd {

namespace {
bool isSha256Hex(const QString& s)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(s).hasMatch();
}
} // namespace

BlobStore::BlobStore(QString root) : m_root(std::move(root)) {}

QString BlobStore::sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString BlobStore::pathFor(const QString& sha256) const
{
    return QStringLiteral("%1/%2/%3/%4").arg(m_root, sha256.left(2), sha256.mid(2, 2), sha256);
}

bool BlobStore::contains(const QString& sha256) const
{
    return isSha256Hex(sha256) && QFileInfo::exists(pathFor(sha256));
}

Result<QString> BlobStore::put(const QByteArray& bytes) const
{
    const QString sha = sha256Hex(bytes);
    const QString path = pathFor(sha);
    if (QFileInfo(path).size() == bytes.size() && QFileInfo::exists(path))
        return sha;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{QStringLiteral("blob-write"), QStringLiteral("cannot create the photo folder %1").arg(QFileInfo(path).absolutePath())};
    QSaveFile file(path); // writes a temporary file and renames it on commit (fsync included)
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{QStringLiteral("blob-write"), QStringLiteral("cannot write photo %1: %2").arg(sha, file.errorString())};
    return sha;
}

Result<QByteArray> BlobStore::get(const QString& sha256) const
{
    if (!isSha256Hex(sha256))
        return Error{QStringLiteral("blob-invalid"), QStringLiteral("not a photo checksum: %1").arg(sha256.left(80))};
    QFile file(pathFor(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("blob-missing"), QStringLiteral("photo %1 is missing from %2").arg(sha256, m_root)};
    QByteArray bytes = file.readAll();
    if (sha256Hex(bytes) != sha256)
        return Error{QStringLiteral("blob-corrupt"), QStringLiteral("photo %1 is damaged on disk (checksum differs)").arg(sha256)};
    return bytes;
}

} // namespace pd
