// The evaluation corpus (tools/eval-corpus) and the counting of photodesk-bench-eval: the tally
// fed with made-up verdicts and bands, the manifest's round trip, and a small generated corpus
// whose labels, files and counting are checked — not the detectors' quality (that is the bench's
// job: docs/photo-rules.md "Evaluation corpus").
#include "core/vision/ImageLoader.h"
#include "core/vision/rules/BatchAnalysis.h"
#include "tools/eval-corpus/EvalCorpus.h"
#include "tools/eval-corpus/EvaluationTally.h"

#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace pd;
using namespace pd::eval;
using V = pd::rules::Verdict;

namespace {

EvalPhoto fault(const QString& file, const QString& rule, const QString& expect)
{
    return EvalPhoto{file, QStringLiteral("fault"), QStringLiteral("b"), QStringLiteral("v"), {{rule, expect}}, {}, {}};
}

EvalPhoto compliantPhoto(const QString& file)
{
    return EvalPhoto{file, QStringLiteral("compliant"), QStringLiteral("b"), QStringLiteral("jitter_00"), {}, {}, {}};
}

EvalPair pair(const QString& kind, bool same)
{
    return EvalPair{QStringLiteral("s.jpg"), QStringLiteral("r.jpg"), kind, same, QStringLiteral("a"), same ? QStringLiteral("a") : QStringLiteral("b"), false, false};
}

RuleTally ruleOf(const EvaluationTally& t, const QString& id)
{
    for (const RuleTally& r : t.rules())
        if (r.rule == id)
            return r;
    return {};
}

BandTally bandOf(const EvaluationTally& t, const QString& kind)
{
    for (const BandTally& b : t.bands())
        if (b.referenceKind == kind)
            return b;
    return {};
}

QByteArray sha(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

} // namespace

class TestEvalCorpus : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    EvalCorpus m_corpus;

private slots:
    void tallyCountsFaultsByExpectation()
    {
        EvaluationTally t;
        const QString bg = QStringLiteral("BACKGROUND_BLUE"), ne = QStringLiteral("NOT_EDITED");
        t.addPhoto(fault(QStringLiteral("1"), bg, QStringLiteral("fail")), {{bg, V::Fail}});
        t.addPhoto(fault(QStringLiteral("2"), bg, QStringLiteral("fail")), {{bg, V::Warn}}); // a warning is not enough
        t.addPhoto(fault(QStringLiteral("3"), bg, QStringLiteral("fail")), {{bg, V::Pass}});
        t.addPhoto(fault(QStringLiteral("4"), bg, QStringLiteral("fail")), {{bg, V::Error}});
        t.addPhoto(fault(QStringLiteral("5"), ne, QStringLiteral("warn")), {{ne, V::Warn}});
        t.addPhoto(fault(QStringLiteral("6"), ne, QStringLiteral("warn")), {{ne, V::Fail}});
        t.addPhoto(fault(QStringLiteral("7"), ne, QStringLiteral("warn")), {}); // the rule did not run
        const RuleTally b = ruleOf(t, bg);
        QCOMPARE(b.faults, 4);
        QCOMPARE(b.caught, 1);
        QCOMPARE(b.warnedOnly, 1);
        QCOMPARE(b.errors, 1);
        QCOMPARE(b.caughtPercent(), 25.0);
        const RuleTally n = ruleOf(t, ne);
        QCOMPARE(n.faults, 3);
        QCOMPARE(n.caught, 2);
        QCOMPARE(n.caughtByWarn, 1);
        QCOMPARE(t.faultPhotos(), 7);
        // Fault photos never count as compliant ones, whatever their other verdicts.
        QCOMPARE(b.compliant, 0);
        QCOMPARE(int(t.findings().size()), 4); // 2, 3, 4 and 7
        QCOMPARE(t.findings().front().expected, QStringLiteral("fail"));
        QCOMPARE(t.findings().front().verdict, QStringLiteral("warn"));
    }

    void tallyCountsFalseFlagsOnCompliantPhotos()
    {
        EvaluationTally t;
        const QString gl = QStringLiteral("GLASSES_OK"), mi = QStringLiteral("MATCH_ID");
        t.addPhoto(compliantPhoto(QStringLiteral("a")), {{gl, V::Pass}, {mi, V::NotApplicable}});
        t.addPhoto(compliantPhoto(QStringLiteral("b")), {{gl, V::Warn}, {mi, V::NotApplicable}});
        t.addPhoto(compliantPhoto(QStringLiteral("c")), {{gl, V::Fail}, {mi, V::Pass}});
        t.addPhoto(compliantPhoto(QStringLiteral("d")), {{gl, V::Error}, {mi, V::Pass}});
        QCOMPARE(t.compliantPhotos(), 4);
        const RuleTally g = ruleOf(t, gl);
        QCOMPARE(g.compliant, 4);
        QCOMPARE(g.falseFails, 1);
        QCOMPARE(g.falseWarns, 1);
        QCOMPARE(g.errors, 1);
        QCOMPARE(g.falseFlagPercent(), 50.0);
        // not_applicable (no reference given) is not a photo the rule judged.
        QCOMPARE(ruleOf(t, mi).compliant, 2);
        QCOMPARE(int(t.findings().size()), 2);
        // Every catalog rule has a row, in catalog order.
        QCOMPARE(int(t.rules().size()), int(rules::allRuleIds().size()));
        QCOMPARE(t.rules().front().rule, rules::allRuleIds().front());
    }

