// photodesk-cli version | diagnostics (and --version): what the school's IT asks for first.
#include "app/cli/Commands.h"

#include "core/support/Diagnostics.h"
#include "core/support/Log.h"
#include "core/support/Versions.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace pd::cli {

namespace {

int versionCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("json"), QStringLiteral("One JSON object instead of lines.")});
    if (!p.parse(QStringList{QStringLiteral("version")} + args)) {
        err << "usage: photodesk-cli --version [--json]\n";
        return 2;
    }
    const QJsonObject report = versionReport();
    if (p.isSet(QStringLiteral("json")))
        out << jsonLine(report) << "\n";
    else
        for (const QString& line : versionLines(report))
            out << line << "\n";
    return 0;
}

int diagnosticsCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite path or postgresql:// URL to inspect (read-only, not migrated)."),
                 QStringLiteral("DB")});
    p.addOption({QStringLiteral("out"), QStringLiteral("The .zip to write (default: ~/photodesk-diagnostics-DATE.zip)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("logs"), QStringLiteral("Folder of the log files (default: the user's PhotoDesk logs)."),
                 QStringLiteral("DIR")});
    if (!p.parse(QStringList{QStringLiteral("diagnostics")} + args) || !p.positionalArguments().isEmpty()) {
        err << "usage: photodesk-cli diagnostics [--db DB] [--out FILE.zip] [--logs DIR]\n";
        return 2;
    }
    DiagnosticsRequest request;
    request.database = p.value(QStringLiteral("db"));
    request.logDir = p.value(QStringLiteral("logs"));
    request.application = QStringLiteral("photodesk-cli");
    const QString file = p.isSet(QStringLiteral("out")) ? p.value(QStringLiteral("out")) : defaultDiagnosticsFileName();
    const auto written = exportDiagnostics(request, file);
    if (!written) {
        err << "diagnostics: " << written.error().message << "\n";
        return 2;
    }
    out << jsonLine({{QStringLiteral("file"), written->path},
                     {QStringLiteral("bytes"), written->bytes},
                     {QStringLiteral("entries"), QJsonArray::fromStringList(written->entries)},
                     {QStringLiteral("problems"), QJsonArray::fromStringList(written->problems)}})
        << "\n";
    return 0;
}

const Registration version(QStringLiteral("version"), QStringLiteral("version, build id, Qt/OpenCV/dlib, models and their checksums"),
                           versionCommand);
const Registration diagnostics(QStringLiteral("diagnostics"),
                               QStringLiteral("--db DB --out FILE.zip: the support bundle (no personal data, no secrets)"),
                               diagnosticsCommand);

} // namespace

} // namespace pd::cli
