#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace pd {

class Database;

// Applies the versioned schema migrations kept as files (resources/migrations/NNNN_name.sql,
// compiled in as :/photodesk/migrations). Each migration runs in its own transaction together
// with its row in schema_migrations, so a failure leaves the previous version intact.
class Migrator {
public:
    struct Migration {
        int version = 0;
        QString name;
        QString sql; // with dialect tokens not yet replaced
    };

    explicit Migrator(const Database& db);

    static std::vector<Migration> available();
    static int latestVersion();

    int currentVersion() const;
    // Brings the schema to `target` (default: the latest). Throws StoreError; refuses a
    // database newer than this program.
    void migrate(int target = -1) const;

    // The statements of one migration for this database's dialect.
    QStringList statementsFor(const Migration& m) const;

private:
    const Database& m_db;
};

} // namespace pd
