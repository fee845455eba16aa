#include "core/support/Diagnostics.h"

#include "core/config/SettingsModel.h"
#include "core/store/Database.h"
#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "core/store/StoreError.h"
#include "core/support/Log.h"
#include "core/support/LogCategories.h"
#include "core/support/Redaction.h"
#include "core/support/Versions.h"
#include "core/support/ZipWriter.h"
#include "core/util/BuildInfo.h"
#include "core/util/Paths.h"
#include "core/util/Time.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

namespace pd {

namespace {

// The tables a current schema has; PostgreSQL's sanity check looks for each, and their row
// counts (never their contents) go into the bundle.
const QStringList kTables = {
    QStringLiteral("users"),        QStringLiteral("students"),         QStringLiteral("attempts"),
    QStringLiteral("photos"),       QStringLiteral("decisions"),        QStringLiteral("audit_events"),
    QStringLiteral("outbox"),       QStringLiteral("analysis_results"), QStringLiteral("feed_state"),
    QStringLiteral("call_notes"),   QStringLiteral("second_reviews"),   QStringLiteral("photo_hashes"),
    QStringLiteral("settings"),     QStringLiteral("schema_migrations"),
};

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString redactLocation(const QString& location)
{
    if (location.startsWith(QLatin1String("postgres")))
        return QUrl(location).toString(QUrl::RemovePassword);
    return location;
}

// Runs `fn`; a StoreError or SQL failure becomes {"error": code: message} in `into` under `key`.
template <typename Fn>
void attempt(QJsonObject& into, const QString& key, QStringList& problems, Fn fn)
{
    try {
        into[key] = fn();
    } catch (const StoreError& e) {
        const QString text = scrubPersonalData(QStringLiteral("%1: %2").arg(e.code(), e.message()));
        into[key] = QJsonObject{{QStringLiteral("error"), text}};
        problems << QStringLiteral("%1: %2").arg(key, text);
    }
}

QJsonArray rows(const QSqlDatabase& c, const QString& statement, const QStringList& columns)
{
    Sql q(c, statement);
    q.exec();
    QJsonArray out;
    while (q.next()) {
        QJsonObject row;
        for (int i = 0; i < columns.size(); ++i) {
            const QVariant v = q.value(i);
            row[columns[i]] = v.typeId() == QMetaType::QString ? QJsonValue(scrubPersonalData(v.toString())) : QJsonValue::fromVariant(v);
        }
        out.append(row);
    }
    return out;
}

qint64 count(const QSqlDatabase& c, const QString& statement, const QString& now = {})
{
    Sql q(c, statement);
    if (!now.isEmpty())
        q.bind(QStringLiteral(":now"), now);
    return q.scalar().toLongLong();
}

QJsonObject inspectDatabase(const Database& db, QStringList& problems)
{
    const QSqlDatabase c = db.connection();
    QJsonObject out;
    const bool sqlite = db.dialect() == SqlDialect::SQLite;
    out[QStringLiteral("backend")] = sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
    out[QStringLiteral("location")] = redactLocation(db.location());
    out[QStringLiteral("program_schema_version")] = Migrator::latestVersion();
    attempt(out, QStringLiteral("schema_version"), problems, [&] { return QJsonValue(Migrator(db).currentVersion()); });
    attempt(out, QStringLiteral("migrations"), problems, [&] {
        return QJsonValue(rows(c, QStringLiteral("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"),
                               {QStringLiteral("version"), QStringLiteral("name"), QStringLiteral("applied_at")}));
    });
    if (sqlite) {
        out[QStringLiteral("size_bytes")] = QFileInfo(db.location()).size();
        attempt(out, QStringLiteral("integrity_check"), problems, [&] {
            // Reads every page: seconds on a large store, which is why this runs off the UI thread.
            QJsonArray messages;
            Sql q(c, QStringLiteral("PRAGMA integrity_check"));
            q.exec();
            while (q.next())
                messages.append(scrubPersonalData(q.value(0).toString()));
            const bool ok = messages.size() == 1 && messages.first().toString() == QLatin1String("ok");
            if (!ok)
                problems << QStringLiteral("integrity_check: the SQLite file is damaged");
            return QJsonValue(QJsonObject{{QStringLiteral("ok"), ok}, {QStringLiteral("messages"), messages}});
        });
        attempt(out, QStringLiteral("foreign_key_problems"), problems, [&] {
            Sql q(c, QStringLiteral("PRAGMA foreign_key_check"));
            q.exec();
            int n = 0;
            while (q.next())
                ++n;
            if (n > 0)
                problems << QStringLiteral("foreign_key_check: %1 rows point nowhere").arg(n);
            return QJsonValue(n);
        });
        attempt(out, QStringLiteral("journal_mode"), problems, [&] { return QJsonValue(Sql(c, QStringLiteral("PRAGMA journal_mode")).scalar().toString()); });
    } else {
        attempt(out, QStringLiteral("server_version"), problems, [&] { return QJsonValue(Sql(c, QStringLiteral("SHOW server_version")).scalar().toString()); });
        attempt(out, QStringLiteral("size_bytes"), problems, [&] {
            return QJsonValue(Sql(c, QStringLiteral("SELECT pg_database_size(current_database())")).scalar().toLongLong());
        });
        // PostgreSQL has no integrity_check: look for what breaks a store in practice — a
        // table missing, an index left invalid by a failed CREATE INDEX CONCURRENTLY, a
        // standby that cannot take writes.
        attempt(out, QStringLiteral("integrity_check"), problems, [&] {
            QJsonArray missing;
            for (const QString& table : kTables) {
                Sql q(c, QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = :t"));
                q.bind(QStringLiteral(":t"), table);
                if (q.scalar().toLongLong() == 0)
                    missing.append(table);
            }
            const qint64 invalidIndexes = Sql(c, QStringLiteral("SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                                                               "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                                               "WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)"))
                                              .scalar()
                                              .toLongLong();
            const bool readOnly = Sql(c, QStringLiteral("SELECT pg_is_in_recovery()")).scalar().toBool();
            const bool ok = missing.isEmpty() && invalidIndexes == 0 && !readOnly;
            if (!ok)
                problems << QStringLiteral("integrity_check: the PostgreSQL schema needs attention");
            return QJsonValue(QJsonObject{{QStringLiteral("ok"), ok},
                                          {QStringLiteral("missing_tables"), missing},
                                          {QStringLiteral("invalid_indexes"), invalidIndexes},
                                          {QStringLiteral("read_only"), readOnly}});
        });
    }
    QJsonObject counts;
    for (const QString& table : kTables)
        attempt(counts, table, problems, [&] { return QJsonValue(count(c, QStringLiteral("SELECT COUNT(*) FROM %1").arg(table))); });
    out[QStringLiteral("rows")] = counts;
    return out;
}

QJsonObject inspectQueue(const Database& db, QStringList& problems)
{
    const QSqlDatabase c = db.connection();
    const QString now = toDbTime(utcNow());
    QJsonObject out;
    out[QStringLiteral("at")] = now;
    attempt(out, QStringLiteral("attempts_by_state"), problems, [&] {
        return QJsonValue(rows(c, QStringLiteral("SELECT state, COUNT(*) FROM attempts GROUP BY state ORDER BY state"),
                               {QStringLiteral("state"), QStringLiteral("count")}));
    });
    attempt(out, QStringLiteral("pending_overdue"), problems, [&] {
        return QJsonValue(count(c, QStringLiteral("SELECT COUNT(*) FROM attempts WHERE state = 'pending' AND deadline < :now"), now));
    });
    attempt(out, QStringLiteral("live_claims"), problems, [&] {
        return QJsonValue(count(c, QStringLiteral("SELECT COUNT(*) FROM attempts WHERE claimed_by IS NOT NULL AND lease_until > :now"), now));
    });
    attempt(out, QStringLiteral("outbox_by_channel_state"), problems, [&] {
        return QJsonValue(rows(c, QStringLiteral("SELECT channel, state, COUNT(*) FROM outbox GROUP BY channel, state ORDER BY channel, state"),
                               {QStringLiteral("channel"), QStringLiteral("state"), QStringLiteral("count")}));
    });
    attempt(out, QStringLiteral("outbox_oldest_waiting"), problems, [&] {
        return QJsonValue(rows(c, QStringLiteral("SELECT channel, MIN(created_at), MAX(tries) FROM outbox WHERE state IN ('pending', 'sending') "
                                                 "GROUP BY channel ORDER BY channel"),
                               {QStringLiteral("channel"), QStringLiteral("oldest_created_at"), QStringLiteral("max_tries")}));
    });
    attempt(out, QStringLiteral("outbox_failures"), problems, [&] {
        // The error texts hold codes and provider answers; scrubbed like every other string.
        return QJsonValue(rows(c, QStringLiteral("SELECT channel, last_error, COUNT(*) FROM outbox WHERE last_error <> '' "
                                                 "GROUP BY channel, last_error ORDER BY COUNT(*) DESC LIMIT 20"),
                               {QStringLiteral("channel"), QStringLiteral("last_error"), QStringLiteral("count")}));
    });
    attempt(out, QStringLiteral("analysis_by_kind"), problems, [&] {
        return QJsonValue(rows(c, QStringLiteral("SELECT kind, COUNT(*) FROM analysis_results GROUP BY kind ORDER BY kind"),
                               {QStringLiteral("kind"), QStringLiteral("count")}));
    });
    attempt(out, QStringLiteral("sync_checkpoints"), problems, [&] {
        // The checkpoint's value is the platform's cursor: only when it moved matters here.
        return QJsonValue(rows(c, QStringLiteral("SELECT name, updated_at FROM feed_state ORDER BY name"),
                               {QStringLiteral("name"), QStringLiteral("updated_at")}));
    });
    return out;
}

QJsonObject inspect(const QString& location, QStringList& problems)
{
    QJsonObject out;
    const bool sqlite = !location.startsWith(QLatin1String("postgres"));
    if (sqlite && !QFileInfo(location).isFile()) {
        problems << QStringLiteral("database: %1 does not exist").arg(location);
        out[QStringLiteral("database")] = QJsonObject{{QStringLiteral("backend"), QStringLiteral("sqlite")},
                                                      {QStringLiteral("location"), location},
                                                      {QStringLiteral("error"), QStringLiteral("missing")}};
        return out;
    }
    try {
        const Database db(location);
        out[QStringLiteral("database")] = inspectDatabase(db, problems);
        out[QStringLiteral("queue")] = inspectQueue(db, problems);
        db.closeThreadConnection();
    } catch (const StoreError& e) {
        const QString text = scrubPersonalData(QStringLiteral("%1: %2").arg(e.code(), e.message()));
        problems << QStringLiteral("database: %1").arg(text);
        out[QStringLiteral("database")] = QJsonObject{{QStringLiteral("location"), redactLocation(location)}, {QStringLiteral("error"), text}};
    }
    return out;
}

QJsonObject models()
{
    QJsonObject configs;
    const QString dir = shareDir();
    if (!dir.isEmpty()) {
        const QFileInfoList files = QDir(dir + QStringLiteral("/config")).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QFileInfo& f : files)
            configs[f.fileName()] = checkFile(f.absoluteFilePath()).toJson();
    }
    return {{QStringLiteral("face_model"), checkFaceModel().toJson()},
            {QStringLiteral("shape_predictor"), checkShapePredictor().toJson()},
            {QStringLiteral("share_dir"), dir},
            {QStringLiteral("config_files"), configs}};
}

QJsonObject environment()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QJsonObject out;
    for (const QString& name : env.keys()) {
        const bool relevant = name.startsWith(QLatin1String("PHOTODESK_")) || name.startsWith(QLatin1String("QT_"))
                              || name.startsWith(QLatin1String("LC_")) || name == QLatin1String("LANG")
                              || name == QLatin1String("LANGUAGE") || name.startsWith(QLatin1String("XDG_SESSION"))
                              || name == QLatin1String("XDG_CURRENT_DESKTOP") || name.startsWith(QLatin1String("OPENBLAS"))
                              || name.startsWith(QLatin1String("OMP_"));
        if (!relevant)
            continue;
        out[name] = isSecretKey(name) ? QStringLiteral("(set)") : scrubPersonalData(env.value(name));
    }
    return out;
}

QByteArray scrubbedLog(const QByteArray& content)
{
    // Lines were scrubbed when written; again here, for files from before masking or edited.
    QByteArray out;
    out.reserve(content.size());
    for (const QByteArray& line : content.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(QStringLiteral("message"))) {
            o[QStringLiteral("message")] = scrubPersonalData(o.value(QStringLiteral("message")).toString());
            out += QJsonDocument(o).toJson(QJsonDocument::Compact);
        } else {
            out += scrubPersonalData(QString::fromUtf8(line)).toUtf8();
        }
        out += '\n';
    }
    return out;
}

