#include "core/demo/DemoSeeder.h"

#include "core/auth/AuthService.h"
#include "core/hotline/StudentDirectory.h"
#include "core/store/Sql.h"
#include "core/supervision/SecondReview.h"
#include "core/notify/SmsComposer.h"
#include "core/review/CleanLaneSettings.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/Paths.h"
#include "core/util/Time.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>

namespace pd {

namespace {
// Demo-only iteration count: seeding five accounts and logging in stays quick on a demo
// laptop. Real accounts use PasswordHasher::kDefaultIterations.
constexpr int kDemoIterations = 20000;

struct DemoUser {
    DemoAccount account;
    Role role;
};

std::vector<DemoUser> demoUsers()
{
    return {
        {{QStringLiteral("reviewer"), QStringLiteral("review-demo-1"), QStringLiteral("reviewer"), QStringLiteral("张审核")}, Role::Reviewer},
        {{QStringLiteral("reviewer2"), QStringLiteral("review-demo-2"), QStringLiteral("reviewer"), QStringLiteral("李审核")}, Role::Reviewer},
        {{QStringLiteral("hotline"), QStringLiteral("hotline-demo-1"), QStringLiteral("hotline"), QStringLiteral("王客服")}, Role::HotlineAgent},
        {{QStringLiteral("supervisor"), QStringLiteral("super-demo-1"), QStringLiteral("supervisor"), QStringLiteral("赵主管")}, Role::Supervisor},
        {{QStringLiteral("admin"), QStringLiteral("admin-demo-1"), QStringLiteral("admin"), QStringLiteral("系统管理员")}, Role::Administrator},
    };
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw StoreError(QStringLiteral("demo-data"), QStringLiteral("cannot read demo file %1").arg(path));
    return f.readAll();
}

Id storePhoto(const Store& store, const QString& path, Id studentId, Id attemptId, PhotoRole role)
{
    const QByteArray bytes = readFile(path);
    auto sha = store.blobs().put(bytes);
    if (!sha)
        throw StoreError(sha.error().code, sha.error().message);
    Photo p;
    p.studentId = studentId;
    p.attemptId = attemptId;
    p.role = role;
    p.sha256 = sha.value();
    p.byteSize = bytes.size();
    p.fileName = QFileInfo(path).fileName();
    return PhotoRepository(store.db()).insert(p);
}
} // namespace

std::vector<DemoAccount> demoAccounts()
{
    std::vector<DemoAccount> result;
    for (const DemoUser& u : demoUsers())
        result.push_back(u.account);
    return result;
}

Result<DemoSeedReport> seedDemo(const QString& dbPath, const QString& demoDirIn)
{
    if (QFileInfo::exists(dbPath))
        return Error{QStringLiteral("demo-exists"), QStringLiteral("%1 already exists; the demo seeder only creates new stores").arg(dbPath)};
    const QString demoDir = demoDirIn.isEmpty() ? shareFile(QStringLiteral("demo")) : demoDirIn;
    const QString manifestPath = demoDir + QStringLiteral("/demo.json");
    if (demoDir.isEmpty() || !QFileInfo::exists(manifestPath))
        return Error{QStringLiteral("demo-data"), QStringLiteral("the demo data (demo/demo.json) was not found; set PHOTODESK_SHARE_DIR")};

    auto opened = Store::open(dbPath);
    if (!opened)
        return opened.error();
    const std::shared_ptr<Store> store = opened.value();
    DemoSeedReport report;
    try {
        const QJsonObject manifest = QJsonDocument::fromJson(readFile(manifestPath)).object();
        const QDateTime base = utcNow();

        const AuthService auth(store, kDemoIterations);
        Id reviewerId = 0;
        for (const DemoUser& u : demoUsers()) {
            auto id = auth.createUser(AuthService::systemSession(), u.account.username, u.account.displayName, u.role,
                                      u.account.password, false);
            if (!id)
                return id.error();
            if (u.role == Role::Reviewer && !reviewerId)
                reviewerId = id.value();
            report.accounts.push_back(u.account);
        }
        // The demo shows the clean lane (docs/review.md): switched on here, as a supervisor
        // would, through the real setting (audited as the system). A real store starts with it off.
        if (Status on = CleanLaneSettings(store).save(AuthService::systemSession(), CleanLaneConfig{true, CleanLaneConfig::kDefaultPageSize}); !on)
            return on.error();
        report.cleanLaneOn = true;

        struct Pending {
            Id attemptId;
            QJsonObject decision;
        };
        std::vector<Pending> decisions;
        {
            Transaction tx(store->db());
            const StudentRepository students(store->db());
            QHash<QString, Id> studentIds;
            for (const QJsonValue& v : manifest.value(QStringLiteral("students")).toArray()) {
                const QJsonObject o = v.toObject();
                Student s;
                s.studentNumber = o.value(QStringLiteral("student_number")).toString();
                s.name = o.value(QStringLiteral("name")).toString();
                s.nationalId = o.value(QStringLiteral("national_id")).toString();
                s.phone = o.value(QStringLiteral("phone")).toString();
                s.programme = o.value(QStringLiteral("programme")).toString();
                s.level = o.value(QStringLiteral("level")).toString();
                s.cohort = o.value(QStringLiteral("cohort")).toString();
                const Id id = students.upsert(s);
                studentIds.insert(o.value(QStringLiteral("key")).toString(), id);
                storePhoto(*store, demoDir + QLatin1Char('/') + o.value(QStringLiteral("enrollment_photo")).toString(), id, 0, PhotoRole::Enrollment);
                storePhoto(*store, demoDir + QLatin1Char('/') + o.value(QStringLiteral("id_card_photo")).toString(), id, 0, PhotoRole::IdCard);
                report.photos += 2;
                ++report.students;
            }
            const AttemptRepository attempts(store->db());
            for (const QJsonValue& v : manifest.value(QStringLiteral("attempts")).toArray()) {
                const QJsonObject o = v.toObject();
                const QString studentKey = o.value(QStringLiteral("student")).toString();
                if (!studentIds.contains(studentKey))
                    throw StoreError(QStringLiteral("demo-data"), QStringLiteral("attempt %1 names unknown student %2")
                                                                   .arg(o.value(QStringLiteral("key")).toString(), studentKey));
                Attempt a;
                a.studentId = studentIds.value(studentKey);
                a.externalId = o.value(QStringLiteral("external_id")).toString();
                a.paidAt = base.addMSecs(qint64(-o.value(QStringLiteral("paid_hours_ago")).toDouble() * 3600 * 1000));
                a.id = attempts.insert(a);
                storePhoto(*store, demoDir + QLatin1Char('/') + o.value(QStringLiteral("photo")).toString(), a.studentId, a.id, PhotoRole::Submitted);
                ++report.photos;
                ++report.attempts;
                if (o.contains(QStringLiteral("decision")))
                    decisions.push_back({a.id, o.value(QStringLiteral("decision")).toObject()});
            }
            tx.commit();
        }

        // Earlier attempts are decided through the real service, so their audit events and
        // outbox messages look exactly like a reviewer's.
        const Session reviewer{reviewerId, QStringLiteral("reviewer"), QStringLiteral("张审核"), Role::Reviewer};
        DecisionService service(store, ReasonCatalog::builtIn(), SmsComposer::builtIn());
        for (const Pending& p : decisions) {
            DecisionRequest request;
            request.attemptId = p.attemptId;
            request.verdict = verdictFromString(p.decision.value(QStringLiteral("verdict")).toString()).value_or(Verdict::Reject);
            for (const QJsonValue& r : p.decision.value(QStringLiteral("reasons")).toArray())
                request.reasons << r.toString();
            request.note = p.decision.value(QStringLiteral("note")).toString();
            const QDateTime decidedAt = base.addMSecs(qint64(-p.decision.value(QStringLiteral("decided_hours_ago")).toDouble() * 3600 * 1000));
            service.setClock([decidedAt] { return decidedAt; });
            auto id = service.decide(reviewer, request);
            if (!id)
                return id.error();
            ++report.decisions;
        }
        // Those decisions belong to the past: their SMS and platform callbacks went out back
        // then (the simulator already knows them as decided), so the demo's dispatchers must
        // not deliver them again.
        Sql(store->db(), QStringLiteral("UPDATE outbox SET state = 'sent', tries = 1, provider_ref = 'demo-history', "
                                        "updated_at = created_at WHERE state = 'pending'"))
            .exec();
        report.pending = AttemptRepository(store->db()).countInState(AttemptState::Pending);
        return report;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

namespace {
// Back-dated history on top of a seeded demo store. Every change goes through the real
// services (auth, decisions, second review, hotline), so the audit chain is genuine.
Status addHistory(const std::shared_ptr<Store>& store, DemoSeedReport& report)
{
    const Database& db = store->db();
    const QDateTime base = utcNow();
    QRandomGenerator rng(20261125); // fixed seed: the same history every time
    const AuthService auth(store, kDemoIterations);
    const UserRepository users(db);
    auto sessionOf = [&](const QString& username) {
        const auto u = users.findByUsername(username);
        return Session{u->id, u->username, u->displayName, u->role};
    };
    const Session reviewers[] = {sessionOf(QStringLiteral("reviewer")), sessionOf(QStringLiteral("reviewer2"))};
    const Session supervisor = sessionOf(QStringLiteral("supervisor"));
    const Session agent = sessionOf(QStringLiteral("hotline"));

    // Logins over the last three days (one per working session).
    for (int day = 3; day >= 1; --day) {
        for (const DemoAccount& a : demoAccounts()) {
            const QDateTime at = base.addDays(-day).addSecs(qint64(8.5 * 3600 + rng.bounded(3600)));
            ScopedClock clock([at] { return at; });
            if (auth.login(a.username, a.password))
                ++report.logins;
        }
    }

    // More decided attempts: each student re-uses their submitted photo, decided by one of the
    // two reviewers during working hours, a few of them after the 48 h deadline.
    struct Source {
        Id studentId;
        Photo photo;
    };
    std::vector<Source> sources;
    {
        Sql q(db, QStringLiteral("SELECT a.student_id, p.id FROM attempts a JOIN photos p ON p.attempt_id = a.id "
                                 "WHERE p.role = 'submitted' ORDER BY a.id"));
        q.exec();
        QSet<Id> seen;
        while (q.next()) {
            const Id student = q.value(0).toLongLong();
            if (seen.contains(student))
                continue;
            seen.insert(student);
            sources.push_back({student, {}});
            sources.back().photo.id = q.value(1).toLongLong();
        }
        for (Source& s : sources) {
            Sql p(db, QStringLiteral("SELECT sha256, byte_size, file_name FROM photos WHERE id = :id"));
            p.bind(QStringLiteral(":id"), s.photo.id).exec();
            p.next();
            s.photo.sha256 = p.value(0).toString();
            s.photo.byteSize = p.value(1).toLongLong();
            s.photo.fileName = p.value(2).toString();
        }
    }
    DecisionService decisions(store, ReasonCatalog::builtIn(), SmsComposer::builtIn());
    static const char* kReasons[] = {"BACKGROUND_BLUE", "SHARPNESS", "HEAD_SIZE", "EXPOSURE", "MATCH_ENROLLMENT", "FILE_SIZE"};
    int serial = 0;
    for (int day = 3; day >= 1; --day) {
        for (int i = 0; i < 20; ++i, ++serial) {
            const Source& src = sources[std::size_t(serial) % sources.size()];
            const QDateTime decidedAt = base.addDays(-day).addSecs(qint64(9 * 3600 + i * 1500 + rng.bounded(600)));
            // About one in ten is decided after its 48 h deadline, the rest within 2–42 h.
            const int hoursBeforeDecision = rng.bounded(10) == 0 ? 49 + rng.bounded(10) : 2 + rng.bounded(40);
            Attempt a;
            a.studentId = src.studentId;
            a.externalId = QStringLiteral("YP-HIST-%1").arg(serial + 1, 5, 10, QLatin1Char('0'));
            a.paidAt = decidedAt.addSecs(-qint64(hoursBeforeDecision) * 3600 - rng.bounded(3600));
            {
                Transaction tx(db);
                a.id = AttemptRepository(db).insert(a);
                Photo p = src.photo;
                p.id = 0;
                p.attemptId = a.id;
                p.studentId = src.studentId;
                PhotoRepository(db).insert(p);
                tx.commit();
            }
            decisions.setClock([decidedAt] { return decidedAt; });
            DecisionRequest r;
            r.attemptId = a.id;
            const bool reject = rng.bounded(100) < 30;
            r.verdict = reject ? Verdict::Reject : Verdict::Approve;
            if (reject)
                r.reasons << QLatin1String(kReasons[rng.bounded(int(std::size(kReasons)))]);
            auto decided = decisions.decide(reviewers[i % 2], r);
            if (!decided)
                return decided.error();
            ++report.decisions;
            ++report.attempts;
            ++report.photos;
        }
    }

    // SMS history: most messages delivered, a couple of numbers invalid.
    {
        Transaction tx(db);
        Sql q(db, QStringLiteral("SELECT id, created_at FROM outbox WHERE channel = 'sms' ORDER BY id"));
        q.exec();
        std::vector<std::pair<Id, QString>> rows;
        while (q.next())
            rows.emplace_back(q.value(0).toLongLong(), q.value(1).toString());
        int n = 0;
        for (const auto& [id, created] : rows) {
            const bool failed = ++n % 17 == 0;
            const QDateTime sentAt = fromDbTime(created).addSecs(20 + rng.bounded(100));
            Sql(db, QStringLiteral("UPDATE outbox SET state = :s, tries = 1, provider = 'aliyun', delivery_status = :d, "
                                   "provider_ref = :ref, sent_at = :t, last_error = :e, updated_at = :t2 WHERE id = :id"))
                .bind(QStringLiteral(":s"), failed ? QStringLiteral("failed") : QStringLiteral("sent"))
                .bind(QStringLiteral(":d"), failed ? QStringLiteral("isv.MOBILE_NUMBER_ILLEGAL") : QStringLiteral("OK"))
                .bind(QStringLiteral(":ref"), failed ? QString() : QStringLiteral("demo-%1").arg(id))
                .bind(QStringLiteral(":t"), toDbTime(sentAt))
                .bind(QStringLiteral(":e"), failed ? QStringLiteral("invalid mobile number") : QString())
                .bind(QStringLiteral(":t2"), toDbTime(sentAt))
                .bind(QStringLiteral(":id"), id)
                .exec();
        }
        Sql(db, QStringLiteral("UPDATE outbox SET state = 'sent', tries = 1, provider_ref = 'demo-platform', updated_at = created_at "
                               "WHERE channel = 'platform'")).exec();
        tx.commit();
    }

    // Second review: a supervisor samples a fifth of the decisions; the other reviewer
    // confirms most and overturns two.
    SecondReview second(store, ReasonCatalog::builtIn(), SmsComposer::builtIn());
    {
        const QDateTime at = base.addSecs(-20 * 3600);
        ScopedClock clock([at] { return at; });
        if (auto sampled = second.sample(supervisor, 0.2, 7); !sampled)
            return sampled.error();
    }
    int overturned = 0;
    for (const Session& who : reviewers) {
        auto pending = second.pendingFor(who, 1000);
        if (!pending)
            return pending.error();
        for (const SecondReviewItem& item : *pending) {
            const QDateTime at = base.addSecs(-(10 * 3600) + report.secondReviews * 300);
            ScopedClock clock([at] { return at; });
            Status done = okStatus();
            if (overturned < 2 && item.firstVerdict == Verdict::Approve) {
                done = second.overturn(who, item.id, Verdict::Reject, {QStringLiteral("BACKGROUND_UNIFORM")},
                                       QStringLiteral("背景有明显阴影"));
                ++overturned;
            } else {
                done = second.confirm(who, item.id, {});
            }
            if (!done && done.error().code != QLatin1String("already-decided"))
                return done.error();
            if (done)
                ++report.secondReviews;
        }
    }

    // Hotline calls: students asking why they were rejected.
    StudentDirectory directory(store);
    static const char* kNotes[] = {"学生来电询问驳回原因，已说明需重新采集蓝色背景照片。",
                                   "学生反映未收到短信，核对手机号后已重发。",
                                   "学生询问审核进度，告知48小时内完成审核。"};
    for (int i = 0; i < 6; ++i) {
        const Id studentId = sources[std::size_t(i * 2) % sources.size()].studentId;
        const QDateTime at = base.addDays(-(i % 3) - 1).addSecs(qint64(14 * 3600 + i * 900));
        ScopedClock clock([at] { return at; });
        if (auto note = directory.addCallNote(agent, studentId, QString::fromUtf8(kNotes[i % 3])); !note)
            return note.error();
        ++report.callNotes;
        if (i == 1)
            directory.reveal(agent, studentId, StudentDirectory::Field::Phone);
    }
    report.pending = AttemptRepository(db).countInState(AttemptState::Pending);
    return okStatus();
}
} // namespace

Result<DemoSeedReport> seedDemoWithHistory(const QString& dbPath, const QString& demoDir)
{
    auto report = seedDemo(dbPath, demoDir);
    if (!report)
        return report;
    auto store = Store::open(dbPath);
    if (!store)
        return store.error();
    try {
        DemoSeedReport r = report.value();
        if (auto done = addHistory(store.value(), r); !done)
            return done.error();
        return r;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
