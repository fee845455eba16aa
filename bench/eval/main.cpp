// photodesk-bench-eval [--corpus DIR | --make DIR] [--json] [--jobs N] [--config C]
// Analyses the labelled evaluation corpus (tools/eval-corpus; made into a temporary folder, or
// into DIR with --make, or read from DIR with --corpus) once with the batch API — every photo
// through PhotoAnalysisSession, every face pair through comparePairs — and prints per rule faults
// caught and false flags on compliant photos, per reference kind right / wrong / uncertain bands,
// and the per-photo rule and face times. --json: JSON lines on stdout, the table on stderr.
#include "core/vision/BlasRuntime.h"
#include "core/vision/rules/BatchAnalysis.h"
#include "tools/eval-corpus/EvalCorpus.h"
#include "tools/eval-corpus/EvaluationTally.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace pd;

namespace {

void printJson(const QJsonObject& o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2) : QString();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption corpusOpt(QStringLiteral("corpus"), QStringLiteral("read the corpus in DIR"), QStringLiteral("dir"));
    const QCommandLineOption makeOpt(QStringLiteral("make"), QStringLiteral("make the corpus into DIR first"), QStringLiteral("dir"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("JSON lines on stdout (the table goes to stderr)"));
    const QCommandLineOption jobsOpt(QStringLiteral("jobs"), QStringLiteral("analysis threads"), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption configOpt(QStringLiteral("config"), QStringLiteral("a school's rule configuration"), QStringLiteral("file"));
    parser.addOptions({corpusOpt, makeOpt, jsonOpt, jobsOpt, configOpt});
    parser.process(app);
    const bool json = parser.isSet(jsonOpt);
    const int jobs = std::max(1, parser.value(jobsOpt).toInt());
    setBlasThreads(1);

    auto session = rules::PhotoAnalysisSession::create(parser.value(configOpt));
    if (!session) {
        std::fprintf(stderr, "error [%s]: %s\n", qPrintable(session.error().code), qPrintable(session.error().message));
        return 1;
    }
    QTemporaryDir temp;
    QString dir = parser.value(corpusOpt);
    if (dir.isEmpty()) {
        dir = parser.isSet(makeOpt) ? parser.value(makeOpt) : temp.path();
        QElapsedTimer t;
        t.start();
        auto made = eval::makeEvalCorpus(session.value()->analyzer(), QStringLiteral(PHOTODESK_FACE_FIXTURES), dir, eval::fullCorpusOptions());
        if (!made) {
            std::fprintf(stderr, "error [%s]: %s\n", qPrintable(made.error().code), qPrintable(made.error().message));
            return 1;
        }
        std::fprintf(stderr, "made %lld photos and %lld pairs in %.1f s\n", qlonglong(made->photos.size()), qlonglong(made->pairs.size()),
                     double(t.elapsed()) / 1000);
    }
    auto corpus = eval::EvalCorpus::load(dir);
    if (!corpus) {
        std::fprintf(stderr, "error [%s]: %s\n", qPrintable(corpus.error().code), qPrintable(corpus.error().message));
        return 1;
    }
    const QDir root(dir);
    const QString load = loadAverage();
    if (json)
        printJson({{QStringLiteral("bench"), QStringLiteral("eval_environment")}, {QStringLiteral("corpus"), root.absolutePath()},
                   {QStringLiteral("photos"), int(corpus->photos.size())}, {QStringLiteral("pairs"), int(corpus->pairs.size())},
                   {QStringLiteral("jobs"), jobs}, {QStringLiteral("cores"), QThread::idealThreadCount()},
                   {QStringLiteral("load_average"), load}, {QStringLiteral("model_id"), session.value()->analyzer().modelId()},
                   {QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});

    eval::EvaluationTally tally;
    const auto path = [&](const QString& rel) { return rel.isEmpty() ? QString() : root.filePath(rel); };
    rules::runOrdered(
        int(corpus->photos.size()), jobs,
        [&](int i) {
            const eval::EvalPhoto& p = corpus->photos.at(i);
            auto r = session.value()->analyze({path(p.file), path(p.enrollment), path(p.idCard)});
            return r ? r.value() : QJsonObject{{QStringLiteral("error"), r.error().code}};
        },
        [&](int i, const QJsonObject& report) { tally.addReport(corpus->photos.at(i), report); });

    std::vector<rules::ComparePair> pairs;
    for (const eval::EvalPair& p : corpus->pairs)
        pairs.push_back({path(p.submission), path(p.reference), p.same ? QStringLiteral("same") : QStringLiteral("different")});
    rules::comparePairs(session.value()->analyzer(), session.value()->bands(), pairs, jobs,
                        [&](int i, const QJsonObject& result) {
                            tally.addCompareResult(corpus->pairs.at(i), result);
                            if (json)
                                printJson(QJsonObject{{QStringLiteral("bench"), QStringLiteral("eval_pair")},
                                                      {QStringLiteral("reference_kind"), corpus->pairs.at(i).referenceKind},
                                                      {QStringLiteral("submission"), corpus->pairs.at(i).submission},
                                                      {QStringLiteral("reference"), corpus->pairs.at(i).reference},
                                                      {QStringLiteral("same"), corpus->pairs.at(i).same},
                                                      {QStringLiteral("distance"), result.value(QStringLiteral("distance"))},
                                                      {QStringLiteral("band"), result.value(QStringLiteral("band"))}});
                        });

    if (json) {
        for (const eval::Finding& f : tally.findings())
            printJson({{QStringLiteral("bench"), f.expected == QLatin1String("pass") ? QStringLiteral("eval_false_flag") : QStringLiteral("eval_miss")},
                       {QStringLiteral("file"), f.file}, {QStringLiteral("variant"), f.variant}, {QStringLiteral("rule"), f.rule},
                       {QStringLiteral("verdict"), f.verdict}, {QStringLiteral("expected"), f.expected}});
        for (const QJsonObject& o : eval::tallyJson(tally, corpus->uncovered))
            printJson(o);
    }
    // With --json the table goes to stderr: one run gives both.
    std::fprintf(json ? stderr : stdout, "evaluation corpus %s: %lld photos, %lld face pairs; %d job(s), load average %s at the start, %s at the end\n\n%s",
                 qPrintable(root.absolutePath()), qlonglong(corpus->photos.size()), qlonglong(corpus->pairs.size()), jobs, qPrintable(load),
                 qPrintable(loadAverage()), qPrintable(eval::tallyTable(tally, corpus->uncovered)));
    return 0;
}
