target_sources(photodesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/DemoSeeder.h ${CMAKE_CURRENT_LIST_DIR}/DemoSeeder.cpp)