QString readme(const QString& application)
{
    return QStringLiteral(
               "PhotoDesk diagnostics (诊断信息)\n"
               "Made by %1 %2 at %3 (UTC).\n\n"
               "For the school's IT staff. It holds versions, settings without secrets, recent log files, the\n"
               "database's schema version, integrity check and row counts, queue and outbox counts, and the\n"
               "checksums of the face models. It never holds photos, the database itself, passwords, tokens\n"
               "or keys; ID and phone numbers and other long numbers are masked.\n"
               "本文件供学校信息中心排查问题：包含版本、设置（不含密钥）、近期日志、数据库结构版本与完整性检查、\n"
               "队列与待发消息数量、模型校验值；不含照片、数据库本身、密码、令牌或密钥；证件号、手机号等已打码。\n"
               "See /usr/share/doc/photodesk/deployment.md.\n")
        .arg(application, build::versionLine(), toDbTime(utcNow()));
}

} // namespace

QJsonObject settingsSnapshot()
{
    // The same layers the desk runs with (core/config/SettingsModel): effective values and where
    // each comes from, for secrets only where they come from, never what they are.
    const SettingsModel model;
    return {{QStringLiteral("system_file"), model.locations().systemFile},
            {QStringLiteral("user_file"), model.locations().userFile},
            {QStringLiteral("configured"), model.hasConfiguration()},
            {QStringLiteral("locked"), QJsonArray::fromStringList(model.lockedKeys())},
            {QStringLiteral("problems"), QJsonArray::fromStringList(model.problems())},
            {QStringLiteral("effective"), model.effectiveJson()}};
}

