#pragma once

#include <QStringList>
#include <QTextStream>

namespace pd::cli {

// Dispatches `photodesk-cli COMMAND ARGS…`; gives the process exit code.
// Exit codes: 0 success, 1 the command ran and found a problem, 2 bad usage or unreadable input.
int run(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace pd::cli
