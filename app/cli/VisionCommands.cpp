// photodesk-cli compare | analyze
#include "app/cli/Commands.h"

#include "core/vision/CompareCommand.h"
#include "core/vision/rules/RuleEngine.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>

namespace pd::cli {

namespace {
int compareCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    return runCompareCommand(args, out, err);
}

int analyzeCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("photo"), QStringLiteral("the submitted photo"));
    p.addOption({QStringLiteral("enrollment"), QStringLiteral("The student's enrollment photo."), QStringLiteral("E")});
    p.addOption({QStringLiteral("id"), QStringLiteral("The student's ID-card photo."), QStringLiteral("I")});
    p.addOption({QStringLiteral("config"), QStringLiteral("Rule configuration (JSON)."), QStringLiteral("C")});
    if (!p.parse(QStringList{QStringLiteral("analyze")} + args) || p.positionalArguments().size() != 1) {
        err << "usage: photodesk-cli analyze PHOTO [--enrollment E] [--id I] [--config C]\n";
        return 2;
    }
    const QString photo = p.positionalArguments().first();
    // The input itself must be readable; problems inside the image are reported in the JSON.
    for (const QString& path : {photo, p.value(QStringLiteral("enrollment")), p.value(QStringLiteral("id"))}) {
        if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
            err << "analyze: cannot read " << path << "\n";
            return 2;
        }
    }
    // Exit 0 whatever the rules say; 2 when the photo cannot be read or decoded at all
    // ("rules" then reports FILE_FORMAT failed and the rest error); 1 for set-up problems: an
    // invalid rule configuration (the message names the field), a missing model.
    auto result = rules::analyzePhotoJsonFromFiles(photo, p.value(QStringLiteral("enrollment")), p.value(QStringLiteral("id")),
                                                   p.value(QStringLiteral("config")));
    if (!result.ok()) {
        err << "analyze: " << result.error().message << "\n";
        return result.error().code == VisionErrorCode::Unreadable ? 2 : 1;
    }
    out << jsonLine(result.value()) << "\n";
    const QJsonObject photoFaces = result.value().value(QStringLiteral("faces")).toObject().value(QStringLiteral("photo")).toObject();
    return photoFaces.contains(QStringLiteral("error")) && photoFaces.value(QStringLiteral("error")).toString() != VisionErrorCode::NoFace ? 2 : 0;
}

const Registration compare(QStringLiteral("compare"),
                           QStringLiteral("face distance of two photos: compare A B (exit 3 = no face, 2 = unreadable)"),
                           compareCommand);
const Registration analyze(QStringLiteral("analyze"),
                           QStringLiteral("analyse a photo: analyze PHOTO [--enrollment E] [--id I] [--config C]"),
                           analyzeCommand);
} // namespace

} // namespace pd::cli
