include(${CMAKE_SOURCE_DIR}/cmake/BuildInfo.cmake)
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Result.h
  ${CMAKE_CURRENT_LIST_DIR}/Time.h ${CMAKE_CURRENT_LIST_DIR}/Time.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Paths.h ${CMAKE_CURRENT_LIST_DIR}/Paths.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BuildInfo.h ${CMAKE_CURRENT_LIST_DIR}/BuildInfo.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BlasThreads.h ${CMAKE_CURRENT_LIST_DIR}/BlasThreads.cpp)
# BuildInfo.cpp includes the configure-time values generated into the build tree.
target_include_directories(photodesk_core PRIVATE ${CMAKE_BINARY_DIR}/generated)
