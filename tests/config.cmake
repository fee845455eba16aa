# Configuration: the settings model (precedence, locking, secrets, validation), audited changes,
# connection tests against the real stand-ins, crash recovery (docs/configuration.md).
add_unit_test(NAME tst_settings SOURCES config/tst_settings.cpp TIMEOUT 30)
add_unit_test(NAME tst_settingsaudit SOURCES config/tst_settingsaudit.cpp TIMEOUT 60)

# The connection tests against the real stand-ins on 127.0.0.1; once more against the test
# PostgreSQL server (needs PHOTODESK_TEST_PG_URL from scripts/with-postgres).
add_unit_test(NAME tst_connectionchecks SOURCES config/tst_connectionchecks.cpp notify/GatewayProcess.h
              LIBS feedtestsupport Qt6::Network TIMEOUT 120)
target_include_directories(tst_connectionchecks PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/notify)
target_compile_definitions(tst_connectionchecks PRIVATE PHOTODESK_SMS_GATEWAY="$<TARGET_FILE:photodesk-sms-gateway>")
add_dependencies(tst_connectionchecks photodesk-platform-sim photodesk-sms-gateway)
add_test(NAME tst_connectionchecks_pg COMMAND $<TARGET_FILE:tst_connectionchecks>)
set_tests_properties(tst_connectionchecks_pg PROPERTIES TIMEOUT 120
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};PHOTODESK_TEST_BACKEND=postgresql")

# Crash recovery (core): session markers, claims, in-flight decision, outbox; also on PostgreSQL.
add_unit_test(NAME tst_recovery SOURCES config/tst_recovery.cpp TIMEOUT 60)
add_test(NAME tst_recovery_pg COMMAND $<TARGET_FILE:tst_recovery>)
set_tests_properties(tst_recovery_pg PROPERTIES TIMEOUT 120
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};PHOTODESK_TEST_BACKEND=postgresql")
