# core/export: the export of approved photos to the national graduate-registration upload
# (docs/export.md). The re-encoder needs OpenCV and lives in core/vision (NationalFormatEncoder).
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ExportTypes.h ${CMAKE_CURRENT_LIST_DIR}/ExportTypes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/NationalFormat.h ${CMAKE_CURRENT_LIST_DIR}/NationalFormat.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExportRepository.h ${CMAKE_CURRENT_LIST_DIR}/ExportRepository.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExportPlanner.h ${CMAKE_CURRENT_LIST_DIR}/ExportPlanner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExportManifest.h ${CMAKE_CURRENT_LIST_DIR}/ExportManifest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExportSink.h ${CMAKE_CURRENT_LIST_DIR}/ExportSink.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExportService.h ${CMAKE_CURRENT_LIST_DIR}/ExportService.cpp)
