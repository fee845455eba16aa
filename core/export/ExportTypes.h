#pragma once

#include "core/domain/Types.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace pd {

// How exported files are named: <key>.jpg. The national upload matches photos by ID-card
// number (the default); some schools upload by student number instead.
enum class ExportKey { NationalId, StudentNumber };
QString toString(ExportKey k); // "national-id" | "student-number"
std::optional<ExportKey> exportKeyFromString(const QString& s);

// Which approved attempts: every one, only those never exported, or only those exported
// before (to write an earlier upload again).
enum class ExportState { Approved, NotExported, Exported };
QString toString(ExportState s); // "approved" | "not-exported" | "exported"
std::optional<ExportState> exportStateFromString(const QString& s);

// What to export. Unset fields do not narrow the selection.
struct ExportFilter {
    // Graduating class (届). An empty string inside selects the students whose cohort is unknown.
    std::optional<QString> cohort;
    std::optional<QString> major; // students.programme, exactly
    // Decision dates, inclusive, in the desk's local time zone (a school thinks in its own days).
    QDate from;
    QDate to;
    ExportState state = ExportState::Approved;

    QJsonObject toJson() const;
    static ExportFilter fromJson(const QJsonObject& o);
};

// Why a student or attempt is not in an export (stable codes, in left-out.csv and the summary).
namespace LeftOutReason {
inline const QString NotApproved = QStringLiteral("not-approved");       // the student has no approved attempt
inline const QString Superseded = QStringLiteral("superseded");          // an older approved attempt; the latest one is exported
inline const QString PhotoMissing = QStringLiteral("photo-missing");     // no submitted photo row or its blob is gone
inline const QString PhotoUnreadable = QStringLiteral("photo-unreadable"); // blob corrupt (hash mismatch) or not decodable
inline const QString FormatFailed = QStringLiteral("format-failed");     // re-encoded and still not in the national format
inline const QString DuplicateKey = QStringLiteral("duplicate-key");     // two students would get the same file name
inline const QString KeyMissing = QStringLiteral("key-missing");         // no ID-card number / student number on record
inline const QString KeyInvalid = QStringLiteral("key-invalid");         // not a well-formed ID-card or student number
} // namespace LeftOutReason

// One attempt planned for export (the latest approved attempt of its student).
struct ExportItem {
    Id attemptId = 0;
    Id studentId = 0;
    QString key;
    QString studentNumber;
    QString name;
    QString externalId; // the platform's attempt id, the "attempt" column of the manifest
    int version = 1;
    QDateTime decidedAt;
    QString reviewer;   // username of the deciding reviewer
    QString photoSha256;
    bool exportedBefore = false;
};

struct LeftOut {
    QString key; // may be empty (key-missing) or shared (duplicate-key)
    QString studentNumber;
    QString name;
    Id attemptId = 0; // 0 for not-approved
    QString reason;   // LeftOutReason
    // Short and machine-readable, by reason: not-approved → the newest attempt's state;
    // superseded → the platform id of the attempt exported instead; duplicate-key → the other
    // student numbers; photo-* → an error code (blob-corrupt, blob-missing, no-photo-row,
    // truncated, …); format-failed → the format problems; key-* → the key kind.
    QString detail;
};

struct ExportPlan {
    std::vector<ExportItem> items;
    std::vector<LeftOut> leftOut;
};

// What one finished export produced.
struct ExportOutcome {
    Id exportId = 0;
    QString destination;
    QString format; // "folder" | "zip"
    int exported = 0;
    int reencoded = 0;
    std::vector<LeftOut> leftOut;
    QString manifestSha256;
    qint64 elapsedMs = 0;
};

// A finished export as stored (the supervision page's history).
struct ExportRecord {
    Id id = 0;
    QDateTime at;
    QString actor;
    QJsonObject filter;
    QString keyKind;
    QString format;
    QString destination;
    int exported = 0;
    int reencoded = 0;
    int leftOut = 0;
    QString manifestSha256;
};

} // namespace pd
