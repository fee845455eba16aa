// The supervision workspace offscreen: the audit log opens lazily, a supervisor filters it,
// exports the filtered events to CSV (the export is audited) and, after a row is tampered with
// by raw SQL, the verification banner names that event and the table selects it. Dashboards
// draw, second review confirms a sampled decision, an administrator manages accounts, and an
// initial password is changed through the forced dialog.

#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/auth/AuthService.h"
#include "core/hotline/StudentDirectory.h"
#include "core/notify/SmsComposer.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/Transaction.h"
#include "widgets/AccountModel.h"
#include "widgets/AccountPage.h"
#include "widgets/AuditLogModel.h"
#include "widgets/AuditLogPage.h"
#include "widgets/DashboardPage.h"
#include "widgets/MainWindow.h"
#include "widgets/PasswordChangeDialog.h"
#include "widgets/SecondReviewModel.h"
#include "widgets/SecondReviewPage.h"
#include "widgets/SupervisionWorkspace.h"
#include "widgets/UiLanguage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace pd;

class TestGuiSupervision : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void auditLogLoadsLazily();
    void filterExportAndTamper();
    void dashboardsAndSecondReview();
    void administratorManagesAccounts();
    void forcedPasswordChange();

private:
    int scalar(const QString& sql) const;
    void saveScreenshot(QWidget* window, const QString& name);

    std::unique_ptr<test::TempStore> m_temp;
    Session m_supervisor;
    Session m_reviewer;
    Session m_agent;
    Session m_admin;
};

int TestGuiSupervision::scalar(const QString& sql) const
{
    return Sql(m_temp->store()->db(), sql).scalar().toInt();
}

void TestGuiSupervision::saveScreenshot(QWidget* window, const QString& name)
{
    const QString dir = QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(dir));
    const QPixmap shot = window->grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(dir + QLatin1Char('/') + name, "PNG"));
}

void TestGuiSupervision::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    m_temp = std::make_unique<test::TempStore>();
    const auto& store = m_temp->store();
    m_supervisor = test::addUser(store, QStringLiteral("super1"), Role::Supervisor);
    m_reviewer = test::addUser(store, QStringLiteral("reviewer1"), Role::Reviewer);
    const Session reviewer2 = test::addUser(store, QStringLiteral("reviewer2"), Role::Reviewer);
    m_agent = test::addUser(store, QStringLiteral("agent1"), Role::HotlineAgent);
    m_admin = test::addUser(store, QStringLiteral("admin1"), Role::Administrator);

    DecisionService decisions(store, ReasonCatalog::builtIn(), SmsComposer::builtIn());
    StudentDirectory directory(store);
    for (int i = 0; i < 12; ++i) {
        const auto a = test::addSampleAttempt(*store, QStringLiteral("2026%1").arg(8000 + i), 2 + i * 4);
        const Session& who = i % 3 == 0 ? reviewer2 : m_reviewer;
        if (i < 9) {
            const bool reject = i % 4 == 1;
            QVERIFY(decisions.decide(who, {a.attemptId, reject ? Verdict::Reject : Verdict::Approve,
                                           reject ? QStringList{QStringLiteral("SHARPNESS")} : QStringList{}, {}})
                        .ok());
        }
        if (i % 2 == 0)
            QVERIFY(directory.addCallNote(m_agent, a.studentId, QStringLiteral("来电 %1").arg(i)).ok());
    }
}

