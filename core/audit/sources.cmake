target_sources(photodesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/AuditLog.h ${CMAKE_CURRENT_LIST_DIR}/AuditLog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AuditQuery.h ${CMAKE_CURRENT_LIST_DIR}/AuditQuery.cpp)
