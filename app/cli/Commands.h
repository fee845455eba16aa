#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace pd::cli {

// Dispatches `photodesk-cli COMMAND ARGS…`; gives the process exit code.
// Exit codes: 0 success, 1 the command ran and found a problem, 2 bad usage or unreadable
// input; a command may document more (e.g. compare: 3 = no face).
int run(const QStringList& args, QTextStream& out, QTextStream& err);

using CommandFn = std::function<int(const QStringList& args, QTextStream& out, QTextStream& err)>;

// Each topic file (app/cli/*Commands.cpp) registers its commands with a static Registration,
// so adding a command never touches another topic's file.
struct Registration {
    Registration(const QString& name, const QString& help, CommandFn fn);
};

// One compact JSON line (what most commands print).
QString jsonLine(const QJsonObject& o);

} // namespace pd::cli
