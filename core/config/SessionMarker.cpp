#include "core/config/SessionMarker.h"

#include "core/config/SettingsModel.h"
#include "core/util/Time.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace pd {

namespace {
QString timeText(const QDateTime& t)
{
    return t.isValid() ? toDbTime(t) : QString();
}

QDateTime timeFrom(const QJsonValue& v)
{
    return v.toString().isEmpty() ? QDateTime() : fromDbTime(v.toString());
}
} // namespace

QByteArray SessionRecord::toJson() const
{
    QJsonObject o{{QStringLiteral("pid"), pid},
                  {QStringLiteral("boot_id"), bootId},
                  {QStringLiteral("executable"), executable},
                  {QStringLiteral("started_at"), timeText(startedAt)},
                  {QStringLiteral("updated_at"), timeText(updatedAt)},
                  {QStringLiteral("database"), database},
                  {QStringLiteral("user_id"), userId},
                  {QStringLiteral("username"), username},
                  {QStringLiteral("open_attempt"), openAttemptId},
                  {QStringLiteral("claim_attempt"), claimAttemptId},
                  {QStringLiteral("claim_token"), claimToken},
                  {QStringLiteral("tab"), tab}};
    if (decidingAttemptId)
        o.insert(QStringLiteral("deciding"), QJsonObject{{QStringLiteral("attempt"), decidingAttemptId},
                                                         {QStringLiteral("verdict"), decidingVerdict},
                                                         {QStringLiteral("since"), timeText(decidingSince)}});
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<SessionRecord> SessionRecord::fromJson(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    SessionRecord r;
    r.pid = o.value(QStringLiteral("pid")).toInteger();
    r.bootId = o.value(QStringLiteral("boot_id")).toString();
    r.executable = o.value(QStringLiteral("executable")).toString();
    r.startedAt = timeFrom(o.value(QStringLiteral("started_at")));
    r.updatedAt = timeFrom(o.value(QStringLiteral("updated_at")));
    r.database = o.value(QStringLiteral("database")).toString();
    r.userId = o.value(QStringLiteral("user_id")).toInteger();
    r.username = o.value(QStringLiteral("username")).toString();
    r.openAttemptId = o.value(QStringLiteral("open_attempt")).toInteger();
    r.claimAttemptId = o.value(QStringLiteral("claim_attempt")).toInteger();
    r.claimToken = o.value(QStringLiteral("claim_token")).toString();
    r.tab = o.value(QStringLiteral("tab")).toString();
    const QJsonObject deciding = o.value(QStringLiteral("deciding")).toObject();
    r.decidingAttemptId = deciding.value(QStringLiteral("attempt")).toInteger();
    r.decidingVerdict = deciding.value(QStringLiteral("verdict")).toString();
    r.decidingSince = timeFrom(deciding.value(QStringLiteral("since")));
    if (r.pid <= 0)
        return std::nullopt;
    return r;
}

SessionRecord SessionRecord::forThisProcess(const QString& database)
{
    SessionRecord r;
    r.pid = QCoreApplication::applicationPid();
    r.bootId = SessionMarker::currentBootId();
    r.executable = QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget();
    r.startedAt = utcNow();
    r.updatedAt = r.startedAt;
    r.database = database;
    return r;
}

SessionMarker::SessionMarker(QString folder) : m_folder(std::move(folder)) {}

QString SessionMarker::defaultFolder()
{
    return SettingsModel::userDataDir() + QStringLiteral("/sessions");
}

QString SessionMarker::currentBootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : QString();
}

bool SessionMarker::isAlive(const SessionRecord& record)
{
    if (record.pid <= 0)
        return false;
    if (!record.bootId.isEmpty() && record.bootId != currentBootId())
        return false; // the machine restarted since (power cut): nothing of it runs any more
    const QString proc = QStringLiteral("/proc/%1").arg(record.pid);
    if (!QFileInfo::exists(proc))
        return false;
    // A killed process stays a zombie until its parent reaps it: it runs no more.
    QFile stat(proc + QStringLiteral("/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const char state = close >= 0 && close + 2 < line.size() ? line.at(close + 2) : '?';
        if (state == 'Z' || state == 'X')
            return false;
    }
    // The pid may have been reused by another program.
    const QString exe = QFileInfo(proc + QStringLiteral("/exe")).symLinkTarget();
    return record.executable.isEmpty() || exe.isEmpty() || exe == record.executable;
}

std::vector<std::pair<QString, SessionRecord>> SessionMarker::leftovers() const
{
    std::vector<std::pair<QString, SessionRecord>> found;
    const QDir dir(m_folder);
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        if (info.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath() && !m_path.isEmpty())
            continue;
        QFile f(info.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        auto record = SessionRecord::fromJson(f.readAll());
        if (!record) {
            // Half a file cannot be (QSaveFile), but a hand-made or foreign one can: keep it
            // from coming back at every start.
            QFile::remove(info.absoluteFilePath());
            continue;
        }
        if (record->pid == QCoreApplication::applicationPid() && record->bootId == currentBootId())
            continue;
        if (isAlive(*record))
            continue;
        found.emplace_back(info.absoluteFilePath(), *record);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second.startedAt < b.second.startedAt; });
    return found;
}

void SessionMarker::discard(const QString& path)
{
    QFile::remove(path);
}

Status SessionMarker::begin(const SessionRecord& record)
{
    if (!QDir().mkpath(m_folder))
        return Error{QStringLiteral("session-marker-write"), QStringLiteral("cannot create %1").arg(m_folder)};
    m_record = record;
    m_path = QDir(m_folder).filePath(QStringLiteral("%1.json").arg(record.pid));
    return save();
}

Status SessionMarker::save()
{
    if (m_path.isEmpty())
        return Error{QStringLiteral("session-marker-write"), QStringLiteral("no session marker was begun")};
    m_record.updatedAt = utcNow();
    // QSaveFile: written beside, synced and renamed, so a power cut leaves the old or the new one.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_record.toJson()) < 0 || !file.commit())
        return Error{QStringLiteral("session-marker-write"), QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString())};
    return okStatus();
}

void SessionMarker::end()
{
    if (m_path.isEmpty())
        return;
    QFile::remove(m_path);
    m_path.clear();
}

} // namespace pd
