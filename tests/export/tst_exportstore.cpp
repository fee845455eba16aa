// The export's rules on a store built for them (runs on SQLite and, as tst_exportstore_pg, on
// PostgreSQL): duplicate keys, superseded approvals, students without an approval, bad keys,
// re-encoding recorded, cohort / major / date / state filters, cancel after photos were written,
// and the cohort kept by the student upsert when the platform does not send one.
#include "ExportChecks.h"
#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/export/ExportPlanner.h"
#include "core/export/ExportRepository.h"
#include "core/export/ExportService.h"
#include "core/notify/SmsComposer.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/util/Time.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace pd;
using namespace pd::test;

namespace {
struct Fixture {
    TempStore temp;
    Session reviewer;
    Session supervisor;
    QTemporaryDir out;

    Fixture()
    {
        reviewer = addUser(temp.store(), QStringLiteral("rev"), Role::Reviewer);
        supervisor = addUser(temp.store(), QStringLiteral("sup"), Role::Supervisor);
    }
    const Store& store() const { return *temp.store(); }

    // A student (number, national id, cohort, major) with one attempt whose submitted photo is
    // `photo` from tests/fixtures/faces; gives the attempt id.
    Id attempt(const QString& number, const QString& nationalId, const QString& photo = QStringLiteral("ochoa_1.jpg"),
               const QString& cohort = QStringLiteral("2025"), const QString& major = QStringLiteral("法学"))
    {
        Student s;
        s.studentNumber = number;
        s.name = QStringLiteral("学生") + number.right(3);
        s.nationalId = nationalId;
        s.phone = QStringLiteral("13800000000");
        s.programme = major;
        s.level = QStringLiteral("本科");
        s.cohort = cohort;
        const Id studentId = StudentRepository(store().db()).upsert(s);
        Attempt a;
        a.studentId = studentId;
        a.externalId = QStringLiteral("EXT-%1-%2").arg(number).arg(++m_serial);
        a.paidAt = utcNow().addSecs(-3600);
        a.id = AttemptRepository(store().db()).insert(a);
        const QByteArray bytes = readFileOrFail(facePath(photo));
        Photo p;
        p.studentId = studentId;
        p.attemptId = a.id;
        p.role = PhotoRole::Submitted;
        p.sha256 = store().blobs().put(bytes).value();
        p.byteSize = bytes.size();
        p.fileName = photo;
        PhotoRepository(store().db()).insert(p);
        return a.id;
    }
    void decide(Id attemptId, Verdict verdict, const QDateTime& at = utcNow())
    {
        DecisionService service(temp.store(), ReasonCatalog::builtIn(), SmsComposer::builtIn());
        service.setClock([at] { return at; });
        DecisionRequest r{attemptId, verdict, verdict == Verdict::Reject ? QStringList{QStringLiteral("SHARPNESS")} : QStringList{}, {}};
        auto done = service.decide(reviewer, r);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message));
    }
    ExportPlan plan(const ExportFilter& f = {}, ExportKey key = ExportKey::NationalId) const
    {
        return ExportPlanner(temp.store()).plan(supervisor, f, key).value();
    }

private:
    int m_serial = 0;
};

const LeftOut* reasonFor(const ExportPlan& plan, const QString& studentNumber)
{
    for (const LeftOut& l : plan.leftOut)
        if (l.studentNumber == studentNumber)
            return &l;
    return nullptr;
}
} // namespace

class TestExportStore : public QObject {
    Q_OBJECT
private slots:
    void duplicateKeysAreLeftOut()
    {
        Fixture f;
        // Two students with the same ID-card number: neither goes out under that name.
        f.decide(f.attempt(QStringLiteral("2021000001"), QStringLiteral("110101200001011234")), Verdict::Approve);
        f.decide(f.attempt(QStringLiteral("2021000002"), QStringLiteral("110101200001011234")), Verdict::Approve);
        f.decide(f.attempt(QStringLiteral("2021000003"), QStringLiteral("11010120000101123x")), Verdict::Approve);
        const ExportPlan plan = f.plan();
        QCOMPARE(int(plan.items.size()), 1);
        QCOMPARE(plan.items[0].key, QStringLiteral("11010120000101123X")); // check letter upper-case
        for (const char* n : {"2021000001", "2021000002"}) {
            const LeftOut* l = reasonFor(plan, QLatin1String(n));
            QVERIFY(l);
            QCOMPARE(l->reason, LeftOutReason::DuplicateKey);
            QCOMPARE(l->key, QStringLiteral("110101200001011234"));
        }
        // By student number the three are distinct.
        QCOMPARE(int(f.plan({}, ExportKey::StudentNumber).items.size()), 3);
    }

