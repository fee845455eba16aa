# The pre-screen service (core/prescreen) over real stores and the test portraits. Needs the
# converted model: scripts/fetch-face-model <build-dir>.
add_unit_test(NAME tst_prescreen SOURCES prescreen/tst_prescreen.cpp LIBS photodesk_core TIMEOUT 240)
add_dependencies(tst_prescreen photodesk_share)
# The rules on top of the pre-screen: stored rule reports, the duplicate index, the demo store.
add_unit_test(NAME tst_prescreen_rules SOURCES prescreen/tst_prescreen_rules.cpp LIBS photodesk_core TIMEOUT 400)
add_dependencies(tst_prescreen_rules photodesk_share)
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_facematch SOURCES gui/tst_gui_facematch.cpp LIBS photodesk_widgets TIMEOUT 240)
  target_compile_definitions(tst_gui_facematch PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
  add_dependencies(tst_gui_facematch photodesk_share)
endif()