void TestGuiSupervision::auditLogLoadsLazily()
{
    // 1 000 extra events: the page opens with one page of them and fetches more on demand.
    {
        Transaction tx(m_temp->store()->db());
        AuditLog log(m_temp->store()->db());
        for (int i = 0; i < 1000; ++i) {
            AuditEvent e;
            e.actor = QStringLiteral("system");
            e.action = QStringLiteral("bulk.test");
            e.objectType = QStringLiteral("test");
            e.objectId = QString::number(i);
            log.append(e);
        }
        tx.commit();
    }
    // (No model tester here: it calls fetchMore after every insert and would load everything.)
    AuditLogPage page(m_temp->store(), m_supervisor);
    QTRY_COMPARE(page.model()->rowCount(), AuditLogModel::kPageSize);
    QTRY_COMPARE(page.model()->total(), scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events")));
    QVERIFY(page.model()->canFetchMore({}));
    page.model()->fetchMore({});
    QTRY_COMPARE(page.model()->rowCount(), 2 * AuditLogModel::kPageSize);
    // Newest first, no gaps between pages.
    for (int row = 1; row < page.model()->rowCount(); ++row)
        QVERIFY(page.model()->event(row)->id < page.model()->event(row - 1)->id);
    QTRY_VERIFY(!page.isVerifying());
}

void TestGuiSupervision::filterExportAndTamper()
{
    SupervisionWorkspace workspace(m_temp->store(), m_supervisor);
    workspace.resize(1440, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    AuditLogPage* page = workspace.auditLog();
    QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* banner = page->findChild<QLabel*>(QStringLiteral("auditBanner"));
    auto* actor = page->findChild<QComboBox*>(QStringLiteral("auditActorFilter"));
    auto* apply = page->findChild<QPushButton*>(QStringLiteral("auditApplyFilter"));
    auto* verify = page->findChild<QPushButton*>(QStringLiteral("auditVerifyButton"));
    auto* table = page->findChild<QTableView*>(QStringLiteral("auditTable"));
    auto* detail = page->findChild<QTextBrowser*>(QStringLiteral("auditDetail"));
    QVERIFY(banner && actor && apply && verify && table && detail);

    const int events = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events"));
    QTRY_VERIFY2(banner->text().contains(QStringLiteral("审计链完整")), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QString::number(events)), qPrintable(banner->text()));

    // Filter by user: only the agent's call notes remain.
    QTRY_VERIFY(actor->findData(QStringLiteral("agent1")) >= 0);
    actor->setCurrentIndex(actor->findData(QStringLiteral("agent1")));
    QTest::mouseClick(apply, Qt::LeftButton);
    const int agentEvents = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE actor = 'agent1'"));
    QCOMPARE(agentEvents, 6);
    QTRY_COMPARE(page->model()->total(), agentEvents);
    QTRY_COMPARE(page->model()->rowCount(), agentEvents);
    for (int row = 0; row < agentEvents; ++row)
        QCOMPARE(page->model()->event(row)->actor, QStringLiteral("agent1"));

    // The details show before/after as indented JSON.
    table->setCurrentIndex(page->model()->index(0, 0));
    QTRY_VERIFY(detail->toPlainText().contains(QStringLiteral("call_note_id")) || detail->toPlainText().contains(QStringLiteral("note")));
    QVERIFY(detail->toPlainText().contains(QStringLiteral("{\n")));

    // Export the filtered rows: the file has them, and the export is audited.
    const QString csv = m_temp->dir() + QStringLiteral("/audit-agent.csv");
    QSignalSpy exported(page, &AuditLogPage::exported);
    page->exportCsv(csv);
    QTRY_COMPARE(exported.count(), 1);
    QCOMPARE(exported.at(0).at(0).toBool(), true);
    QCOMPARE(exported.at(0).at(1).toInt(), agentEvents);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), agentEvents + 1);
    QVERIFY(lines.at(1).contains(",agent1,call.note,"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'audit.export' AND actor = 'super1' "
                                   "AND after_value LIKE '%\"rows\":6%'")),
             1);

    // Tamper with an event in the middle of the chain, then verify again.
    const int tampered = scalar(QStringLiteral("SELECT id FROM audit_events WHERE action = 'decision.reject' ORDER BY id LIMIT 1"));
    QVERIFY(tampered > 0);
    Sql(m_temp->store()->db(), QStringLiteral("UPDATE audit_events SET after_value = '{\"verdict\":\"approve\"}' WHERE id = :id"))
        .bind(QStringLiteral(":id"), tampered)
        .exec();
    QSignalSpy verified(page, &AuditLogPage::verified);
    QTest::mouseClick(verify, Qt::LeftButton);
    QTRY_COMPARE(verified.count(), 1);
    QCOMPARE(verified.at(0).at(0).toBool(), false);
    QCOMPARE(verified.at(0).at(1).toLongLong(), qint64(tampered));
    QVERIFY2(banner->text().contains(QString::number(tampered)), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QStringLiteral("修改")), qPrintable(banner->text()));
    QTRY_VERIFY(page->model()->event(table->currentIndex().row()) != nullptr);
    QTRY_COMPARE(page->model()->event(table->currentIndex().row())->id, Id(tampered));
    QCOMPARE(page->model()->flagged(), Id(tampered));
    QVERIFY(page->model()->index(table->currentIndex().row(), 0).data(Qt::BackgroundRole).isValid());
    saveScreenshot(&workspace, QStringLiteral("supervision-audit-tampered.png"));

    // Put the row back so the other tests see an intact chain.
    Sql(m_temp->store()->db(), QStringLiteral("UPDATE audit_events SET after_value = (SELECT after_value FROM audit_events "
                                              "WHERE id = :id) WHERE id = :id2"))
        .bind(QStringLiteral(":id"), tampered)
        .bind(QStringLiteral(":id2"), tampered)
        .exec();
}

