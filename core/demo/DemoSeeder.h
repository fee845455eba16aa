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
    int secondReviews = 0;
    int callNotes = 0;
    int logins = 0;
    bool cleanLaneOn = false; // the demo store has the clean lane switched on
    std::vector<DemoAccount> accounts;
};

// Builds the demo store from the bundled demo data (share/photodesk/demo/demo.json and its
// photos): students, attempts with their three photos, earlier decisions (through the real
// DecisionService, so audit and outbox rows are real too), one account per role, and the
// clean lane switched on (CleanLaneSettings, audited as the system; off in every other store).
// Refuses to touch a database file that already exists.
Result<DemoSeedReport> seedDemo(const QString& dbPath, const QString& demoDir = {});

// The same, plus a realistic history of the last three days for the audit log and the
// dashboards: logins, more decided attempts by two reviewers (some after their deadline),
// second reviews (confirmed and overturned), delivered and failed SMS, hotline calls with
// notes and an audited reveal. Deterministic apart from the time base (now).
Result<DemoSeedReport> seedDemoWithHistory(const QString& dbPath, const QString& demoDir = {});

// The demo accounts and their passwords (created only by seedDemo).
std::vector<DemoAccount> demoAccounts();

} // namespace pd
