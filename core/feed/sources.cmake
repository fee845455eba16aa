# core/feed: the collection platform's client (QtNetwork), the sync service that pulls pending
# submissions into the store, and the dispatcher that delivers decisions (outbox channel 'platform').
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/PlatformClient.h ${CMAKE_CURRENT_LIST_DIR}/PlatformClient.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SyncService.h ${CMAKE_CURRENT_LIST_DIR}/SyncService.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PlatformDispatcher.h ${CMAKE_CURRENT_LIST_DIR}/PlatformDispatcher.cpp)
