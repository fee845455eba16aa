// AuditQuery: keyset pages newest first, filters (actor, action and action family, student,
// object, time range), counts, and the CSV export that audits itself.

#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/audit/AuditQuery.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pd;

class TestAuditQuery : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pagesNewestFirstByKeyset();
    void filtersNarrowTheLog();
    void studentFilterCoversTheirAttempts();
    void exportWritesCsvAndAuditsItself();
    void onlySupervisorsAndAdministratorsRead();

private:
    void addEvent(const Session& who, const QString& action, const QString& type, const QString& id, const QDateTime& at);

    std::unique_ptr<test::TempStore> m_temp;
    Session m_supervisor;
    Session m_agent;
    Session m_reviewer;
    test::SampleAttempt m_sample;
    QDateTime m_t0;
};

void TestAuditQuery::addEvent(const Session& who, const QString& action, const QString& type, const QString& id, const QDateTime& at)
{
    Transaction tx(m_temp->store()->db());
    AuditEvent e;
    e.at = at;
    e.actorId = who.userId;
    e.actor = who.username;
    e.action = action;
    e.objectType = type;
    e.objectId = id;
    e.after = QStringLiteral("{\"note\":\"=cmd, \\\"quoted\\\"\"}");
    AuditLog(m_temp->store()->db()).append(e);
    tx.commit();
}

void TestAuditQuery::init()
{
    m_temp = std::make_unique<test::TempStore>();
    m_supervisor = test::addUser(m_temp->store(), QStringLiteral("super"), Role::Supervisor);
    m_agent = test::addUser(m_temp->store(), QStringLiteral("agent"), Role::HotlineAgent);
    m_reviewer = test::addUser(m_temp->store(), QStringLiteral("rev"), Role::Reviewer);
    m_sample = test::addSampleAttempt(*m_temp->store(), QStringLiteral("20265001"), 5);
    test::addSampleAttempt(*m_temp->store(), QStringLiteral("20265002"), 5);
    m_t0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
    // 100 events an hour apart: reviewer decisions on attempt 1 and other objects, agent notes.
    for (int i = 0; i < 100; ++i) {
        const QDateTime at = m_t0.addSecs(i * 3600);
        if (i % 4 == 0)
            addEvent(m_agent, QStringLiteral("call.note"), QStringLiteral("student"), QString::number(m_sample.studentId), at);
        else if (i % 4 == 1)
            addEvent(m_reviewer, QStringLiteral("decision.approve"), QStringLiteral("attempt"), QString::number(m_sample.attemptId), at);
        else if (i % 4 == 2)
            addEvent(m_reviewer, QStringLiteral("decision.reject"), QStringLiteral("attempt"), QStringLiteral("999"), at);
        else
            addEvent(m_supervisor, QStringLiteral("decisionx"), QStringLiteral("user"), QStringLiteral("1"), at);
    }
}

void TestAuditQuery::cleanup()
{
    m_temp.reset();
}

void TestAuditQuery::pagesNewestFirstByKeyset()
{
    AuditQuery q(m_temp->store());
    const int total = AuditLog(m_temp->store()->db()).count(); // includes addUser's account events
    QCOMPARE(q.count(m_supervisor, {}).value(), total);
    QList<Id> ids;
    Id before = 0;
    for (;;) {
        auto page = q.page(m_supervisor, {}, before, 30);
        QVERIFY(page.ok());
        for (const AuditEvent& e : page.value()) {
            if (!ids.isEmpty())
                QVERIFY(e.id < ids.last());
            ids << e.id;
            before = e.id;
        }
        if (page.value().size() < 30)
            break;
    }
    QCOMPARE(ids.size(), total);
    QCOMPARE(q.page(m_supervisor, {}, ids.last(), 30).value().size(), size_t(0));
    // Events carry their hashes, so the view can show them.
    QCOMPARE(q.page(m_supervisor, {}, 0, 1).value().front().hash, AuditLog(m_temp->store()->db()).head().second);
}

