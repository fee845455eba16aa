// The converter refuses tampered, truncated or foreign weights and converts a well-formed
// weights file (synthetic here: the real one is pinned by SHA-256 and fetched by the set-up).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Synthetic {
    QByteArray manifest;
    QByteArray weights;
};

// The 29 conv units of dlib's face ResNet in forward order, each with filters/bias/scale
// weights/scale biases, then fc [256,128]: 117 tensors, all uint8-quantized.
Synthetic syntheticWeights()
{
    struct Unit { QString name; int k, in, out; };
    std::vector<Unit> units{{QStringLiteral("conv32_down"), 7, 3, 32}};
    const auto residual = [&](const QString& name, int in, int out) {
        units.push_back({name + QStringLiteral("/conv1"), 3, in, out});
        units.push_back({name + QStringLiteral("/conv2"), 3, out, out});
    };
    for (int i = 1; i <= 3; ++i) residual(QStringLiteral("conv32_%1").arg(i), 32, 32);
    residual(QStringLiteral("conv64_down"), 32, 64);
    for (int i = 1; i <= 3; ++i) residual(QStringLiteral("conv64_%1").arg(i), 64, 64);
    residual(QStringLiteral("conv128_down"), 64, 128);
    for (int i = 1; i <= 2; ++i) residual(QStringLiteral("conv128_%1").arg(i), 128, 128);
    residual(QStringLiteral("conv256_down"), 128, 256);
    for (int i = 1; i <= 2; ++i) residual(QStringLiteral("conv256_%1").arg(i), 256, 256);
    residual(QStringLiteral("conv256_down_out"), 256, 256);

    QJsonArray tensors;
    QByteArray bin;
    QRandomGenerator rng(42);
    const auto add = [&](const QString& name, QJsonArray shape, double min, double scale) {
        qint64 n = 1;
        for (const auto& d : shape) n *= d.toInteger();
        tensors.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("shape"), shape},
                                   {QStringLiteral("dtype"), QStringLiteral("float32")},
                                   {QStringLiteral("quantization"), QJsonObject{{QStringLiteral("dtype"), QStringLiteral("uint8")},
                                                                                {QStringLiteral("min"), min}, {QStringLiteral("scale"), scale}}}});
        for (qint64 i = 0; i < n; ++i)
            bin.append(char(rng.bounded(256)));
    };
    for (const auto& u : units) {
        const QString prefix = u.name == QLatin1String("conv32_down") ? u.name : u.name;
        add(prefix + QStringLiteral("/conv/filters"), QJsonArray{u.k, u.k, u.in, u.out}, -0.05, 0.1 / 255);
        add(prefix + QStringLiteral("/conv/bias"), QJsonArray{u.out}, -0.01, 0.02 / 255);
        add(prefix + QStringLiteral("/scale/weights"), QJsonArray{u.out}, 0.5, 1.0 / 255);
        add(prefix + QStringLiteral("/scale/biases"), QJsonArray{u.out}, -0.1, 0.2 / 255);
    }
    add(QStringLiteral("fc"), QJsonArray{256, 128}, -0.05, 0.1 / 255);
    const QJsonArray manifest{QJsonObject{{QStringLiteral("weights"), tensors},
                                          {QStringLiteral("paths"), QJsonArray{QStringLiteral("face_recognition_model.bin")}}}};
    return {QJsonDocument(manifest).toJson(QJsonDocument::Compact), bin};
}

struct Run {
    int exitCode;
    QString err;
};

Run convert(const QString& dir, const QByteArray& manifest, const QByteArray& weights, const QStringList& extra)
{
    const auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile f(dir + QLatin1Char('/') + name);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write test file");
    };
    write(QStringLiteral("manifest.json"), manifest);
    write(QStringLiteral("weights.bin"), weights);
    QProcess p;
    p.start(QStringLiteral(PHOTODESK_CONVERTER),
            QStringList{QStringLiteral("--weights"), dir + QStringLiteral("/weights.bin"), QStringLiteral("--manifest"),
                        dir + QStringLiteral("/manifest.json"), QStringLiteral("--output"), dir + QStringLiteral("/model.dat")}
                + extra);
    if (!p.waitForFinished(90000))
        qFatal("converter did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestFaceModelConverter : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { m_synthetic = syntheticWeights(); }

    void refusesUnpinnedWeights()
    {
        // Weights that are not the pinned release (as a tampered file would be) are refused.
        QTemporaryDir dir;
        const Run r = convert(dir.path(), m_synthetic.manifest, m_synthetic.weights, {});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("[checksum]")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("model.dat"))));
    }

    void refusesTruncatedOrPaddedWeights()
    {
        QTemporaryDir dir;
        Run r = convert(dir.path(), m_synthetic.manifest, m_synthetic.weights.left(m_synthetic.weights.size() - 100),
                        {QStringLiteral("--accept-unpinned-weights")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("[size_mismatch]")), qPrintable(r.err));
        r = convert(dir.path(), m_synthetic.manifest, m_synthetic.weights + QByteArray(4, 'x'),
                    {QStringLiteral("--accept-unpinned-weights")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QLatin1String("[size_mismatch]")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("model.dat"))));
    }

    void refusesForeignManifests()
    {
        QTemporaryDir dir;
        QJsonArray doc = QJsonDocument::fromJson(m_synthetic.manifest).array();
        QJsonObject group = doc[0].toObject();
        QJsonArray weights = group[QStringLiteral("weights")].toArray();
        weights.removeLast();
        group[QStringLiteral("weights")] = weights;
        doc[0] = group;
        Run r = convert(dir.path(), QJsonDocument(doc).toJson(), m_synthetic.weights, {QStringLiteral("--accept-unpinned-weights")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("[manifest]")), qPrintable(r.err));

        r = convert(dir.path(), QByteArray("not json"), m_synthetic.weights, {QStringLiteral("--accept-unpinned-weights")});
        QCOMPARE(r.exitCode, 3);
    }

    void convertsWellFormedWeights()
    {
        QTemporaryDir dir;
        const Run r = convert(dir.path(), m_synthetic.manifest, m_synthetic.weights, {QStringLiteral("--accept-unpinned-weights")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile model(dir.filePath(QStringLiteral("model.dat")));
        QVERIFY(model.open(QIODevice::ReadOnly));
        QVERIFY(model.size() > 20'000'000); // ≈ 22 MB of float32 parameters
        QFile sum(dir.filePath(QStringLiteral("model.dat.sha256")));
        QVERIFY(sum.open(QIODevice::ReadOnly));
        const QByteArray expected = QCryptographicHash::hash(model.readAll(), QCryptographicHash::Sha256).toHex();
        QVERIFY(sum.readAll().startsWith(expected + "  model.dat"));
    }

    void missingInputIsAnIoError()
    {
        QProcess p;
        p.start(QStringLiteral(PHOTODESK_CONVERTER), {QStringLiteral("--weights"), QStringLiteral("/nonexistent.bin"),
                                                      QStringLiteral("--manifest"), QStringLiteral("/nonexistent.json"),
                                                      QStringLiteral("--output"), QStringLiteral("/tmp/never.dat")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
    }

private:
    Synthetic m_synthetic;
};

QTEST_GUILESS_MAIN(TestFaceModelConverter)
#include "tst_facemodelconverter.moc"
