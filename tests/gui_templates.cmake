# SMS templates edited by a supervisor (core rules and the supervision page).
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_smstemplates SOURCES gui/tst_gui_smstemplates.cpp LIBS photodesk_widgets)
  target_compile_definitions(tst_gui_smstemplates PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
endif()