void TestAuditQuery::filtersNarrowTheLog()
{
    AuditQuery q(m_temp->store());
    AuditFilter f;
    f.actor = QStringLiteral("rev");
    QCOMPARE(q.count(m_supervisor, f).value(), 50);
    f.action = QStringLiteral("decision.reject");
    QCOMPARE(q.count(m_supervisor, f).value(), 25);
    for (const AuditEvent& e : q.page(m_supervisor, f, 0, 100).value())
        QCOMPARE(e.action, QStringLiteral("decision.reject"));

    // A family ("decision.") takes both verdicts but not "decisionx".
    AuditFilter family;
    family.action = QStringLiteral("decision.");
    QCOMPARE(q.count(m_supervisor, family).value(), 50);

    // Time range: [from, to) over the event times.
    AuditFilter range;
    range.from = m_t0.addSecs(10 * 3600);
    range.to = m_t0.addSecs(20 * 3600);
    QCOMPARE(q.count(m_supervisor, range).value(), 10);
    const auto page = q.page(m_supervisor, range, 0, 5).value();
    QCOMPARE(page.size(), size_t(5));
    QCOMPARE(page.front().at, m_t0.addSecs(19 * 3600));

    AuditFilter object;
    object.objectType = QStringLiteral("attempt");
    object.objectId = QStringLiteral("999");
    QCOMPARE(q.count(m_supervisor, object).value(), 25);

    const QStringList actions = q.actions(m_supervisor).value();
    QVERIFY(actions.contains(QStringLiteral("call.note")));
    QVERIFY(actions.contains(QStringLiteral("decision.approve")));
    QVERIFY(q.actors(m_supervisor).value().contains(QStringLiteral("agent")));
}

void TestAuditQuery::studentFilterCoversTheirAttempts()
{
    AuditQuery q(m_temp->store());
    AuditFilter f;
    f.student = QStringLiteral("20265001");
    // The student's call notes (object student) and the decisions on their attempt.
    QCOMPARE(q.count(m_supervisor, f).value(), 50);
    f.student = QStringLiteral("20265002");
    QCOMPARE(q.count(m_supervisor, f).value(), 0);
    f.student = QStringLiteral("no-such-student");
    QCOMPARE(q.count(m_supervisor, f).value(), 0);
}

void TestAuditQuery::exportWritesCsvAndAuditsItself()
{
    AuditQuery q(m_temp->store());
    AuditFilter f;
    f.actor = QStringLiteral("agent");
    const QString path = m_temp->dir() + QStringLiteral("/export.csv");
    QList<int> progress;
    auto rows = q.exportCsv(m_supervisor, f, path, [&progress](int n) { progress << n; });
    QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message));
    QCOMPARE(rows.value(), 25);
    QVERIFY(!progress.isEmpty());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF" "id,at,actor,action"));
    const QList<QByteArray> lines = bytes.trimmed().split('\n');
    QCOMPARE(lines.size(), 26);
    QVERIFY(lines.at(1).contains(",agent,call.note,student,"));
    // Quoting: the JSON's commas and quotes stay in one field; a formula start is defused.
    QVERIFY2(lines.at(1).contains("\"{\"\"note\"\":\"\"=cmd, \\\"\"quoted\\\"\"\"\"}\""), lines.at(1).constData());
    QCOMPARE(AuditQuery::csvField(QStringLiteral("=SUM(A1)")), QStringLiteral("'=SUM(A1)"));

    // The export is itself an audit event, with the filter and the row count.
    AuditFilter exports;
    exports.action = QStringLiteral("audit.export");
    const auto events = q.page(m_supervisor, exports, 0, 10).value();
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events.front().actor, QStringLiteral("super"));
    const QJsonObject after = QJsonDocument::fromJson(events.front().after.toUtf8()).object();
    QCOMPARE(after.value(QStringLiteral("rows")).toInt(), 25);
    QCOMPARE(after.value(QStringLiteral("filter")).toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("agent"));
    QVERIFY(AuditLog(m_temp->store()->db()).verify().ok);

    // An unwritable target: an error, no file, no audit event.
    auto bad = q.exportCsv(m_supervisor, f, m_temp->dir() + QStringLiteral("/no/such/dir/x.csv"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("export-write"));
    QCOMPARE(q.count(m_supervisor, exports).value(), 1);
}

void TestAuditQuery::onlySupervisorsAndAdministratorsRead()
{
    AuditQuery q(m_temp->store());
    QCOMPARE(q.page(m_agent, {}, 0, 10).error().code, QStringLiteral("forbidden"));
    QCOMPARE(q.count(m_reviewer, {}).error().code, QStringLiteral("forbidden"));
    QCOMPARE(q.exportCsv(m_agent, {}, m_temp->dir() + QStringLiteral("/x.csv")).error().code, QStringLiteral("forbidden"));
    QVERIFY(!QFile::exists(m_temp->dir() + QStringLiteral("/x.csv")));
    const Session admin = test::addUser(m_temp->store(), QStringLiteral("admin"), Role::Administrator);
    QVERIFY(q.count(admin, {}).ok());
}

QTEST_GUILESS_MAIN(TestAuditQuery)
#include "tst_auditquery.moc"
