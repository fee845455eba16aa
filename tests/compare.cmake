# The review workspace's compare tools (synchronised face zoom, loupe, blink, rotation, full
# screen), the shortcut overlay from the one key table, verdict marks; offscreen on a real
# analysed submission (needs the converted face model and the clean-lane fixture of clean_lane.cmake).
if(TARGET cleanlanefixture)
  add_unit_test(NAME tst_gui_compare SOURCES gui/tst_gui_compare.cpp LIBS photodesk_widgets cleanlanefixture TIMEOUT 600)
  target_compile_definitions(tst_gui_compare PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
  add_dependencies(tst_gui_compare photodesk_share)
endif()
