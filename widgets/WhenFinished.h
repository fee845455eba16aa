#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace pd {

// Calls `done` on `context`'s thread (the UI thread) with the future's result, unless
// `context` is gone by then: the way the workspaces receive the results of store work they
// started on a StoreWorker.
template <class T, class Done>
void whenFinished(QObject* context, QFuture<T> future, Done done)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        done(watcher->future().result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace pd
