#include "app/cli/Commands.h"

#include "core/demo/DemoSeeder.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>
#include <map>

namespace pd::cli {

namespace {

QString json(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

int seedDemoCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Creates a fresh demo store (and its photo folder beside it)."));
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite file to create."), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("demo-dir"), QStringLiteral("Folder with demo.json (default: the installed demo data)."), QStringLiteral("DIR")});
    if (!p.parse(QStringList{QStringLiteral("seed-demo")} + args) || !p.isSet(QStringLiteral("db"))) {
        err << "usage: photodesk-cli seed-demo --db PATH [--demo-dir DIR]\n";
        return 2;
    }
    auto report = seedDemo(p.value(QStringLiteral("db")), p.value(QStringLiteral("demo-dir")));
    if (!report) {
        err << "seed-demo: " << report.error().message << "\n";
        return report.error().code == QLatin1String("demo-exists") ? 2 : 1;
    }
    QJsonArray accounts;
    for (const DemoAccount& a : report->accounts)
        accounts.append(QJsonObject{{QStringLiteral("username"), a.username},
                                    {QStringLiteral("password"), a.password},
                                    {QStringLiteral("role"), a.role}});
    out << json({{QStringLiteral("db"), p.value(QStringLiteral("db"))},
                 {QStringLiteral("students"), report->students},
                 {QStringLiteral("attempts"), report->attempts},
                 {QStringLiteral("pending"), report->pending},
                 {QStringLiteral("photos"), report->photos},
                 {QStringLiteral("decisions"), report->decisions},
                 {QStringLiteral("accounts"), accounts}})
        << "\n";
    return 0;
}

using Command = std::function<int(const QStringList&, QTextStream&, QTextStream&)>;

const std::map<QString, std::pair<Command, QString>>& commands()
{
    static const std::map<QString, std::pair<Command, QString>> table{
        {QStringLiteral("seed-demo"), {seedDemoCommand, QStringLiteral("create a fresh demo store: seed-demo --db PATH")}},
    };
    return table;
}

void usage(QTextStream& s)
{
    s << "usage: photodesk-cli COMMAND [options]\n\ncommands:\n";
    for (const auto& [name, entry] : commands())
        s << "  " << name << "  " << entry.second << "\n";
    s << "  --version  print the version\n";
}

} // namespace

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        usage(args.isEmpty() ? err : out);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "photodesk-cli " << PHOTODESK_VERSION << "\n";
        return 0;
    }
    const auto it = commands().find(args.first());
    if (it == commands().end()) {
        err << "photodesk-cli: unknown command " << args.first() << "\n";
        usage(err);
        return 2;
    }
    return it->second.first(args.mid(1), out, err);
}

} // namespace pd::cli
