#include "widgets/StoreWorker.h"

namespace pd {

StoreWorker::StoreWorker(std::shared_ptr<Store> store) : m_store(std::move(store))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    m_pool.setObjectName(QStringLiteral("photodesk-store-worker"));
}

StoreWorker::~StoreWorker()
{
    // Let queued work finish, then close this pool thread's connection on that same thread.
    // (Not QFuture::waitForFinished(): it may run a queued task on the waiting thread itself,
    // which would close the UI thread's connection instead.)
    std::shared_ptr<Store> store = m_store;
    m_pool.start([store] { store->db().closeThreadConnection(); });
    m_pool.waitForDone();
}

} // namespace pd
