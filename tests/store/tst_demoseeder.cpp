#include "core/audit/AuditLog.h"
#include "core/auth/AuthService.h"
#include "core/demo/DemoSeeder.h"
#include "core/review/CleanLaneSettings.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pd;

class TestDemoSeeder : public QObject {
    Q_OBJECT
private slots:
    void seedsACompleteDemoStore()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
        auto report = seedDemo(db);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QVERIFY(report->students >= 10);
        QVERIFY(report->attempts >= 40);
        QVERIFY(report->pending >= 30);
        QVERIFY(report->decisions >= 1);
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("demo.blobs"))).isDir());

        auto store = Store::open(db).value();
        // Every attempt has a submitted photo and its student both reference photos.
        QCOMPARE(Sql(store->db(), QStringLiteral("SELECT COUNT(*) FROM attempts a WHERE NOT EXISTS "
                                                 "(SELECT 1 FROM photos p WHERE p.attempt_id = a.id AND p.role = 'submitted')"))
                     .scalar().toInt(), 0);
        for (const char* role : {"enrollment", "id_card"})
            QCOMPARE(Sql(store->db(), QStringLiteral("SELECT COUNT(*) FROM students s WHERE NOT EXISTS "
                                                     "(SELECT 1 FROM photos p WHERE p.student_id = s.id AND p.role = '%1')")
                                          .arg(QLatin1String(role)))
                         .scalar().toInt(), 0);
        // Every blob is on disk.
        Sql photos(store->db(), QStringLiteral("SELECT sha256 FROM photos"));
        photos.exec();
        while (photos.next())
            QVERIFY(store->blobs().get(photos.value(0).toString()).ok());
        // One account per role, and the printed passwords work.
        QStringList roles;
        for (const DemoAccount& a : demoAccounts()) {
            roles << a.role;
            QVERIFY2(AuthService(store).login(a.username, a.password).ok(), qPrintable(a.username));
        }
        for (const char* r : {"reviewer", "hotline", "supervisor"})
            QVERIFY(roles.contains(QLatin1String(r)));

        // The demo has the clean lane switched on, through the audited setting (by the system);
        // every other store starts with it off (tst_cleanlane).
        QVERIFY(report->cleanLaneOn);
        const auto lane = CleanLaneSettings(store).current();
        QVERIFY(lane.ok());
        QVERIFY(lane->enabled);
        QCOMPARE(lane->pageSize, CleanLaneConfig::kDefaultPageSize);
        QCOMPARE(Sql(store->db(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'setting.change' AND actor = 'system' "
                                                 "AND object_id = 'review.clean_lane' AND after_value LIKE '%\"enabled\":true%'"))
                     .scalar().toInt(), 1);
        QVERIFY(AuditLog(store->db()).verify().ok);

        // The seeder never overwrites an existing store.
        QCOMPARE(seedDemo(db).error().code, QStringLiteral("demo-exists"));
    }

    void historyFillsAuditAndDashboards()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        auto report = seedDemoWithHistory(db);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QVERIFY(report->decisions >= 60);
        QVERIFY(report->secondReviews >= 5);
        QVERIFY(report->callNotes >= 5);
        QVERIFY(report->logins >= 10);
        auto store = Store::open(db).value();
        QVERIFY(AuditLog(store->db()).verify().ok);
        auto count = [&store](const char* sql) { return Sql(store->db(), QLatin1String(sql)).scalar().toInt(); };
        QVERIFY(count("SELECT COUNT(*) FROM second_reviews WHERE state = 'overturned'") >= 1);
        QVERIFY(count("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND state = 'sent'") >= 50);
        QVERIFY(count("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND state = 'failed'") >= 1);
        QVERIFY(count("SELECT COUNT(DISTINCT reviewer_id) FROM decisions") >= 2);
        // Some, but few, decisions missed the 48 h deadline: the SLA figure is interesting.
        const int late = count("SELECT COUNT(*) FROM decisions d JOIN attempts a ON a.id = d.attempt_id WHERE d.decided_at > a.deadline");
        QVERIFY(late >= 1 && late * 4 < report->decisions);
        QCOMPARE(AttemptRepository(store->db()).countInState(AttemptState::Pending), report->pending);
    }

    void deterministicContent()
    {
        QTemporaryDir dir;
        QVERIFY(seedDemo(dir.filePath(QStringLiteral("a.sqlite"))).ok());
        QVERIFY(seedDemo(dir.filePath(QStringLiteral("b.sqlite"))).ok());
        auto fingerprint = [&dir](const char* name) {
            auto store = Store::open(dir.filePath(QLatin1String(name))).value();
            Sql q(store->db(), QStringLiteral("SELECT s.student_number, a.external_id, p.sha256 FROM attempts a "
                                              "JOIN students s ON s.id = a.student_id JOIN photos p ON p.attempt_id = a.id ORDER BY a.external_id"));
            q.exec();
            QStringList rows;
            while (q.next())
                rows << q.value(0).toString() + q.value(1).toString() + q.value(2).toString();
            return rows;
        };
        QCOMPARE(fingerprint("a.sqlite"), fingerprint("b.sqlite"));
    }
};

QTEST_GUILESS_MAIN(TestDemoSeeder)
#include "tst_demoseeder.moc"