    void latestApprovalWinsOlderAreSuperseded()
    {
        Fixture f;
        const QString id = QStringLiteral("110101200001015678");
        const Id first = f.attempt(QStringLiteral("2021000010"), id);
        f.decide(first, Verdict::Approve, utcNow().addDays(-3));
        const Id second = f.attempt(QStringLiteral("2021000010"), id, QStringLiteral("obama_1.jpg"));
        f.decide(second, Verdict::Approve, utcNow().addDays(-1));
        // A newer rejected attempt does not hide the approved one.
        f.decide(f.attempt(QStringLiteral("2021000010"), id), Verdict::Reject);
        const ExportPlan plan = f.plan();
        QCOMPARE(int(plan.items.size()), 1);
        QCOMPARE(plan.items[0].attemptId, second);
        QCOMPARE(int(plan.leftOut.size()), 1);
        QCOMPARE(plan.leftOut[0].attemptId, first);
        QCOMPARE(plan.leftOut[0].reason, LeftOutReason::Superseded);
    }

    void studentsWithoutApprovalAndBadKeysAreReported()
    {
        Fixture f;
        f.decide(f.attempt(QStringLiteral("2021000020"), QStringLiteral("110101200001010011")), Verdict::Reject);
        f.attempt(QStringLiteral("2021000021"), QStringLiteral("110101200001010022")); // pending
        f.decide(f.attempt(QStringLiteral("2021000022"), QStringLiteral("")), Verdict::Approve);
        f.decide(f.attempt(QStringLiteral("2021000023"), QStringLiteral("../../etc/passwd")), Verdict::Approve);
        f.decide(f.attempt(QStringLiteral("2021000024"), QStringLiteral("110101200001010044")), Verdict::Approve);
        const ExportPlan plan = f.plan();
        QCOMPARE(int(plan.items.size()), 1);
        QCOMPARE(reasonFor(plan, QStringLiteral("2021000020"))->reason, LeftOutReason::NotApproved);
        QCOMPARE(reasonFor(plan, QStringLiteral("2021000020"))->detail, QStringLiteral("rejected"));
        QCOMPARE(reasonFor(plan, QStringLiteral("2021000021"))->detail, QStringLiteral("pending"));
        QCOMPARE(reasonFor(plan, QStringLiteral("2021000022"))->reason, LeftOutReason::KeyMissing);
        QCOMPARE(reasonFor(plan, QStringLiteral("2021000023"))->reason, LeftOutReason::KeyInvalid);
        // Repeating an earlier export does not list who still waits for an approval.
        ExportFilter exported;
        exported.state = ExportState::Exported;
        QVERIFY(!reasonFor(f.plan(exported), QStringLiteral("2021000020")));
    }

    void missingPhotoBlobIsReported()
    {
        Fixture f;
        const Id a = f.attempt(QStringLiteral("2021000030"), QStringLiteral("110101200001010030"), QStringLiteral("hague_1.jpg"));
        f.decide(a, Verdict::Approve);
        const QString sha = PhotoRepository(f.store().db()).submittedFor(a)->sha256;
        QVERIFY(QFile::remove(f.store().blobs().pathFor(sha)));
        const ExportPlan plan = f.plan();
        QVERIFY(plan.items.empty());
        QCOMPARE(reasonFor(plan, QStringLiteral("2021000030"))->reason, LeftOutReason::PhotoMissing);
    }

    void reencodingIsRecorded()
    {
        Fixture f;
        // ochoa_1.jpg is not 480×640: it goes out re-encoded; the export says so and the file
        // differs from the approved bytes.
        const Id a = f.attempt(QStringLiteral("2021000040"), QStringLiteral("110101200001010040"));
        f.decide(a, Verdict::Approve);
        const QByteArray source = readFileOrFail(facePath(QStringLiteral("ochoa_1.jpg")));
        QVERIFY(!NationalFormat::check(source).conforms());
        ExportRequest r;
        r.destination = f.out.filePath(QStringLiteral("upload"));
        auto outcome = ExportService(f.temp.store()).run(f.supervisor, r);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
        QCOMPARE(outcome->reencoded, 1);
        const auto files = exportFiles(r.destination);
        int reencoded = 0;
        QCOMPARE(verifyExport(files, nullptr, &reencoded), QString());
        QCOMPARE(reencoded, 1);
        QVERIFY(files.value(QStringLiteral("110101200001010040.jpg")) != source);
        const std::vector<QStringList> manifest = parseCsv(files.value(QStringLiteral("manifest.csv")));
        QVERIFY(manifest[1].value(8).contains(QStringLiteral("encode-q90")));
        QCOMPARE(Sql(f.store().db(), QStringLiteral("SELECT reencoded FROM export_items WHERE attempt_id = %1").arg(a)).scalar().toInt(), 1);
        QCOMPARE(int(ExportRepository(f.store().db()).exportTimes(a).size()), 1);
        QVERIFY(AuditLog(f.store().db()).verify().ok);
    }

