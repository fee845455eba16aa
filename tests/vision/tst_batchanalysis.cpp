// Many photos in one process: `photodesk-cli analyze DIR… | --from-list F [--csv]` and
// `compare --pairs F`, run as real processes on real JPEG files, plus the ordered runner itself.
#include "TestSupport.h"

#include "core/vision/rules/BatchAnalysis.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace pd;

namespace {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

CliRun runCli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(PHOTODESK_CLI), args);
    if (!p.waitForFinished(300000))
        qFatal("photodesk-cli did not finish");
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}

std::vector<QJsonObject> jsonLines(const QByteArray& out)
{
    std::vector<QJsonObject> lines;
    for (const QByteArray& line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("not a JSON line: %s", line.constData());
        lines.push_back(doc.object());
    }
    return lines;
}

void copyFixture(const QString& name, const QString& dir, const QString& as = {})
{
    QVERIFY(QFile::copy(test::facePath(name), dir + QLatin1Char('/') + (as.isEmpty() ? name : as)));
}

// Splits one CSV line (RFC 4180 quotes: measures that are lists are quoted JSON).
QStringList csvCells(const QByteArray& line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    const QString text = QString::fromUtf8(line.trimmed());
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted && c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
            cell += c;
            ++i;
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c == QLatin1Char(',') && !quoted) {
            cells << cell;
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells << cell;
    return cells;
}

} // namespace

class TestBatchAnalysis : public QObject {
    Q_OBJECT

private slots:
    void runOrderedKeepsInputOrder()
    {
        // Results finish out of order (random work times) but reach the caller in index order,
        // each with its progress count.
        std::vector<int> seen;
        std::vector<int> progress;
        rules::runOrdered(
            40, 4,
            [](int i) {
                QThread::usleep(QRandomGenerator::global()->bounded(3000));
                return QJsonObject{{QStringLiteral("i"), i}};
            },
            [&](int i, const QJsonObject& o) {
                QCOMPARE(o.value(QStringLiteral("i")).toInt(), i);
                seen.push_back(i);
            },
            [&](int done, int total) {
                QCOMPARE(total, 40);
                progress.push_back(done);
            });
        QCOMPARE(int(seen.size()), 40);
        for (int i = 0; i < 40; ++i) {
            QCOMPARE(seen[i], i);
            QCOMPARE(progress[i], i + 1);
        }
    }

