// photodesk-cli user add | disable | enable | reset
#include "app/cli/Commands.h"

#include "core/auth/AuthService.h"
#include "core/store/Store.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace pd::cli {

namespace {
int userCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add | disable | enable | reset"));
    p.addPositionalArgument(QStringLiteral("username"), QStringLiteral("the account"));
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite path or postgresql:// URL."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("role"), QStringLiteral("reviewer | hotline | supervisor | admin (add)."), QStringLiteral("ROLE")});
    p.addOption({QStringLiteral("name"), QStringLiteral("Display name (add)."), QStringLiteral("NAME")});
    const bool parsed = p.parse(QStringList{QStringLiteral("user")} + args);
    const QStringList pos = p.positionalArguments();
    static const QStringList actions{QStringLiteral("add"), QStringLiteral("disable"), QStringLiteral("enable"), QStringLiteral("reset")};
    if (!parsed || pos.size() != 2 || !actions.contains(pos[0]) || !p.isSet(QStringLiteral("db"))
        || (pos[0] == QLatin1String("add") && !roleFromString(p.value(QStringLiteral("role"))))) {
        err << "usage: photodesk-cli user add USERNAME --role reviewer|hotline|supervisor|admin [--name NAME] --db DB\n"
               "       photodesk-cli user disable|enable|reset USERNAME --db DB\n";
        return 2;
    }
    auto store = Store::open(p.value(QStringLiteral("db")));
    if (!store) {
        err << "user: " << store.error().message << "\n";
        return 2;
    }
    // The command line is the administrator's own tool on the server or desk: it acts as the
    // system account, and every change it makes is audited as such.
    const AuthService auth(store.value());
    const Session admin = AuthService::systemSession();
    const QString& action = pos[0];
    const QString& username = pos[1];
    QJsonObject result{{QStringLiteral("username"), username}, {QStringLiteral("action"), action}};
    if (action == QLatin1String("add") || action == QLatin1String("reset")) {
        QString password;
        if (action == QLatin1String("add")) {
            password = AuthService::generatePassword();
            const QString name = p.isSet(QStringLiteral("name")) ? p.value(QStringLiteral("name")) : username;
            auto id = auth.createUser(admin, username, name, *roleFromString(p.value(QStringLiteral("role"))), password, true);
            if (!id) {
                err << "user: " << id.error().message << "\n";
                return 1;
            }
            result.insert(QStringLiteral("id"), id.value());
        } else {
            auto reset = auth.resetPassword(admin, username);
            if (!reset) {
                err << "user: " << reset.error().message << "\n";
                return 1;
            }
            password = reset.value();
        }
        // Shown once, to the administrator who hands it over; it must be changed at first login.
        result.insert(QStringLiteral("initial_password"), password);
    } else {
        auto status = auth.setDisabled(admin, username, action == QLatin1String("disable"));
        if (!status) {
            err << "user: " << status.error().message << "\n";
            return 1;
        }
    }
    out << jsonLine(result) << "\n";
    return 0;
}

const Registration user(QStringLiteral("user"),
                        QStringLiteral("manage accounts: user add NAME --role R --db DB | user disable|enable|reset NAME --db DB"),
                        userCommand);
} // namespace

} // namespace pd::cli
