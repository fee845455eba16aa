// The review loop end to end, offscreen, through the real windows (KeePassXC style): sign in
// through the LoginDialog, approve the most urgent submission with "A", reject the next one with
// two reasons typed by number, then check what the store recorded.

#include "TestSupport.h"

#include "core/demo/DemoSeeder.h"
#include "core/review/ReasonCatalog.h"
#include "core/review/ReviewQueue.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/util/Paths.h"
#include "widgets/DecisionPanel.h"
#include "widgets/LoginDialog.h"
#include "widgets/MainWindow.h"
#include "widgets/PhotoPane.h"
#include "widgets/QueueModel.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/RuleFlagsPanel.h"
#include "widgets/UiLanguage.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

class TestGuiReview : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInThroughTheDialog();
    void approveThenRejectByKeyboard();
    void switchesLanguageLive();

private:
    void saveScreenshot(QWidget* window, const QString& name);
    QStringList auditActions(Id attemptId) const;

    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;
    DemoSeedReport m_seed;
    DemoAccount m_reviewer;
    Session m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiReview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiLanguage::applyDefaultFont();
    QCOMPARE(UiLanguage::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));

    QVERIFY2(!shareFile(QStringLiteral("demo/demo.json")).isEmpty(), "the demo data is missing (PHOTODESK_SHARE_DIR/demo/demo.json)");
    QVERIFY(m_dir.isValid());
    const QString dbPath = m_dir.filePath(QStringLiteral("photodesk.sqlite"));
    auto seeded = seedDemo(dbPath);
    QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.error().message));
    m_seed = seeded.value();
    QVERIFY2(m_seed.pending >= 2, "the demo needs at least two pending submissions");
    for (const DemoAccount& a : demoAccounts()) {
        if (a.role == QLatin1String("reviewer") && m_reviewer.username.isEmpty())
            m_reviewer = a;
    }
    QVERIFY(!m_reviewer.username.isEmpty());
    auto opened = Store::open(dbPath);
    QVERIFY(opened.ok());
    m_store = opened.value();
}

void TestGuiReview::cleanupTestCase()
{
    m_window.reset();
    m_store.reset();
}

void TestGuiReview::signInThroughTheDialog()
{
    LoginDialog dialog(m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* user = dialog.findChild<QLineEdit*>(QStringLiteral("usernameEdit"));
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("loginError"));
    QVERIFY(user && password && error);

    // A wrong password first: the dialog stays and says so, in Chinese.
    QTest::keyClicks(user, m_reviewer.username);
    QTest::keyClicks(password, QStringLiteral("wrong-password"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(!dialog.errorText().isEmpty());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("密码")), qPrintable(dialog.errorText()));
    QVERIFY(dialog.isVisible());

    password->clear();
    QTest::keyClicks(password, m_reviewer.password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.session().username, m_reviewer.username);
    QCOMPARE(toString(dialog.session().role), toString(Role::Reviewer));
    m_session = dialog.session();
}

QStringList TestGuiReview::auditActions(Id attemptId) const
{
    QStringList actions;
    QSqlQuery q(m_store->db().connection());
    q.prepare(QStringLiteral("SELECT action FROM audit_events WHERE object_type = 'attempt' AND object_id = ? ORDER BY id"));
    q.addBindValue(QString::number(attemptId));
    if (q.exec()) {
        while (q.next())
            actions << q.value(0).toString();
    }
    return actions;
}

// The photo rules may pre-select reasons for the open submission: wait for them, start from no
// reason and tick the checklist, so the keyboard steps below do not depend on the rules' timing.
static void settleRules(ReviewWorkspace* workspace)
{
    RuleFlagsPanel* rules = workspace->ruleFlagsPanel();
    QTRY_VERIFY_WITH_TIMEOUT(rules->attemptId() == workspace->currentAttemptId()
                                 && (rules->mode() == RuleFlagsPanel::Mode::Report || rules->mode() == RuleFlagsPanel::Mode::Unavailable),
                             90000);
    DecisionPanel* panel = workspace->decisionPanel();
    QTRY_VERIFY(panel->findChild<QListWidget*>(QStringLiteral("reasonList"))->isEnabled()); // decidable
    for (int n : panel->checkedNumbers())
        QVERIFY(panel->toggleReason(n));
    QVERIFY(panel->checkedNumbers().isEmpty());
    panel->confirmChecklist();
}

