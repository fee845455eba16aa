// photodesk-bench-export --photos N [--reencode-every K] [--threads T] [--keep DIR]
//
// Builds a SQLite store with N students, each with one approved attempt whose submitted photo
// is one of the demo's real JPEGs made unique (a COM segment with the attempt number after SOI,
// so every blob is its own file as in a real store). Every K-th photo is one of the demo's
// 240×320 JPEGs, which must be re-encoded. Then runs the real ExportService to a folder and to a
// zip and prints one JSON line per run:
//   target, photos, exported, reencoded, left_out, total_ms, photos_per_s, output_mb, peak_rss_mb
// (peak_rss_mb is the process's VmHWM so far), and a first line with the store's build time.
#include "core/auth/AuthService.h"
#include "core/export/ExportService.h"
#include "core/store/Repositories.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/Transaction.h"
#include "core/util/Paths.h"
#include "core/util/Time.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace pd;

namespace {
double statusMb(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

void print(const QJsonObject& o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A JPEG made unique: a comment segment right after SOI (valid JPEG, pixels unchanged).
QByteArray unique(const QByteArray& jpeg, int n)
{
    const QByteArray text = "photodesk-bench " + QByteArray::number(n);
    QByteArray com("\xFF\xFE", 2);
    com.append(char((text.size() + 2) >> 8)).append(char((text.size() + 2) & 0xFF)).append(text);
    return jpeg.left(2) + com + jpeg.mid(2);
}

qint64 sizeOf(const QString& path)
{
    if (QFileInfo(path).isFile())
        return QFileInfo(path).size();
    qint64 total = 0;
    QDirIterator it(path, QDir::Files);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("photos"), QStringLiteral("Approved attempts in the store."), QStringLiteral("N"), QStringLiteral("10000")});
    p.addOption({QStringLiteral("reencode-every"), QStringLiteral("Every K-th photo needs re-encoding (0 = none)."), QStringLiteral("K"), QStringLiteral("10")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Export threads (0 = one per core)."), QStringLiteral("T"), QStringLiteral("0")});
    p.addOption({QStringLiteral("keep"), QStringLiteral("Work in DIR and keep it (default: a temporary folder)."), QStringLiteral("DIR")});
    p.process(app);
    const int n = p.value(QStringLiteral("photos")).toInt();
    const int every = p.value(QStringLiteral("reencode-every")).toInt();

    QTemporaryDir temp;
    const QString work = p.isSet(QStringLiteral("keep")) ? p.value(QStringLiteral("keep")) : temp.path();
    QDir().mkpath(work);
    const QString photos = shareFile(QStringLiteral("demo/photos"));
    if (photos.isEmpty()) {
        std::fprintf(stderr, "the demo photos were not found; set PHOTODESK_SHARE_DIR\n");
        return 2;
    }
    // The demo's 480×640 JPEGs (pass as stored) and its 240×320 ones (re-encoded).
    std::vector<QByteArray> good, small;
    for (const QString& name : QDir(photos).entryList({QStringLiteral("a*_submitted.jpg")}, QDir::Files, QDir::Name)) {
        const QByteArray b = readAll(photos + QLatin1Char('/') + name);
        if (!b.startsWith("\xFF\xD8"))
            continue; // the PNGs under a .jpg name
        (b.contains(QByteArray("\xFF\xC0\x00\x11\x08\x01\x40\x00\xF0", 9)) ? small : good).push_back(b);
    }
    if (good.empty() || (every > 0 && small.empty())) {
        std::fprintf(stderr, "no usable demo JPEGs in %s\n", qPrintable(photos));
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    auto opened = Store::open(work + QStringLiteral("/bench.sqlite"));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 2;
    }
    const std::shared_ptr<Store> store = opened.value();
    const AuthService auth(store, 1000);
    const Id reviewerId = auth.createUser(AuthService::systemSession(), QStringLiteral("rev"), QStringLiteral("rev"), Role::Reviewer,
                                          QStringLiteral("bench-pass-1"), false).value();
    const Id supervisorId = auth.createUser(AuthService::systemSession(), QStringLiteral("sup"), QStringLiteral("sup"), Role::Supervisor,
                                            QStringLiteral("bench-pass-2"), false).value();
    const Session supervisor{supervisorId, QStringLiteral("sup"), QStringLiteral("sup"), Role::Supervisor};
    {
        Transaction tx(store->db());
        const QDateTime now = utcNow();
        for (int i = 0; i < n; ++i) {
            Student s;
            s.studentNumber = QStringLiteral("2021%1").arg(i, 6, 10, QLatin1Char('0'));
            s.name = QStringLiteral("测试学生%1").arg(i);
            s.nationalId = QStringLiteral("1101012003%1").arg(i, 8, 10, QLatin1Char('0'));
            s.phone = QStringLiteral("13800000000");
            s.programme = QStringLiteral("计算机科学与技术");
            s.level = QStringLiteral("本科");
            s.cohort = QStringLiteral("2025");
            Attempt a;
            a.studentId = StudentRepository(store->db()).upsert(s);
            a.externalId = QStringLiteral("BENCH-%1").arg(i);
            a.paidAt = now.addSecs(-7200);
            a.id = AttemptRepository(store->db()).insert(a);
            const bool reencode = every > 0 && i % every == every - 1;
            const QByteArray bytes = unique(reencode ? small[std::size_t(i) % small.size()] : good[std::size_t(i) % good.size()], i);
            Photo photo;
            photo.studentId = a.studentId;
            photo.attemptId = a.id;
            photo.sha256 = store->blobs().put(bytes).value();
            photo.byteSize = bytes.size();
            photo.fileName = QStringLiteral("bench.jpg");
            PhotoRepository(store->db()).insert(photo);
            DecisionRepository(store->db()).insert(Decision{0, a.id, Verdict::Approve, {}, {}, reviewerId, now.addSecs(-60)});
        }
        Sql(store->db(), QStringLiteral("UPDATE attempts SET state = 'approved'")).exec();
        tx.commit();
    }
    print({{QStringLiteral("bench"), QStringLiteral("export")},
           {QStringLiteral("step"), QStringLiteral("build-store")},
           {QStringLiteral("photos"), n},
           {QStringLiteral("build_ms"), timer.elapsed()}});

    ExportService service(store);
    service.setThreads(p.value(QStringLiteral("threads")).toInt());
    for (const QString& target : {QStringLiteral("upload"), QStringLiteral("upload.zip")}) {
        // The second run exports the same photos again ("exported before" is not a filter here).
        ExportRequest request;
        request.destination = work + QLatin1Char('/') + target;
        QElapsedTimer run;
        run.start();
        auto outcome = service.run(supervisor, request);
        const qint64 ms = run.elapsed();
        if (!outcome) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(outcome.error().code), qPrintable(outcome.error().message));
            return 1;
        }
        print({{QStringLiteral("bench"), QStringLiteral("export")},
               {QStringLiteral("target"), outcome->format},
               {QStringLiteral("photos"), n},
               {QStringLiteral("exported"), outcome->exported},
               {QStringLiteral("reencoded"), outcome->reencoded},
               {QStringLiteral("left_out"), int(outcome->leftOut.size())},
               {QStringLiteral("total_ms"), ms},
               {QStringLiteral("photos_per_s"), ms > 0 ? qRound(outcome->exported * 1000.0 / double(ms)) : 0},
               {QStringLiteral("output_mb"), qRound(sizeOf(request.destination) / 1048576.0 * 10) / 10.0},
               {QStringLiteral("threads"), p.value(QStringLiteral("threads")).toInt() > 0 ? p.value(QStringLiteral("threads")).toInt() : QThread::idealThreadCount()},
               {QStringLiteral("peak_rss_mb"), qRound(statusMb("VmHWM:") * 10) / 10.0}});
    }
    return 0;
}
