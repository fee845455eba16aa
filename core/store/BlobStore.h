#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace pd {

// Content-addressed photo bytes: each blob is stored once under its SHA-256
// (<root>/ab/cd/abcd…), written atomically (temporary file, fsync, rename) and verified on
// read, so a torn write or a flipped bit is reported instead of shown to a reviewer.
class BlobStore {
public:
    explicit BlobStore(QString root);

    static QString sha256Hex(const QByteArray& bytes);

    // Stores the bytes (a no-op when the same content is already there); gives its SHA-256.
    Result<QString> put(const QByteArray& bytes) const;
    Result<QByteArray> get(const QString& sha256) const;
    bool contains(const QString& sha256) const;
    QString pathFor(const QString& sha256) const;
    const QString& root() const { return m_root; }

private:
    QString m_root;
};

} // namespace pd
