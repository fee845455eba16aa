#include "PlatformSim.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace pdsim {

namespace {
QString isoUtc(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 422: return "Unprocessable Entity";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QString encodeCursor(qint64 afterSeq)
{
    return QString::fromLatin1(QByteArray("after:" + QByteArray::number(afterSeq)).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeCursor(const QString& cursor, qint64* afterSeq)
{
    if (cursor.isEmpty()) {
        *afterSeq = 0;
        return true;
    }
    const QByteArray raw = QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding);
    if (!raw.startsWith("after:"))
        return false;
    bool ok = false;
    *afterSeq = raw.mid(6).toLongLong(&ok);
    return ok;
}
} // namespace

Faults Faults::parse(const QString& spec, QString* error)
{
    Faults f;
    for (const QString& part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.section(QLatin1Char('='), 0, 0).trimmed().toLower();
        const QString value = part.section(QLatin1Char('='), 1).trimmed();
        bool ok = true;
        const double p = value.isEmpty() ? 0.2 : value.toDouble(&ok);
        if (!ok || p < 0 || (name != QLatin1String("latency") && p > 1)) {
            if (error)
                *error = QStringLiteral("bad value in fault %1").arg(part);
            return {};
        }
        if (name == QLatin1String("latency"))
            f.latencyMs = value.isEmpty() ? 50 : value.toInt();
        else if (name == QLatin1String("http500") || name == QLatin1String("500"))
            f.http500 = p;
        else if (name == QLatin1String("http503") || name == QLatin1String("503"))
            f.http503 = p;
        else if (name == QLatin1String("drop"))
            f.drop = p;
        else if (name == QLatin1String("truncate"))
            f.truncate = p;
        else if (name == QLatin1String("checksum"))
            f.checksum = p;
        else if (name == QLatin1String("duplicate"))
            f.duplicate = p;
        else if (name == QLatin1String("all")) {
            f.latencyMs = 5;
            f.http500 = f.http503 = f.drop = f.truncate = f.checksum = f.duplicate = value.isEmpty() ? 0.15 : p;
        } else {
            if (error)
                *error = QStringLiteral("unknown fault %1 (latency, http500, http503, drop, truncate, checksum, duplicate, all)").arg(name);
            return {};
        }
    }
    return f;
}

QString Faults::describe() const
{
    return QStringLiteral("latency=%1,http500=%2,http503=%3,drop=%4,truncate=%5,checksum=%6,duplicate=%7")
        .arg(latencyMs).arg(http500).arg(http503).arg(drop).arg(truncate).arg(checksum).arg(duplicate);
}

PlatformSim::PlatformSim(QString token, quint32 seed, QObject* parent)
    : QAbstractHttpServer(parent), m_token(std::move(token)), m_rng(seed)
{
}

QString PlatformSim::addPhoto(const QByteArray& bytes, const QString& fileName)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (!m_photos.contains(sha))
        m_photos.insert(sha, SimPhoto{bytes, sha, fileName});
    return sha;
}

bool PlatformSim::loadDemo(const QString& dir, QString* error)
{
    QFile f(dir + QStringLiteral("/demo.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(f.fileName());
        return false;
    }
    const QJsonObject manifest = QJsonDocument::fromJson(f.readAll()).object();
    auto readPhoto = [&](const QString& rel, QString* sha) {
        QFile p(dir + QLatin1Char('/') + rel);
        if (!p.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read demo photo %1").arg(p.fileName());
            return false;
        }
        *sha = addPhoto(p.readAll(), QFileInfo(rel).fileName());
        return true;
    };
    struct StudentData {
        QJsonObject record;
        QString enrollment, idCard;
    };
    QHash<QString, StudentData> students;
    for (const QJsonValue& v : manifest.value(QStringLiteral("students")).toArray()) {
        const QJsonObject o = v.toObject();
        StudentData s;
        for (const char* k : {"student_number", "name", "national_id", "phone", "programme", "level", "cohort"})
            if (o.contains(QLatin1String(k))) // cohort is optional on the platform
                s.record.insert(QLatin1String(k), o.value(QLatin1String(k)));
        if (!readPhoto(o.value(QStringLiteral("enrollment_photo")).toString(), &s.enrollment)
            || !readPhoto(o.value(QStringLiteral("id_card_photo")).toString(), &s.idCard))
            return false;
        students.insert(o.value(QStringLiteral("key")).toString(), s);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, QString> lastRejected; // student key -> attempt id of their latest rejected attempt
    QJsonArray attempts = manifest.value(QStringLiteral("attempts")).toArray();
    std::vector<QJsonObject> ordered;
    for (const QJsonValue& v : attempts)
        ordered.push_back(v.toObject());
    // Oldest payment first: the platform lists in upload order.
    std::stable_sort(ordered.begin(), ordered.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(QStringLiteral("paid_hours_ago")).toDouble() > b.value(QStringLiteral("paid_hours_ago")).toDouble();
    });
    for (const QJsonObject& o : ordered) {
        const QString key = o.value(QStringLiteral("student")).toString();
        if (!students.contains(key)) {
            *error = QStringLiteral("attempt names unknown student %1").arg(key);
            return false;
        }
        const StudentData& s = students[key];
        SimSubmission sub;
        sub.seq = m_nextSeq++;
        sub.attemptId = o.value(QStringLiteral("external_id")).toString();
        sub.paidAt = now.addMSecs(qint64(-o.value(QStringLiteral("paid_hours_ago")).toDouble() * 3600 * 1000));
        sub.submittedAt = sub.paidAt.addSecs(120);
        sub.student = s.record;
        sub.enrollmentSha = s.enrollment;
        sub.idCardSha = s.idCard;
        if (!readPhoto(o.value(QStringLiteral("photo")).toString(), &sub.submittedSha))
            return false;
        sub.previousAttemptId = lastRejected.value(key);
        // Attempts the demo shows as decided were decided before this sync: not pending any more.
        const QJsonObject decision = o.value(QStringLiteral("decision")).toObject();
        sub.pending = decision.isEmpty();
        if (decision.value(QStringLiteral("verdict")).toString() == QLatin1String("reject"))
            lastRejected.insert(key, sub.attemptId);
        m_submissions.push_back(sub);
    }
    return true;
}

void PlatformSim::generate(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QRandomGenerator gen(4242);
    auto fakeJpeg = [&gen](int size, quint32 salt) {
        QByteArray b(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            b[i] = char(gen.generate() ^ salt);
        b[0] = char(0xFF);
        b[1] = char(0xD8);
        b[size - 2] = char(0xFF);
        b[size - 1] = char(0xD9);
        return b;
    };
    static const char* programmes[] = {"法学", "计算机科学与技术", "临床医学", "汉语言文学", "机械工程"};
    for (int i = 0; i < count; ++i) {
        SimSubmission sub;
        sub.seq = m_nextSeq++;
        sub.attemptId = QStringLiteral("SYN-%1").arg(i + 1, 6, 10, QLatin1Char('0'));
        const QString number = QStringLiteral("2021%1").arg(i + 1, 6, 10, QLatin1Char('0'));
        sub.student = QJsonObject{{QStringLiteral("student_number"), number},
                                  {QStringLiteral("name"), QStringLiteral("测试学生%1").arg(i + 1)},
                                  {QStringLiteral("national_id"), QStringLiteral("11010120000101%1").arg(i % 10000, 4, 10, QLatin1Char('0'))},
                                  {QStringLiteral("phone"), QStringLiteral("139%1").arg(i, 8, 10, QLatin1Char('0'))},
                                  {QStringLiteral("programme"), QString::fromUtf8(programmes[i % 5])},
                                  {QStringLiteral("level"), i % 4 ? QStringLiteral("本科") : QStringLiteral("硕士")},
                                  {QStringLiteral("cohort"), QStringLiteral("2025")}};
        sub.paidAt = now.addSecs(-qint64(gen.bounded(47 * 3600)));
        sub.submittedAt = sub.paidAt.addSecs(60);
        sub.submittedSha = addPhoto(fakeJpeg(1500 + int(gen.bounded(1500)), quint32(i)), QStringLiteral("%1.jpg").arg(sub.attemptId));
        sub.enrollmentSha = addPhoto(fakeJpeg(1200, quint32(i) + 7777), QStringLiteral("%1_enrollment.jpg").arg(number));
        sub.idCardSha = addPhoto(fakeJpeg(1000, quint32(i) + 9999), QStringLiteral("%1_idcard.jpg").arg(number));
        m_submissions.push_back(sub);
    }
}

int PlatformSim::pendingCount() const
{
    int n = 0;
    for (const auto& s : m_submissions)
        n += s.pending ? 1 : 0;
    return n;
}

SimSubmission* PlatformSim::find(const QString& attemptId)
{
    for (auto& s : m_submissions)
        if (s.attemptId == attemptId)
            return &s;
    return nullptr;
}

QJsonObject PlatformSim::itemJson(const SimSubmission& s) const
{
    auto photo = [this](const char* role, const QString& sha) {
        const SimPhoto& p = m_photos[sha];
        return QJsonObject{{QStringLiteral("role"), QLatin1String(role)},
                           {QStringLiteral("url"), QStringLiteral("/api/v1/photos/") + sha},
                           {QStringLiteral("sha256"), sha},
                           {QStringLiteral("size"), qint64(p.bytes.size())},
                           {QStringLiteral("content_type"), QStringLiteral("image/jpeg")},
                           {QStringLiteral("file_name"), p.fileName}};
    };
    return QJsonObject{{QStringLiteral("attempt_id"), s.attemptId},
                       {QStringLiteral("version"), s.version},
                       {QStringLiteral("previous_attempt_id"), s.previousAttemptId.isEmpty() ? QJsonValue() : QJsonValue(s.previousAttemptId)},
                       {QStringLiteral("status"), s.pending ? QStringLiteral("pending") : QStringLiteral("decided")},
                       {QStringLiteral("paid_at"), isoUtc(s.paidAt)},
                       {QStringLiteral("submitted_at"), isoUtc(s.submittedAt)},
                       {QStringLiteral("student"), s.student},
                       {QStringLiteral("photos"), QJsonArray{photo("submitted", s.submittedSha), photo("enrollment", s.enrollmentSha),
                                                             photo("id_card", s.idCardSha)}}};
}

PlatformSim::Reply PlatformSim::json(int status, const QJsonObject& o)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

PlatformSim::Reply PlatformSim::error(int status, const QString& code, const QString& message, bool retryable)
{
    Reply r = json(status, {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                  {QStringLiteral("message"), message},
                                                                  {QStringLiteral("retryable"), retryable}}}});
    if (status == 503)
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("0")));
    return r;
}

