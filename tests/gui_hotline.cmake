# Hotline and supervision workspaces (offscreen GUI) and the audit log's read side (core).
add_unit_test(NAME tst_auditquery SOURCES store/tst_auditquery.cpp)
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_hotline SOURCES gui/tst_gui_hotline.cpp LIBS photodesk_widgets TIMEOUT 180)
  target_compile_definitions(tst_gui_hotline PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
  # The photo view shows real pre-screen flags: needs the model (scripts/fetch-face-model).
  add_dependencies(tst_gui_hotline photodesk_share)
  add_unit_test(NAME tst_gui_supervision SOURCES gui/tst_gui_supervision.cpp LIBS photodesk_widgets TIMEOUT 240)
  target_compile_definitions(tst_gui_supervision PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
endif()
