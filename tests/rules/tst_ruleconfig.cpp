// The rule configuration: the shipped file is complete and valid, overrides apply on top,
// unknown or invalid values are refused with a message naming the field; the report JSON and
// the pre-selected reasons.
#include "core/review/ReasonCatalog.h"
#include "core/vision/rules/RuleConfig.h"
#include "core/vision/rules/RuleReportJson.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pd::rules;

class TestRuleConfig : public QObject {
    Q_OBJECT
private:
    RuleConfig shipped()
    {
        auto c = loadRuleConfig();
        if (!c)
            qFatal("%s", qPrintable(c.error().message));
        return c.value();
    }
    QString overrideError(const QByteArray& json)
    {
        auto c = applyRuleConfigOverride(shipped(), json, QStringLiteral("school.json"));
        return c ? QString() : c.error().message;
    }

private slots:
    void shippedConfigIsCompleteAndVersioned()
    {
        const RuleConfig c = shipped();
        QCOMPARE(c.name, QStringLiteral("national-2024"));
        QCOMPARE(c.version, 3);
        QCOMPARE(c.values.size(), 28);
        for (const QString& id : allRuleIds())
            QVERIFY2(c.enabled(id), qPrintable(id));
        QCOMPARE(c.number(QStringLiteral("HEAD_CENTERED"), QStringLiteral("eye_line_min_px")), 200.0);
        QVERIFY(c.strings(QStringLiteral("NOT_EDITED"), QStringLiteral("editors")).contains(QStringLiteral("美图")));
    }

    void rulesAgreeWithTheReasonCatalog()
    {
        const auto& catalog = pd::ReasonCatalog::builtIn();
        QCOMPARE(int(catalog.reasons().size()), 28);
        for (size_t i = 0; i < catalog.reasons().size(); ++i) {
            const auto& reason = catalog.reasons()[i];
            QCOMPARE(reason.id, allRuleIds().at(int(i)));
            QCOMPARE(reason.kind, kindName(*ruleKind(reason.id)));
        }
    }

