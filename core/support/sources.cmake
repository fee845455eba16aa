# core/support: what the school's IT needs to run and support PhotoDesk — version report, structured
# logs with rotation and masking, the diagnostics bundle (a zip written with zlib: the core has
# no QtGui, so no QZipWriter).
find_package(ZLIB REQUIRED)
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/LogCategories.h ${CMAKE_CURRENT_LIST_DIR}/LogCategories.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Redaction.h ${CMAKE_CURRENT_LIST_DIR}/Redaction.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Log.h ${CMAKE_CURRENT_LIST_DIR}/Log.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Versions.h ${CMAKE_CURRENT_LIST_DIR}/Versions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ZipWriter.h ${CMAKE_CURRENT_LIST_DIR}/ZipWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Diagnostics.h ${CMAKE_CURRENT_LIST_DIR}/Diagnostics.cpp)
target_link_libraries(photodesk_core PRIVATE ZLIB::ZLIB)
