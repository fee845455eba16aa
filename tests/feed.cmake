# Platform feed: client, sync, dispatcher and fault tests against the simulator (loopback only).
add_library(feedtestsupport STATIC feed/SimProcess.cpp feed/SimProcess.h)
target_link_libraries(feedtestsupport PUBLIC Qt6::Core Qt6::Network)
target_include_directories(feedtestsupport PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/feed)

foreach(suite tst_platformclient tst_sync tst_feedfaults)
  add_unit_test(NAME ${suite} SOURCES feed/${suite}.cpp LIBS feedtestsupport TIMEOUT 120)
  add_dependencies(${suite} photodesk-platform-sim)
endforeach()

# The sync suite once more against PostgreSQL (needs scripts/with-postgres, like the store suites).
add_test(NAME tst_sync_pg COMMAND $<TARGET_FILE:tst_sync>)
set_tests_properties(tst_sync_pg PROPERTIES TIMEOUT 120
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};PHOTODESK_TEST_BACKEND=postgresql")
