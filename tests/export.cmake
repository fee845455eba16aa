# Export of approved photos (issue 15, docs/export.md): the national-format check and the
# re-encoder on real files, the export of the demo store (folder and zip, corrupt blob, failure
# half-way, cancel, roles, state filters), the planner's rules on a store of its own (also
# against PostgreSQL) and the supervision page's export driven offscreen.
find_package(ZLIB REQUIRED)
add_unit_test(NAME tst_nationalformat SOURCES export/tst_nationalformat.cpp LIBS ${OpenCV_LIBS})
add_unit_test(NAME tst_export SOURCES export/tst_export.cpp export/ExportChecks.h LIBS ZLIB::ZLIB TIMEOUT 300)
add_unit_test(NAME tst_exportstore SOURCES export/tst_exportstore.cpp export/ExportChecks.h LIBS ZLIB::ZLIB)
add_test(NAME tst_exportstore_pg COMMAND $<TARGET_FILE:tst_exportstore>)
set_tests_properties(tst_exportstore_pg PROPERTIES TIMEOUT 300
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};OPENBLAS_NUM_THREADS=1;PHOTODESK_TEST_BACKEND=postgresql")
add_unit_test(NAME tst_exportcli SOURCES export/tst_exportcli.cpp export/ExportChecks.h LIBS ZLIB::ZLIB TIMEOUT 300)
add_dependencies(tst_exportcli photodesk-cli)
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_export SOURCES export/tst_gui_export.cpp export/ExportChecks.h LIBS photodesk_widgets ZLIB::ZLIB TIMEOUT 300)
  set_property(TEST tst_gui_export APPEND PROPERTY ENVIRONMENT "PHOTODESK_TEST_SCREENSHOT_DIR=${CMAKE_BINARY_DIR}/test-screenshots")
endif()