QJsonObject inspectStore(const QString& location)
{
    QStringList problems;
    QJsonObject out = inspect(location, problems);
    out[QStringLiteral("problems")] = QJsonArray::fromStringList(problems);
    return out;
}

QString defaultDiagnosticsFileName()
{
    const QString home = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    return QDir(home).filePath(QStringLiteral("photodesk-diagnostics-%1.zip").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
}

Result<DiagnosticsResult> exportDiagnostics(const DiagnosticsRequest& request, const QString& zipPath,
                                            const std::function<void(int, int)>& progress)
{
    constexpr int kSteps = 6;
    auto step = [&](int n) {
        if (progress)
            progress(n, kSteps);
    };
    DiagnosticsResult result;
    result.path = QFileInfo(zipPath).absoluteFilePath();
    ZipWriter zip(result.path);
    if (!zip.open())
        return Error{QStringLiteral("diagnostics-write"), zip.error()};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList& problems = result.problems;
    bool ok = true;
    auto add = [&](const QString& name, const QByteArray& data, const QDateTime& at) { ok = ok && zip.addFile(name, data, at); };

    step(0);
    QJsonObject versions = versionReport();
    versions[QStringLiteral("application")] = request.application;
    versions[QStringLiteral("created_at")] = toDbTime(utcNow());
    add(QStringLiteral("versions.json"), json(versions), now);
    step(1);

    QJsonObject settings = request.settings.isEmpty() ? settingsSnapshot() : request.settings;
    // Whatever the source, no secret value and no unmasked number leaves the machine. Under a
    // secret key only the words that say where a secret comes from are kept.
    static const QStringList sourceWords{QStringLiteral("command-line"), QStringLiteral("environment"), QStringLiteral("keychain"),
                                         QStringLiteral("not in environment"), QStringLiteral("not set"), QStringLiteral("(set)")};
    const std::function<QJsonObject(const QJsonObject&, bool)> clean = [&clean](const QJsonObject& in, bool secret) {
        QJsonObject out;
        for (auto it = in.begin(); it != in.end(); ++it) {
            const bool secretHere = secret || isSecretKey(it.key());
            if (it->isObject())
                out[it.key()] = clean(it->toObject(), secretHere);
            else if (secretHere)
                out[it.key()] = it->isString() && sourceWords.contains(it->toString()) ? *it : QJsonValue(QStringLiteral("***"));
            else if (it->isString())
                out[it.key()] = scrubPersonalData(it->toString());
            else if (it->isArray()) {
                QJsonArray items;
                for (const QJsonValue& v : it->toArray())
                    items.append(v.isString() ? QJsonValue(scrubPersonalData(v.toString())) : v);
                out[it.key()] = items;
            } else
                out[it.key()] = *it;
        }
        return out;
    };
    add(QStringLiteral("settings.json"), json(clean(settings, false)), now);
    add(QStringLiteral("environment.json"), json(environment()), now);
    step(2);

    if (!request.database.isEmpty()) {
        const QJsonObject store = inspect(request.database, problems);
        add(QStringLiteral("database.json"), json(store.value(QStringLiteral("database")).toObject()), now);
        if (store.contains(QStringLiteral("queue")))
            add(QStringLiteral("queue.json"), json(store.value(QStringLiteral("queue")).toObject()), now);
    }
    step(3);

    const QJsonObject modelInfo = models();
    if (modelInfo.value(QStringLiteral("face_model")).toObject().value(QStringLiteral("status")).toString() != QLatin1String("ok"))
        problems << QStringLiteral("face model: %1").arg(modelInfo.value(QStringLiteral("face_model")).toObject().value(QStringLiteral("status")).toString());
    add(QStringLiteral("models.json"), json(modelInfo), now);
    step(4);

    const QString logDir = request.logDir.isEmpty() ? logging::logDir() : request.logDir;
    qint64 budget = request.maxLogBytes;
    const QStringList logs = logging::logFiles(logDir);
    if (logs.isEmpty())
        problems << QStringLiteral("logs: none in %1").arg(logDir);
    for (const QString& path : logs) {
        if (budget <= 0)
            break;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            problems << QStringLiteral("logs: cannot read %1").arg(QFileInfo(path).fileName());
            continue;
        }
        // The newest lines matter most: a file larger than what is left of the budget gives its
        // tail, from the first whole line.
        const bool tail = f.size() > budget;
        if (tail)
            f.seek(f.size() - budget);
        QByteArray content = f.readAll();
        if (tail) {
            const qsizetype firstLine = content.indexOf('\n');
            content = firstLine >= 0 ? content.mid(firstLine + 1) : QByteArray();
        }
        budget -= content.size();
        add(QStringLiteral("logs/") + QFileInfo(path).fileName(), scrubbedLog(content), QFileInfo(path).lastModified().toUTC());
    }
    step(5);

    QJsonObject summary{{QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
    add(QStringLiteral("README.txt"), readme(request.application).toUtf8(), now);
    add(QStringLiteral("problems.json"), json(summary), now);
    if (!ok || !zip.finish())
        return Error{QStringLiteral("diagnostics-write"), zip.error()};
    result.entries = zip.entries();
    result.bytes = QFileInfo(result.path).size();
    step(kSteps);
    qCInfo(lcSupport) << "diagnostics exported:" << result.entries.size() << "entries," << result.bytes << "bytes," << problems.size() << "problems";
    return result;
}

} // namespace pd
