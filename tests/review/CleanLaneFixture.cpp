#include "CleanLaneFixture.h"

#include "TestSupport.h"

#include "core/store/Repositories.h"
#include "core/store/Store.h"
#include "core/util/Time.h"
#include "tools/rule-variants/RuleVariants.h"

#include <QtTest>

namespace pd::test {

namespace {
struct Person {
    const char* base;       // portrait normalised into the submission
    const char* enrollment; // reference photos (files of tests/fixtures/faces)
    const char* idCard;
    const char* name;
    const char* number;
};
const Person kPeople[] = {
    {"obama_3.jpg", "obama_1.jpg", "obama_2.jpg", "欧巴马", "2022040101"},
    {"biden_1.jpg", "biden_2.jpg", "biden_2.jpg", "白登", "2022040102"},
    {"meir_1.jpg", "meir_1.jpg", "meir_1.jpg", "梅尔", "2022040103"},
};

void addPhoto(const Store& store, Id studentId, Id attemptId, PhotoRole role, const QByteArray& bytes, const QString& fileName)
{
    Photo photo;
    photo.studentId = studentId;
    photo.attemptId = role == PhotoRole::Submitted ? attemptId : 0;
    photo.role = role;
    photo.sha256 = store.blobs().put(bytes).value();
    photo.byteSize = bytes.size();
    photo.fileName = fileName;
    PhotoRepository(store.db()).insert(photo);
}
} // namespace

std::vector<CleanAttempt> addCleanAttempts(const Store& store, const FaceAnalyzer& analyzer, int count, double firstPaidHoursAgo)
{
    std::vector<CleanAttempt> result;
    for (int i = 0; i < count && i < int(std::size(kPeople)); ++i) {
        const Person& p = kPeople[i];
        auto submitted = variants::makeCompliantPhoto(analyzer, facePath(QLatin1String(p.base)));
        if (!submitted)
            qFatal("cannot make the compliant photo of %s: %s", p.base, qPrintable(submitted.error().message));
        Student s;
        s.studentNumber = QLatin1String(p.number);
        s.name = QString::fromUtf8(p.name);
        s.nationalId = QStringLiteral("11010120000101") + s.studentNumber.right(4);
        s.phone = QStringLiteral("1390000") + s.studentNumber.right(4);
        s.programme = QStringLiteral("公共管理");
        s.level = QStringLiteral("硕士");
        CleanAttempt c;
        c.name = s.name;
        c.studentId = StudentRepository(store.db()).upsert(s);
        Attempt a;
        a.studentId = c.studentId;
        a.externalId = QStringLiteral("CLEAN-") + s.studentNumber;
        a.paidAt = utcNow().addSecs(qint64(-(firstPaidHoursAgo - i) * 3600));
        c.attemptId = AttemptRepository(store.db()).insert(a);
        addPhoto(store, c.studentId, c.attemptId, PhotoRole::Submitted, submitted.value(), s.studentNumber + QStringLiteral(".jpg"));
        addPhoto(store, c.studentId, 0, PhotoRole::Enrollment, readFileOrFail(facePath(QLatin1String(p.enrollment))), QLatin1String(p.enrollment));
        addPhoto(store, c.studentId, 0, PhotoRole::IdCard, readFileOrFail(facePath(QLatin1String(p.idCard))), QLatin1String(p.idCard));
        result.push_back(c);
    }
    return result;
}

} // namespace pd::test
