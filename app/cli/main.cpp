// photodesk-cli: PhotoDesk's command line. Links only photodesk_core (no widgets).
#include "app/cli/Commands.h"
#include "core/support/Log.h"
#include "core/util/BlasThreads.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char** argv)
{
    pd::ensureSingleThreadedBlas(argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("photodesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PHOTODESK_VERSION));
    // Log lines also go to <user data>/logs/photodesk-cli.log (level: $PHOTODESK_LOG_LEVEL or log/level);
    // stderr gets what it always got.
    pd::logging::install(pd::logging::standardOptions(QStringLiteral("photodesk-cli")));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return pd::cli::run(app.arguments().mid(1), out, err);
}
