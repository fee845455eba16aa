// photodesk-bench-review --attempts N --switches M [--dwell-ms D] [--db PATH] [--keep]
//
// Review at speed, measured on the real window. Builds a SQLite store with N attempts: the demo
// store (seed-demo), pre-screened once for real, then N − demo synthetic pending attempts, each
// with its own student and three photo rows that reuse the demo photos' blobs, and copies of the
// demo's stored analysis rows (faces, face_match, rules) pointing at the new photo rows — so the
// workspace takes the real display path (stored results, chips, rules) for every one of them.
// All synthetic rows go in ONE transaction.
//
// Then, offscreen (QT_QPA_PLATFORM=offscreen is set here), it signs in as the demo reviewer,
// opens the real MainWindow (and so the real ReviewWorkspace) and measures:
//   queue_ready_ms   sign-in → the queue's first page painted and its counts shown
//   first_shown_ms   sign-in → the first submission fully painted (needs the face model loaded;
//                    model_preloaded says whether this process had loaded it already)
//   switch_*_ms      J pressed → the next submission fully painted (three photos, face panel,
//                    rule flags, decision panel claimed: ReviewWorkspace::submissionShown),
//                    M times, with D ms between presses (a reviewer looks at each one)
//   scroll_*         the queue scrolled to its last row (every page loaded by the real model):
//                    time, slowest page, RSS growth
//   peak_rss_mb      VmHWM of the process
// and prints ONE JSON line on stdout (progress on stderr).

#include "core/auth/AuthService.h"
#include "core/demo/DemoSeeder.h"
#include "core/prescreen/PreScreenService.h"
#include "core/review/ReviewQueue.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"
#include "core/store/Transaction.h"
#include "core/util/BlasThreads.h"
#include "core/util/Time.h"
#include "widgets/MainWindow.h"
#include "widgets/PaintProbe.h"
#include "widgets/QueueCountsBar.h"
#include "widgets/QueueModel.h"
#include "widgets/RuleFlagsPanel.h"
#include "widgets/FaceMatchPanel.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/SubmissionPrefetcher.h"
#include "widgets/UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace pd;

namespace {

void progress(const QString& text)
{
    std::fprintf(stderr, "bench-review: %s\n", qPrintable(text));
}

double statusMb(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const double rank = p * double(v.size() - 1);
    const size_t lo = size_t(rank);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - double(lo));
}

double round2(double x)
{
    return std::round(x * 100) / 100;
}

// Runs the event loop until `done` or the timeout; false on timeout.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

void exec(QSqlQuery& q)
{
    if (!q.exec())
        throw StoreError(QStringLiteral("bench"), q.lastError().text());
}

// One pending demo attempt whose rows are copied: its student, photos and analysis rows.
struct Template {
    QString programme, level;
    struct PhotoRow {
        QString role, sha256, fileName;
        qint64 byteSize = 0;
        bool present = false;
    } photos[3]; // submitted, enrollment, id_card
    struct ResultRow {
        int photo = 0; // index into photos
        QString kind, producerVersion, result; // result with %ENR% / %IDC% for the reference ids
    };
    std::vector<ResultRow> results;
};

const QString kEnrollmentToken = QStringLiteral("-990000001");
const QString kIdCardToken = QStringLiteral("-990000002");

