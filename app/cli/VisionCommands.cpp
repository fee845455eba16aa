// photodesk-cli compare | analyze — one photo, or many in one process (the models load once).
#include "app/cli/Commands.h"

#include "core/vision/CompareCommand.h"
#include "core/vision/rules/BatchAnalysis.h"
#include "core/vision/rules/RuleEngine.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QThread>

#include <cstdio>
#include <unistd.h>

namespace pd::cli {

namespace {

// "analyze: 37/120 · 0.21 s each · 17 s left" on stderr: rewritten in place on a terminal, a line
// per 5 % otherwise (a log file should not get 100 000 lines).
class ProgressLine {
public:
    ProgressLine(QTextStream& err, QString what, bool enabled)
        : m_err(err), m_what(std::move(what)), m_enabled(enabled), m_tty(isatty(fileno(stderr)) != 0)
    {
        m_clock.start();
    }

    void update(int done, int total)
    {
        if (!m_enabled || total <= 0)
            return;
        const int step = std::max(1, total / 20);
        if (!m_tty && done != total && done % step != 0)
            return;
        const double each = m_clock.elapsed() / 1000.0 / std::max(1, done);
        const QString line = QStringLiteral("%1: %2/%3 · %4 s each · %5 s left")
                                 .arg(m_what)
                                 .arg(done)
                                 .arg(total)
                                 .arg(each, 0, 'f', 2)
                                 .arg(qRound(each * (total - done)));
        m_err << (m_tty ? QStringLiteral("\r") : QString()) << line << (m_tty && done != total ? "" : "\n");
        m_err.flush();
    }

private:
    QTextStream& m_err;
    QString m_what;
    bool m_enabled;
    bool m_tty;
    QElapsedTimer m_clock;
};

int jobsOption(const QCommandLineParser& p)
{
    const int jobs = p.value(QStringLiteral("jobs")).toInt();
    return jobs > 0 ? jobs : std::max(1, QThread::idealThreadCount());
}

// A list file ("-" = standard input); relative paths are relative to the list's folder.
template <class T, class Reader>
std::optional<T> readList(const QString& path, Reader reader, QTextStream& err, const char* command)
{
    QFile f;
    QString baseDir;
    const bool ok = path == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                               : (f.setFileName(path), baseDir = QFileInfo(path).absolutePath(),
                                                  f.open(QIODevice::ReadOnly));
    if (!ok) {
        err << command << ": cannot read " << path << ": " << f.errorString() << "\n";
        return std::nullopt;
    }
    auto list = reader(f, baseDir);
    if (!list) {
        err << command << ": " << list.error().message << "\n";
        return std::nullopt;
    }
    return std::move(list).value();
}

// A photo counts as unreadable (exit 2) when it cannot be opened or decoded at all.
bool photoUnreadable(const QJsonObject& report)
{
    if (report.contains(QStringLiteral("error")))
        return true;
    const QJsonObject photoFaces = report.value(QStringLiteral("faces")).toObject().value(QStringLiteral("photo")).toObject();
    return photoFaces.contains(QStringLiteral("error")) && photoFaces.value(QStringLiteral("error")).toString() != VisionErrorCode::NoFace;
}

int compareCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (!args.contains(QStringLiteral("--pairs")))
        return runCompareCommand(args, out, err);
    QCommandLineParser p;
    p.addOption({QStringLiteral("pairs"), QStringLiteral("List of image pairs: a,b[,label] per line (- = stdin)."), QStringLiteral("F")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("CSV instead of JSON lines.")});
    p.addOption({QStringLiteral("jobs"), QStringLiteral("Analysis threads (default: one per core)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("quiet"), QStringLiteral("No progress line on stderr.")});
    if (!p.parse(QStringList{QStringLiteral("compare")} + args) || !p.positionalArguments().isEmpty()) {
        err << "usage: photodesk-cli compare A B | compare --pairs F [--csv] [--jobs N] [--quiet]\n";
        return CompareSetupError;
    }
    const auto pairs = readList<std::vector<rules::ComparePair>>(p.value(QStringLiteral("pairs")), rules::readPairList, err, "compare");
    if (!pairs)
        return CompareSetupError;
    auto models = loadSharedFaceModels();
    if (!models) {
        err << "compare: error [" << models.error().code << "]: " << models.error().message << "\n";
        return CompareSetupError;
    }
    const bool csv = p.isSet(QStringLiteral("csv"));
    ProgressLine progress(err, QStringLiteral("compare: images"), !p.isSet(QStringLiteral("quiet")));
    std::vector<QJsonObject> rows;
    int exit = CompareOk;
    rules::comparePairs(
        *models->analyzer, models->bands, *pairs, jobsOption(p),
        [&](int, const QJsonObject& o) {
            const QString error = o.value(QStringLiteral("error")).toString();
            if (error == VisionErrorCode::NoFace && exit == CompareOk)
                exit = CompareNoFace;
            else if (!error.isEmpty() && error != VisionErrorCode::NoFace)
                exit = CompareUnreadable;
            if (csv)
                rows.push_back(o);
            else
                out << jsonLine(o) << Qt::endl;
        },
        [&](int done, int total) { progress.update(done, total); });
    if (csv)
        out << rules::compareResultsToCsv(rows);
    out.flush();
    return exit;
}

int analyzeCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const char* usage = "usage: photodesk-cli analyze PHOTO|DIR… [--from-list F] [--enrollment E] [--id I] [--config C] "
                        "[--csv] [--jobs N] [--quiet]\n";
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("photo"), QStringLiteral("submitted photos or folders of them"));
    p.addOption({QStringLiteral("enrollment"), QStringLiteral("The student's enrollment photo."), QStringLiteral("E")});
    p.addOption({QStringLiteral("id"), QStringLiteral("The student's ID-card photo."), QStringLiteral("I")});
    p.addOption({QStringLiteral("config"), QStringLiteral("Rule configuration (JSON)."), QStringLiteral("C")});
    p.addOption({QStringLiteral("from-list"), QStringLiteral("photo[,enrollment[,id_card]] per line (- = stdin)."), QStringLiteral("F")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("CSV (one column per measure) instead of JSON lines.")});
    p.addOption({QStringLiteral("jobs"), QStringLiteral("Analysis threads (default: one per core)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("quiet"), QStringLiteral("No progress line on stderr.")});
    if (!p.parse(QStringList{QStringLiteral("analyze")} + args)
        || (p.positionalArguments().isEmpty() && !p.isSet(QStringLiteral("from-list")))) {
        err << usage;
        return 2;
    }
    const QString enrollment = p.value(QStringLiteral("enrollment"));
    const QString idCard = p.value(QStringLiteral("id"));
    for (const QString& path : {enrollment, idCard}) {
        if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
            err << "analyze: cannot read " << path << "\n";
            return 2;
        }
    }

    const QStringList positional = p.positionalArguments();
    const bool single = positional.size() == 1 && !QFileInfo(positional.first()).isDir() && !p.isSet(QStringLiteral("from-list"))
                        && !p.isSet(QStringLiteral("csv"));
    if (single) {
        // Exit 0 whatever the rules say; 2 when the photo cannot be read or decoded at all
        // ("rules" then reports FILE_FORMAT failed and the rest error); 1 for set-up problems: an
        // invalid rule configuration (the message names the field), a missing model.
        if (!QFileInfo(positional.first()).isReadable()) {
            err << "analyze: cannot read " << positional.first() << "\n";
            return 2;
        }
        auto result = rules::analyzePhotoJsonFromFiles(positional.first(), enrollment, idCard, p.value(QStringLiteral("config")));
        if (!result.ok()) {
            err << "analyze: " << result.error().message << "\n";
            return result.error().code == VisionErrorCode::Unreadable ? 2 : 1;
        }
        out << jsonLine(result.value()) << "\n";
        return photoUnreadable(result.value()) ? 2 : 0;
    }

    // A batch: every photo gets its line (an unreadable one says so and the rest go on); exit 2
    // when any photo could not be read or decoded, 1 for set-up problems, 0 otherwise.
    std::vector<rules::AnalysisItem> items;
    if (p.isSet(QStringLiteral("from-list"))) {
        auto listed = readList<std::vector<rules::AnalysisItem>>(p.value(QStringLiteral("from-list")), rules::readAnalysisList, err, "analyze");
        if (!listed)
            return 2;
        items = std::move(*listed);
    }
    for (const QString& photo : rules::expandPhotoPaths(positional))
        items.push_back({photo, enrollment, idCard});
    auto session = rules::PhotoAnalysisSession::create(p.value(QStringLiteral("config")));
    if (!session) {
        err << "analyze: " << session.error().message << "\n";
        return 1;
    }
    const bool csv = p.isSet(QStringLiteral("csv"));
    std::vector<QJsonObject> reports;
    int unreadable = 0;
    ProgressLine progress(err, QStringLiteral("analyze"), !p.isSet(QStringLiteral("quiet")));
    rules::runOrdered(
        int(items.size()), jobsOption(p),
        [&](int i) {
            auto r = session.value()->analyze(items[i]);
            if (r)
                return r.value();
            return QJsonObject{{QStringLiteral("file"), items[i].photo},
                               {QStringLiteral("error"), r.error().code},
                               {QStringLiteral("message"), r.error().message}};
        },
        [&](int, const QJsonObject& report) {
            if (photoUnreadable(report))
                ++unreadable;
            if (csv)
                reports.push_back(report);
            else
                out << jsonLine(report) << Qt::endl;
        },
        [&](int done, int total) { progress.update(done, total); });
    if (csv)
        out << rules::analysisReportsToCsv(reports);
    out.flush();
    if (unreadable > 0)
        err << "analyze: " << unreadable << " of " << items.size() << " photos could not be read or decoded\n";
    return unreadable > 0 ? 2 : 0;
}

const Registration compare(QStringLiteral("compare"),
                           QStringLiteral("face distance of two photos: compare A B (exit 3 = no face, 2 = unreadable); "
                                          "many pairs: compare --pairs F [--csv]"),
                           compareCommand);
const Registration analyze(QStringLiteral("analyze"),
                           QStringLiteral("analyse photos: analyze PHOTO|DIR… [--from-list F] [--enrollment E] [--id I] "
                                          "[--config C] [--csv] [--jobs N]"),
                           analyzeCommand);
} // namespace

} // namespace pd::cli
