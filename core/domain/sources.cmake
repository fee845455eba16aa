target_sources(photodesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/Types.h ${CMAKE_CURRENT_LIST_DIR}/Types.cpp)
