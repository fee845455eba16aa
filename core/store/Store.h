#pragma once

#include "core/store/BlobStore.h"
#include "core/store/Database.h"
#include "core/util/Result.h"

#include <memory>

namespace pd {

// The store as the rest of the program sees it: the database (schema migrated on open) and
// the blob folder of photo bytes that belongs to it.
class Store {
public:
    // `location`: SQLite file path or postgresql:// URL. `blobDir` empty = beside the database.
    static Result<std::shared_ptr<Store>> open(const QString& location, const QString& blobDir = {});

    const Database& db() const { return *m_db; }
    const BlobStore& blobs() const { return m_blobs; }

    Store(std::unique_ptr<Database> db, BlobStore blobs) : m_db(std::move(db)), m_blobs(std::move(blobs)) {}

private:
    std::unique_ptr<Database> m_db;
    BlobStore m_blobs;
};

} // namespace pd
