#pragma once

// Shared checks of the export suites: what an export folder or zip holds, read back without
// the export's own code (the manifest parsed as CSV, hashes recomputed, the format re-checked).

#include "../diagnostics/ZipReader.h"

#include "core/export/NationalFormat.h"
#include "core/store/BlobStore.h"

#include <QDir>
#include <QMap>
#include <QStringList>

#include <vector>

namespace pd::test {

// name → bytes of an export, folder or zip.
inline QMap<QString, QByteArray> exportFiles(const QString& destination, QString* error = nullptr)
{
    if (destination.endsWith(QLatin1String(".zip"))) {
        ZipContents z = readZip(destination);
        if (error)
            *error = z.error;
        return z.files;
    }
    QMap<QString, QByteArray> files;
    const QDir dir(destination);
    for (const QString& name : dir.entryList(QDir::Files | QDir::Hidden)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            files.insert(name, f.readAll());
    }
    return files;
}

// RFC 4180 rows of a UTF-8 CSV with BOM and CRLF line ends.
inline std::vector<QStringList> parseCsv(const QByteArray& bytes)
{
    std::vector<QStringList> rows;
    if (!bytes.startsWith("\xEF\xBB\xBF"))
        return rows;
    const QString text = QString::fromUtf8(bytes.mid(3));
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            row << field;
            rows.push_back(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

// The entries of a folder besides `keep` (temporary folders and files left behind show up here).
inline QStringList strayEntries(const QString& dir, const QStringList& keep = {})
{
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString& k : keep)
        names.removeAll(k);
    return names;
}

// Checks an export against its manifest: every JPEG listed with the right hash, passing the
// national format, nothing unlisted. Gives an empty string when it holds, else what is wrong.
inline QString verifyExport(const QMap<QString, QByteArray>& files, int* listed = nullptr, int* reencoded = nullptr)
{
    const std::vector<QStringList> rows = parseCsv(files.value(QStringLiteral("manifest.csv")));
    if (rows.empty() || rows.front().value(0) != QLatin1String("key"))
        return QStringLiteral("manifest.csv missing or without header");
    const QStringList header = rows.front();
    const int shaColumn = int(header.indexOf(QStringLiteral("sha256")));
    const int reColumn = int(header.indexOf(QStringLiteral("reencoded")));
    if (shaColumn < 0 || reColumn < 0)
        return QStringLiteral("manifest columns: %1").arg(header.join(','));
    int jpegs = 0;
    for (auto it = files.begin(); it != files.end(); ++it)
        if (it.key().endsWith(QLatin1String(".jpg")))
            ++jpegs;
    if (jpegs != int(rows.size()) - 1)
        return QStringLiteral("%1 JPEGs but %2 manifest rows").arg(jpegs).arg(rows.size() - 1);
    int re = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const QString name = rows[i].value(0) + QStringLiteral(".jpg");
        if (!files.contains(name))
            return QStringLiteral("%1 listed but missing").arg(name);
        const QByteArray& bytes = files[name];
        if (BlobStore::sha256Hex(bytes) != rows[i].value(shaColumn))
            return QStringLiteral("%1: hash differs from the manifest").arg(name);
        const NationalFormatReport r = NationalFormat::check(bytes);
        if (!r.conforms())
            return QStringLiteral("%1 not in the national format: %2").arg(name, r.problems.join(' '));
        re += rows[i].value(reColumn) == QLatin1String("1");
    }
    if (listed)
        *listed = int(rows.size()) - 1;
    if (reencoded)
        *reencoded = re;
    return {};
}

} // namespace pd::test
