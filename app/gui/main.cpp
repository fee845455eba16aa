// photodesk: the review workstation.
//   photodesk [--db PATH] [--demo] [--lang zh_CN|en] [--login USER:PASSWORD]
//             [--platform URL [--platform-token T]] [--sms-provider aliyun|tencent|generic [--sms-endpoint URL]]
//             [--screenshot FILE --quit-after SEC]
// Settings (docs/configuration.md): defaults < /etc/photodesk/photodesk.conf < the user's
// ~/.config/photodesk/photodesk.conf < this command line (never written). Secrets (platform token,
// SMS key pair, database password) come from the command line, the environment
// (PHOTODESK_PLATFORM_TOKEN, PHOTODESK_SMS_ACCESS_KEY_ID/_SECRET, PHOTODESK_DB_PASSWORD) or the
// desktop keychain, never from a file. A desk nobody has set up starts with the set-up wizard.

#include "core/config/Keychain.h"
#include "core/config/SessionMarker.h"
#include "core/config/SettingsEditor.h"
#include "core/config/SettingsModel.h"
#include "core/demo/DemoSeeder.h"
#include "core/notify/SmsTemplates.h"
#include "core/store/Store.h"
#include "core/auth/AuthService.h"
#include "core/support/Log.h"
#include "core/support/LogCategories.h"
#include "core/util/BlasThreads.h"
#include "core/util/BuildInfo.h"
#include "core/util/Paths.h"
#include "core/vision/BlasRuntime.h"
#include "widgets/AboutDialog.h"
#include "widgets/ErrorTexts.h"
#include "widgets/FirstRunWizard.h"
#include "widgets/SessionKeeper.h"
#include "widgets/SettingsDialog.h"
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
#include <QSysInfo>
#include <QTimer>

#include <cstdio>
#include <string>
#include <vector>

using namespace pd;

namespace {

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

// What the desk talks to besides its store, from the settings (command line included); the
// platform token only `withSecrets` (it may mean asking the keychain). Error code
// setting-invalid (e.g. the generic SMS gateway without its URL).
Result<DeskServicesConfig> deskServices(const SettingsModel& settings, bool withSecrets = true)
{
    using K = SettingKey;
    DeskServicesConfig services;
    if (const QString url = settings.text(QLatin1String(K::PlatformUrl)); !url.isEmpty()) {
        PlatformConfig platform;
        platform.baseUrl = QUrl(url);
        // Command line, environment or the desktop keychain; never a file.
        if (withSecrets) {
            const auto token = loadSecret(settings, QLatin1String(K::PlatformToken));
            if (!token)
                printErr(token.error().message);
            platform.token = token ? token.value() : QString();
        }
        platform.extraCaFile = settings.text(QLatin1String(K::PlatformCaFile));
        platform.pinnedCertSha256 = settings.text(QLatin1String(K::PlatformPinnedCert));
        services.platform = platform;
    }
    services.syncIntervalMs = settings.integer(QLatin1String(K::SyncIntervalMinutes)) * 60 * 1000;
    services.smsProvider = smsProviderKindFromString(settings.text(QLatin1String(K::SmsProvider))); // "none": nullopt
    services.smsEndpoint = QUrl(settings.text(QLatin1String(K::SmsEndpoint)));
    services.smsRegion = settings.text(QLatin1String(K::SmsRegion));
    services.smsSdkAppId = settings.text(QLatin1String(K::SmsSdkAppId));
    services.smsTemplateApproved = settings.text(QLatin1String(K::SmsTemplateApproved));
    services.smsTemplateRejected = settings.text(QLatin1String(K::SmsTemplateRejected));
    if (services.smsProvider == SmsProviderKind::Generic && services.smsEndpoint.isEmpty())
        return Error{QStringLiteral("setting-invalid"), QStringLiteral("sms/endpoint: the generic SMS gateway needs its URL (--sms-endpoint)")};
    return services;
}

// The administrator's first set-up: opens (creates, migrates) the store the wizard names and
// records the settings there, audited as the set-up.
Result<SettingsApplyReport> applyFirstRun(SettingsModel& settings, const FirstRunWizard& wizard, const QList<SettingChange>& changes,
                                          std::shared_ptr<Store>* store)
{
    // The team password typed in serves this run; the keychain keeps it for the next ones.
    if (!wizard.databasePassword().isEmpty())
        qputenv("PHOTODESK_DB_PASSWORD", wizard.databasePassword().toUtf8());
    auto opened = Store::open(wizard.databaseLocation(), settings.text(QLatin1String(SettingKey::DatabaseBlobDir)));
    if (!opened)
        return opened.error();
    auto applied = SettingsEditor(settings, opened.value()).applyFirstRun(changes);
    if (applied)
        *store = opened.value();
    return applied;
}

// Secrets the keychain could not take: said once, with the variable to use instead.
void reportSecretProblems(const SettingsApplyReport& report, QWidget* parent, bool headless)
{
    if (report.secretProblems.isEmpty())
        return;
    QStringList lines;
    for (const Error& e : report.secretProblems)
        lines << e.message;
    printErr(lines.join(QLatin1Char('\n')));
    if (!headless)
        QMessageBox::warning(parent, QCoreApplication::translate("main", "PhotoDesk"),
                             QCoreApplication::translate("main", "Some secrets could not be stored in the desktop keychain:\n%1")
                                 .arg(lines.join(QLatin1Char('\n'))));
}

// Owns the main window across log-out / log-in.
class Desk : public QObject {
public:
    Desk(std::shared_ptr<Store> store, SettingsModel& settings, QString location, std::shared_ptr<SessionMarker> marker)
        : m_store(std::move(store)), m_settings(settings), m_location(std::move(location)), m_marker(std::move(marker))
    {
        QObject::connect(&m_settings, &SettingsModel::changed, this, [this](const QStringList& keys) { settingsChanged(keys); });
    }

