# The photo rules in the review workspace (flag list, pre-selected reasons, checklist, overlay),
# offscreen on the demo store. Needs the converted model: scripts/fetch-face-model <build-dir>.
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_rules SOURCES gui/tst_gui_rules.cpp LIBS photodesk_widgets TIMEOUT 300)
  target_compile_definitions(tst_gui_rules PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
  add_dependencies(tst_gui_rules photodesk_share)
endif()