bool PlatformSim::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const Reply reply = route(request);
    const bool isApi = request.url().path().startsWith(QLatin1String("/api/"));
    if (isApi && m_faults.latencyMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(m_faults.latencyMs, this, [this, guard, reply] {
            if (guard)
                send(guard, reply);
        });
    } else {
        send(socket, reply);
    }
    return true;
}

void PlatformSim::missingHandler(const QHttpServerRequest&, QTcpSocket* socket)
{
    send(socket, error(404, QStringLiteral("not-found"), QStringLiteral("no such endpoint")));
}

void PlatformSim::send(QTcpSocket* socket, const Reply& reply)
{
    if (reply.drop) {
        socket->disconnectFromHost();
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    head += "Content-Type: " + reply.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    for (const auto& [k, v] : reply.headers)
        head += k + ": " + v + "\r\n";
    head += "\r\n";
    socket->write(head);
    if (reply.truncate) {
        socket->write(reply.body.left(reply.body.size() / 2));
        socket->disconnectFromHost();
        return;
    }
    socket->write(reply.body);
}

PlatformSim::Reply PlatformSim::route(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    if (path.startsWith(QLatin1String("/_sim/")))
        return admin(request, path);
    if (!path.startsWith(QLatin1String("/api/v1/")))
        return error(404, QStringLiteral("not-found"), QStringLiteral("no such endpoint: %1").arg(path));
    // Faults that replace the answer altogether.
    if (roll(m_faults.drop)) {
        Reply r;
        r.drop = true;
        return r;
    }
    if (roll(m_faults.http500))
        return error(500, QStringLiteral("internal"), QStringLiteral("simulated internal error"), true);
    if (roll(m_faults.http503))
        return error(503, QStringLiteral("unavailable"), QStringLiteral("simulated overload, retry later"), true);
    Reply r = api(request, path);
    if (r.status < 300 && roll(m_faults.truncate))
        r.truncate = true;
    return r;
}

PlatformSim::Reply PlatformSim::api(const QHttpServerRequest& request, const QString& path)
{
    if (request.value("Authorization") != "Bearer " + m_token.toUtf8())
        return error(401, QStringLiteral("unauthorized"), QStringLiteral("missing or wrong bearer token"));
    if (path == QLatin1String("/api/v1/submissions")) {
        if (request.method() != QHttpServerRequest::Method::Get)
            return error(405, QStringLiteral("method-not-allowed"), QStringLiteral("use GET"));
        return listSubmissions(request);
    }
    if (path.startsWith(QLatin1String("/api/v1/photos/"))) {
        const QString sha = path.mid(QStringLiteral("/api/v1/photos/").size());
        const auto it = m_photos.constFind(sha);
        if (it == m_photos.constEnd())
            return error(404, QStringLiteral("photo-not-found"), QStringLiteral("no photo %1").arg(sha.left(64)));
        Reply r;
        r.contentType = "image/jpeg";
        r.body = it->bytes;
        if (roll(m_faults.checksum) && !r.body.isEmpty())
            r.body[r.body.size() / 2] = char(r.body[r.body.size() / 2] ^ 0x5A); // same size, wrong bytes
        return r;
    }
    if (path == QLatin1String("/api/v1/decisions")) {
        if (request.method() != QHttpServerRequest::Method::Post)
            return error(405, QStringLiteral("method-not-allowed"), QStringLiteral("use POST"));
        return postDecision(request);
    }
    return error(404, QStringLiteral("not-found"), QStringLiteral("no such endpoint: %1").arg(path));
}

PlatformSim::Reply PlatformSim::listSubmissions(const QHttpServerRequest& request)
{
    const QUrlQuery q = request.query();
    const QString status = q.queryItemValue(QStringLiteral("status"));
    if (!status.isEmpty() && status != QLatin1String("pending"))
        return error(400, QStringLiteral("bad-request"), QStringLiteral("only status=pending is supported"));
    int limit = q.hasQueryItem(QStringLiteral("limit")) ? q.queryItemValue(QStringLiteral("limit")).toInt() : 50;
    if (limit < 1 || limit > 500)
        return error(400, QStringLiteral("bad-request"), QStringLiteral("limit must be 1..500"));
    const QString cursor = q.queryItemValue(QStringLiteral("cursor"));
    qint64 after = 0;
    if (!decodeCursor(cursor, &after))
        return error(400, QStringLiteral("bad-cursor"), QStringLiteral("the cursor is not one this server issued"));
    QJsonArray items;
    qint64 lastSeq = after;
    bool more = false;
    for (const SimSubmission& s : m_submissions) {
        if (!s.pending || s.seq <= after)
            continue;
        if (items.size() == limit) {
            more = true;
            break;
        }
        items.append(itemJson(s));
        lastSeq = s.seq;
    }
    QJsonValue next = more ? QJsonValue(encodeCursor(lastSeq)) : QJsonValue();
    // A duplicated page: the same page comes again (the cursor does not advance this time).
    if (more && roll(m_faults.duplicate))
        next = cursor.isEmpty() ? QJsonValue(encodeCursor(0)) : QJsonValue(cursor);
    return json(200, {{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), next}, {QStringLiteral("total"), pendingCount()}});
}

