// The rule engine on the labelled variant corpus (tools/rule-variants): every variant fails the
// rule it was made to break, the clean base photos fail none of the automated rules.
#include "core/vision/FaceMatcher.h"
#include "core/vision/rules/PerceptualHash.h"
#include "core/vision/rules/RuleEngine.h"
#include "core/vision/rules/RuleReportJson.h"
#include "tools/rule-variants/RuleVariants.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>
#include <memory>

using namespace pd;
using namespace pd::rules;

namespace {
struct VectorLookup : DuplicateLookup {
    struct Row {
        qint64 photoId, studentId;
        quint64 phash, code;
        QByteArray descriptor = {}; // as the store keeps it (float32), empty: none stored
    };
    std::vector<Row> rows;
    std::vector<DuplicateCandidate> findNear(quint64 phash, int maxHash, quint64 code, int maxCode) const override
    {
        std::vector<DuplicateCandidate> out;
        for (const Row& r : rows) {
            DuplicateCandidate c{r.photoId, r.studentId, QStringLiteral("submitted"), hammingDistance(phash, r.phash),
                                 maxCode >= 0 ? hammingDistance(code, r.code) : 64, r.descriptor};
            if (c.hashDistance <= maxHash || c.faceCodeDistance <= maxCode)
                out.push_back(c);
        }
        return out;
    }
};
} // namespace

class TestRules : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<const FaceAnalyzer> m_analyzer;
    std::unique_ptr<RuleEngine> m_engine;
    variants::VariantCorpus m_corpus;
    struct Analysed {
        QByteArray bytes;
        cv::Mat bgr;
        std::optional<FaceAnalysis> analysis;
    };
    std::map<QString, Analysed> m_cache;

    const Analysed& analysed(const QString& file)
    {
        auto it = m_cache.find(file);
        if (it != m_cache.end())
            return it->second;
        Analysed a;
        a.bytes = test::readFileOrFail(QDir(m_dir.path()).filePath(file));
        if (auto loaded = loadImage(a.bytes)) {
            a.bgr = loaded->bgr;
            if (auto fa = m_analyzer->analyze(a.bgr))
                a.analysis = fa.value();
        }
        return m_cache.emplace(file, std::move(a)).first->second;
    }
    ReferencePhoto reference(const QString& file)
    {
        ReferencePhoto ref;
        if (file.isEmpty())
            return ref;
        const Analysed& a = analysed(file);
        ref.given = true;
        ref.phash = perceptualHash(a.bgr);
        if (a.analysis && a.analysis->largest())
            ref.descriptor = a.analysis->largest()->descriptor;
        return ref;
    }
    RuleReport evaluate(const QString& file, const QString& enrollment = {}, const QString& idCard = {},
                        const DuplicateLookup* lookup = nullptr, qint64 studentId = 0)
    {
        const Analysed& a = analysed(file);
        RuleInput in;
        in.bytes = a.bytes;
        in.fileName = file;
        in.bgr = a.bgr;
        in.analysis = a.analysis ? &*a.analysis : nullptr;
        in.enrollment = reference(enrollment);
        in.idCard = reference(idCard);
        in.duplicates = lookup;
        in.studentId = studentId;
        return m_engine->evaluate(in);
    }

