#pragma once

#include <QString>
#include <QStringList>

namespace pd {

// The interface language: Chinese (zh_CN) first, English selectable. Installing a language
// loads the embedded .qm files (:/i18n) and Qt's own translations for standard dialog buttons;
// every window retranslates itself on the QEvent::LanguageChange that follows.
class UiLanguage {
public:
    static QString defaultLanguage() { return QStringLiteral("zh_CN"); }
    static QStringList available() { return {QStringLiteral("zh_CN"), QStringLiteral("en")}; }
    // The language's own name, shown in selectors ("中文", "English").
    static QString nativeName(const QString& code);
    // zh_CN or en; anything else falls back to the default. Returns the code installed.
    static QString install(const QString& code);
    static QString current();
    // "zh" or "en": the key the reason catalog and the SMS composer understand.
    static QString catalogLanguage();
    static bool isChinese() { return !current().startsWith(QLatin1String("en")); }
    static QString normalize(const QString& code);

    // Picks a CJK-capable default font (Noto Sans CJK SC when installed) so Chinese text never
    // shows as boxes, whatever the platform's default font is.
    static void applyDefaultFont();
};

} // namespace pd