    void tallyCountsHeldOutFlags()
    {
        // The smile_teeth photos are people no threshold was chosen on: every rule but the
        // labelled one counts as a held-out judgement there; other fault photos do not count.
        EvaluationTally t;
        const QString mc = QStringLiteral("MOUTH_CLOSED"), po = QStringLiteral("POSE_FRONTAL"), sh = QStringLiteral("SHARPNESS"),
                      mi = QStringLiteral("MATCH_ID");
        EvalPhoto smile = fault(QStringLiteral("s1"), mc, QStringLiteral("fail"));
        smile.variant = QLatin1String(kHeldOutVariant);
        t.addPhoto(smile, {{mc, V::Fail}, {po, V::Warn}, {sh, V::Pass}, {mi, V::NotApplicable}});
        smile.file = QStringLiteral("s2");
        t.addPhoto(smile, {{mc, V::Pass}, {po, V::Pass}, {sh, V::Fail}, {mi, V::NotApplicable}});
        t.addPhoto(fault(QStringLiteral("f"), mc, QStringLiteral("fail")), {{mc, V::Fail}, {po, V::Fail}});
        QCOMPARE(ruleOf(t, mc).heldOut, 0); // the labelled rule is a fault there, not a held-out judgement
        QCOMPARE(ruleOf(t, po).heldOut, 2);
        QCOMPARE(ruleOf(t, po).heldOutFlags, 1);
        QCOMPARE(ruleOf(t, sh).heldOutFlags, 1);
        QCOMPARE(ruleOf(t, sh).heldOutFlagPercent(), 50.0);
        QCOMPARE(ruleOf(t, mi).heldOut, 0);
        QCOMPARE(ruleOf(t, po).compliant, 0);
        // s2's missed smile plus the two held-out flags.
        QCOMPARE(int(t.findings().size()), 3);
    }

    void tallyCountsBands()
    {
        EvaluationTally t;
        const QString chip = QLatin1String(kChipJpeg);
        t.addPair(pair(chip, true), MatchBand::Match);
        t.addPair(pair(chip, false), MatchBand::Mismatch);
        t.addPair(pair(chip, true), MatchBand::Mismatch);
        t.addPair(pair(chip, false), MatchBand::Match);
        t.addPair(pair(chip, true), MatchBand::Uncertain);
        t.addCompareResult(pair(chip, true), QJsonObject{{QStringLiteral("band"), QJsonValue::Null}, {QStringLiteral("error"), QStringLiteral("no_face")}});
        t.addCompareResult(pair(chip, false), QJsonObject{{QStringLiteral("band"), QJsonValue::Null}, {QStringLiteral("error"), QStringLiteral("unsupported_format")}});
        t.addCompareResult(pair(chip, false), QJsonObject{{QStringLiteral("band"), QStringLiteral("mismatch")}});
        EvalPair twins = pair(chip, false);
        twins.twins = true;
        t.addPair(twins, MatchBand::Match);
        const BandTally b = bandOf(t, chip);
        QCOMPARE(b.pairs, 9);
        QCOMPARE(b.samePairs, 4);
        QCOMPARE(b.right, 3);
        QCOMPARE(b.wrong, 3);
        QCOMPARE(b.wrongTwins, 1);
        QCOMPARE(b.uncertain, 1);
        QCOMPARE(b.noFace, 1);
        QCOMPARE(b.unreadable, 1);
        QCOMPARE(b.uncertainPercent(), 100.0 / 3);
        QCOMPARE(int(t.pairFindings().size()), 6);
        QCOMPARE(int(t.bands().size()), int(referenceKinds().size()));
        QCOMPARE(bandOf(t, QLatin1String(kPrint)).pairs, 0);
    }

