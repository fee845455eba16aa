#include "app/cli/Commands.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace pd::cli {

namespace {
struct Entry {
    QString help;
    CommandFn fn;
};

std::map<QString, Entry>& registry()
{
    static std::map<QString, Entry> table;
    return table;
}

void usage(QTextStream& s)
{
    s << "usage: photodesk-cli COMMAND [options]\n\ncommands:\n";
    for (const auto& [name, entry] : registry())
        s << "  " << name.leftJustified(18) << " " << entry.help << "\n";
    s << "  " << QStringLiteral("--version").leftJustified(18) << " the same as version\n";
}
} // namespace

Registration::Registration(const QString& name, const QString& help, CommandFn fn)
{
    registry()[name] = Entry{help, std::move(fn)};
}

QString jsonLine(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        usage(args.isEmpty() ? err : out);
        return args.isEmpty() ? 2 : 0;
    }
    // --version is the "version" command (app/cli/SupportCommands.cpp) when it is linked in.
    const QString name = args.first() == QLatin1String("--version") ? QStringLiteral("version") : args.first();
    if (name == QLatin1String("version") && registry().find(name) == registry().end()) {
        out << "photodesk-cli " << PHOTODESK_VERSION << "\n";
        return 0;
    }
    const auto it = registry().find(name);
    if (it == registry().end()) {
        err << "photodesk-cli: unknown command " << args.first() << "\n";
        usage(err);
        return 2;
    }
    return it->second.fn(args.mid(1), out, err);
}

} // namespace pd::cli
