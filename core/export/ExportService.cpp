#include "core/export/ExportService.h"

#include "core/audit/AuditLog.h"
#include "core/export/ExportManifest.h"
#include "core/export/ExportPlanner.h"
#include "core/export/ExportRepository.h"
#include "core/export/ExportSink.h"
#include "core/export/NationalFormat.h"
#include "core/store/BlobStore.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/support/LogCategories.h"
#include "core/util/Time.h"
#include "core/vision/NationalFormatEncoder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

namespace pd {

namespace {
// A zip without ZIP64 holds at most 65 535 entries; three are the manifest, left-out and summary.
constexpr int kZipMaxPhotos = 65535 - 3;
// Photos prepared together between two looks at the cancel flag: small enough that Cancel
// answers within a fraction of a second, large enough to keep every core busy.
constexpr int kChunk = 32;

QString compact(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

// One photo made ready for the export, or the reason it cannot go.
struct Prepared {
    QByteArray bytes;
    QString sha256;
    QStringList steps;
    QString reason; // LeftOutReason, empty when ready
    QString detail;
};

Prepared prepare(const BlobStore& blobs, const ExportItem& item)
{
    Prepared p;
    auto stored = blobs.get(item.photoSha256);
    if (!stored) {
        const bool missing = stored.error().code == QLatin1String("blob-missing");
        p.reason = missing ? LeftOutReason::PhotoMissing : LeftOutReason::PhotoUnreadable;
        p.detail = stored.error().code;
        return p;
    }
    const NationalFormatReport asStored = NationalFormat::check(stored.value());
    if (asStored.conforms()) {
        // The blob store verified these bytes against their SHA-256 on reading: no second hash.
        p.bytes = stored.value();
        p.sha256 = item.photoSha256;
        return p;
    }
    auto encoded = NationalFormatEncoder::encode(stored.value());
    if (!encoded) {
        p.reason = LeftOutReason::PhotoUnreadable;
        p.detail = encoded.error().code;
        return p;
    }
    // Every file is checked before it is written, re-encoded ones included.
    const NationalFormatReport again = NationalFormat::check(encoded->jpeg);
    if (!again.conforms()) {
        p.reason = LeftOutReason::FormatFailed;
        p.detail = again.problems.join(QLatin1Char(' '));
        return p;
    }
    p.bytes = encoded->jpeg;
    p.sha256 = BlobStore::sha256Hex(p.bytes);
    p.steps = QStringList{QStringLiteral("[") + asStored.problems.join(QLatin1Char(' ')) + QStringLiteral("]")} + encoded->steps;
    return p;
}

// Thrown inside run() to leave through the single failure path.
struct ExportFailure {
    Error error;
};
} // namespace

ExportService::ExportService(std::shared_ptr<const Store> store) : m_store(std::move(store)) {}

Result<ExportOutcome> ExportService::run(const Session& who, const ExportRequest& request, const ExportControl& control) const
{
    if (!ExportPlanner::mayExport(who.role))
        return ExportPlanner::forbidden(who);
    const QFileInfo destination(request.destination);
    if (request.destination.isEmpty() || !destination.absoluteDir().exists())
        return Error{QStringLiteral("destination-invalid"),
                     QStringLiteral("the folder %1 does not exist").arg(destination.absolutePath())};
    if (destination.exists() || destination.isSymLink())
        return Error{QStringLiteral("destination-exists"),
                     QStringLiteral("%1 already exists; an export never replaces files").arg(destination.absoluteFilePath())};

    QElapsedTimer timer;
    timer.start();
    const QString finalPath = destination.absoluteFilePath();
    const std::unique_ptr<ExportSink> sink = ExportSink::forDestination(finalPath);
    const QJsonObject filterJson = request.filter.toJson();
    auto step = [this](const char* name, int index = 0) {
        if (m_faults)
            m_faults(QLatin1String(name), index);
    };
    auto audited = [&](const QString& action, const QJsonObject& detail) {
        // Best effort: the failure itself is what the caller hears about.
        try {
            Transaction tx(m_store->db());
            AuditEvent e;
            e.actorId = who.userId;
            e.actor = who.username;
            e.action = action;
            e.objectType = QStringLiteral("export");
            e.objectId = QStringLiteral("-");
            QJsonObject after = detail;
            after.insert(QStringLiteral("filter"), filterJson);
            after.insert(QStringLiteral("key"), toString(request.key));
            after.insert(QStringLiteral("destination"), finalPath);
            e.after = compact(after);
            AuditLog(m_store->db()).append(e);
            tx.commit();
        } catch (const StoreError& e) {
            qCWarning(lcExport) << "could not audit" << action << e.code();
        }
    };

    auto stopIfCancelled = [&control] {
        if (control.cancel && control.cancel->load())
            throw ExportFailure{{QStringLiteral("cancelled"), QStringLiteral("the export was cancelled; nothing was written")}};
    };
    int done = 0;
    try {
        auto plan = ExportPlanner(m_store).plan(who, request.filter, request.key);
        if (!plan)
            return plan.error();
        const std::vector<ExportItem>& items = plan->items;
        std::vector<LeftOut> leftOut = plan->leftOut;
        const int total = int(items.size());
        if (total == 0)
            return Error{QStringLiteral("nothing-to-export"),
                         QStringLiteral("no approved photo matches the selection (%1 left out)").arg(leftOut.size())};
        if (sink->format() == QLatin1String("zip") && total > kZipMaxPhotos)
            throw ExportFailure{{QStringLiteral("too-many-files"),
                                 QStringLiteral("%1 photos do not fit in one zip (at most %2); export to a folder").arg(total).arg(kZipMaxPhotos)}};
        if (!sink->open())
            throw ExportFailure{{QStringLiteral("write-failed"), sink->error()}};
        qCInfo(lcExport) << "export started by user" << who.userId << "photos" << total << "format" << sink->format();

        QThreadPool pool;
        if (m_threads > 0)
            pool.setMaxThreadCount(m_threads);
        std::vector<ManifestRow> manifest;
        std::vector<ExportRepository::ExportedFile> files;
        manifest.reserve(items.size());
        files.reserve(items.size());
        const BlobStore& blobs = m_store->blobs();
        if (control.progress)
            control.progress(0, total);
        for (int start = 0; start < total; start += kChunk) {
            stopIfCancelled();
            const std::vector<ExportItem> chunk(items.begin() + start, items.begin() + std::min(total, start + kChunk));
            const QList<Prepared> ready = QtConcurrent::blockingMapped<QList<Prepared>>(
                &pool, chunk, [&blobs](const ExportItem& item) { return prepare(blobs, item); });
            for (qsizetype i = 0; i < ready.size(); ++i) {
                const ExportItem& item = chunk[std::size_t(i)];
                const Prepared& p = ready[i];
                ++done;
                if (!p.reason.isEmpty()) {
                    leftOut.push_back({item.key, item.studentNumber, item.name, item.attemptId, p.reason, p.detail});
                    qCWarning(lcExport) << "attempt" << item.attemptId << "left out:" << p.reason << p.detail;
                    continue;
                }
                step("file", int(files.size()));
                if (!sink->add(item.key + QStringLiteral(".jpg"), p.bytes))
                    throw ExportFailure{{QStringLiteral("write-failed"), sink->error()}};
                manifest.push_back({item, p.sha256, p.steps});
                files.push_back({item.attemptId, item.key, p.sha256, !p.steps.isEmpty()});
            }
            if (control.progress)
                control.progress(done, total);
        }
        if (files.empty())
            throw ExportFailure{{QStringLiteral("nothing-to-export"),
                                 QStringLiteral("none of the %1 selected photos could be exported (see the reasons)").arg(total)}};

        const int reencoded = int(std::count_if(files.begin(), files.end(), [](const auto& f) { return f.reencoded; }));
        const QByteArray manifestBytes = ExportManifest::manifestCsv(manifest);
        const QString manifestSha = BlobStore::sha256Hex(manifestBytes);
        const QDateTime at = utcNow();
        const QJsonObject reasons = ExportManifest::reasonCounts(leftOut);
        QJsonObject summary{{QStringLiteral("at"), toDbTime(at)},
                            {QStringLiteral("actor"), who.username},
                            {QStringLiteral("filter"), filterJson},
                            {QStringLiteral("key"), toString(request.key)},
                            {QStringLiteral("format"), sink->format()},
                            {QStringLiteral("exported"), int(files.size())},
                            {QStringLiteral("reencoded"), reencoded},
                            {QStringLiteral("left_out"), int(leftOut.size())},
                            {QStringLiteral("left_out_by_reason"), reasons},
                            {QStringLiteral("manifest_sha256"), manifestSha}};
        step("summary");
        if (!sink->add(ExportManifest::kManifestName, manifestBytes) || !sink->add(ExportManifest::kLeftOutName, ExportManifest::leftOutCsv(leftOut))
            || !sink->add(ExportManifest::kSummaryName, QJsonDocument(summary).toJson(QJsonDocument::Indented)))
            throw ExportFailure{{QStringLiteral("write-failed"), sink->error()}};

        // A Cancel pressed while the last photos were written still counts: nothing is recorded yet.
        stopIfCancelled();
        // The records, the marks and the audit event commit together, and only after the files
        // are complete under their final name; if the rename fails the transaction rolls back,
        // if the commit fails the output is removed again.
        ExportOutcome outcome;
        {
            Transaction tx(m_store->db());
            const ExportRepository repo(m_store->db());
            ExportRecord record;
            record.at = at;
            record.actor = who.username;
            record.filter = filterJson;
            record.keyKind = toString(request.key);
            record.format = sink->format();
            record.destination = finalPath;
            record.exported = int(files.size());
            record.reencoded = reencoded;
            record.leftOut = int(leftOut.size());
            record.manifestSha256 = manifestSha;
            step("records");
            outcome.exportId = repo.insertExport(record, who.userId);
            repo.insertItems(outcome.exportId, files);
            AuditEvent e;
            e.actorId = who.userId;
            e.actor = who.username;
            e.action = QStringLiteral("export.create");
            e.objectType = QStringLiteral("export");
            e.objectId = QString::number(outcome.exportId);
            QJsonObject after = summary;
            after.remove(QStringLiteral("at"));
            after.remove(QStringLiteral("actor"));
            after.insert(QStringLiteral("destination"), finalPath);
            e.after = compact(after);
            AuditLog(m_store->db()).append(e);
            step("rename");
            if (!sink->commit())
                throw ExportFailure{{QStringLiteral("write-failed"), sink->error()}};
            try {
                step("commit");
                tx.commit();
            } catch (...) {
                sink->removeCommitted();
                throw;
            }
        }
        outcome.destination = finalPath;
        outcome.format = sink->format();
        outcome.exported = int(files.size());
        outcome.reencoded = reencoded;
        outcome.leftOut = std::move(leftOut);
        outcome.manifestSha256 = manifestSha;
        outcome.elapsedMs = timer.elapsed();
        qCInfo(lcExport) << "export" << outcome.exportId << "done:" << outcome.exported << "files," << outcome.reencoded
                         << "re-encoded," << outcome.leftOut.size() << "left out," << outcome.elapsedMs << "ms";
        return outcome;
    } catch (const ExportFailure& f) {
        const bool cancelled = f.error.code == QLatin1String("cancelled");
        qCWarning(lcExport) << "export" << (cancelled ? "cancelled" : "failed") << f.error.code << "after" << done << "photos";
        audited(cancelled ? QStringLiteral("export.cancelled") : QStringLiteral("export.failed"),
                {{QStringLiteral("code"), f.error.code}, {QStringLiteral("processed"), done}});
        return f.error;
    } catch (const StoreError& e) {
        qCWarning(lcExport) << "export failed" << e.code() << "after" << done << "photos";
        audited(QStringLiteral("export.failed"), {{QStringLiteral("code"), e.code()}, {QStringLiteral("processed"), done}});
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
