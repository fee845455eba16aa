#pragma once

#include "core/util/Result.h"

#include <QString>
#include <vector>

namespace pd {

struct DemoAccount {
    QString username;
    QString password;
    QString role;
    QString displayName;
};

struct DemoSeedReport {
    int students = 0;
    int attempts = 0;
    int pending = 0;
    int photos = 0;
    int decisions = 0;
    std::vector<DemoAccount> accounts;
};

// Builds the demo store from the bundled demo data (share/photodesk/demo/demo.json and its
// photos): students, attempts with their three photos, earlier decisions (through the real
// DecisionService, so audit and outbox rows are real too), and one account per role.
// Refuses to touch a database file that already exists.
Result<DemoSeedReport> seedDemo(const QString& dbPath, const QString& demoDir = {});

// The demo accounts and their passwords (created only by seedDemo).
std::vector<DemoAccount> demoAccounts();

} // namespace pd
