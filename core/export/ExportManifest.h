#pragma once

#include "core/export/ExportTypes.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace pd {

// One exported file as the manifest lists it.
struct ManifestRow {
    ExportItem item;
    QString sha256;             // of the exported file (not of the stored photo when re-encoded)
    QStringList reencodeSteps;  // empty = the approved bytes as stored
};

// The text files inside every export: manifest.csv (one row per file), left-out.csv (one row
// per student or attempt left out, with the reason code) and summary.json. The CSV files are
// UTF-8 with a byte-order mark and CRLF line ends, so Excel on a Chinese Windows opens the names
// correctly; fields are quoted as RFC 4180 says and a leading = + - @ is neutralised.
class ExportManifest {
public:
    static QByteArray manifestCsv(const std::vector<ManifestRow>& rows);
    static QByteArray leftOutCsv(const std::vector<LeftOut>& rows);
    // Counts per reason code.
    static QJsonObject reasonCounts(const std::vector<LeftOut>& rows);

    static const QString kManifestName;
    static const QString kLeftOutName;
    static const QString kSummaryName;
};

} // namespace pd
