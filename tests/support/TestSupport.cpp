#include "TestSupport.h"

#include "core/auth/AuthService.h"
#include "core/store/Repositories.h"
#include "core/util/Time.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <atomic>

namespace pd::test {

Backend backendFromEnvironment()
{
    const QString name = qEnvironmentVariable("PHOTODESK_TEST_BACKEND").toLower();
    return name == QLatin1String("postgresql") || name == QLatin1String("pg") ? Backend::PostgreSQL : Backend::SQLite;
}

QString backendName(Backend b)
{
    return b == Backend::PostgreSQL ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

QString postgresUrlOrFail()
{
    const QString url = qEnvironmentVariable("PHOTODESK_TEST_PG_URL");
    if (url.isEmpty())
        qFatal("PHOTODESK_TEST_PG_URL is not set: the PostgreSQL tests need the throw-away server that "
               "./scripts/test starts (or run: ./scripts/with-postgres ctest --test-dir BUILD -R NAME)");
    return url;
}

namespace {
// A connection to the test server's maintenance database, for CREATE/DROP DATABASE.
QSqlDatabase adminConnection()
{
    const QString name = QStringLiteral("photodesk-test-admin");
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    const QUrl url(postgresUrlOrFail());
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(url.path().mid(1));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    if (!db.open())
        qFatal("cannot reach the test PostgreSQL server at %s: %s", qPrintable(url.toString(QUrl::RemovePassword)),
               qPrintable(db.lastError().text()));
    return db;
}

void adminExec(const QString& statement)
{
    QSqlQuery q(adminConnection());
    if (!q.exec(statement))
        qFatal("%s failed: %s", qPrintable(statement), qPrintable(q.lastError().text()));
}
} // namespace

TestDatabase::TestDatabase(Backend backend) : m_backend(backend)
{
    if (!m_dir.isValid())
        qFatal("cannot create a temporary folder");
    if (backend == Backend::SQLite) {
        m_location = m_dir.filePath(QStringLiteral("photodesk.sqlite"));
        return;
    }
    static std::atomic<int> counter{0};
    m_pgName = QStringLiteral("pdt_%1_%2_%3")
                   .arg(QCoreApplication::applicationPid())
                   .arg(counter++)
                   .arg(QRandomGenerator::global()->bounded(1000000));
    adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_pgName));
    QUrl url(postgresUrlOrFail());
    url.setPath(QLatin1Char('/') + m_pgName);
    m_location = url.toString();
}

TestDatabase::~TestDatabase()
{
    if (!m_pgName.isEmpty())
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName));
}

TempStore::TempStore() : TempStore(backendFromEnvironment()) {}

TempStore::TempStore(Backend backend) : m_db(backend)
{
    auto opened = Store::open(m_db.location(), backend == Backend::SQLite ? QString() : blobDir());
    if (!opened)
        qFatal("cannot open a temporary store: %s", qPrintable(opened.error().message));
    m_store = opened.value();
}

TempStore::~TempStore()
{
    m_store.reset(); // closes this store's connections before its database goes
}

SampleAttempt addSampleAttempt(const Store& store, const QString& studentNumber, double paidHoursAgo)
{
    Student s;
    s.studentNumber = studentNumber;
    s.name = QStringLiteral("学生") + studentNumber.right(3);
    s.nationalId = QStringLiteral("11010120000101") + studentNumber.right(4).rightJustified(4, QLatin1Char('0'));
    s.phone = QStringLiteral("1380000") + studentNumber.right(4).rightJustified(4, QLatin1Char('0'));
    s.programme = QStringLiteral("法学");
    s.level = QStringLiteral("本科");
    SampleAttempt result;
    result.studentId = StudentRepository(store.db()).upsert(s);
    Attempt a;
    a.studentId = result.studentId;
    a.externalId = QStringLiteral("EXT-") + studentNumber;
    a.paidAt = utcNow().addSecs(qint64(-paidHoursAgo * 3600));
    result.attemptId = AttemptRepository(store.db()).insert(a);
    const struct {
        const char* file;
        PhotoRole role;
    } photos[] = {{"ochoa_1.jpg", PhotoRole::Submitted}, {"ochoa_1.jpg", PhotoRole::Enrollment}, {"obama_1_240p.jpg", PhotoRole::IdCard}};
    for (const auto& p : photos) {
        const QByteArray bytes = readFileOrFail(facePath(QLatin1String(p.file)));
        Photo photo;
        photo.studentId = result.studentId;
        photo.attemptId = p.role == PhotoRole::Submitted ? result.attemptId : 0;
        photo.role = p.role;
        photo.sha256 = store.blobs().put(bytes).value();
        photo.byteSize = bytes.size();
        photo.fileName = QLatin1String(p.file);
        PhotoRepository(store.db()).insert(photo);
    }
    return result;
}

Session addUser(const std::shared_ptr<Store>& store, const QString& username, Role role, const QString& password)
{
    const AuthService auth(store, 1000);
    auto id = auth.createUser(AuthService::systemSession(), username, username, role, password, false);
    if (!id)
        qFatal("cannot create user %s: %s", qPrintable(username), qPrintable(id.error().message));
    return Session{id.value(), username, username, role};
}

QString facePath(const QString& name)
{
    return QStringLiteral(PHOTODESK_TEST_FIXTURES "/faces/") + name;
}

QByteArray readFileOrFail(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

} // namespace pd::test
