// Test helper: decides an attempt and aborts the process at the named step of the decision
// transaction ("none" = decide normally). Used by tst_decisiontransaction's crash test.
#include "core/domain/Types.h"
#include "core/notify/SmsComposer.h"
#include "core/review/DecisionService.h"
#include "core/review/ReasonCatalog.h"
#include "core/store/Repositories.h"
#include "core/store/Store.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: decision-crash-helper DB ATTEMPT STEP\n");
        return 2;
    }
    auto store = pd::Store::open(args[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 2;
    }
    const auto user = pd::UserRepository(store.value()->db()).findByUsername(QStringLiteral("rev"));
    const pd::Session session{user->id, user->username, user->displayName, user->role};
    pd::DecisionService service(store.value(), pd::ReasonCatalog::builtIn(), pd::SmsComposer::builtIn());
    const QString crashAt = args[3];
    service.setFaultInjector([crashAt](const QString& step) {
        if (step == crashAt)
            std::abort(); // no destructors, no rollback: exactly like a power cut for the process
    });
    auto result = service.decide(session, {args[2].toLongLong(), pd::Verdict::Reject, {QStringLiteral("SHARPNESS")}, {}});
    if (!result) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error().message));
        return 1;
    }
    return 0;
}
