# Support: structured logs (masking, rotation) and the diagnostics bundle (zip contents, no
# secrets, no unmasked personal numbers). The bundle suite also runs against PostgreSQL.
find_package(ZLIB REQUIRED)
add_unit_test(NAME tst_logging SOURCES diagnostics/tst_logging.cpp)
add_unit_test(NAME tst_diagnostics SOURCES diagnostics/tst_diagnostics.cpp diagnostics/ZipReader.h LIBS ZLIB::ZLIB)
add_test(NAME tst_diagnostics_pg COMMAND $<TARGET_FILE:tst_diagnostics>)
set_tests_properties(tst_diagnostics_pg PROPERTIES TIMEOUT 300
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};OPENBLAS_NUM_THREADS=1;PHOTODESK_TEST_BACKEND=postgresql")