std::vector<Template> readTemplates(const Database& db)
{
    std::vector<Template> out;
    QSqlQuery attempts(db.connection());
    attempts.prepare(QStringLiteral("SELECT a.id, a.student_id, s.programme, s.level FROM attempts a JOIN students s ON s.id = a.student_id "
                                    "WHERE a.state = 'pending' ORDER BY a.id"));
    exec(attempts);
    while (attempts.next()) {
        Template t;
        const qint64 attemptId = attempts.value(0).toLongLong();
        const qint64 studentId = attempts.value(1).toLongLong();
        t.programme = attempts.value(2).toString();
        t.level = attempts.value(3).toString();
        qint64 photoIds[3] = {0, 0, 0};
        QSqlQuery photos(db.connection());
        photos.prepare(QStringLiteral("SELECT id, role, sha256, byte_size, file_name FROM photos WHERE (attempt_id = ? AND role = 'submitted') "
                                      "OR (student_id = ? AND role <> 'submitted') ORDER BY id"));
        photos.addBindValue(attemptId);
        photos.addBindValue(studentId);
        exec(photos);
        while (photos.next()) {
            const QString role = photos.value(1).toString();
            const int slot = role == QLatin1String("submitted") ? 0 : role == QLatin1String("enrollment") ? 1 : 2;
            photoIds[slot] = photos.value(0).toLongLong(); // the latest reference wins, as referenceFor
            t.photos[slot] = {role, photos.value(2).toString(), photos.value(4).toString(), photos.value(3).toLongLong(), true};
        }
        for (int slot = 0; slot < 3; ++slot) {
            if (!photoIds[slot])
                continue;
            QSqlQuery results(db.connection());
            results.prepare(QStringLiteral("SELECT kind, producer_version, result FROM analysis_results WHERE photo_id = ?"));
            results.addBindValue(photoIds[slot]);
            exec(results);
            while (results.next()) {
                QString text = results.value(2).toString();
                QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
                if (o.contains(QStringLiteral("enrollment_photo_id")) && !o.value(QStringLiteral("enrollment_photo_id")).isNull())
                    o.insert(QStringLiteral("enrollment_photo_id"), kEnrollmentToken.toLongLong());
                if (o.contains(QStringLiteral("id_card_photo_id")) && !o.value(QStringLiteral("id_card_photo_id")).isNull())
                    o.insert(QStringLiteral("id_card_photo_id"), kIdCardToken.toLongLong());
                text = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
                t.results.push_back({slot, results.value(0).toString(), results.value(1).toString(), text});
            }
        }
        if (t.photos[0].present)
            out.push_back(std::move(t));
    }
    return out;
}

qint64 nextId(const Database& db, const QString& table)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM %1").arg(table));
    exec(q);
    q.next();
    return q.value(0).toLongLong();
}

