target_sources(photodesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/SmsComposer.h ${CMAKE_CURRENT_LIST_DIR}/SmsComposer.cpp)