void TestGuiSupervision::dashboardsAndSecondReview()
{
    SupervisionWorkspace workspace(m_temp->store(), m_supervisor);
    workspace.resize(1440, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    DashboardPage* dashboard = workspace.dashboard();
    workspace.pages()->setCurrentWidget(dashboard);
    QTRY_VERIFY(dashboard->isLoaded());
    QCOMPARE(int(dashboard->figures().reviewers.size()), 2);
    auto* summary = dashboard->findChild<QLabel*>(QStringLiteral("dashboardSummary"));
    QVERIFY2(summary->text().contains(QStringLiteral("9")), qPrintable(summary->text()));
    saveScreenshot(&workspace, QStringLiteral("supervision-dashboards.png"));

    SecondReviewPage* second = workspace.secondReview();
    QVERIFY(second);
    QAbstractItemModelTester tester(second->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    workspace.pages()->setCurrentWidget(second);
    second->findChild<QSpinBox*>(QStringLiteral("secondReviewShare"))->setValue(100);
    QSignalSpy listed(second, &SecondReviewPage::listLoaded);
    QTest::mouseClick(second->findChild<QPushButton*>(QStringLiteral("secondReviewSample")), Qt::LeftButton);
    QTRY_VERIFY(second->model()->rowCount() == 9);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM second_reviews WHERE state = 'pending'")), 9);
    QSignalSpy opened(second, &SecondReviewPage::itemOpened);
    second->findChild<QTableView*>(QStringLiteral("secondReviewList"))->selectRow(0);
    QTRY_COMPARE(opened.count(), 1);
    QTRY_VERIFY(second->openItemId() != 0);
    const Id item = second->openItemId();
    auto* confirm = second->findChild<QPushButton*>(QStringLiteral("secondReviewConfirm"));
    QTRY_VERIFY(confirm->isEnabled());
    saveScreenshot(&workspace, QStringLiteral("supervision-second-review.png"));
    QSignalSpy concluded(second, &SecondReviewPage::concluded);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE(concluded.count(), 1);
    QCOMPARE(concluded.at(0).at(0).toBool(), true);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM second_reviews WHERE state = 'confirmed' AND id = %1").arg(item)), 1);
    QTRY_COMPARE(second->model()->rowCount(), 8);
}

void TestGuiSupervision::administratorManagesAccounts()
{
    SupervisionWorkspace workspace(m_temp->store(), m_admin);
    workspace.resize(1200, 700);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QVERIFY(workspace.secondReview() == nullptr);
    AccountPage* accounts = workspace.accounts();
    QVERIFY(accounts);
    QAbstractItemModelTester tester(accounts->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    workspace.pages()->setCurrentWidget(accounts);
    QTRY_COMPARE(accounts->model()->rowCount(), 5);

    auto* username = accounts->findChild<QLineEdit*>(QStringLiteral("accountUsername"));
    auto* role = accounts->findChild<QComboBox*>(QStringLiteral("accountRole"));
    auto* add = accounts->findChild<QPushButton*>(QStringLiteral("accountAdd"));
    QTest::keyClicks(username, QStringLiteral("agent2"));
    role->setCurrentIndex(role->findData(int(Role::HotlineAgent)));
    QSignalSpy done(accounts, &AccountPage::actionFinished);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE(done.count(), 1);
    QTRY_COMPARE(accounts->model()->rowCount(), 6);
    const QString initial = accounts->shownPassword();
    QCOMPARE(initial.size(), 12);
    QVERIFY(accounts->findChild<QLabel*>(QStringLiteral("accountPasswordOnce"))->text().contains(initial));
    auto login = AuthService(m_temp->store()).login(QStringLiteral("agent2"), initial);
    QVERIFY(login.ok());
    QVERIFY(login.value().mustChangePassword);
    QCOMPARE(toString(login.value().role), toString(Role::HotlineAgent));

    // Disable it: it can no longer log in.
    auto* list = accounts->findChild<QTableView*>(QStringLiteral("accountList"));
    list->selectRow(accounts->model()->rowOf(QStringLiteral("agent2")));
    auto* toggle = accounts->findChild<QPushButton*>(QStringLiteral("accountToggleDisabled"));
    QTRY_VERIFY(toggle->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_COMPARE(done.count(), 2);
    QCOMPARE(AuthService(m_temp->store()).login(QStringLiteral("agent2"), initial).error().code, QStringLiteral("disabled"));
    QTRY_VERIFY(accounts->model()->user(accounts->model()->rowOf(QStringLiteral("agent2")))->disabled);
    saveScreenshot(&workspace, QStringLiteral("supervision-accounts.png"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'account.disable' AND actor = 'admin1'")), 1);
}

void TestGuiSupervision::forcedPasswordChange()
{
    const Session admin = m_admin;
    AuthService auth(m_temp->store());
    QVERIFY(auth.createUser(admin, QStringLiteral("newbie"), QStringLiteral("新同事"), Role::Reviewer, QStringLiteral("Initial-pass-1"), true).ok());
    auto session = auth.login(QStringLiteral("newbie"), QStringLiteral("Initial-pass-1"));
    QVERIFY(session.ok() && session.value().mustChangePassword);

    PasswordChangeDialog dialog(m_temp->store(), session.value());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* oldEdit = dialog.findChild<QLineEdit*>(QStringLiteral("oldPasswordEdit"));
    auto* newEdit = dialog.findChild<QLineEdit*>(QStringLiteral("newPasswordEdit"));
    auto* repeatEdit = dialog.findChild<QLineEdit*>(QStringLiteral("repeatPasswordEdit"));
    QTest::keyClicks(oldEdit, QStringLiteral("Initial-pass-1"));
    QTest::keyClicks(newEdit, QStringLiteral("my own secret 42"));
    QTest::keyClicks(repeatEdit, QStringLiteral("my own secret 4"));
    QTest::keyClick(repeatEdit, Qt::Key_Return);
    QTRY_VERIFY(!dialog.errorText().isEmpty());
    QVERIFY(dialog.isVisible());
    QTest::keyClick(repeatEdit, Qt::Key_2);
    QTest::keyClick(repeatEdit, Qt::Key_Return);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    auto again = auth.login(QStringLiteral("newbie"), QStringLiteral("my own secret 42"));
    QVERIFY(again.ok());
    QVERIFY(!again.value().mustChangePassword);
}

QTEST_MAIN(TestGuiSupervision)
#include "tst_gui_supervision.moc"
