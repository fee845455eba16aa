# Help menu: About (version, build id, model checksum) and Export diagnostics, offscreen.
if(TARGET photodesk_widgets)
  find_package(ZLIB REQUIRED)
  add_unit_test(NAME tst_gui_support SOURCES gui/tst_gui_support.cpp LIBS photodesk_widgets ZLIB::ZLIB TIMEOUT 180)
  target_compile_definitions(tst_gui_support PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
endif()
