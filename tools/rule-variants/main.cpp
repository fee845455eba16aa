// photodesk-make-rule-variants [--out DIR] [PORTRAIT...]
// Writes compliant base photos, one-rule-breaking variants and manifest.json (docs/photo-rules.md).
#include "tools/rule-variants/RuleVariants.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout), err(stderr);
    QStringList args = app.arguments().mid(1);
    QString outDir = QStringLiteral("rule-variants");
    const int o = args.indexOf(QStringLiteral("--out"));
    if (o >= 0 && o + 1 < args.size()) {
        outDir = args.at(o + 1);
        args.remove(o, 2);
    }
    if (args.contains(QStringLiteral("--help"))) {
        out << "usage: photodesk-make-rule-variants [--out DIR] [PORTRAIT...]\n";
        return 0;
    }
    if (args.isEmpty())
        for (const QString& name : pd::variants::defaultBaseNames())
            args << QDir(QStringLiteral(PHOTODESK_FACE_FIXTURES)).filePath(name + QStringLiteral(".jpg"));
    auto analyzer = pd::FaceAnalyzer::shared();
    if (!analyzer) {
        err << analyzer.error().message << "\n";
        return 1;
    }
    auto corpus = pd::variants::makeRuleVariants(*analyzer.value(), args, outDir);
    if (!corpus) {
        err << corpus.error().code << ": " << corpus.error().message << "\n";
        return 2;
    }
    out << corpus->bases.size() << " base photos, " << corpus->variants.size() << " variants in " << outDir << "\n";
    return 0;
}
