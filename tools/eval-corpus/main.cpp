// photodesk-make-eval-corpus [--out DIR] [--small]: the labelled evaluation corpus (issue 13,
// docs/photo-rules.md "Evaluation corpus") from the bundled portraits.
#include "tools/eval-corpus/EvalCorpus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout), err(stderr);
    const QStringList args = app.arguments().mid(1);
    if (args.contains(QStringLiteral("--help"))) {
        out << "usage: photodesk-make-eval-corpus [--out DIR] [--small]\n";
        return 0;
    }
    QString outDir = QStringLiteral("eval-corpus");
    if (const int o = int(args.indexOf(QStringLiteral("--out"))); o >= 0 && o + 1 < args.size())
        outDir = args.at(o + 1);
    auto analyzer = pd::FaceAnalyzer::shared();
    if (!analyzer) {
        err << analyzer.error().message << "\n";
        return 1;
    }
    QElapsedTimer t;
    t.start();
    const auto options = args.contains(QStringLiteral("--small")) ? pd::eval::smallCorpusOptions() : pd::eval::fullCorpusOptions();
    auto corpus = pd::eval::makeEvalCorpus(*analyzer.value(), QStringLiteral(PHOTODESK_FACE_FIXTURES), outDir, options);
    if (!corpus) {
        err << corpus.error().code << ": " << corpus.error().message << "\n";
        return 2;
    }
    out << corpus->photos.size() << " photos, " << corpus->pairs.size() << " face pairs in " << outDir << " ("
        << t.elapsed() / 1000.0 << " s)\n";
    return 0;
}
