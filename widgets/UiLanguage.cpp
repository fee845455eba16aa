#include "widgets/UiLanguage.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace pd {

namespace {
QString g_current;
QTranslator* g_app = nullptr;
QTranslator* g_qt = nullptr;

void removeTranslators()
{
    for (QTranslator** t : {&g_app, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}
} // namespace

QString UiLanguage::normalize(const QString& code)
{
    const QString c = code.trimmed();
    if (c.startsWith(QLatin1String("en"), Qt::CaseInsensitive))
        return QStringLiteral("en");
    return defaultLanguage();
}

QString UiLanguage::nativeName(const QString& code)
{
    return normalize(code) == QLatin1String("en") ? QStringLiteral("English") : QStringLiteral("中文");
}

QString UiLanguage::install(const QString& code)
{
    const QString lang = normalize(code);
    if (lang == g_current)
        return lang;
    removeTranslators();
    auto* app = new QTranslator(qApp);
    if (app->load(QStringLiteral(":/i18n/photodesk_%1.qm").arg(lang))) {
        QCoreApplication::installTranslator(app);
        g_app = app;
    } else {
        delete app;
        if (lang != QLatin1String("en"))
            qWarning("PhotoDesk: the %s interface translation is missing", qPrintable(lang));
    }
    auto* qt = new QTranslator(qApp);
    if (lang != QLatin1String("en")
        && qt->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qt = qt;
    } else {
        delete qt;
    }
    g_current = lang;
    QLocale::setDefault(QLocale(lang == QLatin1String("en") ? QStringLiteral("en_US") : QStringLiteral("zh_CN")));
    return lang;
}

QString UiLanguage::current()
{
    return g_current.isEmpty() ? defaultLanguage() : g_current;
}

QString UiLanguage::catalogLanguage()
{
    return isChinese() ? QStringLiteral("zh") : QStringLiteral("en");
}

void UiLanguage::applyDefaultFont()
{
    const QStringList families = QFontDatabase::families();
    for (const char* candidate : {"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans SC"}) {
        const QString family = QString::fromLatin1(candidate);
        if (families.contains(family)) {
            QFont font = QApplication::font();
            font.setFamilies({family});
            if (font.pointSizeF() < 10)
                font.setPointSizeF(10);
            QApplication::setFont(font);
            return;
        }
    }
    qWarning("PhotoDesk: no CJK font found (install fonts-noto-cjk); Chinese text may not display");
}

} // namespace pd
