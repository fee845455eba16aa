#include "tools/face-model/FaceModelConverter.h"

#include "core/vision/FaceNetwork.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <cstring>
#include <sstream>
#include <type_traits>
#include <vector>

namespace pd::facemodel {
namespace {

// One dequantized tensor of the manifest, in file order.
struct Tensor {
    QString name;
    std::vector<long> shape;
    std::vector<float> values;
};

struct Failure {
    int exitCode;
    QString code;
    QString message;
};

ConvertOutcome fail(const Failure& f)
{
    ConvertOutcome o;
    o.exitCode = f.exitCode;
    o.errorCode = f.code;
    o.message = f.message;
    return o;
}

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Parses the manifest and checks, before any value is read, that it describes exactly the
// bytes of the weights file: a truncated or padded file is refused as a whole.
std::variant<std::vector<Tensor>, Failure> readTensors(const QByteArray& manifestBytes, const QByteArray& bin)
{
    QJsonParseError perr{};
    const auto doc = QJsonDocument::fromJson(manifestBytes, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return Failure{3, QStringLiteral("manifest"), QStringLiteral("The manifest is not a one-group weights manifest.")};
    const auto weights = doc.array().at(0).toObject().value(QStringLiteral("weights")).toArray();
    if (weights.size() != kExpectedTensors)
        return Failure{3, QStringLiteral("manifest"),
                       QStringLiteral("The manifest lists %1 tensors; this network has %2.").arg(weights.size()).arg(kExpectedTensors)};

    // Pass 1: sizes only.
    qint64 expected = 0;
    std::vector<Tensor> tensors;
    std::vector<bool> quantized;
    std::vector<double> mins, scales;
    for (const auto& w : weights) {
        const auto obj = w.toObject();
        Tensor t;
        t.name = obj.value(QStringLiteral("name")).toString();
        qint64 count = 1;
        for (const auto& d : obj.value(QStringLiteral("shape")).toArray()) {
            const auto dim = d.toInteger(-1);
            if (dim <= 0 || dim > 100000)
                return Failure{3, QStringLiteral("manifest"), QStringLiteral("Tensor %1 has an invalid shape.").arg(t.name)};
            t.shape.push_back(long(dim));
            count *= dim;
        }
        if (obj.value(QStringLiteral("dtype")).toString() != QLatin1String("float32"))
            return Failure{3, QStringLiteral("manifest"), QStringLiteral("Tensor %1 is not float32.").arg(t.name)};
        const auto q = obj.value(QStringLiteral("quantization")).toObject();
        const bool isQuantized = !q.isEmpty();
        if (isQuantized && q.value(QStringLiteral("dtype")).toString() != QLatin1String("uint8"))
            return Failure{3, QStringLiteral("manifest"), QStringLiteral("Tensor %1 uses an unsupported quantization.").arg(t.name)};
        quantized.push_back(isQuantized);
        mins.push_back(q.value(QStringLiteral("min")).toDouble());
        scales.push_back(q.value(QStringLiteral("scale")).toDouble());
        expected += count * (isQuantized ? 1 : 4);
        t.values.resize(size_t(count));
        tensors.push_back(std::move(t));
    }
    if (expected != bin.size())
        return Failure{3, QStringLiteral("size_mismatch"),
                       QStringLiteral("The weights file has %1 bytes but the manifest describes %2: truncated or tampered.")
                           .arg(bin.size()).arg(expected)};

    // Pass 2: values (uint8: min + scale * q; otherwise little-endian float32).
    const auto* p = reinterpret_cast<const unsigned char*>(bin.constData());
    for (size_t i = 0; i < tensors.size(); ++i) {
        auto& v = tensors[i].values;
        if (quantized[i]) {
            for (auto& x : v)
                x = float(mins[i] + scales[i] * double(*p++));
        } else {
            std::memcpy(v.data(), p, v.size() * sizeof(float));
            p += v.size() * sizeof(float);
        }
        for (const float x : v)
            if (!std::isfinite(x))
                return Failure{3, QStringLiteral("values"), QStringLiteral("Tensor %1 holds non-finite values.").arg(tensors[i].name)};
    }
    return tensors;
}

template <class T> struct IsCon : std::false_type {};
template <long a, long b, long c, int d, int e, int f, int g>
struct IsCon<dlib::con_<a, b, c, d, e, f, g>> : std::true_type {};
template <class T> struct IsBn : std::false_type {};
template <dlib::layer_mode m> struct IsBn<dlib::bn_<m>> : std::true_type {};
template <class T> struct IsFc : std::false_type {};
template <unsigned long n, dlib::fc_bias_mode m> struct IsFc<dlib::fc_<n, m>> : std::true_type {};

struct ConvSlot {
    dlib::tensor* params;
    long out, kh, kw;
};

std::optional<Failure> fillNetwork(facenet::FillableNet& net, const std::vector<Tensor>& tensors)
{
    // A dummy forward pass makes every layer allocate its parameters (dlib sets layers up lazily).
    dlib::matrix<dlib::rgb_pixel> dummy(facenet::kChipSize, facenet::kChipSize);
    dummy = dlib::rgb_pixel(128, 128, 128);
    net(dummy);

    std::vector<ConvSlot> cons;
    std::vector<dlib::tensor*> bns;
    dlib::tensor* fc = nullptr;
    dlib::visit_computational_layers(net, [&](auto& l) -> void {
        using L = std::decay_t<decltype(l)>;
        if constexpr (IsCon<L>::value)
            cons.push_back({&l.get_layer_params(), l.num_filters(), l.nr(), l.nc()});
        else if constexpr (IsBn<L>::value)
            bns.push_back(&l.get_layer_params());
        else if constexpr (IsFc<L>::value)
            fc = &l.get_layer_params();
    });
    // The visitor walks from the loss layer down to the input: reverse to forward order.
    std::reverse(cons.begin(), cons.end());
    std::reverse(bns.begin(), bns.end());
    if (int(cons.size()) != facenet::kConvLayers || int(bns.size()) != facenet::kBatchNormLayers || !fc)
        return Failure{3, QStringLiteral("network"), QStringLiteral("Unexpected layer count in the network type.")};

    const auto shapeError = [](const Tensor& t) {
        return Failure{3, QStringLiteral("shape"), QStringLiteral("Tensor %1 does not fit the network.").arg(t.name)};
    };
    for (int unit = 0; unit < facenet::kConvLayers; ++unit) {
        const auto& filters = tensors[size_t(unit * 4)];
        const auto& bias = tensors[size_t(unit * 4 + 1)];
        const auto& gamma = tensors[size_t(unit * 4 + 2)];
        const auto& beta = tensors[size_t(unit * 4 + 3)];
        const QString prefix = filters.name.section(QLatin1Char('/'), 0, -3); // "conv32_1/conv1"
        if (!filters.name.endsWith(QLatin1String("/conv/filters")) || bias.name != prefix + QLatin1String("/conv/bias")
            || gamma.name != prefix + QLatin1String("/scale/weights") || beta.name != prefix + QLatin1String("/scale/biases"))
            return Failure{3, QStringLiteral("manifest"), QStringLiteral("Unexpected tensor order near %1.").arg(filters.name)};

        const ConvSlot& con = cons[size_t(unit)];
        // Manifest filters are HWIO [kh][kw][in][out]; dlib wants [out][in][kh][kw], biases after.
        if (filters.shape.size() != 4 || filters.shape[0] != con.kh || filters.shape[1] != con.kw || filters.shape[3] != con.out)
            return shapeError(filters);
        const long kh = con.kh, kw = con.kw, in = filters.shape[2], out = con.out;
        if (size_t(con.params->size()) != size_t(out * in * kh * kw + out) || bias.values.size() != size_t(out))
            return shapeError(filters);
        float* dst = con.params->host();
        for (long o = 0; o < out; ++o)
            for (long i = 0; i < in; ++i)
                for (long y = 0; y < kh; ++y)
                    for (long x = 0; x < kw; ++x)
                        dst[((o * in + i) * kh + y) * kw + x] = filters.values[size_t(((y * kw + x) * in + i) * out + o)];
        std::copy(bias.values.begin(), bias.values.end(), dst + out * in * kh * kw);

        // bn_con: gamma then beta; running mean 0 / variance 1 from set-up stay as they are.
        dlib::tensor* bn = bns[size_t(unit)];
        if (size_t(bn->size()) != 2 * size_t(out) || gamma.values.size() != size_t(out) || beta.values.size() != size_t(out))
            return shapeError(gamma);
        std::copy(gamma.values.begin(), gamma.values.end(), bn->host());
        std::copy(beta.values.begin(), beta.values.end(), bn->host() + out);
    }
    const auto& fcTensor = tensors.back();
    if (fcTensor.name != QLatin1String("fc") || fcTensor.values.size() != size_t(fc->size()))
        return shapeError(fcTensor);
    // fc_no_bias stores [inputs][outputs] = [256][128], exactly the manifest's layout.
    std::copy(fcTensor.values.begin(), fcTensor.values.end(), fc->host());
    return std::nullopt;
}

} // namespace

ConvertOutcome convertFaceModel(const ConvertOptions& options)
{
    QFile wf(options.weightsPath), mf(options.manifestPath);
    if (!wf.open(QIODevice::ReadOnly))
        return fail({2, QStringLiteral("unreadable"), QStringLiteral("Cannot read %1: %2").arg(options.weightsPath, wf.errorString())});
    if (!mf.open(QIODevice::ReadOnly))
        return fail({2, QStringLiteral("unreadable"), QStringLiteral("Cannot read %1: %2").arg(options.manifestPath, mf.errorString())});
    const QByteArray bin = wf.readAll();
    const QByteArray manifest = mf.readAll();

    if (!options.acceptUnpinned) {
        if (sha256Hex(bin) != QLatin1String(kPinnedWeightsSha256))
            return fail({3, QStringLiteral("checksum"),
                         QStringLiteral("%1 has SHA-256 %2, not the pinned %3: tampered or a different release.")
                             .arg(options.weightsPath, sha256Hex(bin), QLatin1String(kPinnedWeightsSha256))});
        if (sha256Hex(manifest) != QLatin1String(kPinnedManifestSha256))
            return fail({3, QStringLiteral("checksum"),
                         QStringLiteral("%1 has SHA-256 %2, not the pinned %3: tampered or a different release.")
                             .arg(options.manifestPath, sha256Hex(manifest), QLatin1String(kPinnedManifestSha256))});
    }

    auto parsed = readTensors(manifest, bin);
    if (auto* f = std::get_if<Failure>(&parsed))
        return fail(*f);
    const auto& tensors = std::get<std::vector<Tensor>>(parsed);

    std::string modelBytes;
    double norm = 0;
    try {
        facenet::FillableNet fillable;
        if (auto f = fillNetwork(fillable, tensors))
            return fail(*f);
        facenet::InferenceNet inference = fillable; // bn_con → affine
        inference.clean();
        std::ostringstream os;
        dlib::serialize(inference, os);
        modelBytes = os.str();

        // Read back what will be written and run it once: the file must load and give a
        // finite, non-zero descriptor.
        facenet::InferenceNet check;
        std::istringstream is(modelBytes);
        dlib::deserialize(check, is);
        dlib::matrix<dlib::rgb_pixel> chip(facenet::kChipSize, facenet::kChipSize);
        for (long r = 0; r < chip.nr(); ++r)
            for (long c = 0; c < chip.nc(); ++c)
                chip(r, c) = dlib::rgb_pixel((unsigned char)(r + c), (unsigned char)(2 * r), (unsigned char)(3 * c));
        const dlib::matrix<float, 0, 1> d = check(chip);
        norm = dlib::length(d);
        if (d.size() != facenet::kDescriptorSize || !std::isfinite(norm) || norm <= 0)
            return fail({3, QStringLiteral("values"), QStringLiteral("The converted network gives no usable descriptor.")});
    } catch (const std::exception& e) {
        return fail({3, QStringLiteral("network"), QStringLiteral("dlib refused the network: %1").arg(QString::fromLocal8Bit(e.what()))});
    }

    const QByteArray out = QByteArray::fromStdString(modelBytes);
    const QString outSha = sha256Hex(out);
    QSaveFile model(options.outputPath);
    if (!model.open(QIODevice::WriteOnly) || model.write(out) != out.size() || !model.commit())
        return fail({2, QStringLiteral("unwritable"), QStringLiteral("Cannot write %1: %2").arg(options.outputPath, model.errorString())});
    QSaveFile sum(options.outputPath + QLatin1String(".sha256"));
    const QByteArray line = (outSha + QLatin1String("  ") + QFileInfo(options.outputPath).fileName() + QLatin1Char('\n')).toUtf8();
    if (!sum.open(QIODevice::WriteOnly) || sum.write(line) != line.size() || !sum.commit())
        return fail({2, QStringLiteral("unwritable"), QStringLiteral("Cannot write %1.sha256: %2").arg(options.outputPath, sum.errorString())});

    ConvertOutcome o;
    o.ok = true;
    o.outputSha256 = outSha;
    o.descriptorNorm = norm;
    return o;
}

} // namespace pd::facemodel
