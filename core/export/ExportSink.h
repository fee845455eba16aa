#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace pd {

class ZipWriter;

// Where an export's files go until they are complete. Nothing appears under the final name
// before commit(): a folder is filled under a hidden temporary name beside it and renamed at
// the end (refusing to replace anything); a zip is written by ZipWriter to a temporary file that
// is renamed when the archive is finished. An uncommitted sink removes what it wrote when it
// is destroyed, so a failure or a cancel leaves nothing behind.
class ExportSink {
public:
    virtual ~ExportSink() = default;
    // "folder" or "zip".
    virtual QString format() const = 0;
    virtual bool open() = 0;
    virtual bool add(const QString& name, const QByteArray& bytes) = 0;
    // Makes the output appear under its final name (everything flushed to disk first).
    virtual bool commit() = 0;
    // Removes a committed output again (the store refused to record the export).
    virtual void removeCommitted() = 0;
    virtual QString error() const = 0;

    // A zip for a path ending in ".zip" (any case), a folder otherwise.
    static std::unique_ptr<ExportSink> forDestination(const QString& path);
};

class FolderSink final : public ExportSink {
public:
    explicit FolderSink(QString path);
    ~FolderSink() override;
    QString format() const override { return QStringLiteral("folder"); }
    bool open() override;
    bool add(const QString& name, const QByteArray& bytes) override;
    bool commit() override;
    void removeCommitted() override;
    QString error() const override { return m_error; }

private:
    bool fail(const QString& message);

    QString m_path;
    QString m_temp;
    bool m_committed = false;
    QString m_error;
};

class ZipSink final : public ExportSink {
public:
    explicit ZipSink(QString path);
    ~ZipSink() override;
    QString format() const override { return QStringLiteral("zip"); }
    bool open() override;
    bool add(const QString& name, const QByteArray& bytes) override;
    bool commit() override;
    void removeCommitted() override;
    QString error() const override;

private:
    QString m_path;
    std::unique_ptr<ZipWriter> m_zip;
    bool m_committed = false;
    QString m_error;
};

} // namespace pd
