// SMS templates edited by a supervisor: core rules (validation, roles, audit, effect on new
// decisions) and the supervision page that edits them.
#include "TestSupport.h"

#include "core/audit/AuditLog.h"
#include "core/notify/SmsTemplates.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "widgets/SmsTemplatePage.h"
#include "widgets/UiLanguage.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace pd;

namespace {
QByteArray editedTemplates()
{
    QByteArray json = SmsComposer::builtIn().toJson();
    json.replace("【示例大学】", "【北方大学】");
    return json;
}
} // namespace

class TestGuiSmsTemplates : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { UiLanguage::install(QStringLiteral("zh_CN")); }

    void coreSaveValidateAuditAndUse()
    {
        test::TempStore t;
        const Session boss = test::addUser(t.store(), QStringLiteral("boss"), Role::Supervisor);
        const Session agent = test::addUser(t.store(), QStringLiteral("agent"), Role::HotlineAgent);
        const Session reviewer = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        const SmsTemplates templates(t.store());
        QVERIFY(!templates.current()->second);
        QCOMPARE(templates.effective().signature(), SmsComposer::builtIn().signature());
        QCOMPARE(templates.save(agent, editedTemplates()).error().code, QStringLiteral("forbidden"));
        QCOMPARE(templates.save(boss, "{\"version\":1}").error().code, QStringLiteral("templates-invalid"));
        QVERIFY(templates.save(boss, editedTemplates()).ok());
        QVERIFY(templates.current()->second);
        QCOMPARE(templates.effective().signature(), QStringLiteral("【北方大学】"));
        const auto events = AuditLog(t.store()->db()).forObject(QStringLiteral("setting"), QLatin1String(SmsTemplates::kSettingKey));
        QCOMPARE(int(events.size()), 1);
        QCOMPARE(events[0].action, QStringLiteral("templates.change"));
        QCOMPARE(events[0].before, QStringLiteral("built-in"));
        QVERIFY(events[0].after.contains(QStringLiteral("北方大学")));
        // A decision made with the templates in force sends the edited text.
        const auto sample = test::addSampleAttempt(*t.store(), QStringLiteral("2019030001"), 5);
        DecisionService decisions(t.store(), ReasonCatalog::builtIn(), templates.effective());
        QVERIFY(decisions.decide(reviewer, {sample.attemptId, Verdict::Approve, {}, {}}).ok());
        QVERIFY(OutboxRepository(t.store()->db()).forAttempt(sample.attemptId)[0].payload.value(QStringLiteral("text")).toString().startsWith(QStringLiteral("【北方大学】")));
        QVERIFY(templates.reset(boss).ok());
        QCOMPARE(templates.effective().signature(), SmsComposer::builtIn().signature());
        QVERIFY(AuditLog(t.store()->db()).verify().ok);
    }

    void pageEditsPreviewsAndSaves()
    {
        test::TempStore t;
        const Session boss = test::addUser(t.store(), QStringLiteral("boss"), Role::Supervisor);
        SmsTemplatePage page(t.store(), boss);
        page.resize(900, 700);
        page.show();
        auto* editor = page.findChild<QPlainTextEdit*>(QStringLiteral("smsTemplateEditor"));
        auto* preview = page.findChild<QPlainTextEdit*>(QStringLiteral("smsTemplatePreview"));
        auto* save = page.findChild<QPushButton*>(QStringLiteral("smsTemplateSave"));
        QVERIFY(editor && preview && save);
        QVERIFY(preview->toPlainText().contains(SmsComposer::builtIn().signature()));
        editor->setPlainText(QStringLiteral("{ broken"));
        QVERIFY(!save->isEnabled());
        editor->setPlainText(QString::fromUtf8(editedTemplates()));
        QVERIFY(save->isEnabled());
        QVERIFY(preview->toPlainText().contains(QStringLiteral("【北方大学】")));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(SmsTemplates(t.store()).effective().signature(), QStringLiteral("【北方大学】"));
        QDir().mkpath(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR));
        page.grab().save(QStringLiteral(PHOTODESK_TEST_SCREENSHOT_DIR "/sms-templates.png"));
        // Read-only for a reviewer.
        const Session rev = test::addUser(t.store(), QStringLiteral("rev"), Role::Reviewer);
        SmsTemplatePage readOnly(t.store(), rev);
        QVERIFY(readOnly.findChild<QPlainTextEdit*>(QStringLiteral("smsTemplateEditor"))->isReadOnly());
        QVERIFY(!readOnly.findChild<QPushButton*>(QStringLiteral("smsTemplateSave"))->isEnabled());
    }
};

QTEST_MAIN(TestGuiSmsTemplates)
#include "tst_gui_smstemplates.moc"