    void tallyReadsAnalysisReports()
    {
        EvaluationTally t;
        const QJsonObject report{
            {QStringLiteral("elapsed_ms"), 12.5},
            {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("SHARPNESS")}, {QStringLiteral("verdict"), QStringLiteral("fail")}},
                                                 QJsonObject{{QStringLiteral("id"), QStringLiteral("EXPOSURE")}, {QStringLiteral("verdict"), QStringLiteral("warn")}}}},
            {QStringLiteral("faces"), QJsonObject{{QStringLiteral("photo"), QJsonObject{{QStringLiteral("timings_ms"),
                                                                                         QJsonObject{{QStringLiteral("detect"), 100.0}, {QStringLiteral("descriptor"), 50.0}}}}}}}};
        t.addReport(fault(QStringLiteral("x"), QStringLiteral("SHARPNESS"), QStringLiteral("fail")), report);
        QCOMPARE(ruleOf(t, QStringLiteral("SHARPNESS")).caught, 1);
        QCOMPARE(t.ruleMs(), std::vector<double>{12.5});
        QCOMPARE(t.faceMs(), std::vector<double>{150.0});
        QCOMPARE(verdictsOf(report).value(QStringLiteral("EXPOSURE")), V::Warn);
        QCOMPARE(percentile({1, 2, 3, 4}, 0.5), 2.5);
        // The output names every rule and reference kind.
        const auto lines = tallyJson(t, {{QStringLiteral("EYES_OPEN"), QStringLiteral("why")}});
        QCOMPARE(int(lines.size()), int(rules::allRuleIds().size() + referenceKinds().size()) + 2);
        QVERIFY(tallyTable(t, {}).contains(QStringLiteral("| SHARPNESS | automated | 1 | 1 | 100 |")));
    }

    void personNames()
    {
        QCOMPARE(personOf(QStringLiteral("obama_3")), QStringLiteral("obama"));
        QCOMPARE(personOf(QStringLiteral("morgan_2_iss")), QStringLiteral("morgan"));
        QCOMPARE(personOf(QStringLiteral("scott_kelly_1")), QStringLiteral("scott_kelly"));
    }

    void manifestRoundTrip()
    {
        EvalCorpus c;
        c.photos = {fault(QStringLiteral("fault/x.jpg"), QStringLiteral("SHARPNESS"), QStringLiteral("fail")), compliantPhoto(QStringLiteral("compliant/y.jpg"))};
        c.photos[1].enrollment = QStringLiteral("references/e.jpg");
        c.pairs = {pair(QLatin1String(kChipBmp), true)};
        c.uncovered = {{QStringLiteral("EYES_OPEN"), QStringLiteral("why")}};
        auto back = EvalCorpus::fromManifest(c.manifest(), QStringLiteral("/d"));
        QVERIFY(back.ok());
        QCOMPARE(back->manifest(), c.manifest());
        QCOMPARE(back->photos[1].enrollment, QStringLiteral("references/e.jpg"));
        // A fault without a rule, or a compliant photo with one, is a broken label.
        QJsonObject bad = c.manifest();
        QJsonArray photos = bad.value(QStringLiteral("photos")).toArray();
        QJsonObject p = photos[0].toObject();
        p.insert(QStringLiteral("rules"), QJsonArray());
        photos[0] = p;
        bad.insert(QStringLiteral("photos"), photos);
        QCOMPARE(EvalCorpus::fromManifest(bad, {}).error().code, QStringLiteral("config"));
    }

    void smallCorpusIsLabelledAndDeterministic()
    {
        auto analyzer = FaceAnalyzer::shared();
        QVERIFY2(analyzer.ok(), analyzer.ok() ? "" : qPrintable(analyzer.error().message));
        const QString fixtures = QFileInfo(test::facePath(QStringLiteral("obama_3.jpg"))).path();
        auto made = makeEvalCorpus(*analyzer.value(), fixtures, m_dir.path(), smallCorpusOptions());
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        auto loaded = EvalCorpus::load(m_dir.path());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->manifest(), made->manifest());
        m_corpus = loaded.value();

        const QDir dir(m_dir.path());
        int compliant = 0;
        for (const EvalPhoto& p : m_corpus.photos) {
            QVERIFY2(QFileInfo::exists(dir.filePath(p.file)), qPrintable(p.file));
            for (const RuleExpectation& e : p.rules) {
                QVERIFY2(rules::allRuleIds().contains(e.rule), qPrintable(e.rule));
                QVERIFY(e.expect == QLatin1String("fail") || e.expect == QLatin1String("warn"));
            }
            if (p.kind == QLatin1String("compliant")) {
                ++compliant;
                auto img = loadImageFile(dir.filePath(p.file));
                QVERIFY(img.ok());
                QCOMPARE(img->bgr.cols, 480);
                QCOMPARE(img->bgr.rows, 640);
                QVERIFY(QFileInfo(dir.filePath(p.file)).size() > 30 * 1024);
            }
        }
        QCOMPARE(compliant, smallCorpusOptions().compliantPerBase);
        // One fault per realistic variant of the base and the smile of the smiling base.
        QStringList faultRules;
        for (const EvalPhoto& p : m_corpus.photos)
            for (const RuleExpectation& e : p.rules)
                faultRules << e.rule;
        for (const char* rule : {"BACKGROUND_BLUE", "BACKGROUND_UNIFORM", "HEAD_SIZE", "HEAD_CENTERED", "EXPOSURE", "GLASSES_OK", "NOT_EDITED",
                                 "NOT_SELFIE", "SINGLE_FACE", "SHARPNESS", "MOUTH_CLOSED", "NO_HEAVY_MAKEUP"})
            QVERIFY2(faultRules.contains(QLatin1String(rule)), rule);
        // Every reference kind, with same- and different-person pairs, at its size and format.
        for (const QString& kind : referenceKinds()) {
            int same = 0, different = 0;
            for (const EvalPair& p : m_corpus.pairs)
                if (p.referenceKind == kind) {
                    (p.same ? same : different) += 1;
                    QVERIFY(QFileInfo::exists(dir.filePath(p.submission)));
                    const QByteArray bytes = test::readFileOrFail(dir.filePath(p.reference));
                    auto header = probeImageHeader(bytes);
                    if (kind == QLatin1String(kChipBmp)) {
                        QVERIFY(bytes.startsWith("BM"));
                    } else if (kind != QLatin1String(kEnrollment)) {
                        QVERIFY(header.ok());
                        QCOMPARE(header->width, kind == QLatin1String(kPrint) ? 358 : 102);
                        QCOMPARE(header->height, kind == QLatin1String(kPrint) ? 441 : 126);
                    }
                }
            QVERIFY2(same > 0 && different > 0, qPrintable(kind));
        }
        QVERIFY(!m_corpus.uncovered.isEmpty());

        // Fixed seeds: a second run writes the same files.
        QTemporaryDir again;
        QVERIFY(makeEvalCorpus(*analyzer.value(), fixtures, again.path(), smallCorpusOptions()).ok());
        for (const QString& file : {QStringLiteral("manifest.json"), m_corpus.photos.front().file, m_corpus.photos.back().file,
                                    m_corpus.pairs.front().reference})
            QVERIFY2(sha(dir.filePath(file)) == sha(QDir(again.path()).filePath(file)), qPrintable(file));
    }

    // The bench's loop on the small corpus: every photo and pair lands in exactly one count.
    void benchCountingOnTheSmallCorpus()
    {
        QVERIFY(!m_corpus.photos.isEmpty());
        auto session = rules::PhotoAnalysisSession::create();
        QVERIFY(session.ok());
        const QDir dir(m_dir.path());
        const auto path = [&](const QString& rel) { return rel.isEmpty() ? QString() : dir.filePath(rel); };
        EvaluationTally tally;
        rules::runOrdered(
            int(m_corpus.photos.size()), 2,
            [&](int i) {
                const EvalPhoto& p = m_corpus.photos.at(i);
                return session.value()->analyze({path(p.file), path(p.enrollment), path(p.idCard)}).value();
            },
            [&](int i, const QJsonObject& report) { tally.addReport(m_corpus.photos.at(i), report); });
        std::vector<rules::ComparePair> pairs;
        for (const EvalPair& p : m_corpus.pairs)
            pairs.push_back({path(p.submission), path(p.reference), {}});
        rules::comparePairs(session.value()->analyzer(), session.value()->bands(), pairs, 2,
                            [&](int i, const QJsonObject& r) { tally.addCompareResult(m_corpus.pairs.at(i), r); });

        int expectations = 0, compliant = 0;
        for (const EvalPhoto& p : m_corpus.photos) {
            expectations += int(p.rules.size());
            compliant += p.kind == QLatin1String("compliant");
        }
        int faults = 0;
        for (const RuleTally& r : tally.rules()) {
            faults += r.faults;
            QVERIFY(r.caught + r.warnedOnly <= r.faults);
            QVERIFY(r.falseFails + r.falseWarns + r.errors <= r.compliant);
            QVERIFY(r.compliant <= compliant);
        }
        QCOMPARE(faults, expectations);
        QCOMPARE(tally.compliantPhotos(), compliant);
        QCOMPARE(int(tally.ruleMs().size()), int(m_corpus.photos.size()));
        int banded = 0;
        for (const BandTally& b : tally.bands()) {
            QCOMPARE(b.right + b.wrong + b.uncertain + b.noFace + b.unreadable, b.pairs);
            banded += b.pairs;
        }
        QCOMPARE(banded, int(m_corpus.pairs.size()));
    }
};

QTEST_GUILESS_MAIN(TestEvalCorpus)
#include "tst_evalcorpus.moc"