void TestGuiReview::approveThenRejectByKeyboard()
{
    QVERIFY(m_session.userId != 0);
    m_window = std::make_unique<MainWindow>(m_store, m_session);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    auto* workspace = m_window->findChild<ReviewWorkspace*>(QStringLiteral("reviewWorkspace"));
    auto* view = m_window->findChild<QTableView*>(QStringLiteral("queueView"));
    auto* panel = m_window->findChild<DecisionPanel*>(QStringLiteral("decisionPanel"));
    auto* approveButton = m_window->findChild<QPushButton*>(QStringLiteral("approveButton"));
    auto* rejectButton = m_window->findChild<QPushButton*>(QStringLiteral("rejectButton"));
    QVERIFY(workspace && view && panel && approveButton && rejectButton);
    QVERIFY(m_window->findChild<PhotoPane*>(QStringLiteral("submittedPhoto")));
    QVERIFY(m_window->findChild<PhotoPane*>(QStringLiteral("enrollmentPhoto")));
    QVERIFY(m_window->findChild<PhotoPane*>(QStringLiteral("idCardPhoto")));

    // The queue: pending only, most urgent first, and the first one is open with its photos.
    auto* model = workspace->queueModel();
    QCOMPARE(model->totalCount(), m_seed.pending);
    QVERIFY(model->rowCount() > 1);
    for (int r = 1; r < model->rowCount(); ++r)
        QVERIFY(model->rowAt(r - 1)->deadline <= model->rowAt(r)->deadline);
    const Id first = model->rowAt(0)->attemptId;
    QTRY_COMPARE(workspace->currentAttemptId(), first);
    QTRY_VERIFY_WITH_TIMEOUT(workspace->photosPainted(), 20000);
    saveScreenshot(m_window.get(), QStringLiteral("review-open.png"));

    // A approves the open submission; the next one opens by itself.
    QVERIFY(!approveButton->isEnabled()); // the checklist is not ticked yet
    settleRules(workspace);
    QVERIFY(!rejectButton->isEnabled()); // no reason chosen
    view->setFocus();
    QTest::keyClick(view, Qt::Key_A);
    QTRY_VERIFY(!workspace->isDeciding() && workspace->currentAttemptId() != first && workspace->currentAttemptId() != 0);
    const Id second = workspace->currentAttemptId();
    QCOMPARE(toString(AttemptRepository(m_store->db()).find(first)->state), toString(AttemptState::Approved));
    QTRY_COMPARE(model->totalCount(), m_seed.pending - 1);
    QCOMPARE(model->rowAt(0)->attemptId, second);
    settleRules(workspace);
    QTRY_VERIFY(approveButton->isEnabled()); // the second submission is loaded and decidable

    // Reasons by number: "1","1" (two digits in time) is 11; "2","6" is 26.
    const ReasonCatalog& catalog = ReasonCatalog::builtIn();
    QVERIFY(catalog.byNumber(11) && catalog.byNumber(26));
    QTest::keyClick(view, Qt::Key_1);
    QTest::keyClick(view, Qt::Key_1);
    QTest::keyClick(view, Qt::Key_2);
    QTest::keyClick(view, Qt::Key_6);
    QTRY_COMPARE(panel->checkedNumbers(), (QList<int>{11, 26}));
    QVERIFY(rejectButton->isEnabled());

    // Approving with reasons checked is refused, with a message, and nothing is written.
    QTest::keyClick(view, Qt::Key_A);
    QVERIFY2(panel->messageText().contains(QStringLiteral("11")), qPrintable(panel->messageText()));
    QCOMPARE(workspace->currentAttemptId(), second);
    QCOMPARE(toString(AttemptRepository(m_store->db()).find(second)->state), toString(AttemptState::Pending));

    QTest::keyClick(view, Qt::Key_R);
    QTRY_VERIFY(!workspace->isDeciding() && workspace->currentAttemptId() != second && workspace->currentAttemptId() != 0);
    QTRY_COMPARE(model->totalCount(), m_seed.pending - 2);
    QTRY_VERIFY_WITH_TIMEOUT(workspace->photosPainted(), 20000);
    saveScreenshot(m_window.get(), QStringLiteral("review.png"));

    // What the store recorded.
    const Database& db = m_store->db();
    const auto approved = DecisionRepository(db).forAttempt(first);
    QVERIFY(approved);
    QCOMPARE(toString(approved->verdict), toString(Verdict::Approve));
    QVERIFY(approved->reasons.isEmpty());
    QCOMPARE(approved->reviewerId, m_session.userId);

    const auto rejected = DecisionRepository(db).forAttempt(second);
    QVERIFY(rejected);
    QCOMPARE(toString(rejected->verdict), toString(Verdict::Reject));
    QCOMPARE(rejected->reasons, (QStringList{catalog.byNumber(11)->id, catalog.byNumber(26)->id}));
    QCOMPARE(rejected->reviewerId, m_session.userId);
    QCOMPARE(toString(AttemptRepository(db).find(second)->state), toString(AttemptState::Rejected));
    QCOMPARE(DecisionRepository(db).count(), m_seed.decisions + 2);

    QVERIFY(auditActions(first).contains(QStringLiteral("decision.approve")));
    QVERIFY(auditActions(second).contains(QStringLiteral("decision.reject")));

    for (const Id id : {first, second}) {
        const auto messages = OutboxRepository(db).forAttempt(id);
        QStringList channels;
        for (const OutboxMessage& m : messages) {
            channels << m.channel;
            QCOMPARE(m.state, QStringLiteral("pending"));
        }
        channels.sort();
        QCOMPARE(channels, (QStringList{QStringLiteral("platform"), QStringLiteral("sms")}));
    }
    const Student student = *StudentRepository(db).find(AttemptRepository(db).find(second)->studentId);
    for (const OutboxMessage& m : OutboxRepository(db).forAttempt(second)) {
        if (m.channel == QLatin1String("sms"))
            QVERIFY(m.payload.value(QStringLiteral("text")).toString().contains(student.name));
    }
}

void TestGuiReview::switchesLanguageLive()
{
    QVERIFY(m_window);
    auto* english = m_window->findChild<QAction*>(QStringLiteral("language_en"));
    auto* chinese = m_window->findChild<QAction*>(QStringLiteral("language_zh_CN"));
    auto* approveButton = m_window->findChild<QPushButton*>(QStringLiteral("approveButton"));
    QVERIFY(english && chinese && approveButton);
    QVERIFY(approveButton->text().contains(QStringLiteral("通过")));
    english->trigger();
    QTRY_COMPARE(approveButton->text(), QStringLiteral("Approve (A)"));
    saveScreenshot(m_window.get(), QStringLiteral("review-en.png"));
    chinese->trigger();
    QTRY_VERIFY(approveButton->text().contains(QStringLiteral("通过")));
}

void TestGuiReview::saveScreenshot(QWidget* window, const QString& name)
{
    const QString dir = QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR);
    QVERIFY(QDir().mkpath(dir));
    const QPixmap shot = window->grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(dir + QLatin1Char('/') + name, "PNG"));
}

QTEST_MAIN(TestGuiReview)
#include "tst_gui_review.moc"