private slots:
    void initTestCase()
    {
        auto analyzer = FaceAnalyzer::shared();
        QVERIFY2(analyzer.ok(), analyzer.ok() ? "" : qPrintable(analyzer.error().message));
        m_analyzer = analyzer.value();
        auto config = loadRuleConfig();
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        auto bands = loadDefaultMatchBands();
        QVERIFY(bands.ok());
        m_engine = std::make_unique<RuleEngine>(config.value(), bands.value());
        QStringList portraits;
        for (const QString& name : variants::defaultBaseNames())
            portraits << test::facePath(name + QStringLiteral(".jpg"));
        auto corpus = variants::makeRuleVariants(*m_analyzer, portraits, m_dir.path());
        QVERIFY2(corpus.ok(), corpus.ok() ? "" : qPrintable(corpus.error().message));
        m_corpus = corpus.value();
        QCOMPARE(m_corpus.bases.size(), 4);
        QVERIFY(m_corpus.variants.size() >= 4 * 20);
        QVERIFY(QFile::exists(QDir(m_dir.path()).filePath(QStringLiteral("manifest.json"))));
    }

    void reportHasAll28RulesWithKindsAndConfigVersion()
    {
        const RuleReport r = evaluate(m_corpus.bases.first().file);
        QCOMPARE(int(r.results.size()), 28);
        for (int i = 0; i < 28; ++i) {
            QCOMPARE(r.results[size_t(i)].id, allRuleIds().at(i));
            QVERIFY(!r.results[size_t(i)].explanationZh.isEmpty());
            QVERIFY(!r.results[size_t(i)].explanationEn.isEmpty());
        }
        QCOMPARE(r.configName, QStringLiteral("national-2024"));
        QCOMPARE(r.configVersion, 3);
        for (const char* id : {"NO_HEADWEAR", "NO_JEWELRY"}) {
            QCOMPARE(r.find(QLatin1String(id))->kind, RuleKind::Checklist);
            QCOMPARE(r.find(QLatin1String(id))->verdict, rules::Verdict::NotApplicable);
            QVERIFY(!r.find(QLatin1String(id))->regions.isEmpty());
        }
        QCOMPARE(r.find(QStringLiteral("MATCH_ENROLLMENT"))->verdict, rules::Verdict::NotApplicable); // not given
        QVERIFY(!r.find(QStringLiteral("GLASSES_OK"))->regions.isEmpty());
        QVERIFY(r.find(QStringLiteral("HEAD_CENTERED"))->values.contains(QStringLiteral("eye_line_px")));
    }

    void cleanBasePhotosFailNoAutomatedRule()
    {
        for (const auto& base : m_corpus.bases) {
            const RuleReport r = evaluate(base.file);
            for (const RuleResult& res : r.results) {
                if (res.kind != RuleKind::Automated)
                    continue;
                QVERIFY2(res.verdict != rules::Verdict::Fail && res.verdict != rules::Verdict::Error,
                         qPrintable(QStringLiteral("%1: %2 %3 %4").arg(base.name, res.id, verdictName(res.verdict),
                                                                        QString::fromUtf8(QJsonDocument(res.values).toJson(QJsonDocument::Compact)))));
            }
            QVERIFY(preselectedReasonIds(r).isEmpty() || !preselectedReasonIds(r).contains(QStringLiteral("BACKGROUND_BLUE")));
        }
    }

    void headPoseIsReportedInDegreesAndTheMessageNamesTheAngle()
    {
        for (const auto& base : m_corpus.bases) {
            const RuleResult* pose = evaluate(base.file).find(QStringLiteral("POSE_FRONTAL"));
            QVERIFY(pose->values.value(QStringLiteral("measured")).toBool());
            for (const char* key : {"yaw_deg", "pitch_deg", "roll_deg", "yaw_warn_deg", "pitch_warn_deg", "roll_fail_deg"})
                QVERIFY2(pose->values.contains(QLatin1String(key)), key);
            // Upright portraits: roll from the eye line within a couple of degrees; the fitted
            // model is no mirrored solution (its own roll stays near the eye line's).
            QVERIFY(std::abs(pose->values.value(QStringLiteral("roll_deg")).toDouble()) < 3);
            QVERIFY(std::abs(pose->values.value(QStringLiteral("model_roll_deg")).toDouble()) < 6);
            QVERIFY(std::abs(pose->values.value(QStringLiteral("yaw_deg")).toDouble()) < 20);
        }
        for (const auto& v : m_corpus.variants) {
            if (v.rule != QLatin1String("POSE_FRONTAL"))
                continue;
            const RuleResult* pose = evaluate(v.file).find(QStringLiteral("POSE_FRONTAL"));
            QCOMPARE(pose->verdict, rules::Verdict::Fail);
            QVERIFY2(std::abs(std::abs(pose->values.value(QStringLiteral("roll_deg")).toDouble()) - 15) < 1.5, qPrintable(v.file));
            QVERIFY2(pose->explanationEn.contains(QStringLiteral("roll")), qPrintable(pose->explanationEn));
        }
    }

    void headCenteredReportsTheMarginsAndNoWarningInsideTheTolerance()
    {
        const RuleResult* res = evaluate(m_corpus.bases.first().file).find(QStringLiteral("HEAD_CENTERED"));
        for (const char* key : {"margin_left_px", "margin_right_px", "margin_above_px", "margin_below_px"})
            QVERIFY2(res->values.value(QLatin1String(key)).toDouble() > 0, key);
        QVERIFY(res->verdict == rules::Verdict::Pass || res->verdict == rules::Verdict::Fail);
        QCOMPARE(res->regions.size(), 2);
    }

    void everyVariantFailsItsRule()
    {
        QStringList misses;
        for (const auto& v : m_corpus.variants) {
            const RuleReport r = evaluate(v.file, v.enrollment, v.idCard);
            const RuleResult* res = r.find(v.rule);
            QVERIFY(res);
            const bool caught = res->verdict == rules::Verdict::Fail || (v.expect == QLatin1String("warn") && res->verdict == rules::Verdict::Warn);
            if (!caught)
                misses << QStringLiteral("%1 %2: %3 %4").arg(v.file, v.rule, verdictName(res->verdict),
                                                            QString::fromUtf8(QJsonDocument(res->values).toJson(QJsonDocument::Compact)));
            if (v.expect == QLatin1String("fail"))
                QVERIFY2(preselectedReasonIds(r).contains(v.rule) || !caught, qPrintable(v.file));
        }
        QVERIFY2(misses.isEmpty(), qPrintable(misses.join(QLatin1Char('\n'))));
    }

    void anotherStudentsPhotoIsFoundThroughTheLookup()
    {
        const QString file = m_corpus.bases.first().file;
        const Analysed& a = analysed(file);
        VectorLookup lookup;
        lookup.rows.push_back({77, 2002, perceptualHash(a.bgr) ^ 0x5ULL, descriptorCode(a.analysis->largest()->descriptor)});
        lookup.rows.push_back({78, 2003, ~perceptualHash(a.bgr), ~descriptorCode(a.analysis->largest()->descriptor)});
        const RuleReport r = evaluate(file, {}, {}, &lookup, 1001);
        const RuleResult* res = r.find(QStringLiteral("NOT_REUSED"));
        QCOMPARE(res->verdict, rules::Verdict::Fail);
        const QJsonArray others = res->values.value(QStringLiteral("other_students")).toArray();
        QCOMPARE(others.size(), 1);
        QCOMPARE(others.first().toObject().value(QStringLiteral("photo_id")).toInteger(), 77);
        // The same photo belonging to the student's own earlier submission is only a warning.
        lookup.rows.front().studentId = 1001;
        QCOMPARE(evaluate(file, {}, {}, &lookup, 1001).find(QStringLiteral("NOT_REUSED"))->verdict, rules::Verdict::Warn);
    }

    void aFaceCodeCandidateIsConfirmedByItsDescriptor()
    {
        // Another student's photo whose face code is within the radius (same person, another
        // picture — or plain chance): the descriptor decides, not the 64-bit code.
        const QString file = m_corpus.bases.first().file;
        const Analysed& a = analysed(file);
        const std::vector<float>& own = a.analysis->largest()->descriptor;
        std::vector<float> other = own;
        for (size_t i = 0; i < other.size(); i += 2)
            other[i] += 0.05f; // ≈ 0.4 away: a different picture, not a copy
        const auto bytes = [](const std::vector<float>& d) {
            return QByteArray(reinterpret_cast<const char*>(d.data()), qsizetype(d.size() * sizeof(float)));
        };
        VectorLookup lookup;
        lookup.rows.push_back({77, 2002, ~perceptualHash(a.bgr), descriptorCode(own), bytes(other)});
        const RuleReport report = evaluate(file, {}, {}, &lookup, 1001);
        const RuleResult* res = report.find(QStringLiteral("NOT_REUSED"));
        QVERIFY2(res->verdict == rules::Verdict::Pass, qPrintable(QJsonDocument(res->values).toJson(QJsonDocument::Compact)));
        // The same descriptor (a copy of the face) is re-use.
        lookup.rows.front().descriptor = bytes(own);
        QCOMPARE(evaluate(file, {}, {}, &lookup, 1001).find(QStringLiteral("NOT_REUSED"))->verdict, rules::Verdict::Fail);
    }

    void unreadableBytesGiveErrorsNotCrashes()
    {
        RuleInput in;
        in.bytes = QByteArray("GIF89a garbage");
        in.fileName = QStringLiteral("x.jpg");
        const RuleReport r = m_engine->evaluate(in);
        QCOMPARE(int(r.results.size()), 28);
        QCOMPARE(r.find(QStringLiteral("FILE_FORMAT"))->verdict, rules::Verdict::Fail);
        QCOMPARE(r.find(QStringLiteral("FILE_SIZE"))->verdict, rules::Verdict::Fail);
        QCOMPARE(r.find(QStringLiteral("SHARPNESS"))->verdict, rules::Verdict::Error);
    }

    void disabledRuleIsNotApplicable()
    {
        auto config = applyRuleConfigOverride(m_engine->config(), R"({"name":"s","version":2,"rules":{"EXPOSURE":{"enabled":false}}})");
        QVERIFY(config.ok());
        const RuleEngine engine(config.value(), m_engine->bands());
        const Analysed& a = analysed(m_corpus.bases.first().name + QStringLiteral("_underexposed.jpg"));
        RuleInput in;
        in.bytes = a.bytes;
        in.bgr = a.bgr;
        in.analysis = a.analysis ? &*a.analysis : nullptr;
        const RuleReport r = engine.evaluate(in);
        QCOMPARE(r.find(QStringLiteral("EXPOSURE"))->verdict, rules::Verdict::NotApplicable);
        QCOMPARE(r.configVersion, 2);
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