    // The language picked in the interface is the user's own setting (unless the system file locks it).
    void rememberLanguage(const QString& code)
    {
        if (const Status saved = m_settings.set(QLatin1String(SettingKey::UiLanguage), code); !saved)
            printErr(saved.error().message);
    }

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
        // After an unclean exit: what became of that session's work (before the window claims anything).
        const std::vector<RecoveryReport> recovered = SessionKeeper::recoverLeftovers(m_store, m_location, session, *m_marker);
        auto* window = new MainWindow(m_store, session);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setSchoolName(m_settings.text(QLatin1String(SettingKey::SchoolName)));
        m_window = window;
        auto* keeper = new SessionKeeper(window, m_marker);
        QObject::connect(window, &MainWindow::languageChosen, this, [this](const QString& code) { rememberLanguage(code); });
        QObject::connect(window, &MainWindow::settingsRequested, this, [this, window] { openSettings(window); });
        QObject::connect(window, &MainWindow::setupWizardRequested, this, [this, window] { openWizard(window); });
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
        keeper->showRecovery(recovered);
        // Sync, platform delivery and SMS run while someone is logged in (settings as they are now).
        if (auto services = deskServices(m_settings))
            window->startServices(services.value());
        else
            printErr(services.error().message);
        return window;
    }

    MainWindow* window() const { return m_window; }

private:
    void settingsChanged(const QStringList& keys)
    {
        using K = SettingKey;
        if (keys.contains(QLatin1String(K::UiLanguage)) && UiLanguage::normalize(m_settings.text(QLatin1String(K::UiLanguage))) != UiLanguage::current())
            UiLanguage::install(m_settings.text(QLatin1String(K::UiLanguage)));
        if (keys.contains(QLatin1String(K::SchoolName)) && m_window)
            m_window->setSchoolName(m_settings.text(QLatin1String(K::SchoolName)));
        if (keys.contains(QLatin1String(K::SmsSignName)))
            SmsTemplates::setSignNameOverride(m_settings.text(QLatin1String(K::SmsSignName)));
        if (keys.contains(QLatin1String(K::LogLevel)))
            if (const auto level = logging::levelFromString(m_settings.text(QLatin1String(K::LogLevel))))
                logging::setLevel(*level);
    }

    void openSettings(MainWindow* window)
    {
        SettingsDialog dialog(m_settings, m_store, window->session(), window);
        bool wizard = false;
        QObject::connect(&dialog, &SettingsDialog::wizardRequested, &dialog, [&] {
            wizard = true;
            dialog.reject();
        });
        dialog.exec();
        if (wizard)
            openWizard(window);
    }

    void openWizard(MainWindow* window)
    {
        const Session who = window->session();
        FirstRunWizard wizard(m_settings, [this, who](const QList<SettingChange>& changes) {
            return SettingsEditor(m_settings, m_store).apply(who, changes);
        }, window);
        if (wizard.exec() == QDialog::Accepted)
            reportSecretProblems(wizard.lastReport(), window, false);
    }

    std::shared_ptr<Store> m_store;
    SettingsModel& m_settings;
    QString m_location; // never with a password
    std::shared_ptr<SessionMarker> m_marker;
    QPointer<MainWindow> m_window;
};