    void listsSkipCommentsHeadersAndResolveRelativePaths()
    {
        QByteArray text = "photo,enrollment,id_card\n# a comment\n\nx.jpg,e.jpg\n/abs/y.jpg\t\t/abs/i.bmp\n";
        QBuffer buffer(&text);
        buffer.open(QIODevice::ReadOnly);
        auto items = rules::readAnalysisList(buffer, QStringLiteral("/base"));
        QVERIFY(items.ok());
        QCOMPARE(int(items->size()), 2);
        QCOMPARE(items.value()[0].photo, QStringLiteral("/base/x.jpg"));
        QCOMPARE(items.value()[0].enrollment, QStringLiteral("/base/e.jpg"));
        QCOMPARE(items.value()[0].idCard, QString());
        QCOMPARE(items.value()[1].photo, QStringLiteral("/abs/y.jpg"));
        QCOMPARE(items.value()[1].idCard, QStringLiteral("/abs/i.bmp"));

        QByteArray bad = "a.jpg,b.jpg,c.jpg,d.jpg\n";
        QBuffer badBuffer(&bad);
        badBuffer.open(QIODevice::ReadOnly);
        auto refused = rules::readAnalysisList(badBuffer, {});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("line 1")), qPrintable(refused.error().message));

        QByteArray lonely = "a.jpg\n";
        QBuffer lonelyBuffer(&lonely);
        lonelyBuffer.open(QIODevice::ReadOnly);
        QVERIFY(!rules::readPairList(lonelyBuffer, {}).ok());
    }

    void analyzeFolderGivesOneLinePerPhotoInOrder()
    {
        QTemporaryDir dir;
        copyFixture(QStringLiteral("obama_1.jpg"), dir.path());
        copyFixture(QStringLiteral("biden_1.jpg"), dir.path());
        QDir(dir.path()).mkdir(QStringLiteral("sub"));
        copyFixture(QStringLiteral("meir_1.jpg"), dir.path() + QStringLiteral("/sub"));
        // A truncated upload: its line says so and the batch goes on.
        QFile broken(dir.filePath(QStringLiteral("c_broken.jpg")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(test::readFileOrFail(test::facePath(QStringLiteral("obama_2.jpg"))).left(6000));
        broken.close();
        QFile notes(dir.filePath(QStringLiteral("notes.txt"))); // not an image: not listed
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("hello");
        notes.close();

        const CliRun run = runCli({QStringLiteral("analyze"), dir.path()});
        QCOMPARE(run.exitCode, 2); // one photo could not be decoded
        const auto lines = jsonLines(run.out);
        QCOMPARE(int(lines.size()), 4);
        const QStringList expected{QStringLiteral("biden_1.jpg"), QStringLiteral("c_broken.jpg"), QStringLiteral("obama_1.jpg"),
                                   QStringLiteral("sub/meir_1.jpg")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(lines[i].value(QStringLiteral("file")).toString(), dir.filePath(expected[i]));
            QCOMPARE(lines[i].value(QStringLiteral("rules")).toArray().size(), qsizetype(rules::allRuleIds().size()));
        }
        const QJsonObject brokenFaces = lines[1].value(QStringLiteral("faces")).toObject().value(QStringLiteral("photo")).toObject();
        QCOMPARE(brokenFaces.value(QStringLiteral("error")).toString(), QStringLiteral("truncated"));
        QCOMPARE(lines[1].value(QStringLiteral("failed")).toArray().first().toString(), QStringLiteral("FILE_FORMAT"));
        for (int i : {0, 2, 3})
            QCOMPARE(lines[i].value(QStringLiteral("faces")).toObject().value(QStringLiteral("photo")).toObject()
                         .value(QStringLiteral("faces")).toArray().size(), qsizetype(1));
        QVERIFY2(run.err.contains(QStringLiteral("analyze: 4/4")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("1 of 4 photos could not be read or decoded")), qPrintable(run.err));
    }

    void analyzeFromListComparesWithEachLinesReferences()
    {
        QTemporaryDir dir;
        for (const char* name : {"obama_1.jpg", "obama_2.jpg", "biden_1.jpg"})
            copyFixture(QString::fromLatin1(name), dir.path());
        QFile list(dir.filePath(QStringLiteral("list.csv")));
        QVERIFY(list.open(QIODevice::WriteOnly));
        // The same enrollment photo for both lines: analysed once, reused.
        list.write("photo,enrollment,id_card\nobama_2.jpg,obama_1.jpg\nbiden_1.jpg,obama_1.jpg,missing.jpg\n");
        list.close();

        const CliRun run = runCli({QStringLiteral("analyze"), QStringLiteral("--from-list"), list.fileName(), QStringLiteral("--quiet")});
        QCOMPARE(run.exitCode, 0); // the photos themselves were read; a missing reference is reported in its line
        QVERIFY2(!run.err.contains(QStringLiteral("2/2")), qPrintable(run.err)); // --quiet
        const auto lines = jsonLines(run.out);
        QCOMPARE(int(lines.size()), 2);
        const QJsonObject first = lines[0].value(QStringLiteral("matches")).toObject();
        QCOMPARE(first.value(QStringLiteral("enrollment")).toObject().value(QStringLiteral("band")).toString(), QStringLiteral("match"));
        QVERIFY(first.value(QStringLiteral("id_card")).isNull());
        const QJsonObject second = lines[1].value(QStringLiteral("matches")).toObject();
        QCOMPARE(second.value(QStringLiteral("enrollment")).toObject().value(QStringLiteral("band")).toString(), QStringLiteral("mismatch"));
        QVERIFY(second.value(QStringLiteral("id_card")).isNull());
        QCOMPARE(lines[1].value(QStringLiteral("faces")).toObject().value(QStringLiteral("id_card")).toObject()
                     .value(QStringLiteral("error")).toString(), QStringLiteral("unreadable"));
    }

    void csvHasOneColumnPerMeasure()
    {
        QTemporaryDir dir;
        copyFixture(QStringLiteral("obama_1.jpg"), dir.path());
        copyFixture(QStringLiteral("meir_1.jpg"), dir.path());
        const CliRun run = runCli({QStringLiteral("analyze"), dir.path(), QStringLiteral("--csv"), QStringLiteral("--jobs"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> rows = run.out.trimmed().split('\n');
        QCOMPARE(rows.size(), 3);
        const QStringList header = csvCells(rows[0]);
        QCOMPARE(header.mid(0, 3), (QStringList{QStringLiteral("file"), QStringLiteral("error"), QStringLiteral("faces")}));
        // Every rule has its verdict column, in catalog order, followed by its measures.
        int last = -1;
        for (const QString& id : rules::allRuleIds()) {
            const int at = int(header.indexOf(id));
            QVERIFY2(at > last, qPrintable(id));
            last = at;
        }
        const int bytesColumn = int(header.indexOf(QStringLiteral("FILE_SIZE.bytes")));
        QVERIFY(bytesColumn > 0);
        QVERIFY(!header.filter(QStringLiteral("SHARPNESS.")).isEmpty());
        for (int r = 1; r <= 2; ++r) {
            const QStringList cells = csvCells(rows[r]);
            QCOMPARE(cells.size(), header.size());
            QCOMPARE(cells[bytesColumn].toLongLong(), QFileInfo(cells[0]).size());
            QCOMPARE(cells[2], QStringLiteral("1"));
        }
    }

    void comparePairsAnalysesEachImageOnce()
    {
        // The fixtures' own labelled pairs list (header "file_a,file_b,same", relative names).
        const QString pairs = QFileInfo(test::facePath(QStringLiteral("pairs.csv"))).absoluteFilePath();
        QFile f(pairs);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const int expectedPairs = int(f.readAll().trimmed().split('\n').size()) - 1;

        const CliRun run = runCli({QStringLiteral("compare"), QStringLiteral("--pairs"), pairs});
        QCOMPARE(run.exitCode, 0);
        const auto lines = jsonLines(run.out);
        QCOMPARE(int(lines.size()), expectedPairs);
        for (const QJsonObject& o : lines) {
            QVERIFY(o.value(QStringLiteral("distance")).isDouble());
            const QString label = o.value(QStringLiteral("label")).toString();
            QVERIFY2(label == QLatin1String("0") || label == QLatin1String("1"), qPrintable(label));
        }
        QVERIFY2(run.err.contains(QStringLiteral("compare: images:")), qPrintable(run.err));

        QTemporaryDir dir;
        QFile list(dir.filePath(QStringLiteral("pairs.csv")));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write(QStringLiteral("%1,%2,same\n%1,%3\n").arg(test::facePath(QStringLiteral("obama_1.jpg")),
                                                            test::facePath(QStringLiteral("obama_2.jpg")),
                                                            dir.filePath(QStringLiteral("gone.jpg"))).toUtf8());
        list.close();
        const CliRun csv = runCli({QStringLiteral("compare"), QStringLiteral("--pairs"), list.fileName(), QStringLiteral("--csv")});
        QCOMPARE(csv.exitCode, 2); // one image could not be read
        const QList<QByteArray> rows = csv.out.trimmed().split('\n');
        QCOMPARE(rows.size(), 3);
        QCOMPARE(csvCells(rows[0]), (QStringList{"a", "b", "label", "distance", "band", "faces_a", "faces_b", "error"}));
        QCOMPARE(csvCells(rows[1])[4], QStringLiteral("match"));
        QCOMPARE(csvCells(rows[2])[7], QStringLiteral("unreadable"));
    }

    void bmpIsAReferencePhotoNeverASubmission()
    {
        // An ID-card reader's chip portrait: a soft BMP at about chip size (here 180×222, the size
        // at which today's detector still finds this face; 102×126 needs the small-face work).
        QTemporaryDir dir;
        cv::Mat portrait = cv::imread(test::facePath(QStringLiteral("obama_1.jpg")).toStdString());
        QVERIFY(!portrait.empty());
        cv::Mat chip;
        cv::resize(portrait, chip, cv::Size(180, 222), 0, 0, cv::INTER_AREA);
        const QString chipPath = dir.filePath(QStringLiteral("chip.bmp"));
        QVERIFY(cv::imwrite(chipPath.toStdString(), chip));

        const CliRun withChip = runCli({QStringLiteral("analyze"), test::facePath(QStringLiteral("obama_2.jpg")),
                                        QStringLiteral("--id"), chipPath});
        QCOMPARE(withChip.exitCode, 0);
        const QJsonObject report = jsonLines(withChip.out).front();
        const QJsonObject idFaces = report.value(QStringLiteral("faces")).toObject().value(QStringLiteral("id_card")).toObject();
        QVERIFY2(!idFaces.contains(QStringLiteral("error")), qPrintable(idFaces.value(QStringLiteral("message")).toString()));
        QVERIFY(report.value(QStringLiteral("matches")).toObject().value(QStringLiteral("id_card")).isObject());

        // The same BMP as the submitted photo: FILE_FORMAT fails and says it is a BMP.
        const CliRun asSubmission = runCli({QStringLiteral("analyze"), chipPath});
        QCOMPARE(asSubmission.exitCode, 2);
        const QJsonObject refused = jsonLines(asSubmission.out).front();
        for (const QJsonValue& v : refused.value(QStringLiteral("rules")).toArray()) {
            const QJsonObject rule = v.toObject();
            if (rule.value(QStringLiteral("id")).toString() != QLatin1String("FILE_FORMAT"))
                continue;
            QCOMPARE(rule.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
            QCOMPARE(rule.value(QStringLiteral("values")).toObject().value(QStringLiteral("format")).toString(), QStringLiteral("bmp"));
        }
    }

    void singlePhotoKeepsItsFormAndExitCodes()
    {
        const CliRun run = runCli({QStringLiteral("analyze"), test::facePath(QStringLiteral("obama_1.jpg")), QStringLiteral("--enrollment"),
                                   test::facePath(QStringLiteral("obama_2.jpg"))});
        QCOMPARE(run.exitCode, 0);
        const auto lines = jsonLines(run.out);
        QCOMPARE(int(lines.size()), 1);
        QCOMPARE(lines[0].value(QStringLiteral("matches")).toObject().value(QStringLiteral("enrollment")).toObject()
                     .value(QStringLiteral("band")).toString(), QStringLiteral("match"));
        QVERIFY(run.err.isEmpty()); // no progress line for one photo
        QCOMPARE(runCli({QStringLiteral("analyze"), QStringLiteral("/nonexistent/x.jpg")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestBatchAnalysis)
#include "tst_batchanalysis.moc"
