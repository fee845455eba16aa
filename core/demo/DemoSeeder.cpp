#include "core/demo/DemoSeeder.h"

#include "core/auth/AuthService.h"
#include "core/notify/SmsComposer.h"
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
        report.pending = AttemptRepository(store->db()).countInState(AttemptState::Pending);
        return report;
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
