#pragma once

#include "core/domain/Types.h"
#include "core/notify/SmsComposer.h"
#include "core/util/Result.h"

#include <QByteArray>

#include <memory>

namespace pd {

class Store;

// The SMS templates in force for a store: the supervisor's edited version kept in the store's
// `settings` table (so every desk of a team uses the same text), else the built-in templates of
// resources/config/sms-templates.json. Saving validates (SmsComposer::fromJson) and is audited
// with the text before and after. Services take a copy of effective() when they are made.
class SmsTemplates {
public:
    static constexpr auto kSettingKey = "sms.templates";

    explicit SmsTemplates(std::shared_ptr<const Store> store) : m_store(std::move(store)) {}

    // Never fails for want of an edit: an unreadable or invalid stored version falls back to
    // the built-in templates (and `problem`, when given, says why).
    SmsComposer effective(QString* problem = nullptr) const;
    // The JSON in force (edited or built-in) and whether it is an edited version.
    Result<std::pair<QByteArray, bool>> current() const;
    // Supervisors and administrators. Error codes: forbidden, templates-invalid, store-*.
    Status save(const Session& who, const QByteArray& json) const;
    Status reset(const Session& who) const;

    static bool mayEdit(Role r) { return r == Role::Supervisor || r == Role::Administrator; }

    // The school's registered SMS signature from this desk's settings (sms/sign_name, without
    // 【】; empty: the templates' own). It replaces the templates' signature in effective(), so the
    // composed text and the SignName given to the provider (SmsComposer::signName) always agree.
    // Process-wide because every composer made afterwards must sign the same way; set at start
    // and whenever the setting changes.
    static void setSignNameOverride(const QString& signName);
    static QString signNameOverride();

private:
    Status write(const Session& who, const QByteArray* json) const;

    std::shared_ptr<const Store> m_store;
};

} // namespace pd
