// Match-band configuration, distance classification and descriptor serialisation. No model.
#include "core/vision/FaceJson.h"
#include "core/vision/FaceMatcher.h"

#include <QFile>
#include <QtTest>

using namespace pd;

class TestFaceMatch : public QObject {
    Q_OBJECT
private slots:
    void shippedConfigurationIsValid()
    {
        QFile f(QStringLiteral(PHOTODESK_SOURCE_DIR "/resources/config/face-match.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto bands = loadMatchBands(f.readAll());
        QVERIFY2(bands.ok(), qPrintable(bands.ok() ? QString() : bands.error().message));
        QVERIFY(bands->matchMax > 0.3 && bands->matchMax < bands->mismatchMin);
        QVERIFY(bands->mismatchMin <= 0.6); // dlib's own same/different threshold
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{oops") << QStringLiteral("JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("object");
        QTest::newRow("version") << QByteArray(R"({"version":2,"match_max":0.5,"mismatch_min":0.6})") << QStringLiteral("version");
        QTest::newRow("missing") << QByteArray(R"({"version":1,"mismatch_min":0.6})") << QStringLiteral("match_max");
        QTest::newRow("string") << QByteArray(R"({"version":1,"match_max":"0.5","mismatch_min":0.6})") << QStringLiteral("match_max");
        QTest::newRow("negative") << QByteArray(R"({"version":1,"match_max":-0.5,"mismatch_min":0.6})") << QStringLiteral("match_max");
        QTest::newRow("huge") << QByteArray(R"({"version":1,"match_max":0.5,"mismatch_min":60})") << QStringLiteral("mismatch_min");
        QTest::newRow("inverted") << QByteArray(R"({"version":1,"match_max":0.7,"mismatch_min":0.6})") << QStringLiteral("must not be below");
        QTest::newRow("small face width") << QByteArray(R"({"version":1,"match_max":0.5,"mismatch_min":0.6,"small_face":{"mismatch_min":0.7}})")
                                          << QStringLiteral("small_face.width_below");
        QTest::newRow("small face narrower") << QByteArray(R"({"version":1,"match_max":0.5,"mismatch_min":0.6,"small_face":{"width_below":80,"mismatch_min":0.55}})")
                                             << QStringLiteral("small_face.mismatch_min");
    }
    void validation()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        auto bands = loadMatchBands(json);
        QVERIFY(!bands.ok());
        QCOMPARE(bands.error().code, VisionErrorCode::Config);
        QVERIFY2(bands.error().message.contains(mentions), qPrintable(bands.error().message));
    }

    void classification()
    {
        auto bands = loadMatchBands(R"({"version":1,"match_max":0.5,"mismatch_min":0.6,"model":"m","note":"x"})");
        QVERIFY(bands.ok());
        QCOMPARE(bands->model, QStringLiteral("m"));
        QCOMPARE(classifyDistance(0.2, bands.value()), MatchBand::Match);
        QCOMPARE(classifyDistance(0.5, bands.value()), MatchBand::Match);
        QCOMPARE(classifyDistance(0.55, bands.value()), MatchBand::Uncertain);
        QCOMPARE(classifyDistance(0.6, bands.value()), MatchBand::Mismatch);
        QCOMPARE(classifyDistance(-1, bands.value()), MatchBand::Mismatch);
        QCOMPARE(matchBandName(MatchBand::Uncertain), QStringLiteral("uncertain"));

        const std::vector<float> a{0, 0, 0}, b{0.3f, 0.3f, 0};
        auto m = matchDescriptors(a, b, bands.value(), QStringLiteral("model-x"));
        QVERIFY(m.ok());
        QVERIFY(std::abs(m->distance - std::sqrt(0.18)) < 1e-6);
        QCOMPARE(m->band, MatchBand::Match);
        QCOMPARE(matchToJson(m.value()).value(QStringLiteral("band")).toString(), QStringLiteral("match"));
        QVERIFY(!matchDescriptors(a, {1, 2}, bands.value(), {}).ok());
    }

    void smallFacesWidenTheUncertainZoneOnly()
    {
        auto bands = loadMatchBands(R"({"version":1,"match_max":0.5,"mismatch_min":0.6,"small_face":{"width_below":80,"mismatch_min":0.68}})");
        QVERIFY(bands.ok());
        QCOMPARE(bands->smallFaceWidth, 80);
        // A chip portrait's 49 px face on either side: 0.6015 (a same-person pair of the evaluation
        // corpus) is left to the reviewer instead of called a mismatch; "match" is unchanged.
        QCOMPARE(classifyDistance(0.6015, bands->forFaces(230, 49)), MatchBand::Uncertain);
        QCOMPARE(classifyDistance(0.6015, bands->forFaces(49, 230)), MatchBand::Uncertain);
        QCOMPARE(classifyDistance(0.70, bands->forFaces(230, 49)), MatchBand::Mismatch);
        QCOMPARE(classifyDistance(0.5, bands->forFaces(230, 49)), MatchBand::Match);
        QCOMPARE(classifyDistance(0.55, bands->forFaces(230, 49)), MatchBand::Uncertain);
        // Print-resolution and larger faces, and unknown widths, keep the normal bands.
        QCOMPARE(classifyDistance(0.6015, bands->forFaces(230, 102)), MatchBand::Mismatch);
        QCOMPARE(classifyDistance(0.6015, bands->forFaces(0, 0)), MatchBand::Mismatch);
        // Without the section nothing changes.
        auto plain = loadMatchBands(R"({"version":1,"match_max":0.5,"mismatch_min":0.6})");
        QVERIFY(plain.ok());
        QCOMPARE(classifyDistance(0.6015, plain->forFaces(230, 49)), MatchBand::Mismatch);
    }

    void descriptorRoundTrip()
    {
        std::vector<float> d(128);
        for (size_t i = 0; i < d.size(); ++i)
            d[i] = float(i) * 0.01f - 0.6f;
        const QByteArray blob = descriptorToBytes(d);
        QCOMPARE(blob.size(), 512);
        QCOMPARE(descriptorFromBytes(blob).value(), d);
        QVERIFY(!descriptorFromBytes(blob.left(511)).has_value());
        QCOMPARE(descriptorFromJson(descriptorToJson(d)).value().size(), size_t(128));
    }
};

QTEST_GUILESS_MAIN(TestFaceMatch)
#include "tst_facematch.moc"
