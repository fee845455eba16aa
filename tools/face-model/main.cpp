// photodesk-convert-face-model --weights BIN --manifest JSON --output DAT [--accept-unpinned-weights]
#include "tools/face-model/FaceModelConverter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("photodesk-convert-face-model"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Converts face-api's quantized face-recognition weights into dlib's model file."));
    parser.addHelpOption();
    const QCommandLineOption weights(QStringLiteral("weights"), QStringLiteral("face_recognition_model.bin"), QStringLiteral("file"));
    const QCommandLineOption manifest(QStringLiteral("manifest"), QStringLiteral("weights manifest JSON"), QStringLiteral("file"));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("dlib model file to write"), QStringLiteral("file"));
    const QCommandLineOption unpinned(QStringLiteral("accept-unpinned-weights"),
        QStringLiteral("Skip the pinned SHA-256 check of the weights and manifest (tests only)."));
    parser.addOptions({weights, manifest, output, unpinned});
    parser.process(app);

    QTextStream err(stderr);
    QTextStream out(stdout);
    if (!parser.isSet(weights) || !parser.isSet(manifest) || !parser.isSet(output)) {
        err << "error: --weights, --manifest and --output are required\n";
        return 1;
    }
    pd::facemodel::ConvertOptions options;
    options.weightsPath = parser.value(weights);
    options.manifestPath = parser.value(manifest);
    options.outputPath = parser.value(output);
    options.acceptUnpinned = parser.isSet(unpinned);

    const auto outcome = pd::facemodel::convertFaceModel(options);
    if (!outcome.ok) {
        err << "error [" << outcome.errorCode << "]: " << outcome.message << "\n";
        return outcome.exitCode;
    }
    out << "wrote " << options.outputPath << " sha256 " << outcome.outputSha256
        << " (sanity descriptor norm " << outcome.descriptorNorm << ")\n";
    return 0;
}
