// photodesk-bench-audit [--events N] [--db PATH] [--scroll-pages P]
// Prints one JSON line: insert time, verify time, audit view open → first paint, and the time to
// scroll P pages deep (each page loaded lazily by the real AuditLogModel).
#include "core/audit/AuditLog.h"
#include "core/store/Sql.h"
#include "core/store/Store.h"
#include "core/store/Transaction.h"
#include "core/util/Time.h"
#include "widgets/AuditLogModel.h"
#include "widgets/StoreWorker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace pd;

namespace {
// Writes `n` chained events in batches of one transaction each (the log a year of a busy
// school produces), computing each hash exactly as AuditLog::append does.
void fill(const Store& store, int n)
{
    const Database& db = store.db();
    QString prev = AuditLog::genesisHash();
    const QDateTime start = utcNow().addDays(-365);
    static const char* kActions[] = {"login", "decision.approve", "decision.reject", "call.note", "pii.reveal"};
    constexpr int kBatch = 20000;
    for (int done = 0; done < n;) {
        Transaction tx(db);
        Sql insert(db, QStringLiteral("INSERT INTO audit_events (id, at, actor_id, actor, action, object_type, object_id, "
                                      "before_value, after_value, prev_hash, hash) VALUES (:id, :at, NULL, :actor, :action, "
                                      ":ot, :oid, :b, :a, :p, :h)"));
        for (int i = 0; i < kBatch && done < n; ++i, ++done) {
            AuditEvent e;
            e.id = done + 1;
            e.at = start.addSecs(done * 30);
            e.actor = QStringLiteral("reviewer%1").arg(done % 7);
            e.action = QLatin1String(kActions[done % 5]);
            e.objectType = QStringLiteral("attempt");
            e.objectId = QString::number(done / 3 + 1);
            e.before = QStringLiteral("{\"state\":\"pending\"}");
            e.after = QStringLiteral("{\"state\":\"approved\",\"n\":%1}").arg(done);
            e.hash = AuditLog::hashOf(e, prev);
            insert.bind(QStringLiteral(":id"), e.id)
                .bind(QStringLiteral(":at"), toDbTime(e.at))
                .bind(QStringLiteral(":actor"), e.actor)
                .bind(QStringLiteral(":action"), e.action)
                .bind(QStringLiteral(":ot"), e.objectType)
                .bind(QStringLiteral(":oid"), e.objectId)
                .bind(QStringLiteral(":b"), e.before)
                .bind(QStringLiteral(":a"), e.after)
                .bind(QStringLiteral(":p"), prev)
                .bind(QStringLiteral(":h"), e.hash)
                .exec();
            prev = e.hash;
        }
        tx.commit();
    }
}

class PaintWatcher : public QObject {
public:
    bool painted = false;
    bool eventFilter(QObject*, QEvent* e) override
    {
        if (e->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("events"), QStringLiteral("Number of events."), QStringLiteral("N"), QStringLiteral("1000000")});
    p.addOption({QStringLiteral("db"), QStringLiteral("Reuse/create this SQLite file."), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("scroll-pages"), QStringLiteral("Pages to scroll."), QStringLiteral("P"), QStringLiteral("50")});
    p.process(app);
    const int events = p.value(QStringLiteral("events")).toInt();
    QTemporaryDir tmp;
    const QString path = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : tmp.filePath(QStringLiteral("audit.sqlite"));
    auto opened = Store::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 2;
    }
    auto store = opened.value();
    QElapsedTimer t;
    qint64 fillMs = 0;
    const int existing = AuditLog(store->db()).count();
    if (existing < events) {
        if (existing > 0) {
            std::fprintf(stderr, "the store already has %d events; use a fresh --db\n", existing);
            return 2;
        }
        t.start();
        fill(*store, events);
        fillMs = t.elapsed();
    }

    t.start();
    const auto v = AuditLog(store->db()).verify();
    const qint64 verifyMs = t.elapsed();

    // The supervision view: the real model on the real worker, a real table view.
    const Session supervisor{0, QStringLiteral("bench"), QStringLiteral("bench"), Role::Supervisor};
    StoreWorker worker(store);
    t.start();
    AuditLogModel model(store, supervisor, &worker);
    QTableView view;
    PaintWatcher watcher;
    view.viewport()->installEventFilter(&watcher);
    view.resize(1200, 800);
    view.setModel(&model);
    model.setFilter({});
    view.show();
    QTest::qWaitFor([&] { return model.rowCount() > 0 && watcher.painted; }, 60000);
    const qint64 firstPaintMs = t.elapsed();

    const int pages = p.value(QStringLiteral("scroll-pages")).toInt();
    t.start();
    for (int i = 0; i < pages; ++i) {
        const int before = model.rowCount();
        view.scrollToBottom();
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTest::qWaitFor([&] { return model.rowCount() > before || model.atEnd(); }, 60000);
        watcher.painted = false;
        QTest::qWaitFor([&] { return watcher.painted; }, 5000);
    }
    const qint64 scrollMs = t.elapsed();

    const QJsonObject out{{QStringLiteral("events"), AuditLog(store->db()).count()},
                          {QStringLiteral("fill_ms"), fillMs},
                          {QStringLiteral("verify_ms"), verifyMs},
                          {QStringLiteral("verify_ok"), v.ok},
                          {QStringLiteral("view_first_paint_ms"), firstPaintMs},
                          {QStringLiteral("scroll_pages"), pages},
                          {QStringLiteral("scroll_rows_loaded"), model.rowCount()},
                          {QStringLiteral("scroll_ms"), scrollMs},
                          {QStringLiteral("scroll_ms_per_page"), pages ? double(scrollMs) / pages : 0.0}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return v.ok ? 0 : 1;
}
