# GUI suites (offscreen): the review loop driven through the real windows, and the queue model.
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_review SOURCES gui/tst_gui_review.cpp LIBS photodesk_widgets TIMEOUT 180)
  target_compile_definitions(tst_gui_review PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
  add_unit_test(NAME tst_queuemodel SOURCES gui/tst_queuemodel.cpp LIBS photodesk_widgets)
  add_unit_test(NAME tst_photopane SOURCES gui/tst_photopane.cpp LIBS photodesk_widgets)
endif()
# The review workspace's layout (issue 15) on the demo store: photo area, whole reason texts, no
# silent cut, Tab reaches everything, the remembered splitter; at 1366×768, 1440×900, 1920×1080
# and, as tst_gui_layout_hidpi, at device pixel ratio 2 (1440×900 logical = 2880×1800). Needs the
# converted face model. Screenshots: build/test-screenshots/layout-*.png.
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_layout SOURCES gui/tst_gui_layout.cpp LIBS photodesk_widgets TIMEOUT 900)
  add_dependencies(tst_gui_layout photodesk_share)
  set_property(TEST tst_gui_layout APPEND PROPERTY ENVIRONMENT "PHOTODESK_TEST_SCREENSHOT_DIR=${CMAKE_BINARY_DIR}/test-screenshots")
  get_test_property(tst_gui_layout ENVIRONMENT layout_env)
  add_test(NAME tst_gui_layout_hidpi COMMAND tst_gui_layout)
  set_tests_properties(tst_gui_layout_hidpi PROPERTIES TIMEOUT 600 ENVIRONMENT "${layout_env};QT_SCALE_FACTOR=2")
endif()
