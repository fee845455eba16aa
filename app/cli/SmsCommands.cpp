// photodesk-cli sms dispatch | send-test | status  (docs/sms.md)
#include "app/cli/Commands.h"

#include "core/notify/SmsCredentials.h"
#include "core/notify/SmsDispatcher.h"
#include "core/notify/SmsOutbox.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QThread>
#include <QUuid>

namespace pd::cli {

namespace {
void addProviderOptions(QCommandLineParser& p)
{
    p.addOption({QStringLiteral("provider"), QStringLiteral("aliyun, tencent or generic."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("endpoint"), QStringLiteral("Gateway URL (default: the provider's public endpoint)."), QStringLiteral("URL")});
    p.addOption({QStringLiteral("region"), QStringLiteral("Aliyun RegionId / Tencent region."), QStringLiteral("REGION")});
    p.addOption({QStringLiteral("sign-name"), QStringLiteral("The school's registered SMS signature (default 示例大学)."), QStringLiteral("NAME"), QStringLiteral("示例大学")});
    p.addOption({QStringLiteral("sdk-app-id"), QStringLiteral("Tencent SmsSdkAppId."), QStringLiteral("ID"), QStringLiteral("1400000000")});
    p.addOption({QStringLiteral("template-approved"), QStringLiteral("Provider template for approvals."), QStringLiteral("CODE")});
    p.addOption({QStringLiteral("template-rejected"), QStringLiteral("Provider template for rejections."), QStringLiteral("CODE")});
    p.addOption({QStringLiteral("timeout-ms"), QStringLiteral("One HTTP exchange at most (default 10000)."), QStringLiteral("MS"), QStringLiteral("10000")});
}

// Gives the config or prints why not (exit code 2).
std::optional<SmsProviderConfig> providerConfig(const QCommandLineParser& p, QTextStream& err)
{
    const auto kind = smsProviderKindFromString(p.value(QStringLiteral("provider")));
    if (!kind) {
        err << "sms: --provider must be aliyun, tencent or generic\n";
        return std::nullopt;
    }
    SmsProviderConfig c;
    c.kind = *kind;
    c.endpoint = QUrl(p.value(QStringLiteral("endpoint")));
    if (c.effectiveEndpoint().isEmpty() || !c.effectiveEndpoint().isValid()) {
        err << "sms: --endpoint URL is required for the generic gateway\n";
        return std::nullopt;
    }
    c.region = p.value(QStringLiteral("region"));
    c.signName = p.value(QStringLiteral("sign-name"));
    c.sdkAppId = p.value(QStringLiteral("sdk-app-id"));
    const bool tencent = c.kind == SmsProviderKind::Tencent;
    const QString approved = p.value(QStringLiteral("template-approved"));
    const QString rejected = p.value(QStringLiteral("template-rejected"));
    c.templateCodes.insert(QStringLiteral("approved"), !approved.isEmpty() ? approved : tencent ? QStringLiteral("100001") : QStringLiteral("SMS_100001"));
    c.templateCodes.insert(QStringLiteral("rejected"), !rejected.isEmpty() ? rejected : tencent ? QStringLiteral("100002") : QStringLiteral("SMS_100002"));
    c.timeoutMs = p.value(QStringLiteral("timeout-ms")).toInt();
    auto credentials = loadSmsCredentials(c.kind);
    if (!credentials) {
        err << "sms: " << credentials.error().message << "\n";
        return std::nullopt;
    }
    c.credentials = credentials.value();
    return c;
}

QJsonObject statsJson(const SmsDispatchStats& s)
{
    return {{QStringLiteral("claimed"), s.claimed},     {QStringLiteral("sent"), s.sent},
            {QStringLiteral("duplicates"), s.duplicates}, {QStringLiteral("deferred"), s.deferred},
            {QStringLiteral("failed"), s.failed},       {QStringLiteral("reclaimed"), s.reclaimed},
            {QStringLiteral("lease_lost"), s.leaseLost}, {QStringLiteral("lookups"), s.lookups},
            {QStringLiteral("found_by_lookup"), s.foundByLookup}, {QStringLiteral("lookup_failed"), s.lookupFailed}};
}

int dispatchCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("The store (SQLite file or postgresql:// URL)."), QStringLiteral("DB")});
    addProviderOptions(p);
    p.addOption({QStringLiteral("once"), QStringLiteral("Send what is due now, then exit.")});
    p.addOption({QStringLiteral("batch"), QStringLiteral("Rows claimed per transaction."), QStringLiteral("N"), QStringLiteral("10")});
    p.addOption({QStringLiteral("lease-ms"), QStringLiteral("Lease on a claimed row."), QStringLiteral("MS"), QStringLiteral("60000")});
    p.addOption({QStringLiteral("max-tries"), QStringLiteral("Tries before a transient failure becomes permanent."), QStringLiteral("N"), QStringLiteral("10")});
    p.addOption({QStringLiteral("backoff-ms"), QStringLiteral("First retry delay (doubles each try)."), QStringLiteral("MS"), QStringLiteral("5000")});
    p.addOption({QStringLiteral("poll-ms"), QStringLiteral("Pause between looks when idle."), QStringLiteral("MS"), QStringLiteral("2000")});
    p.addOption({QStringLiteral("lookup-delay-ms"), QStringLiteral("After an unclear outcome, wait at least this long before the look-up."), QStringLiteral("MS"), QStringLiteral("30000")});
    if (!p.parse(QStringList{QStringLiteral("sms dispatch")} + args) || !p.isSet(QStringLiteral("db")) || !p.isSet(QStringLiteral("provider"))) {
        err << "usage: photodesk-cli sms dispatch --db DB --provider aliyun|tencent|generic [--endpoint URL] [--once]\n"
               "       [--batch N] [--lease-ms MS] [--max-tries N] [--backoff-ms MS] [--poll-ms MS] [--timeout-ms MS]\n"
               "       [--lookup-delay-ms MS] [--sign-name NAME] [--sdk-app-id ID] [--template-approved CODE] [--template-rejected CODE]\n"
               "credentials: PHOTODESK_SMS_ACCESS_KEY_ID / PHOTODESK_SMS_ACCESS_KEY_SECRET or the desktop keychain\n";
        return 2;
    }
    const auto config = providerConfig(p, err);
    if (!config)
        return 2;
    auto store = Store::open(p.value(QStringLiteral("db")));
    if (!store) {
        err << "sms dispatch: " << store.error().message << "\n";
        return 2;
    }
    SmsDispatchPolicy policy;
    policy.batchSize = p.value(QStringLiteral("batch")).toInt();
    policy.leaseMs = p.value(QStringLiteral("lease-ms")).toInt();
    policy.maxTries = p.value(QStringLiteral("max-tries")).toInt();
    policy.backoffBaseMs = p.value(QStringLiteral("backoff-ms")).toInt();
    policy.pollIntervalMs = p.value(QStringLiteral("poll-ms")).toInt();
    policy.lookupDelayMs = p.value(QStringLiteral("lookup-delay-ms")).toInt();
    SmsDispatcher dispatcher(store.value(), *config, policy);
    if (p.isSet(QStringLiteral("once"))) {
        const SmsDispatchStats s = dispatcher.drain();
        QJsonObject o = statsJson(s);
        o.insert(QStringLiteral("outbox"), SmsOutbox(store.value()->db()).counts());
        out << jsonLine(o) << "\n";
        return 0;
    }
    // Until killed (the demo and servers run it this way; SIGTERM at any point is safe).
    out << jsonLine({{QStringLiteral("dispatching"), toString(config->kind)}, {QStringLiteral("owner"), dispatcher.owner()}}) << "\n";
    out.flush();
    for (;;) {
        const SmsDispatchStats s = dispatcher.drain();
        if (s.claimed > 0) {
            out << jsonLine(statsJson(s)) << "\n";
            out.flush();
        }
        QThread::msleep(ulong(qMax(50, policy.pollIntervalMs)));
    }
}

int sendTestCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    addProviderOptions(p);
    p.addOption({QStringLiteral("phone"), QStringLiteral("Mainland mobile number."), QStringLiteral("PHONE")});
    p.addOption({QStringLiteral("name"), QStringLiteral("Name for the approval template."), QStringLiteral("NAME"), QStringLiteral("测试")});
    p.addOption({QStringLiteral("key"), QStringLiteral("Idempotency key (default: a new one)."), QStringLiteral("KEY")});
    if (!p.parse(QStringList{QStringLiteral("sms send-test")} + args) || !p.isSet(QStringLiteral("provider")) || !p.isSet(QStringLiteral("phone"))) {
        err << "usage: photodesk-cli sms send-test --provider aliyun|tencent|generic [--endpoint URL] --phone PHONE [--name NAME] [--key KEY]\n";
        return 2;
    }
    const auto config = providerConfig(p, err);
    if (!config)
        return 2;
    SmsRequest r;
    r.phone = p.value(QStringLiteral("phone"));
    r.templateKind = QStringLiteral("approved");
    r.templateParams = {{QStringLiteral("name"), p.value(QStringLiteral("name"))}};
    r.text = QStringLiteral("【%1】%2同学，这是一条测试短信。").arg(config->signName, p.value(QStringLiteral("name")));
    r.idempotencyKey = p.isSet(QStringLiteral("key")) ? p.value(QStringLiteral("key"))
                                                      : QStringLiteral("sms:test:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const SmsSendResult res = SmsProvider::create(*config)->send(r);
    const char* outcome = res.outcome == SmsOutcome::Accepted ? "accepted" : res.outcome == SmsOutcome::Transient ? "transient" : "permanent";
    out << jsonLine({{QStringLiteral("outcome"), QLatin1String(outcome)},
                     {QStringLiteral("code"), res.code},
                     {QStringLiteral("message"), QString(res.message).replace(r.phone, maskPhone(r.phone))},
                     {QStringLiteral("message_id"), res.providerMessageId},
                     {QStringLiteral("http_status"), res.httpStatus},
                     {QStringLiteral("duplicate"), res.duplicate},
                     {QStringLiteral("key"), r.idempotencyKey}})
        << "\n";
    return res.outcome == SmsOutcome::Accepted ? 0 : 1;
}

int statusCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("The store."), QStringLiteral("DB")});
    if (!p.parse(QStringList{QStringLiteral("sms status")} + args) || !p.isSet(QStringLiteral("db"))) {
        err << "usage: photodesk-cli sms status --db DB\n";
        return 2;
    }
    auto store = Store::open(p.value(QStringLiteral("db")));
    if (!store) {
        err << "sms status: " << store.error().message << "\n";
        return 2;
    }
    try {
        out << jsonLine(SmsOutbox(store.value()->db()).counts()) << "\n";
    } catch (const StoreError& e) {
        err << "sms status: " << e.message() << "\n";
        return 1;
    }
    return 0;
}

int smsCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("dispatch"))
        return dispatchCommand(args.mid(1), out, err);
    if (sub == QLatin1String("send-test"))
        return sendTestCommand(args.mid(1), out, err);
    if (sub == QLatin1String("status"))
        return statusCommand(args.mid(1), out, err);
    err << "usage: photodesk-cli sms dispatch|send-test|status …  (each with --help-less usage on error)\n";
    return 2;
}

const Registration sms(QStringLiteral("sms"),
                       QStringLiteral("SMS outbox: sms dispatch --db DB --provider P [--endpoint URL] [--once] | sms send-test | sms status --db DB"),
                       smsCommand);
} // namespace

} // namespace pd::cli
