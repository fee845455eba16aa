// photodesk-cli seed-demo
#include "app/cli/Commands.h"

#include "core/demo/DemoSeeder.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace pd::cli {

namespace {
int seedDemoCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite file to create."), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("demo-dir"), QStringLiteral("Folder with demo.json (default: the installed demo data)."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("with-history"), QStringLiteral("Also fill three days of history (decisions, second reviews, SMS, calls, logins).")});
    if (!p.parse(QStringList{QStringLiteral("seed-demo")} + args) || !p.isSet(QStringLiteral("db"))) {
        err << "usage: photodesk-cli seed-demo --db PATH [--demo-dir DIR] [--with-history]\n";
        return 2;
    }
    auto report = p.isSet(QStringLiteral("with-history"))
                      ? seedDemoWithHistory(p.value(QStringLiteral("db")), p.value(QStringLiteral("demo-dir")))
                      : seedDemo(p.value(QStringLiteral("db")), p.value(QStringLiteral("demo-dir")));
    if (!report) {
        err << "seed-demo: " << report.error().message << "\n";
        return report.error().code == QLatin1String("demo-exists") ? 2 : 1;
    }
    QJsonArray accounts;
    for (const DemoAccount& a : report->accounts)
        accounts.append(QJsonObject{{QStringLiteral("username"), a.username},
                                    {QStringLiteral("password"), a.password},
                                    {QStringLiteral("role"), a.role}});
    out << jsonLine({{QStringLiteral("db"), p.value(QStringLiteral("db"))},
                     {QStringLiteral("students"), report->students},
                     {QStringLiteral("attempts"), report->attempts},
                     {QStringLiteral("pending"), report->pending},
                     {QStringLiteral("photos"), report->photos},
                     {QStringLiteral("decisions"), report->decisions},
                     {QStringLiteral("second_reviews"), report->secondReviews},
                     {QStringLiteral("call_notes"), report->callNotes},
                     {QStringLiteral("logins"), report->logins},
                     {QStringLiteral("clean_lane"), report->cleanLaneOn},
                     {QStringLiteral("accounts"), accounts}})
        << "\n";
    return 0;
}

const Registration seedDemo(QStringLiteral("seed-demo"), QStringLiteral("create a fresh demo store: seed-demo --db PATH"),
                            seedDemoCommand);
} // namespace

} // namespace pd::cli
