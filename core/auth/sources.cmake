target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/PasswordHasher.h ${CMAKE_CURRENT_LIST_DIR}/PasswordHasher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AuthService.h ${CMAKE_CURRENT_LIST_DIR}/AuthService.cpp)
