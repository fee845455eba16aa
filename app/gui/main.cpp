// photodesk: the review workstation.
//   photodesk [--db PATH] [--demo] [--lang zh_CN|en] [--login USER:PASSWORD]
//             [--platform URL [--platform-token T]] [--sms-provider aliyun|tencent|generic [--sms-endpoint URL]]
//             [--screenshot FILE --quit-after SEC]
// The platform URL, SMS provider and endpoint are remembered in the settings; the secrets
// (platform token, SMS key pair) never are: they come from the command line / environment
// (PHOTODESK_PLATFORM_TOKEN, PHOTODESK_SMS_ACCESS_KEY_ID/_SECRET) or the desktop keychain.

#include "core/demo/DemoSeeder.h"
#include "core/store/Store.h"
#include "core/auth/AuthService.h"
#include "core/util/BlasThreads.h"
#include "core/vision/BlasRuntime.h"
#include "widgets/ErrorTexts.h"
#include "widgets/LoginDialog.h"
#include "widgets/MainWindow.h"
#include "widgets/ReviewWorkspace.h"
#include "widgets/SyncController.h"
#include "widgets/UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPixmap>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <string>
#include <vector>

using namespace pd;

namespace {

constexpr auto kLanguageKey = "ui/language";
constexpr auto kPlatformUrlKey = "platform/url";
constexpr auto kSmsProviderKey = "sms/provider";
constexpr auto kSmsEndpointKey = "sms/endpoint";

void printErr(const QString& text)
{
    std::fprintf(stderr, "photodesk: %s\n", qPrintable(text));
}

// Shows a fatal problem: a dialog when someone is looking, stderr always.
int fail(const QString& text, bool headless, int code = 1)
{
    printErr(text);
    if (!headless)
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "PhotoDesk"), text);
    return code;
}

// Owns the main window across log-out / log-in.
class Desk : public QObject {
public:
    Desk(std::shared_ptr<Store> store, QSettings& settings, DeskServicesConfig services)
        : m_store(std::move(store)), m_settings(settings), m_services(std::move(services))
    {
    }

    void rememberLanguage(const QString& code) { m_settings.setValue(QLatin1String(kLanguageKey), code); }

    // Interactive sign-in; false when the user cancelled.
    bool signIn(const QString& username = {})
    {
        LoginDialog dialog(m_store);
        QObject::connect(&dialog, &LoginDialog::languageSelected, &dialog, [this](const QString& code) { rememberLanguage(code); });
        if (!username.isEmpty())
            dialog.setUsername(username);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        open(dialog.session());
        return true;
    }

    MainWindow* open(const Session& session)
    {
        auto* window = new MainWindow(m_store, session);
        window->setAttribute(Qt::WA_DeleteOnClose);
        m_window = window;
        QObject::connect(window, &MainWindow::languageChosen, this, [this](const QString& code) { rememberLanguage(code); });
        QObject::connect(window, &MainWindow::logoutRequested, this, [this, window] {
            const QString username = window->session().username;
            // Keep the application alive while no window is open.
            qApp->setQuitOnLastWindowClosed(false);
            window->close();
            QTimer::singleShot(0, this, [this, username] {
                const bool signedIn = signIn(username);
                qApp->setQuitOnLastWindowClosed(true);
                if (!signedIn)
                    qApp->quit();
            });
        });
        window->show();
        // Sync, platform delivery and SMS run while someone is logged in.
        window->startServices(m_services);
        return window;
    }

    MainWindow* window() const { return m_window; }

private:
    std::shared_ptr<Store> m_store;
    QSettings& m_settings;
    DeskServicesConfig m_services;
    QPointer<MainWindow> m_window;
};

} // namespace