    void filtersNarrowTheSelection()
    {
        Fixture f;
        const QDateTime now = utcNow();
        f.decide(f.attempt(QStringLiteral("2021000050"), QStringLiteral("110101200001010050"), QStringLiteral("ochoa_1.jpg"),
                           QStringLiteral("2025"), QStringLiteral("法学")), Verdict::Approve, now.addDays(-10));
        f.decide(f.attempt(QStringLiteral("2021000051"), QStringLiteral("110101200001010051"), QStringLiteral("ochoa_1.jpg"),
                           QStringLiteral("2024"), QStringLiteral("法学")), Verdict::Approve, now.addDays(-2));
        f.decide(f.attempt(QStringLiteral("2021000052"), QStringLiteral("110101200001010052"), QStringLiteral("ochoa_1.jpg"),
                           QString(), QStringLiteral("临床医学")), Verdict::Approve, now);
        auto keys = [&](const ExportFilter& filter) {
            QStringList k;
            for (const ExportItem& i : f.plan(filter, ExportKey::StudentNumber).items)
                k << i.key;
            return k;
        };
        ExportFilter cohort;
        cohort.cohort = QStringLiteral("2025");
        QCOMPARE(keys(cohort), QStringList{QStringLiteral("2021000050")});
        ExportFilter unknown;
        unknown.cohort = QString(); // students whose cohort nobody told us
        QCOMPARE(keys(unknown), QStringList{QStringLiteral("2021000052")});
        ExportFilter major;
        major.major = QStringLiteral("法学");
        QCOMPARE(keys(major), (QStringList{QStringLiteral("2021000050"), QStringLiteral("2021000051")}));
        ExportFilter dates;
        dates.from = now.addDays(-5).toLocalTime().date();
        dates.to = now.addDays(-1).toLocalTime().date();
        QCOMPARE(keys(dates), QStringList{QStringLiteral("2021000051")});
        auto choices = ExportPlanner(f.temp.store()).choices(f.supervisor);
        QCOMPARE(choices->cohorts, (QStringList{QString(), QStringLiteral("2024"), QStringLiteral("2025")}));
        QCOMPARE(choices->majors, (QStringList{QStringLiteral("临床医学"), QStringLiteral("法学")}));
        // The filter as stored with an export reads back the same.
        ExportFilter all = dates;
        all.cohort = QString();
        all.major = QStringLiteral("法学");
        all.state = ExportState::NotExported;
        const ExportFilter back = ExportFilter::fromJson(all.toJson());
        QCOMPARE(back.cohort, all.cohort);
        QCOMPARE(back.major, all.major);
        QCOMPARE(back.from, all.from);
        QCOMPARE(back.to, all.to);
        QVERIFY(back.state == all.state);
    }

    void cancelAfterPhotosWereWrittenLeavesNothing()
    {
        Fixture f;
        // More photos than one prepared chunk, so the cancel comes after files were written.
        for (int i = 0; i < 70; ++i) {
            const QString n = QString::number(2021100000 + i);
            f.decide(f.attempt(n, QStringLiteral("11010120000102%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("hague_1.jpg")),
                     Verdict::Approve);
        }
        std::atomic_bool cancel = false;
        ExportControl control;
        control.cancel = &cancel;
        int lastDone = 0;
        control.progress = [&](int done, int) {
            lastDone = done;
            if (done > 0)
                cancel = true;
        };
        ExportRequest r;
        r.destination = f.out.filePath(QStringLiteral("upload.zip"));
        ExportService service(f.temp.store());
        auto outcome = service.run(f.supervisor, r, control);
        QCOMPARE(outcome.error().code, QStringLiteral("cancelled"));
        QVERIFY(lastDone > 0 && lastDone < 70);
        QCOMPARE(strayEntries(f.out.path()), QStringList{});
        QCOMPARE(Sql(f.store().db(), QStringLiteral("SELECT COUNT(*) FROM export_items")).scalar().toInt(), 0);
        QCOMPARE(Sql(f.store().db(), QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'export.cancelled'")).scalar().toInt(), 1);
        QVERIFY(AuditLog(f.store().db()).verify().ok);
        // The same export without a cancel goes through, and "not yet exported" is empty after it.
        auto done = service.run(f.supervisor, r);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message));
        QCOMPARE(done->exported, 70);
        QCOMPARE(verifyExport(exportFiles(r.destination)), QString());
        ExportFilter notExported;
        notExported.state = ExportState::NotExported;
        QVERIFY(f.plan(notExported).items.empty());
    }

    void upsertKeepsTheCohortWhenNoneIsSent()
    {
        Fixture f;
        Student s;
        s.studentNumber = QStringLiteral("2021000060");
        s.name = QStringLiteral("学生");
        s.nationalId = QStringLiteral("110101200001010060");
        s.phone = QStringLiteral("13800000000");
        s.programme = QStringLiteral("法学");
        s.level = QStringLiteral("本科");
        s.cohort = QStringLiteral("2025");
        const StudentRepository students(f.store().db());
        const Id id = students.upsert(s);
        s.cohort.clear();
        s.phone = QStringLiteral("13900000000");
        students.upsert(s);
        QCOMPARE(students.find(id)->cohort, QStringLiteral("2025"));
        QCOMPARE(students.find(id)->phone, QStringLiteral("13900000000"));
        s.cohort = QStringLiteral("2026");
        students.upsert(s);
        QCOMPARE(students.find(id)->cohort, QStringLiteral("2026"));
    }
};

QTEST_GUILESS_MAIN(TestExportStore)
#include "tst_exportstore.moc"
