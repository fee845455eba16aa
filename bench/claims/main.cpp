// photodesk-bench-claims --db DB --reviewers N --decisions M [--lease S]
// Seeds M pending attempts and N reviewer accounts into DB (use a scratch store: SQLite path or
// postgresql:// URL), then N threads claim-next + decide until the attempts are gone. Prints one
// JSON line: throughput (decisions/s), claim latency p50/p99 (ms), double_claims (an attempt
// handed to two reviewers, or a decision refused because someone else had it) and
// lost_decisions (accepted decisions missing from the store afterwards). PD_TRACE=1 prints every
// claim slower than 15 ms to stderr (which thread, which of its claims).
#include "core/auth/AuthService.h"
#include "core/notify/SmsComposer.h"
#include "core/review/ClaimService.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/review/ReviewQueue.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <latch>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>

using namespace pd;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("db"), QStringLiteral("Scratch store: SQLite path or postgresql:// URL."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("reviewers"), QStringLiteral("Concurrent reviewers (threads)."), QStringLiteral("N"), QStringLiteral("20")});
    p.addOption({QStringLiteral("decisions"), QStringLiteral("Attempts to claim and decide."), QStringLiteral("M"), QStringLiteral("1000")});
    p.addOption({QStringLiteral("lease"), QStringLiteral("Lease in seconds."), QStringLiteral("S"), QStringLiteral("300")});
    p.process(app);
    if (!p.isSet(QStringLiteral("db"))) {
        std::fprintf(stderr, "usage: photodesk-bench-claims --db DB --reviewers N --decisions M\n");
        return 2;
    }
    const int reviewers = p.value(QStringLiteral("reviewers")).toInt();
    const int decisions = p.value(QStringLiteral("decisions")).toInt();
    auto opened = Store::open(p.value(QStringLiteral("db")));
    if (!opened) {
        std::fprintf(stderr, "bench-claims: %s\n", qPrintable(opened.error().message));
        return 2;
    }
    const std::shared_ptr<Store> store = opened.value();
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);

    // Seed: reviewers and attempts (no photos: deciding does not need them).
    std::vector<Session> sessions;
    const AuthService auth(store, 1000);
    for (int i = 0; i < reviewers; ++i) {
        const QString name = QStringLiteral("bench-%1-%2").arg(run).arg(i);
        auto id = auth.createUser(AuthService::systemSession(), name, name, Role::Reviewer, QStringLiteral("bench-password-1"), false);
        if (!id) {
            std::fprintf(stderr, "bench-claims: %s\n", qPrintable(id.error().message));
            return 1;
        }
        sessions.push_back({id.value(), name, name, Role::Reviewer});
    }
    {
        Transaction tx(store->db());
        const StudentRepository students(store->db());
        const AttemptRepository attempts(store->db());
        for (int i = 0; i < decisions; ++i) {
            Student s{0, QStringLiteral("B%1%2").arg(run).arg(i, 7, 10, QLatin1Char('0')), QStringLiteral("压测%1").arg(i),
                      QStringLiteral("110101200001010000"), QStringLiteral("13800000000"), QStringLiteral("法学"), QStringLiteral("本科"), QString()};
            Attempt a;
            a.studentId = students.upsert(s);
            a.externalId = QStringLiteral("BENCH-%1-%2").arg(run).arg(i);
            a.paidAt = utcNow().addSecs(-qint64(i % 170000));
            attempts.insert(a);
        }
        tx.commit();
    }

    const ClaimService claims(store, p.value(QStringLiteral("lease")).toInt());
    const DecisionService service(store, ReasonCatalog::builtIn(), SmsComposer::builtIn());
    QMutex mutex;
    std::vector<double> latencies;
    std::map<Id, int> claimedTimes;
    std::vector<Id> accepted;
    int refusedAsTaken = 0, otherErrors = 0;
    QString firstError;
    QElapsedTimer wall;
    wall.start();
    std::vector<std::unique_ptr<QThread>> threads;
    // Each reviewer first does what a desk does before its first claim: signs in (audited) and
    // reads the first page of the queue. A desk keeps that connection all day, so setting it up
    // (connect, the server's first look at each table: ≈ 30–40 ms per fresh PostgreSQL backend
    // on this machine) is not counted as claim latency. Then all start claiming at once.
    std::latch connected(reviewers + 1);
    for (int i = 0; i < reviewers; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            const Session& me = sessions[size_t(i)];
            std::vector<double> mine;
            if (!auth.login(me.username, QStringLiteral("bench-password-1")))
                std::fprintf(stderr, "bench-claims: %s cannot sign in\n", qPrintable(me.username));
            ReviewQueue(store->db()).page(QueueFilter{}, 0, 50);
            connected.arrive_and_wait();
            for (;;) {
                QElapsedTimer t;
                t.start();
                auto next = claims.claimNext(me);
                mine.push_back(double(t.nsecsElapsed()) / 1e6);
                if (qEnvironmentVariableIsSet("PD_TRACE") && mine.back() > 15)
                    std::fprintf(stderr, "slow claim #%zu of thread %d: %.1f ms\n", mine.size(), i, mine.back());
                if (!next) {
                    QMutexLocker lock(&mutex);
                    ++otherErrors;
                    if (firstError.isEmpty())
                        firstError = next.error().message;
                    continue;
                }
                if (!next->has_value())
                    break;
                const Claim c = next->value();
                const bool reject = c.attemptId % 4 == 0;
                auto d = service.decide(me, {c.attemptId, reject ? Verdict::Reject : Verdict::Approve,
                                             reject ? QStringList{QStringLiteral("SHARPNESS")} : QStringList{}, {}}, c.token);
                QMutexLocker lock(&mutex);
                ++claimedTimes[c.attemptId];
                if (d) {
                    accepted.push_back(d.value());
                } else if (d.error().code == QLatin1String("lease-lost") || d.error().code == QLatin1String("claimed-by-other")
                           || d.error().code == QLatin1String("already-decided")) {
                    ++refusedAsTaken;
                } else {
                    ++otherErrors;
                    if (firstError.isEmpty())
                        firstError = d.error().message;
                }
            }
            store->db().closeThreadConnection();
            QMutexLocker lock(&mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        }));
    }
    for (auto& t : threads)
        t->start();
    connected.arrive_and_wait();
    wall.restart();
    for (auto& t : threads)
        t->wait();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;

    int doubleClaims = refusedAsTaken;
    for (const auto& [id, n] : claimedTimes)
        doubleClaims += n > 1 ? n - 1 : 0;
    // Lost: accepted decisions whose row is not in the store, or whose attempt is still pending.
    int stored = 0;
    {
        Sql q(store->db(), QStringLiteral("SELECT COUNT(*) FROM decisions d JOIN attempts a ON a.id = d.attempt_id "
                                          "WHERE a.external_id LIKE :prefix AND a.state <> 'pending'"));
        stored = q.bind(QStringLiteral(":prefix"), QStringLiteral("BENCH-%1-%").arg(run)).scalar().toInt();
    }
    const int lost = int(accepted.size()) - stored;
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&latencies](double q) {
        return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, size_t(q * double(latencies.size())))];
    };
    const QJsonObject out{{QStringLiteral("backend"), store->db().dialect() == SqlDialect::PostgreSQL ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
                          {QStringLiteral("reviewers"), reviewers},
                          {QStringLiteral("decisions"), int(accepted.size())},
                          {QStringLiteral("seconds"), qRound(seconds * 1000) / 1000.0},
                          {QStringLiteral("throughput"), qRound(double(accepted.size()) / seconds * 10) / 10.0},
                          {QStringLiteral("claim_p50_ms"), qRound(pct(0.50) * 100) / 100.0},
                          {QStringLiteral("claim_p99_ms"), qRound(pct(0.99) * 100) / 100.0},
                          {QStringLiteral("double_claims"), doubleClaims},
                          {QStringLiteral("lost_decisions"), lost},
                          {QStringLiteral("errors"), otherErrors}};
    std::fprintf(stdout, "%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    if (!firstError.isEmpty())
        std::fprintf(stderr, "bench-claims: first error: %s\n", qPrintable(firstError));
    return doubleClaims == 0 && lost == 0 && otherErrors == 0 ? 0 : 1;
}
