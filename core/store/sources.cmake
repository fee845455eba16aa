target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/StoreError.h
  ${CMAKE_CURRENT_LIST_DIR}/Database.h ${CMAKE_CURRENT_LIST_DIR}/Database.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Sql.h ${CMAKE_CURRENT_LIST_DIR}/Sql.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Transaction.h ${CMAKE_CURRENT_LIST_DIR}/Transaction.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Migrator.h ${CMAKE_CURRENT_LIST_DIR}/Migrator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BlobStore.h ${CMAKE_CURRENT_LIST_DIR}/BlobStore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Store.h ${CMAKE_CURRENT_LIST_DIR}/Store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Repositories.h ${CMAKE_CURRENT_LIST_DIR}/Repositories.cpp)
