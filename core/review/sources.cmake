target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ReasonCatalog.h ${CMAKE_CURRENT_LIST_DIR}/ReasonCatalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ReviewQueue.h ${CMAKE_CURRENT_LIST_DIR}/ReviewQueue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SubmissionLoader.h ${CMAKE_CURRENT_LIST_DIR}/SubmissionLoader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DecisionService.h ${CMAKE_CURRENT_LIST_DIR}/DecisionService.cpp)
target_sources(photodesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/ClaimService.h ${CMAKE_CURRENT_LIST_DIR}/ClaimService.cpp)
target_sources(photodesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/DuplicateIndex.h ${CMAKE_CURRENT_LIST_DIR}/DuplicateIndex.cpp)
target_sources(photodesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/ReviewerFigures.h ${CMAKE_CURRENT_LIST_DIR}/ReviewerFigures.cpp ${CMAKE_SOURCE_DIR}/core/util/LruCache.h)
target_sources(photodesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/CleanLane.h ${CMAKE_CURRENT_LIST_DIR}/CleanLane.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CleanLaneSettings.h ${CMAKE_CURRENT_LIST_DIR}/CleanLaneSettings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FaceGeometry.h ${CMAKE_CURRENT_LIST_DIR}/FaceGeometry.cpp)
