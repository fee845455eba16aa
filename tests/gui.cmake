# GUI suites (offscreen): the review loop driven through the real windows, and the queue model.
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_review SOURCES gui/tst_gui_review.cpp LIBS photodesk_widgets TIMEOUT 180)
  target_compile_definitions(tst_gui_review PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
  add_unit_test(NAME tst_queuemodel SOURCES gui/tst_queuemodel.cpp LIBS photodesk_widgets)
  add_unit_test(NAME tst_photopane SOURCES gui/tst_photopane.cpp LIBS photodesk_widgets)
endif()
