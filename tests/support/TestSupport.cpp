#include "TestSupport.h"

#include "core/auth/AuthService.h"
#include "core/store/Repositories.h"
#include "core/util/Time.h"

#include <QFile>
#include <QTest>

namespace pd::test {

TempStore::TempStore()
{
    auto opened = Store::open(dbPath());
    if (!opened)
        qFatal("cannot open a temporary store: %s", qPrintable(opened.error().message));
    m_store = opened.value();
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
