#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/hotline/Masking.h"
#include "core/hotline/StudentDirectory.h"
#include "core/notify/SmsComposer.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"

#include <QtTest>

using namespace pd;

class TestStudentDirectory : public QObject {
    Q_OBJECT
private slots:
    void masking()
    {
        QCOMPARE(maskNationalId(QStringLiteral("11010120010315123X")), QStringLiteral("**************123X"));
        QCOMPARE(maskPhone(QStringLiteral("13800001234")), QStringLiteral("138****1234"));
        QCOMPARE(maskPhone(QStringLiteral("123")), QStringLiteral("***"));
        QCOMPARE(maskNationalId(QStringLiteral("12")), QStringLiteral("**"));
    }

    void searchFindsByEveryKeyAndMasks()
    {
        test::TempStore t;
        const Session agent = test::addUser(t.store(), QStringLiteral("agent"), Role::HotlineAgent);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010777"), 3);
        const auto student = StudentRepository(t.store()->db()).find(sample.studentId).value();
        StudentDirectory dir(t.store());
        for (const QString& q : {student.name.left(2), student.studentNumber.left(6), student.phone.left(7), student.nationalId.right(4)}) {
            auto found = dir.search(agent, q);
            QVERIFY2(found.ok(), qPrintable(q));
            QCOMPARE(int(found->size()), 1);
            const StudentSummary& s = found->front();
            QCOMPARE(s.id, sample.studentId);
            QVERIFY(!s.nationalIdMasked.contains(student.nationalId.left(6)));
            QVERIFY(s.nationalIdMasked.endsWith(student.nationalId.right(4)));
            QCOMPARE(s.phoneMasked, maskPhone(student.phone));
            QCOMPARE(s.attempts, 1);
            QCOMPARE(s.latestState, QStringLiteral("pending"));
        }
        QVERIFY(dir.search(agent, QStringLiteral("nobody-like-this"))->empty());
        const Session reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        QCOMPARE(dir.search(reviewer, student.name).error().code, QStringLiteral("forbidden"));
    }

    void revealIsRoleCheckedAndAudited()
    {
        test::TempStore t;
        const Session agent = test::addUser(t.store(), QStringLiteral("agent"), Role::HotlineAgent);
        const Session boss = test::addUser(t.store(), QStringLiteral("boss"), Role::Supervisor);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010778"), 3);
        const auto student = StudentRepository(t.store()->db()).find(sample.studentId).value();
        StudentDirectory dir(t.store());
        QCOMPARE(dir.reveal(agent, sample.studentId, StudentDirectory::Field::Phone).value(), student.phone);
        QCOMPARE(dir.reveal(agent, sample.studentId, StudentDirectory::Field::NationalId).error().code, QStringLiteral("forbidden"));
        QCOMPARE(dir.reveal(boss, sample.studentId, StudentDirectory::Field::NationalId).value(), student.nationalId);
        const auto events = AuditLog(t.store()->db()).forObject(QStringLiteral("student"), QString::number(sample.studentId));
        QCOMPARE(int(events.size()), 2);
        QCOMPARE(events[0].action, QStringLiteral("pii.reveal"));
        QCOMPARE(events[0].actor, QStringLiteral("agent"));
        QVERIFY(events[1].after.contains(QLatin1String("national_id")));
    }

    void timelineShowsAttemptsDecisionsSmsAndNotes()
    {
        test::TempStore t;
        const Session agent = test::addUser(t.store(), QStringLiteral("agent"), Role::HotlineAgent);
        const Session reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019010779"), 3);
        DecisionService decisions(t.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
        QVERIFY(decisions.decide(reviewer, {sample.attemptId, Verdict::Reject, {QStringLiteral("SHARPNESS")}, {}}).ok());
        StudentDirectory dir(t.store());
        QCOMPARE(dir.addCallNote(agent, sample.studentId, QStringLiteral("  ")).error().code, QStringLiteral("invalid-note"));
        QVERIFY(dir.addCallNote(agent, sample.studentId, QStringLiteral("学生来电询问驳回原因，已解释。")).ok());
        auto timeline = dir.timeline(agent, sample.studentId);
        QVERIFY(timeline.ok());
        QCOMPARE(int(timeline->size()), 4);
        QCOMPARE(int((*timeline)[0].kind), int(TimelineEntry::Kind::Attempt));
        QCOMPARE(int((*timeline)[1].kind), int(TimelineEntry::Kind::Decision));
        QCOMPARE((*timeline)[1].reasons, QStringList{QStringLiteral("SHARPNESS")});
        QCOMPARE((*timeline)[1].actor, QStringLiteral("rev"));
        QCOMPARE(int((*timeline)[2].kind), int(TimelineEntry::Kind::Sms));
        QVERIFY((*timeline)[2].text.contains(ReasonCatalog::builtIn().find(QStringLiteral("SHARPNESS"))->studentZh));
        QCOMPARE(int((*timeline)[3].kind), int(TimelineEntry::Kind::CallNote));
        QCOMPARE((*timeline)[3].actor, QStringLiteral("agent"));
        QCOMPARE(AuditLog(t.store()->db()).forObject(QStringLiteral("student"), QString::number(sample.studentId)).front().action,
                 QStringLiteral("call.note"));
    }
};

QTEST_GUILESS_MAIN(TestStudentDirectory)
#include "tst_studentdirectory.moc"
