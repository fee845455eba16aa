#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

class QSaveFile;

namespace pd {

// Writes a .zip archive (PKZIP 2.0: deflate via zlib, CRC-32, UTF-8 names, no ZIP64, so each
// entry and the whole archive stay below 4 GiB — a diagnostics bundle is a few megabytes).
// QZipWriter would do, but it lives in QtGui and the core never links QtGui.
// The archive is written to a temporary file and renamed on finish(): a crash never leaves a
// half-written zip under the final name.
class ZipWriter {
public:
    explicit ZipWriter(const QString& path);
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // False (with error()) when the file cannot be created.
    bool open();
    // Adds one file. `name` uses '/' for folders ("logs/photodesk.log"); stored deflated
    // (or stored as is when deflating does not make it smaller).
    // `store`: keep the bytes as they are without trying deflate first (JPEGs do not shrink; the
    // photo export writes thousands of them).
    bool addFile(const QString& name, const QByteArray& data, const QDateTime& modified = QDateTime::currentDateTimeUtc(),
                 bool store = false);
    // Writes the central directory and commits the file.
    bool finish();

    QString error() const { return m_error; }
    QStringList entries() const;

private:
    struct Entry {
        QByteArray name;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint16 method = 0;
        quint16 dosTime = 0;
        quint16 dosDate = 0;
        quint32 offset = 0;
    };
    bool fail(const QString& message);

    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    QList<Entry> m_entries;
    qint64 m_offset = 0;
    QString m_error;
};

} // namespace pd
