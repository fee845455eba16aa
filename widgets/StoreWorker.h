#pragma once

#include "core/store/Store.h"

#include <QThreadPool>
#include <QtConcurrent>

#include <memory>

namespace pd {

// One long-lived thread for the store work the interface starts (loading a submission,
// deciding): the UI thread never waits on SQLite, writes from this window are serialized, and
// the thread keeps its own connection (Database hands out one per thread) until the worker is
// destroyed, when it closes that connection on the thread that opened it.
class StoreWorker {
public:
    explicit StoreWorker(std::shared_ptr<Store> store);
    ~StoreWorker();
    StoreWorker(const StoreWorker&) = delete;
    StoreWorker& operator=(const StoreWorker&) = delete;

    const std::shared_ptr<Store>& store() const { return m_store; }

    template <class Function>
    auto run(Function&& f)
    {
        return QtConcurrent::run(&m_pool, std::forward<Function>(f));
    }

private:
    std::shared_ptr<Store> m_store;
    QThreadPool m_pool;
};

} // namespace pd
