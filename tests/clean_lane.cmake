# The clean lane: selection, claims, the supervisor switch, individual approvals and second-review
# sampling in the core (also against PostgreSQL as tst_cleanlane_pg), and the grid in the GUI
# (real pre-screen on photos that pass every rule; needs the converted face model).
add_unit_test(NAME tst_cleanlane SOURCES review/tst_cleanlane.cpp)
add_test(NAME tst_cleanlane_pg COMMAND $<TARGET_FILE:tst_cleanlane>)
set_tests_properties(tst_cleanlane_pg PROPERTIES TIMEOUT 300
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};OPENBLAS_NUM_THREADS=1;PHOTODESK_TEST_BACKEND=postgresql")
if(TARGET photodesk_widgets AND TARGET photodesk_rule_variants)
  add_library(cleanlanefixture STATIC review/CleanLaneFixture.cpp review/CleanLaneFixture.h)
  target_link_libraries(cleanlanefixture PUBLIC testsupport photodesk_rule_variants)
  target_include_directories(cleanlanefixture PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/review)
  add_unit_test(NAME tst_gui_cleanlane SOURCES gui/tst_gui_cleanlane.cpp LIBS photodesk_widgets cleanlanefixture TIMEOUT 600)
  target_compile_definitions(tst_gui_cleanlane PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
  add_dependencies(tst_gui_cleanlane photodesk_share)
endif()
# The demo store's lane: the seeder switches it on, the demo's "clean" attempts fill it.
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_democlean SOURCES gui/tst_gui_democlean.cpp LIBS photodesk_widgets TIMEOUT 300)
  target_compile_definitions(tst_gui_democlean PRIVATE
    PHOTODESK_TEST_SCREENSHOT_DIR="${CMAKE_BINARY_DIR}/test-screenshots")
  add_dependencies(tst_gui_democlean photodesk_share)
endif()