// Synthetic pending attempts in one transaction; returns how many were added.
int addSynthetic(const Store& store, int count)
{
    const Database& db = store.db();
    const std::vector<Template> templates = readTemplates(db);
    if (templates.empty())
        throw StoreError(QStringLiteral("bench"), QStringLiteral("the demo store has no pending attempt to copy"));
    static const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
                                     "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    static const char* given[] = {"子涵", "欣怡", "梓萱", "思彤", "浩然", "宇轩", "雨桐", "俊杰", "佳怡", "志强", "晓燕", "文博",
                                  "嘉怡", "一诺", "明轩", "若曦", "天佑", "诗涵", "博文", "雅琪", "建国", "丽娟", "家豪", "静怡",
                                  "昊天", "紫涵", "晨阳", "思远", "梦洁", "立诚", "婉清", "泽宇", "可馨", "承志", "安琪", "俊熙"};
    QRandomGenerator rng(20251125);
    const QDateTime now = utcNow();
    const QString nowText = toDbTime(now);

    Transaction tx(db);
    const QSqlDatabase c = tx.connection();
    qint64 studentId = nextId(db, QStringLiteral("students"));
    qint64 attemptId = nextId(db, QStringLiteral("attempts"));
    qint64 photoId = nextId(db, QStringLiteral("photos"));
    qint64 resultId = nextId(db, QStringLiteral("analysis_results"));
    QSqlQuery student(c), attempt(c), photo(c), result(c);
    student.prepare(QStringLiteral("INSERT INTO students (id, student_number, name, national_id, phone, programme, level, created_at, "
                                   "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    attempt.prepare(QStringLiteral("INSERT INTO attempts (id, student_id, external_id, version, state, paid_at, deadline, created_at, "
                                   "updated_at) VALUES (?, ?, ?, 1, 'pending', ?, ?, ?, ?)"));
    photo.prepare(QStringLiteral("INSERT INTO photos (id, student_id, attempt_id, role, sha256, byte_size, file_name, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    result.prepare(QStringLiteral("INSERT INTO analysis_results (id, photo_id, kind, producer_version, result, created_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"));
    for (int i = 0; i < count; ++i) {
        const Template& t = templates[size_t(i) % templates.size()];
        const QString number = QStringLiteral("29%1").arg(i, 8, 10, QLatin1Char('0'));
        const QString name = QString::fromUtf8(surnames[i % 30]) + QString::fromUtf8(given[(i / 30) % 36]);
        student.addBindValue(studentId);
        student.addBindValue(number);
        student.addBindValue(name);
        student.addBindValue(QStringLiteral("1101012003%1%2X").arg((i % 12) + 1, 2, 10, QLatin1Char('0')).arg(i % 100000, 5, 10, QLatin1Char('0')).left(18));
        student.addBindValue(QStringLiteral("139%1").arg(i, 8, 10, QLatin1Char('0')));
        student.addBindValue(t.programme);
        student.addBindValue(t.level);
        student.addBindValue(nowText);
        student.addBindValue(nowText);
        exec(student);
        // Paid within the last 56 hours: some overdue, most due within two days.
        const QDateTime paid = now.addSecs(-qint64(rng.bounded(56 * 3600)));
        attempt.addBindValue(attemptId);
        attempt.addBindValue(studentId);
        attempt.addBindValue(QStringLiteral("BENCH-%1").arg(i, 8, 10, QLatin1Char('0')));
        attempt.addBindValue(toDbTime(paid));
        attempt.addBindValue(toDbTime(paid.addSecs(48 * 3600)));
        attempt.addBindValue(nowText);
        attempt.addBindValue(nowText);
        exec(attempt);
        qint64 ids[3] = {0, 0, 0};
        for (int slot = 0; slot < 3; ++slot) {
            const Template::PhotoRow& p = t.photos[slot];
            if (!p.present)
                continue;
            ids[slot] = photoId++;
            photo.addBindValue(ids[slot]);
            photo.addBindValue(studentId);
            photo.addBindValue(slot == 0 ? QVariant(attemptId) : QVariant(QMetaType::fromType<qlonglong>()));
            photo.addBindValue(p.role);
            photo.addBindValue(p.sha256);
            photo.addBindValue(p.byteSize);
            photo.addBindValue(p.fileName);
            photo.addBindValue(nowText);
            exec(photo);
        }
        for (const Template::ResultRow& r : t.results) {
            QString text = r.result;
            text.replace(kEnrollmentToken, QString::number(ids[1])).replace(kIdCardToken, QString::number(ids[2]));
            result.addBindValue(resultId++);
            result.addBindValue(ids[r.photo]);
            result.addBindValue(r.kind);
            result.addBindValue(r.producerVersion);
            result.addBindValue(text);
            result.addBindValue(nowText);
            exec(result);
        }
        ++studentId;
        ++attemptId;
    }
    tx.commit();
    return count;
}

int attemptCount(const Database& db)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM attempts"));
    exec(q);
    q.next();
    return q.value(0).toInt();
}

// With --paint-profile: where the paint passes spend their time, per widget class (stderr).
class ProfilingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool profile = false;
    QHash<QString, std::pair<double, int>> paintMs;

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (!profile || (event->type() != QEvent::Paint && event->type() != QEvent::UpdateRequest))
            return QApplication::notify(receiver, event);
        QElapsedTimer t;
        t.start();
        const bool result = QApplication::notify(receiver, event);
        const QString key = (event->type() == QEvent::UpdateRequest ? QStringLiteral("[pass] ") : QString())
                            + QString::fromLatin1(receiver->metaObject()->className()) + QLatin1Char(' ') + receiver->objectName();
        auto& slot = paintMs[key];
        slot.first += t.nsecsElapsed() / 1e6;
        ++slot.second;
        return result;
    }
};

} // namespace

