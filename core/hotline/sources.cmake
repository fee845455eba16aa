target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Masking.h ${CMAKE_CURRENT_LIST_DIR}/Masking.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StudentDirectory.h ${CMAKE_CURRENT_LIST_DIR}/StudentDirectory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SubmittedPhotoViewer.h ${CMAKE_CURRENT_LIST_DIR}/SubmittedPhotoViewer.cpp)