PlatformSim::Reply PlatformSim::postDecision(const QHttpServerRequest& request)
{
    ++m_decisionPosts;
    const QString key = QString::fromUtf8(request.value("Idempotency-Key"));
    if (key.isEmpty())
        return error(400, QStringLiteral("missing-idempotency-key"), QStringLiteral("send an Idempotency-Key header"));
    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(request.body(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return error(400, QStringLiteral("bad-json"), parseError.errorString());
    auto existing = m_decisions.find(key);
    if (existing != m_decisions.end()) {
        if (existing->second.body != body)
            return error(409, QStringLiteral("idempotency-conflict"), QStringLiteral("this key was used with a different decision"));
        ++existing->second.deliveries;
        QJsonObject replay = existing->second.response;
        replay.insert(QStringLiteral("replayed"), true);
        return json(200, replay);
    }
    const QString attemptId = body.value(QStringLiteral("attempt")).toString();
    const QString verdict = body.value(QStringLiteral("verdict")).toString();
    SimSubmission* s = find(attemptId);
    if (!s)
        return error(404, QStringLiteral("attempt-not-found"), QStringLiteral("no attempt %1").arg(attemptId));
    if (verdict != QLatin1String("approve") && verdict != QLatin1String("reject"))
        return error(422, QStringLiteral("bad-verdict"), QStringLiteral("verdict must be approve or reject"));
    if (body.value(QStringLiteral("version")).toInt() != s->version)
        return error(409, QStringLiteral("version-conflict"),
                     QStringLiteral("attempt %1 is at version %2").arg(attemptId).arg(s->version));
    if (!s->pending)
        return error(409, QStringLiteral("already-decided"), QStringLiteral("attempt %1 was already decided").arg(attemptId));
    s->pending = false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject response{{QStringLiteral("decision_id"), QStringLiteral("D-%1").arg(m_decisions.size() + 1, 6, 10, QLatin1Char('0'))},
                               {QStringLiteral("attempt"), attemptId},
                               {QStringLiteral("received_at"), isoUtc(now)}};
    m_decisions[key] = Received{body, response, now, 1};
    m_decisionOrder << key;
    return json(201, response);
}

PlatformSim::Reply PlatformSim::admin(const QHttpServerRequest& request, const QString& path)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    if (path == QLatin1String("/_sim/faults")) {
        if (request.method() == QHttpServerRequest::Method::Post) {
            QString problem;
            const Faults f = Faults::parse(body.value(QStringLiteral("faults")).toString(), &problem);
            if (!problem.isEmpty())
                return error(400, QStringLiteral("bad-faults"), problem);
            m_faults = f;
        }
        return json(200, {{QStringLiteral("faults"), m_faults.describe()}});
    }
    if (path == QLatin1String("/_sim/decisions")) {
        QJsonArray list;
        for (const QString& key : std::as_const(m_decisionOrder)) {
            const Received& r = m_decisions[key];
            list.append(QJsonObject{{QStringLiteral("idempotency_key"), key},
                                    {QStringLiteral("decision"), r.body},
                                    {QStringLiteral("decision_id"), r.response.value(QStringLiteral("decision_id"))},
                                    {QStringLiteral("deliveries"), r.deliveries}});
        }
        return json(200, {{QStringLiteral("decisions"), list}, {QStringLiteral("posts"), m_decisionPosts}});
    }
    if (path == QLatin1String("/_sim/submissions")) {
        QJsonArray list;
        for (const SimSubmission& s : m_submissions)
            if (s.pending)
                list.append(itemJson(s));
        return json(200, {{QStringLiteral("items"), list}});
    }
    if (path == QLatin1String("/_sim/resubmit") || path == QLatin1String("/_sim/edit")) {
        SimSubmission* s = find(body.value(QStringLiteral("attempt")).toString());
        if (!s)
            return error(404, QStringLiteral("attempt-not-found"), QStringLiteral("no such attempt"));
        QByteArray photo = m_photos[s->submittedSha].bytes;
        photo.append(QByteArray::number(m_nextSeq)); // a new photo, new checksum
        if (path == QLatin1String("/_sim/edit")) {
            // The student corrected their record: same attempt, next version, new phone.
            ++s->version;
            s->student.insert(QStringLiteral("phone"), body.value(QStringLiteral("phone")).toString(QStringLiteral("13700000000")));
            return json(200, itemJson(*s));
        }
        SimSubmission next = *s;
        next.seq = m_nextSeq++;
        int n = 1;
        while (find(QStringLiteral("%1-R%2").arg(s->attemptId).arg(n)))
            ++n;
        next.attemptId = QStringLiteral("%1-R%2").arg(s->attemptId).arg(n);
        next.version = 1;
        next.previousAttemptId = s->attemptId;
        next.submittedAt = QDateTime::currentDateTimeUtc();
        next.paidAt = s->paidAt;
        next.submittedSha = addPhoto(photo, next.attemptId + QStringLiteral(".jpg"));
        next.pending = true;
        m_submissions.push_back(next);
        return json(201, itemJson(next));
    }
    return error(404, QStringLiteral("not-found"), QStringLiteral("no such admin endpoint: %1").arg(path));
}

} // namespace pdsim
