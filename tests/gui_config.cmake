# Crash recovery in the main window; the first-run wizard and the settings dialog (offscreen)
# against SQLite, the test PostgreSQL (tst_gui_config_pg), the platform simulator and the SMS
# stand-in (docs/configuration.md).
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_config SOURCES gui/tst_gui_config.cpp notify/GatewayProcess.h
                LIBS photodesk_widgets feedtestsupport Qt6::Network TIMEOUT 180)
  target_include_directories(tst_gui_config PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/notify)
  target_compile_definitions(tst_gui_config PRIVATE PHOTODESK_SMS_GATEWAY="$<TARGET_FILE:photodesk-sms-gateway>")
  add_dependencies(tst_gui_config photodesk-platform-sim photodesk-sms-gateway)
  add_test(NAME tst_gui_config_pg COMMAND $<TARGET_FILE:tst_gui_config> databaseTestTeam)
  set_tests_properties(tst_gui_config_pg PROPERTIES TIMEOUT 120
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};PHOTODESK_TEST_BACKEND=postgresql")
endif()
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_recovery SOURCES gui/tst_gui_recovery.cpp LIBS photodesk_widgets TIMEOUT 180)
endif()
