#include "core/store/Store.h"

#include "core/store/Migrator.h"
#include "core/store/StoreError.h"

namespace pd {

Result<std::shared_ptr<Store>> Store::open(const QString& location, const QString& blobDir)
{
    try {
        auto db = std::make_unique<Database>(location);
        Migrator(*db).migrate();
        BlobStore blobs(blobDir.isEmpty() ? db->defaultBlobDir() : blobDir);
        return std::make_shared<Store>(std::move(db), std::move(blobs));
    } catch (const StoreError& e) {
        return Error{e.code(), e.message()};
    }
}

} // namespace pd
