#include "core/notify/SmsComposer.h"
#include "core/review/ReasonCatalog.h"

#include <QtTest>

using namespace pd;

class TestSmsComposer : public QObject {
    Q_OBJECT
private slots:
    void lengthRules()
    {
        QCOMPARE(SmsComposer::measure(QString(70, QChar(0x4E2D))).parts, 1);
        QCOMPARE(SmsComposer::measure(QString(71, QChar(0x4E2D))).parts, 2);
        QCOMPARE(SmsComposer::measure(QString(134, QLatin1Char('a'))).parts, 2);
        QCOMPARE(SmsComposer::measure(QString(135, QLatin1Char('a'))).parts, 3);
        QVERIFY(!SmsComposer::measure(QString(500, QLatin1Char('a'))).tooLong);
        QVERIFY(SmsComposer::measure(QString(501, QLatin1Char('a'))).tooLong);
        QCOMPARE(SmsComposer::measure(QStringLiteral("😀")).characters, 1);
    }

    void approvalAndRejectionTexts()
    {
        Student s;
        s.name = QStringLiteral("王小明");
        const SmsComposer& c = SmsComposer::builtIn();
        const SmsText ok = c.compose(s, Verdict::Approve, {}, ReasonCatalog::builtIn());
        QVERIFY(ok.text.startsWith(QStringLiteral("【")));
        QVERIFY(ok.text.contains(QStringLiteral("王小明")));
        QVERIFY(ok.text.contains(QStringLiteral("审核成功")));
        const SmsText no = c.compose(s, Verdict::Reject, {QStringLiteral("BACKGROUND_BLUE"), QStringLiteral("SHARPNESS")},
                                     ReasonCatalog::builtIn());
        QVERIFY(no.text.contains(QStringLiteral("成品照片须为蓝色背景")));
        QVERIFY(no.text.contains(QStringLiteral("照片须清晰对焦")));
        QCOMPARE(no.characters, int(no.text.size()));
        QCOMPARE(no.parts, no.characters <= 70 ? 1 : (no.characters + 66) / 67);
        const SmsText en = c.compose(s, Verdict::Reject, {QStringLiteral("SHARPNESS")}, ReasonCatalog::builtIn(), QStringLiteral("en"));
        QVERIFY(en.text.contains(QStringLiteral("sharp and in focus")));
    }

    void invalidTemplatesAreRejected()
    {
        QVERIFY(!SmsComposer::fromJson("{}").ok());
        QVERIFY(!SmsComposer::fromJson(R"({"version":1,"signature":"School","approved":{"zh":"{name}","en":"{name}"},)"
                                       R"("rejected":{"zh":"{name}{reasons}","en":"{name}{reasons}"}})").ok());
        QVERIFY(SmsComposer::fromJson(R"({"version":1,"signature":"【学校】","approved":{"zh":"{name}","en":"{name}"},)"
                                      R"("rejected":{"zh":"{name}{reasons}","en":"{name}{reasons}"}})").ok());
    }
};

QTEST_GUILESS_MAIN(TestSmsComposer)
#include "tst_smscomposer.moc"
