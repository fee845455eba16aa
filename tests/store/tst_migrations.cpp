#include "TestSupport.h"

#include "core/store/Database.h"
#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "core/store/StoreError.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace pd;

class TestMigrations : public QObject {
    Q_OBJECT

    static QStringList tables(const Database& db) { return db.connection().tables(); }

    // Inserts rows that every schema version from 1 on can hold.
    static void insertVersion1Rows(const Database& db)
    {
        Sql(db, QStringLiteral("INSERT INTO students (student_number, name, national_id, phone, programme, level, created_at, updated_at) "
                               "VALUES ('S1', '王一', '110101200001011234', '13800000000', '法学', '本科', 't', 't')")).exec();
        Sql(db, QStringLiteral("INSERT INTO attempts (student_id, external_id, state, paid_at, deadline, created_at, updated_at) "
                               "VALUES (1, 'E1', 'pending', 'p', 'd', 't', 't')")).exec();
    }

private slots:
    void emptyDatabaseReachesLatest()
    {
        test::TestDatabase loc(test::backendFromEnvironment());
        Database db(loc.location());
        Migrator m(db);
        QCOMPARE(m.currentVersion(), 0);
        m.migrate();
        QCOMPARE(m.currentVersion(), Migrator::latestVersion());
        QVERIFY(Migrator::latestVersion() >= 2);
        for (const char* t : {"users", "students", "attempts", "photos", "decisions", "audit_events", "outbox", "analysis_results"})
            QVERIFY2(tables(db).contains(QLatin1String(t)), t);
        m.migrate(); // idempotent
        QCOMPARE(Sql(db, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).scalar().toInt(), int(Migrator::available().size()));
    }

    void everyEarlierVersionUpgradesKeepingData_data()
    {
        QTest::addColumn<int>("from");
        for (const auto& m : Migrator::available())
            if (m.version < Migrator::latestVersion())
                QTest::addRow("from-v%d", m.version) << m.version;
    }

    void everyEarlierVersionUpgradesKeepingData()
    {
        QFETCH(int, from);
        test::TestDatabase loc(test::backendFromEnvironment());
        Database db(loc.location());
        Migrator m(db);
        m.migrate(from);
        QCOMPARE(m.currentVersion(), from);
        insertVersion1Rows(db);
        m.migrate();
        QCOMPARE(m.currentVersion(), Migrator::latestVersion());
        QCOMPARE(Sql(db, QStringLiteral("SELECT name FROM students WHERE student_number = 'S1'")).scalar().toString(), QStringLiteral("王一"));
        QCOMPARE(Sql(db, QStringLiteral("SELECT COUNT(*) FROM attempts")).scalar().toInt(), 1);
    }

    void refusesNewerSchema()
    {
        test::TestDatabase loc(test::backendFromEnvironment());
        Database db(loc.location());
        Migrator(db).migrate();
        Sql(db, QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 't')")).exec();
        try {
            Migrator(db).migrate();
            QFAIL("a newer schema must be refused");
        } catch (const StoreError& e) {
            QCOMPARE(e.code(), QStringLiteral("store-too-new"));
        }
    }

    void statementsAreDialectNeutral()
    {
        // The PostgreSQL rendering must not contain SQLite-only syntax.
        Database pg(QStringLiteral("postgresql://u@127.0.0.1/x"));
        const Migrator m(pg);
        for (const auto& migration : Migrator::available()) {
            for (const QString& s : m.statementsFor(migration)) {
                QVERIFY2(!s.contains(QLatin1String("AUTOINCREMENT")), qPrintable(s));
                QVERIFY2(!s.contains(QLatin1String("{{")), qPrintable(s));
            }
        }
    }

    void connectionIsConfigured()
    {
        test::TestDatabase loc(test::backendFromEnvironment());
        Database db(loc.location());
        if (db.dialect() == SqlDialect::PostgreSQL) {
            // Times are compared as UTC text; the session must not convert them.
            QCOMPARE(Sql(db, QStringLiteral("SHOW TimeZone")).scalar().toString(), QStringLiteral("UTC"));
            return;
        }
        auto pragma = [&db](const char* name) {
            return Sql(db, QStringLiteral("PRAGMA %1").arg(QLatin1String(name))).scalar().toString();
        };
        QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragma("foreign_keys"), QStringLiteral("1"));
        QCOMPARE(pragma("synchronous"), QStringLiteral("2")); // FULL
    }

    void oneConnectionPerThread()
    {
        test::TestDatabase loc(test::backendFromEnvironment());
        Database db(loc.location());
        Migrator(db).migrate();
        const QString mine = db.connection().connectionName();
        QString theirs;
        int theirVersion = 0;
        std::unique_ptr<QThread> t(QThread::create([&] {
            theirs = db.connection().connectionName();
            theirVersion = Migrator(db).currentVersion();
            db.closeThreadConnection();
        }));
        t->start();
        QVERIFY(t->wait(10000));
        QVERIFY(!theirs.isEmpty());
        QVERIFY(mine != theirs);
        QCOMPARE(theirVersion, Migrator::latestVersion());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