// A clean exit (every return from main) removes the session marker; a crash or a power cut
// leaves it for the next start.
struct EndSessionMarker {
    std::shared_ptr<SessionMarker> marker;
    ~EndSessionMarker() { marker->end(); }
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
    QApplication::setApplicationVersion(build::versionLine());
    // The desktop entry (packaging/) names the window's icon and groups it in task bars.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.photodesk.PhotoDesk"));
    QApplication::setWindowIcon(AboutDialog::applicationIcon());
    // JSON lines in <user data>/logs/photodesk.log (rotated; personal data masked).
    logging::install(logging::standardOptions(QStringLiteral("photodesk")));
    qCInfo(lcApp).noquote() << "PhotoDesk" << build::versionLine() << "starting; Qt" << qVersion() << "on" << QSysInfo::prettyProductName()
                            << "platform" << QGuiApplication::platformName() << "log level" << logging::toString(logging::level());
    UiLanguage::applyDefaultFont();
    // Face descriptors are ≈ 13× slower on Debian's reference BLAS: say so at start-up.
    if (const QString warning = blasWarning(probeBlas()); !warning.isEmpty())
        printErr(warning);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PhotoDesk — graduation ID photo review workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("SQLite database file (default: ~/.local/share/photodesk/photodesk.sqlite)."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Seed the demo data first if the database does not exist."));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Interface language: zh_CN (default) or en (this run; see ui/language)."),
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
                                            QStringLiteral("Collection platform base URL to sync from and deliver decisions to (this run; see platform/url)."),
                                            QStringLiteral("URL"));
    const QCommandLineOption platformTokenOption(QStringLiteral("platform-token"),
                                                 QStringLiteral("Platform access token (default: $PHOTODESK_PLATFORM_TOKEN or the keychain); never stored."),
                                                 QStringLiteral("TOKEN"));
    const QCommandLineOption smsProviderOption(QStringLiteral("sms-provider"),
                                               QStringLiteral("SMS provider: aliyun, tencent or generic (this run; see sms/provider). The key pair comes "
                                                              "from PHOTODESK_SMS_ACCESS_KEY_ID/_SECRET or the desktop keychain."),
                                               QStringLiteral("NAME"));
    const QCommandLineOption smsEndpointOption(QStringLiteral("sms-endpoint"),
                                               QStringLiteral("SMS gateway URL (default: the provider's public endpoint; this run, see sms/endpoint)."),
                                               QStringLiteral("URL"));
    parser.addOptions({dbOption, demoOption, langOption, loginOption, platformOption, platformTokenOption, smsProviderOption,
                       smsEndpointOption, screenshotOption, quitAfterOption});
    parser.process(app);

    const bool headless = parser.isSet(screenshotOption) || parser.isSet(quitAfterOption) || parser.isSet(loginOption)
                          || QGuiApplication::platformName() == QLatin1String("offscreen");

    // The desk's settings; the command line is the top-most layer, for this run only.
    SettingsModel settings;
    if (const QStringList taken = settings.importLegacy(QSettings().fileName()); !taken.isEmpty())
        printErr(QStringLiteral("settings taken over from %1: %2").arg(QSettings().fileName(), taken.join(QStringLiteral(", "))));
    for (const QString& problem : settings.problems())
        printErr(QStringLiteral("settings: %1").arg(problem));
    const std::pair<const QCommandLineOption*, const char*> overrides[] = {
        {&langOption, SettingKey::UiLanguage},          {&platformOption, SettingKey::PlatformUrl},
        {&platformTokenOption, SettingKey::PlatformToken}, {&smsProviderOption, SettingKey::SmsProvider},
        {&smsEndpointOption, SettingKey::SmsEndpoint}};
    for (const auto& [option, key] : overrides) {
        if (!parser.isSet(*option))
            continue;
        const QString value = option == &langOption ? UiLanguage::normalize(parser.value(*option)) : parser.value(*option);
        if (const Status ok = settings.setOverride(QLatin1String(key), value); !ok)
            return fail(QStringLiteral("--%1: %2").arg(option->names().constFirst(), ok.error().message), true, 2);
    }
    // --db: a SQLite file or a postgresql:// URL (a password in it serves this run only).
    QString dbLocation = parser.value(dbOption);
    if (!dbLocation.isEmpty()) {
        const bool team = dbLocation.startsWith(QLatin1String("postgresql://")) || dbLocation.startsWith(QLatin1String("postgres://"));
        if (!team)
            dbLocation = QFileInfo(dbLocation).absoluteFilePath();
        settings.setOverride(QLatin1String(SettingKey::DatabaseMode), team ? QStringLiteral("team") : QStringLiteral("embedded"));
        const Status ok = team ? settings.setOverride(QLatin1String(SettingKey::DatabaseUrl), QUrl(dbLocation).toString(QUrl::RemovePassword))
                               : settings.setOverride(QLatin1String(SettingKey::DatabasePath), dbLocation);
        if (!ok)
            return fail(QStringLiteral("--db: %1").arg(ok.error().message), true, 2);
    }
    UiLanguage::install(settings.text(QLatin1String(SettingKey::UiLanguage)));

    // A desk nobody has set up: the administrator's set-up wizard first (never headless).
    std::shared_ptr<Store> store;
    if (dbLocation.isEmpty() && !settings.hasConfiguration() && !headless) {
        FirstRunWizard* shown = nullptr;
        FirstRunWizard wizard(settings, [&](const QList<SettingChange>& changes) { return applyFirstRun(settings, *shown, changes, &store); });
        shown = &wizard;
        if (wizard.exec() != QDialog::Accepted || !store)
            return 0;
        reportSecretProblems(wizard.lastReport(), nullptr, headless);
    }
    if (dbLocation.isEmpty())
        dbLocation = settings.databaseLocation();
    const bool teamStore = dbLocation.startsWith(QLatin1String("postgresql://")) || dbLocation.startsWith(QLatin1String("postgres://"));
    // The team password: from the URL given, the environment or the desktop keychain (the
    // database layer reads PHOTODESK_DB_PASSWORD for every connection it opens).
    if (teamStore && QUrl(dbLocation).password().isEmpty() && qEnvironmentVariableIsEmpty("PHOTODESK_DB_PASSWORD"))
        if (const auto password = loadSecret(settings, QLatin1String(SettingKey::DatabasePassword)))
            qputenv("PHOTODESK_DB_PASSWORD", password->toUtf8());
    const QString shownLocation = teamStore ? QUrl(dbLocation).toString(QUrl::RemovePassword) : dbLocation;
    const QString dbPath = dbLocation;

    if (!teamStore && parser.isSet(demoOption) && !QFileInfo::exists(dbPath)) {
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

    // Platform and SMS as configured (checked now, so a bad command line stops here).
    if (const auto services = deskServices(settings, false); !services)
        return fail(services.error().message, true, 2);
    SmsTemplates::setSignNameOverride(settings.text(QLatin1String(SettingKey::SmsSignName)));

    if (!store) {
        // The photo folder of the settings belongs to the configured store, not to one given by --db.
        auto opened = Store::open(dbLocation, parser.isSet(dbOption) ? QString() : settings.text(QLatin1String(SettingKey::DatabaseBlobDir)));
        if (opened)
            qCInfo(lcStore).noquote() << "store opened:" << (opened.value()->db().dialect() == SqlDialect::SQLite ? "SQLite" : "PostgreSQL");
        else
            qCCritical(lcStore).noquote() << "the store cannot be opened:" << opened.error().code;
        if (!opened)
            return fail(QCoreApplication::translate("main", "The database %1 cannot be opened: %2")
                            .arg(shownLocation, ErrorTexts::text(opened.error())),
                        headless);
        store = opened.value();
    }

    // This run's session marker (removed at a clean exit); leftovers are recovered at sign-in.
    auto marker = std::make_shared<SessionMarker>(SessionMarker::defaultFolder());
    if (const Status begun = marker->begin(SessionRecord::forThisProcess(shownLocation)); !begun)
        printErr(begun.error().message);
    const EndSessionMarker endMarker{marker};

    Desk desk(store, settings, shownLocation, marker);
    if (parser.isSet(loginOption)) {
        const QString credentials = parser.value(loginOption);
        const qsizetype colon = credentials.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return fail(QStringLiteral("--login expects USER:PASSWORD"), true, 2);
        const auto session = AuthService(store).login(credentials.left(colon), credentials.mid(colon + 1));
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
    const int code = app.exec();
    // A window still open (--quit-after, QApplication::exit) goes now, so its background work
    // (pre-screen threads in a dlib forward pass, dispatchers) is joined before exit() unloads
    // the libraries under it (a segfault at exit, seen by the package install test).
    delete desk.window();
    qCInfo(lcApp) << "PhotoDesk stopped, exit code" << code;
    return code;
}
