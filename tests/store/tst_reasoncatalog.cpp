#include "core/review/ReasonCatalog.h"

#include <QtTest>

using namespace pd;

class TestReasonCatalog : public QObject {
    Q_OBJECT
private slots:
    void builtInHasEveryRuleOfTheStandard()
    {
        // The 28 rule ids of photo-rules.md, in its order.
        const QStringList expected{
            "FILE_FORMAT", "FILE_SIZE", "RESOLUTION", "COLOR_IMAGE", "SINGLE_FACE", "POSE_FRONTAL", "SHOULDERS_LEVEL",
            "HEAD_SIZE", "HEAD_CENTERED", "BACKGROUND_UNIFORM", "BACKGROUND_BLUE", "CLOTHING_CONTRAST", "NO_SLEEVELESS",
            "EYES_OPEN", "MOUTH_CLOSED", "EARS_VISIBLE", "HAIR_CLEAR", "NO_HEADWEAR", "NO_HEAVY_MAKEUP", "NO_JEWELRY",
            "GLASSES_OK", "SHARPNESS", "EXPOSURE", "NOT_EDITED", "NOT_SELFIE", "MATCH_ENROLLMENT", "MATCH_ID", "NOT_REUSED"};
        const ReasonCatalog& c = ReasonCatalog::builtIn();
        QCOMPARE(int(c.reasons().size()), 28);
        for (int i = 0; i < expected.size(); ++i) {
            const Reason& r = c.reasons()[std::size_t(i)];
            QCOMPARE(r.id, expected[i]);
            QCOMPARE(r.number, i + 1);
            QCOMPARE(c.byNumber(i + 1)->id, r.id);
            QVERIFY(!r.titleZh.isEmpty() && !r.titleEn.isEmpty() && !r.studentZh.isEmpty() && !r.studentEn.isEmpty());
        }
        QCOMPARE(c.find(QStringLiteral("BACKGROUND_BLUE"))->titleZh, QStringLiteral("蓝色背景"));
        QCOMPARE(c.find(QStringLiteral("NO_JEWELRY"))->kind, QStringLiteral("checklist"));
        QCOMPARE(c.find(QStringLiteral("SHARPNESS"))->title(QStringLiteral("en_US")), QStringLiteral("sharp, in focus"));
        QVERIFY(!c.byNumber(0) && !c.byNumber(29));
        QCOMPARE(c.unknown({QStringLiteral("SHARPNESS"), QStringLiteral("X")}), QStringList{QStringLiteral("X")});
    }

    void invalidCatalogsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray good = R"({"id":"A","kind":"automated","title":{"zh":"甲","en":"a"},"student":{"zh":"甲","en":"a"}})";
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("no version") << (QByteArray(R"({"reasons":[)") + good + "]}");
        QTest::newRow("empty") << QByteArray(R"({"version":1,"reasons":[]})");
        QTest::newRow("duplicate") << (QByteArray(R"({"version":1,"reasons":[)") + good + "," + good + "]}");
        QTest::newRow("bad kind") << QByteArray(R"({"version":1,"reasons":[{"id":"A","kind":"magic","title":{"zh":"甲","en":"a"},"student":{"zh":"甲","en":"a"}}]})");
        QTest::newRow("missing en") << QByteArray(R"({"version":1,"reasons":[{"id":"A","kind":"automated","title":{"zh":"甲"},"student":{"zh":"甲","en":"a"}}]})");
    }

    void invalidCatalogsAreRejected()
    {
        QFETCH(QByteArray, json);
        auto c = ReasonCatalog::fromJson(json);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, QStringLiteral("catalog-invalid"));
    }
};

QTEST_GUILESS_MAIN(TestReasonCatalog)
#include "tst_reasoncatalog.moc"
