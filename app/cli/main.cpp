// photodesk-cli: PhotoDesk's command line. Links only photodesk_core (no widgets).
#include "app/cli/Commands.h"
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
    QTextStream out(stdout);
    QTextStream err(stderr);
    return pd::cli::run(app.arguments().mid(1), out, err);
}
