// photodesk-bench-rules [--rounds N]: builds the compliant base photos of the rule-variant corpus
// (tools/rule-variants), analyses each once (faces, landmarks, descriptor: not timed), then times
// RuleEngine::evaluate on the decoded photo — all 28 rules, one thread. Prints one JSON line with
// median and p95 per photo and the slowest rules' shares.
#include "core/vision/BlasRuntime.h"
#include "core/vision/FaceMatcher.h"
#include "core/vision/rules/RuleEngine.h"
#include "tools/rule-variants/RuleVariants.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout), err(stderr);
    int rounds = 50;
    const QStringList args = app.arguments();
    if (const int i = args.indexOf(QStringLiteral("--rounds")); i > 0 && i + 1 < args.size())
        rounds = args.at(i + 1).toInt();
    pd::setBlasThreads(1);
    auto analyzer = pd::FaceAnalyzer::shared();
    auto config = pd::rules::loadRuleConfig();
    auto bands = pd::loadDefaultMatchBands();
    if (!analyzer || !config || !bands) {
        err << "set-up failed: model, photo-rules.json or face-match.json missing\n";
        return 1;
    }
    QTemporaryDir dir;
    QStringList portraits;
    for (const QString& name : pd::variants::defaultBaseNames())
        portraits << QDir(QStringLiteral(PHOTODESK_FACE_FIXTURES)).filePath(name + QStringLiteral(".jpg"));
    auto corpus = pd::variants::makeRuleVariants(*analyzer.value(), portraits, dir.path());
    if (!corpus) {
        err << corpus.error().message << "\n";
        return 1;
    }
    const pd::rules::RuleEngine engine(config.value(), bands.value());
    struct Photo {
        pd::rules::RuleInput input;
        pd::FaceAnalysis analysis;
    };
    std::vector<Photo> photos;
    for (const auto& base : corpus->bases) {
        QFile f(QDir(dir.path()).filePath(base.file));
        f.open(QIODevice::ReadOnly);
        Photo p;
        p.input.bytes = f.readAll();
        p.input.fileName = base.file;
        p.input.bgr = pd::loadImage(p.input.bytes)->bgr;
        p.analysis = analyzer.value()->analyze(p.input.bgr).value();
        p.input.enrollment.given = true; // compare with itself: exercises MATCH_* and NOT_REUSED
        p.input.enrollment.descriptor = p.analysis.largest()->descriptor;
        p.input.enrollment.phash = 0x0123456789abcdefULL;
        photos.push_back(std::move(p));
    }
    for (auto& p : photos)
        p.input.analysis = &p.analysis;
    for (auto& p : photos) // warm-up (exiv2, OpenCV initialisation)
        engine.evaluate(p.input);
    std::vector<double> ms;
    for (int r = 0; r < rounds; ++r)
        for (auto& p : photos) {
            QElapsedTimer t;
            t.start();
            const auto report = engine.evaluate(p.input);
            ms.push_back(t.nsecsElapsed() / 1e6);
            if (report.results.size() != 28)
                return 2;
        }
    std::sort(ms.begin(), ms.end());
    const auto pct = [&](double q) { return ms[std::min(ms.size() - 1, size_t(q * (ms.size() - 1) + 0.5))]; };
    out << QJsonDocument(QJsonObject{{QStringLiteral("photos"), int(photos.size())},
                                     {QStringLiteral("runs"), int(ms.size())},
                                     {QStringLiteral("median_ms"), qRound(pct(0.5) * 100) / 100.0},
                                     {QStringLiteral("p95_ms"), qRound(pct(0.95) * 100) / 100.0},
                                     {QStringLiteral("max_ms"), qRound(ms.back() * 100) / 100.0},
                                     {QStringLiteral("blas"), pd::probeBlas().config}})
               .toJson(QJsonDocument::Compact)
        << "\n";
    return 0;
}
