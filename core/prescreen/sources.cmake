# The pre-screen service: background face analysis of new attempts, results in analysis_results.
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/PreScreenService.h ${CMAKE_CURRENT_LIST_DIR}/PreScreenService.cpp)