int main(int argc, char* argv[])
{
    // Qt reads "--platform X" as its own -platform option (the windowing plugin) and would take
    // the URL for a plugin name: ours is renamed before QApplication sees the arguments.
    std::vector<std::string> renamed;
    renamed.reserve(size_t(argc));
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--platform" || arg.rfind("--platform=", 0) == 0) {
            renamed.push_back("--platform-url" + arg.substr(10));
            argv[i] = renamed.back().data();
        }
    }
    ensureSingleThreadedBlas(argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PhotoDesk"));
    QApplication::setApplicationName(QStringLiteral("PhotoDesk"));
    QApplication::setApplicationVersion(QStringLiteral(PHOTODESK_VERSION));
    UiLanguage::applyDefaultFont();
    // Face descriptors are ≈ 13× slower on Debian's reference BLAS: say so at start-up.
    if (const QString warning = blasWarning(probeBlas()); !warning.isEmpty())
        printErr(warning);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PhotoDesk — graduation ID photo review workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("SQLite database file (default: <app data>/photodesk.sqlite)."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Seed the demo data first if the database does not exist."));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Interface language: zh_CN (default) or en; remembered."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption loginOption(QStringLiteral("login"), QStringLiteral("Sign in without the dialog (demo and tests)."),
                                         QStringLiteral("USER:PASSWORD"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Write a PNG of the main window, then exit (with --quit-after)."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption quitAfterOption(QStringLiteral("quit-after"),
                                             QStringLiteral("Seconds to wait (and for the first photos to paint) before the screenshot and exit."),
                                             QStringLiteral("SEC"));
    const QCommandLineOption platformOption(QStringList{QStringLiteral("platform"), QStringLiteral("platform-url")},
                                            QStringLiteral("Collection platform base URL to sync from and deliver decisions to; remembered."),
                                            QStringLiteral("URL"));
    const QCommandLineOption platformTokenOption(QStringLiteral("platform-token"),
                                                 QStringLiteral("Platform access token (default: $PHOTODESK_PLATFORM_TOKEN); never stored."),
                                                 QStringLiteral("TOKEN"));
    const QCommandLineOption smsProviderOption(QStringLiteral("sms-provider"),
                                               QStringLiteral("SMS provider: aliyun, tencent or generic; remembered. The key pair comes from "
                                                              "PHOTODESK_SMS_ACCESS_KEY_ID/_SECRET or the desktop keychain."),
                                               QStringLiteral("NAME"));
    const QCommandLineOption smsEndpointOption(QStringLiteral("sms-endpoint"),
                                               QStringLiteral("SMS gateway URL (default: the provider's public endpoint); remembered."),
                                               QStringLiteral("URL"));
    parser.addOptions({dbOption, demoOption, langOption, loginOption, platformOption, platformTokenOption, smsProviderOption,
                       smsEndpointOption, screenshotOption, quitAfterOption});
    parser.process(app);

    const bool headless = parser.isSet(screenshotOption) || parser.isSet(quitAfterOption) || parser.isSet(loginOption)
                          || QGuiApplication::platformName() == QLatin1String("offscreen");

    QSettings settings;
    QString language = parser.isSet(langOption) ? parser.value(langOption)
                                                 : settings.value(QLatin1String(kLanguageKey), UiLanguage::defaultLanguage()).toString();
    language = UiLanguage::install(language);
    if (parser.isSet(langOption))
        settings.setValue(QLatin1String(kLanguageKey), language);

    QString dbPath = parser.value(dbOption);
    if (dbPath.isEmpty()) {
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dataDir);
        dbPath = dataDir + QStringLiteral("/photodesk.sqlite");
    }
    dbPath = QFileInfo(dbPath).absoluteFilePath();

    if (parser.isSet(demoOption) && !QFileInfo::exists(dbPath)) {
        QDir().mkpath(QFileInfo(dbPath).absolutePath());
        const auto seeded = seedDemo(dbPath);
        if (!seeded)
            return fail(QCoreApplication::translate("main", "The demo data could not be created: %1").arg(ErrorTexts::text(seeded.error())),
                        headless);
        std::printf("PhotoDesk demo database %s: %d students, %d attempts (%d pending).\nDemo accounts:\n", qPrintable(dbPath),
                    seeded->students, seeded->attempts, seeded->pending);
        for (const DemoAccount& a : seeded->accounts)
            std::printf("  %-12s %-16s %s\n", qPrintable(a.username), qPrintable(a.password), qPrintable(a.role));
        std::fflush(stdout);
    }

    // Platform and SMS: the command line wins and is remembered; secrets only from the command
    // line or the environment (never written to the settings file).
    DeskServicesConfig services;
    if (parser.isSet(platformOption))
        settings.setValue(QLatin1String(kPlatformUrlKey), parser.value(platformOption));
    const QString platformUrl = settings.value(QLatin1String(kPlatformUrlKey)).toString();
    if (!platformUrl.isEmpty()) {
        const QUrl url(platformUrl);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return fail(QStringLiteral("--platform expects an http(s) URL, got %1").arg(platformUrl), true, 2);
        PlatformConfig platform;
        platform.baseUrl = url;
        platform.token = parser.isSet(platformTokenOption) ? parser.value(platformTokenOption)
                                                           : qEnvironmentVariable("PHOTODESK_PLATFORM_TOKEN");
        services.platform = platform;
    }
    if (parser.isSet(smsProviderOption)) {
        if (!smsProviderKindFromString(parser.value(smsProviderOption)))
            return fail(QStringLiteral("--sms-provider must be aliyun, tencent or generic"), true, 2);
        settings.setValue(QLatin1String(kSmsProviderKey), parser.value(smsProviderOption));
    }
    if (parser.isSet(smsEndpointOption))
        settings.setValue(QLatin1String(kSmsEndpointKey), parser.value(smsEndpointOption));
    services.smsProvider = smsProviderKindFromString(settings.value(QLatin1String(kSmsProviderKey)).toString());
    services.smsEndpoint = QUrl(settings.value(QLatin1String(kSmsEndpointKey)).toString());
    if (services.smsProvider && *services.smsProvider == SmsProviderKind::Generic && services.smsEndpoint.isEmpty())
        return fail(QStringLiteral("--sms-provider generic needs --sms-endpoint URL"), true, 2);

    auto opened = Store::open(dbPath);
    if (!opened)
        return fail(QCoreApplication::translate("main", "The database %1 cannot be opened: %2").arg(dbPath, ErrorTexts::text(opened.error())),
                    headless);

    Desk desk(opened.value(), settings, services);
    if (parser.isSet(loginOption)) {
        const QString credentials = parser.value(loginOption);
        const qsizetype colon = credentials.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return fail(QStringLiteral("--login expects USER:PASSWORD"), true, 2);
        const auto session = AuthService(opened.value()).login(credentials.left(colon), credentials.mid(colon + 1));
        if (!session)
            return fail(QCoreApplication::translate("main", "Sign-in failed: %1").arg(ErrorTexts::text(session.error())), true, 2);
        desk.open(session.value());
    } else if (!desk.signIn()) {
        return 0;
    }

    if (parser.isSet(screenshotOption) || parser.isSet(quitAfterOption)) {
        bool okSeconds = true;
        const double seconds = parser.isSet(quitAfterOption) ? parser.value(quitAfterOption).toDouble(&okSeconds) : 3.0;
        if (!okSeconds || seconds < 0)
            return fail(QStringLiteral("--quit-after expects a number of seconds"), true, 2);
        const QString file = parser.value(screenshotOption);
        MainWindow* window = desk.window();
        auto finish = [window, file] {
            if (file.isEmpty()) {
                QApplication::exit(0);
                return;
            }
            const QPixmap shot = window ? window->grab() : QPixmap();
            if (shot.isNull() || !shot.save(file, "PNG")) {
                printErr(QStringLiteral("could not write the screenshot %1").arg(file));
                QApplication::exit(3);
                return;
            }
            std::printf("Screenshot written to %s (%dx%d)\n", qPrintable(file), shot.width(), shot.height());
            std::fflush(stdout);
            QApplication::exit(0);
        };
        // After SEC seconds, and once the first submission's photos have painted (up to 30 s
        // more on a slow machine; then the window is grabbed as it is).
        QTimer::singleShot(int(seconds * 1000), &app, [window, finish] {
            ReviewWorkspace* review = window ? window->reviewWorkspace() : nullptr;
            if (!review || review->photosPainted() || review->currentAttemptId() == 0) {
                finish();
                return;
            }
            QObject::connect(review, &ReviewWorkspace::photosShown, qApp, finish, Qt::SingleShotConnection);
            QTimer::singleShot(30 * 1000, qApp, [finish] {
                printErr(QStringLiteral("the photos did not finish loading; grabbing the window as it is"));
                finish();
            });
        });
    }
    return app.exec();
}
