#pragma once

#include "core/domain/Types.h"
#include "core/store/Store.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace pd::test {

// Which database a test store uses. The store suites run twice under CTest: as tst_x (SQLite)
// and as tst_x_pg with PHOTODESK_TEST_BACKEND=postgresql (see tests/store.cmake).
enum class Backend { SQLite, PostgreSQL };
Backend backendFromEnvironment();
QString backendName(Backend b);

// The throw-away server's URL from scripts/with-postgres (PHOTODESK_TEST_PG_URL). When it is not
// set the test fails at once and says how to run it: PostgreSQL tests never skip silently.
QString postgresUrlOrFail();

// A fresh, empty database for one test: a SQLite file in a temporary folder, or a new database
// on the test PostgreSQL server (dropped again, connections and all, with the object).
class TestDatabase {
public:
    explicit TestDatabase(Backend backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    Backend backend() const { return m_backend; }
    // A SQLite file path or a postgresql:// URL, as Store::open and Database take it.
    const QString& location() const { return m_location; }
    QString dir() const { return m_dir.path(); }

private:
    Backend m_backend;
    QTemporaryDir m_dir;
    QString m_location;
    QString m_pgName;
};

// A fresh store (schema migrated) in a temporary location, removed with the object. The
// default constructor follows PHOTODESK_TEST_BACKEND (SQLite when unset).
class TempStore {
public:
    TempStore();
    explicit TempStore(Backend backend);
    ~TempStore();
    const std::shared_ptr<Store>& store() const { return m_store; }
    // The store's location: a SQLite file path or a postgresql:// URL (Store::open takes both).
    QString dbPath() const { return m_db.location(); }
    QString dir() const { return m_db.dir(); }
    QString blobDir() const { return m_db.dir() + QStringLiteral("/blobs"); }
    Backend backend() const { return m_db.backend(); }

private:
    TestDatabase m_db;
    std::shared_ptr<Store> m_store;
};

// A student with one pending attempt (paid `paidHoursAgo` before now) and its three photos.
struct SampleAttempt {
    Id studentId = 0;
    Id attemptId = 0;
};
SampleAttempt addSampleAttempt(const Store& store, const QString& studentNumber, double paidHoursAgo);

// An account (low PBKDF2 iteration count to keep tests quick) and its session.
Session addUser(const std::shared_ptr<Store>& store, const QString& username, Role role,
                const QString& password = QStringLiteral("correct horse"));

// A test portrait from tests/fixtures/faces.
QString facePath(const QString& name);
QByteArray readFileOrFail(const QString& path);

} // namespace pd::test