    void overrideChangesOnlyItsKeysAndRecordsItsVersion()
    {
        auto c = applyRuleConfigOverride(shipped(), R"({"name":"pku-2025","version":3,"rules":{"FILE_SIZE":{"min_bytes":40960},
            "NOT_SELFIE":{"enabled":false}}})", QStringLiteral("school.json"));
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QCOMPARE(c->name, QStringLiteral("pku-2025"));
        QCOMPARE(c->version, 3);
        QVERIFY(c->source.endsWith(QLatin1String("+ school.json")));
        QCOMPARE(c->number(QStringLiteral("FILE_SIZE"), QStringLiteral("min_bytes")), 40960.0);
        QCOMPARE(c->number(QStringLiteral("FILE_SIZE"), QStringLiteral("max_bytes")), 10485760.0);
        QVERIFY(!c->enabled(QStringLiteral("NOT_SELFIE")));
    }

    void invalidConfigurationsAreRefusedWithTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("not a JSON object");
        QTest::newRow("no version") << QByteArray(R"({"name":"x","rules":{}})") << QStringLiteral("\"version\"");
        QTest::newRow("version 0") << QByteArray(R"({"name":"x","version":0,"rules":{}})") << QStringLiteral("\"version\"");
        QTest::newRow("unknown top key") << QByteArray(R"({"name":"x","version":1,"rules":{},"rulez":1})") << QStringLiteral("\"rulez\"");
        QTest::newRow("unknown rule") << QByteArray(R"({"name":"x","version":1,"rules":{"NO_TATTOO":{}}})") << QStringLiteral("NO_TATTOO");
        QTest::newRow("unknown key") << QByteArray(R"({"name":"x","version":1,"rules":{"FILE_SIZE":{"min_kb":30}}})")
                                     << QStringLiteral("rules.FILE_SIZE.min_kb");
        QTest::newRow("wrong type") << QByteArray(R"({"name":"x","version":1,"rules":{"FILE_SIZE":{"min_bytes":"30K"}}})")
                                    << QStringLiteral("rules.FILE_SIZE.min_bytes must be a number");
        QTest::newRow("out of range") << QByteArray(R"({"name":"x","version":1,"rules":{"SHARPNESS":{"fine_detail_ratio_fail":-1}}})")
                                      << QStringLiteral("rules.SHARPNESS.fine_detail_ratio_fail = -1 is outside");
        QTest::newRow("enabled not bool") << QByteArray(R"({"name":"x","version":1,"rules":{"EYES_OPEN":{"enabled":"yes"}}})")
                                          << QStringLiteral("rules.EYES_OPEN.enabled");
        QTest::newRow("warn after fail") << QByteArray(R"({"name":"x","version":1,"rules":{"POSE_FRONTAL":{"roll_warn_deg":9}}})")
                                         << QStringLiteral("roll_warn_deg (9) must not exceed rules.POSE_FRONTAL.roll_fail_deg");
        QTest::newRow("rgb of two") << QByteArray(R"({"name":"x","version":1,"rules":{"BACKGROUND_BLUE":{"reference_rgb":[1,2]}}})")
                                    << QStringLiteral("reference_rgb");
        QTest::newRow("empty editor") << QByteArray(R"({"name":"x","version":1,"rules":{"NOT_EDITED":{"editors":[""]}}})")
                                      << QStringLiteral("rules.NOT_EDITED.editors");
    }
    void invalidConfigurationsAreRefusedWithTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const QString error = overrideError(json);
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("school.json")));
    }

    void incompleteShippedFileIsRefused()
    {
        auto c = parseRuleConfig(R"({"name":"x","version":1,"rules":{"FILE_SIZE":{"enabled":true}}})");
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, QStringLiteral("config"));
        QVERIFY2(c.error().message.contains(QLatin1String("missing")), qPrintable(c.error().message));
    }

    void overrideFileIsReadAtStartUp()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("school.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name":"school","version":2,"rules":{"FILE_SIZE":{"bogus":1}}})");
        f.close();
        auto c = loadRuleConfig(path);
        QVERIFY(!c.ok());
        QVERIFY(c.error().message.contains(path));
        QVERIFY(!loadRuleConfig(dir.filePath(QStringLiteral("missing.json"))).ok());
    }

    void reportJsonRoundTripsAndPreselectsFailedRules()
    {
        RuleReport report;
        report.file = QStringLiteral("a.jpg");
        report.configName = QStringLiteral("national-2024");
        report.configVersion = 1;
        for (const QString& id : allRuleIds()) {
            RuleResult r;
            r.id = id;
            r.kind = *ruleKind(id);
            r.verdict = id == QLatin1String("BACKGROUND_BLUE") || id == QLatin1String("FILE_SIZE") ? Verdict::Fail
                        : id == QLatin1String("NOT_EDITED")                                       ? Verdict::Warn
                                                                                                  : Verdict::Pass;
            r.values.insert(QStringLiteral("x"), 1);
            r.explanationZh = QStringLiteral("说明");
            r.explanationEn = QStringLiteral("note");
            r.regions.append(RuleRegion{QStringLiteral("background"), QRect(1, 2, 3, 4)});
            report.results.push_back(r);
        }
        QCOMPARE(preselectedReasonIds(report), (QStringList{QStringLiteral("FILE_SIZE"), QStringLiteral("BACKGROUND_BLUE")}));
        QCOMPARE(preselectedReasonIds(report, true).size(), 3);
        QVERIFY(pd::ReasonCatalog::builtIn().unknown(preselectedReasonIds(report, true)).isEmpty());
        const QJsonObject json = ruleReportToJson(report);
        QCOMPARE(json.value(QStringLiteral("config")).toObject().value(QStringLiteral("version")).toInt(), 1);
        const auto back = ruleReportFromJson(json);
        QVERIFY(back);
        QCOMPARE(int(back->results.size()), 28);
        QCOMPARE(back->find(QStringLiteral("BACKGROUND_BLUE"))->verdict, Verdict::Fail);
        QCOMPARE(back->find(QStringLiteral("BACKGROUND_BLUE"))->regions.first().rect, QRect(1, 2, 3, 4));
        QCOMPARE(ruleReportToJson(*back), json);
    }
};

QTEST_GUILESS_MAIN(TestRuleConfig)
#include "tst_ruleconfig.moc"
