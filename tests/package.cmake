# The Debian package installed onto the machine, started, removed (tests/package/install-test.sh).
# scripts/test builds the package first (scripts/package); without it the test is skipped (77),
# unless PHOTODESK_REQUIRE_PACKAGE_TEST=1. Needs root and dpkg (CI's machine is thrown away).
add_test(NAME tst_package_install
  COMMAND ${CMAKE_SOURCE_DIR}/tests/package/install-test.sh
          ${CMAKE_BINARY_DIR}/packages/photodesk_${PROJECT_VERSION}_amd64.deb ${CMAKE_BINARY_DIR})
set_tests_properties(tst_package_install PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
