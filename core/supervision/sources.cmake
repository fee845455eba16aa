target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/SecondReview.h ${CMAKE_CURRENT_LIST_DIR}/SecondReview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SupervisionStats.h ${CMAKE_CURRENT_LIST_DIR}/SupervisionStats.cpp)