int main(int argc, char* argv[])
{
    ensureSingleThreadedBlas(argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    ProfilingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption attemptsOption(QStringLiteral("attempts"), QStringLiteral("Attempts in the store."), QStringLiteral("N"),
                                            QStringLiteral("100000"));
    const QCommandLineOption switchesOption(QStringLiteral("switches"), QStringLiteral("Presses of J to time."), QStringLiteral("M"),
                                            QStringLiteral("200"));
    const QCommandLineOption dwellOption(QStringLiteral("dwell-ms"), QStringLiteral("Time on each submission before the next J."),
                                         QStringLiteral("D"), QStringLiteral("300"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("SQLite file to build (or reuse when it exists)."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption noScrollOption(QStringLiteral("no-scroll"), QStringLiteral("Skip scrolling the queue to its end."));
    const QCommandLineOption profileOption(QStringLiteral("paint-profile"), QStringLiteral("Print paint time per widget class (stderr)."));
    parser.addOptions({attemptsOption, switchesOption, dwellOption, dbOption, noScrollOption, profileOption});
    parser.process(app);
    const int attempts = qMax(1, parser.value(attemptsOption).toInt());
    const int switches = qMax(1, parser.value(switchesOption).toInt());
    const int dwellMs = qMax(0, parser.value(dwellOption).toInt());

    UiLanguage::applyDefaultFont();
    UiLanguage::install(QStringLiteral("zh_CN"));
    QJsonObject out{{QStringLiteral("attempts"), attempts}, {QStringLiteral("switches"), switches}, {QStringLiteral("dwell_ms"), dwellMs},
                    {QStringLiteral("backend"), QStringLiteral("sqlite")}};

    // --- the store ---
    QTemporaryDir dir;
    const QString dbPath = parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(QStringLiteral("bench.sqlite"));
    std::shared_ptr<Store> store;
    bool modelPreloaded = false;
    try {
        QElapsedTimer build;
        build.start();
        if (!QFileInfo::exists(dbPath)) {
            progress(QStringLiteral("seeding the demo store in %1").arg(dbPath));
            auto seeded = seedDemo(dbPath);
            if (!seeded) {
                progress(seeded.error().message);
                return 1;
            }
        }
        auto opened = Store::open(dbPath);
        if (!opened) {
            progress(opened.error().message);
            return 1;
        }
        store = opened.value();
        // A store built earlier (--db) is used as it is: the face model is then loaded by the
        // window, as after a real sign-in, and first_shown_ms includes that.
        modelPreloaded = attemptCount(store->db()) < attempts;
        if (modelPreloaded) {
            // The demo's own attempts analysed for real (model, face results, rules).
            PreScreenService prescreen(store);
            QEventLoop loop;
            bool failed = false;
            QObject::connect(&prescreen, &PreScreenService::finished, &loop, &QEventLoop::quit);
            QObject::connect(&prescreen, &PreScreenService::unavailable, &loop, [&](const Error& e) {
                progress(QStringLiteral("the pre-screen is unavailable: %1").arg(e.message));
                failed = true;
                loop.quit();
            });
            prescreen.start();
            loop.exec();
            if (failed)
                return 1;
        }
        const int existing = attemptCount(store->db());
        if (existing < attempts) {
            progress(QStringLiteral("adding %1 synthetic attempts").arg(attempts - existing));
            QElapsedTimer insert;
            insert.start();
            addSynthetic(*store, attempts - existing);
            out.insert(QStringLiteral("insert_ms"), round2(insert.nsecsElapsed() / 1e6));
        }
        out.insert(QStringLiteral("attempts"), attemptCount(store->db()));
        out.insert(QStringLiteral("build_ms"), round2(build.nsecsElapsed() / 1e6));
    } catch (const StoreError& e) {
        progress(e.message());
        return 1;
    }

    // --- sign in and open the window ---
    DemoAccount reviewer;
    for (const DemoAccount& a : demoAccounts()) {
        if (a.role == QLatin1String("reviewer") && reviewer.username.isEmpty())
            reviewer = a;
    }
    auto session = AuthService(store).login(reviewer.username, reviewer.password);
    if (!session) {
        progress(session.error().message);
        return 1;
    }
    progress(QStringLiteral("opening the window"));
    const double rssBefore = statusMb("VmRSS:");
    QElapsedTimer sinceLogin;
    sinceLogin.start();
    auto window = std::make_unique<MainWindow>(store, session.value());
    window->show();
    ReviewWorkspace* workspace = window->reviewWorkspace();
    QTableView* view = workspace->queueView();
    QueueModel* model = workspace->queueModel();
    out.insert(QStringLiteral("window_ms"), round2(sinceLogin.nsecsElapsed() / 1e6));

    // Queue ready: its first page painted and its counts painted.
    // Owned by the widgets they watch.
    PaintProbe& rowsProbe = *new PaintProbe(view->viewport());
    PaintProbe& countsProbe = *new PaintProbe(workspace->queueCountsBar());
    double queueReadyMs = -1, firstShownMs = -1;
    double countsMs = -1, rowsPaintedMs = -1;
    QObject::connect(workspace, &ReviewWorkspace::queueCountsChanged, &countsProbe, [&] {
        if (countsMs < 0)
            countsMs = sinceLogin.nsecsElapsed() / 1e6;
        if (!countsProbe.isArmed())
            countsProbe.arm();
    });
    QObject::connect(workspace, &ReviewWorkspace::submissionShown, &app, [&] {
        if (firstShownMs < 0)
            firstShownMs = sinceLogin.nsecsElapsed() / 1e6;
    });
    if (workspace->queueCounts())
        countsProbe.arm();
    rowsProbe.arm();
    if (!waitFor(
            [&] {
                if (rowsPaintedMs < 0 && model->rowCount() > 0 && rowsProbe.painted())
                    rowsPaintedMs = sinceLogin.nsecsElapsed() / 1e6;
                if (queueReadyMs < 0 && model->rowCount() > 0 && rowsProbe.painted() && countsProbe.painted())
                    queueReadyMs = sinceLogin.nsecsElapsed() / 1e6;
                return queueReadyMs >= 0;
            },
            60000)) {
        progress(QStringLiteral("the queue did not become ready"));
        return 1;
    }
    out.insert(QStringLiteral("queue_ready_ms"), round2(queueReadyMs));
    out.insert(QStringLiteral("rows_painted_ms"), round2(rowsPaintedMs));
    out.insert(QStringLiteral("counts_ms"), round2(countsMs));
    if (!QTest::qWaitForWindowActive(window.get()))
        progress(QStringLiteral("the window is not active (shortcuts may not reach it)"));
    if (!waitFor([&] { return firstShownMs >= 0 && workspace->prefetcher()->isIdle(); }, 20000)) {
        progress(QStringLiteral("the first submission was not shown (open %1, photos %2, rules %3, faces %4, prefetch idle %5)")
                     .arg(workspace->currentAttemptId())
                     .arg(workspace->photosPainted())
                     .arg(int(workspace->ruleFlagsPanel()->mode()))
                     .arg(workspace->faceMatchPanel()->enrollmentBand())
                     .arg(workspace->prefetcher()->isIdle()));
        return 1;
    }
    out.insert(QStringLiteral("first_shown_ms"), round2(firstShownMs));
    // True when this process loaded the face model while building the store: the first
    // submission's faces then do not wait for it (a real sign-in does).
    out.insert(QStringLiteral("model_preloaded"), modelPreloaded);
    if (const auto& counts = workspace->queueCounts())
        out.insert(QStringLiteral("counts"), QJsonObject{{QStringLiteral("pending"), counts->pending},
                                                         {QStringLiteral("overdue"), counts->overdue},
                                                         {QStringLiteral("within_6h"), counts->within6h},
                                                         {QStringLiteral("within_24h"), counts->within24h},
                                                         {QStringLiteral("later"), counts->later}});

    // --- J, M times ---
    progress(QStringLiteral("pressing J %1 times").arg(switches));
    std::vector<double> times, hitTimes, missTimes;
    double shownAt = -1;
    QElapsedTimer press;
    QObject::connect(workspace, &ReviewWorkspace::submissionShown, &app, [&] { shownAt = press.nsecsElapsed() / 1e6; });
    view->setFocus();
    app.profile = parser.isSet(profileOption);
    int timeouts = 0;
    for (int i = 0; i < switches; ++i) {
        const Id before = workspace->currentAttemptId();
        const int hitsBefore = workspace->prefetcher()->stats().hits;
        shownAt = -1;
        press.start();
        QTest::keyClick(view, Qt::Key_J);
        if (!waitFor([&] { return shownAt >= 0 && workspace->currentAttemptId() != before; }, 10000)) {
            ++timeouts;
            continue;
        }
        times.push_back(shownAt);
        (workspace->prefetcher()->stats().hits > hitsBefore ? hitTimes : missTimes).push_back(shownAt);
        if (dwellMs > 0)
            QTest::qWait(dwellMs);
    }
    if (app.profile) {
        app.profile = false;
        std::vector<std::pair<double, QString>> rows;
        for (auto it = app.paintMs.cbegin(); it != app.paintMs.cend(); ++it)
            rows.emplace_back(it.value().first, QStringLiteral("%1 ms in %2 events: %3").arg(it.value().first / switches, 0, 'f', 2).arg(it.value().second).arg(it.key()));
        std::sort(rows.rbegin(), rows.rend());
        progress(QStringLiteral("paint time per switch, by receiver:"));
        for (size_t i = 0; i < std::min<size_t>(rows.size(), 25); ++i)
            progress(QStringLiteral("  ") + rows[i].second);
    }
    const SubmissionPrefetcher::Stats& stats = workspace->prefetcher()->stats();
    out.insert(QStringLiteral("switch_p50_ms"), round2(percentile(times, 0.5)));
    out.insert(QStringLiteral("switch_p95_ms"), round2(percentile(times, 0.95)));
    out.insert(QStringLiteral("switch_max_ms"), round2(times.empty() ? -1 : *std::max_element(times.begin(), times.end())));
    out.insert(QStringLiteral("switch_timeouts"), timeouts);
    out.insert(QStringLiteral("prefetch_hits"), int(hitTimes.size()));
    out.insert(QStringLiteral("prefetch_misses"), int(missTimes.size()));
    out.insert(QStringLiteral("switch_hit_p95_ms"), round2(percentile(hitTimes, 0.95)));
    out.insert(QStringLiteral("switch_miss_p50_ms"), round2(percentile(missTimes, 0.5)));
    out.insert(QStringLiteral("prefetch_prepared"), stats.prepared);
    out.insert(QStringLiteral("prefetch_cache_mb"), round2(workspace->prefetcher()->cachedBytes() / 1048576.0));

    // --- the queue scrolled to its last row ---
    if (!parser.isSet(noScrollOption)) {
        progress(QStringLiteral("scrolling the queue to its end"));
        const double rssBeforeScroll = statusMb("VmRSS:");
        const int rowsBefore = model->rowCount();
        std::vector<double> pageTimes;
        QElapsedTimer scroll;
        scroll.start();
        while (model->canFetchMore({})) {
            QElapsedTimer page;
            page.start();
            view->scrollToBottom(); // the view asks the model for the next page
            QCoreApplication::processEvents();
            pageTimes.push_back(page.nsecsElapsed() / 1e6);
            if (scroll.elapsed() > 600000)
                break;
        }
        out.insert(QStringLiteral("scroll_to_end_ms"), round2(scroll.nsecsElapsed() / 1e6));
        out.insert(QStringLiteral("scroll_page_p95_ms"), round2(percentile(pageTimes, 0.95)));
        out.insert(QStringLiteral("scroll_page_max_ms"), round2(pageTimes.empty() ? -1 : *std::max_element(pageTimes.begin(), pageTimes.end())));
        out.insert(QStringLiteral("rows_loaded"), model->rowCount());
        out.insert(QStringLiteral("scroll_rss_growth_mb"), round2(statusMb("VmRSS:") - rssBeforeScroll));
        out.insert(QStringLiteral("scroll_rows_added"), model->rowCount() - rowsBefore);
    }
    out.insert(QStringLiteral("rss_before_window_mb"), round2(rssBefore));
    out.insert(QStringLiteral("peak_rss_mb"), round2(statusMb("VmHWM:")));
    window.reset();
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
