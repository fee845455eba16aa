# The main window wired to the real network paths: platform sync, claims, decision delivery to
# the platform and SMS through the stand-ins, each started by the test on 127.0.0.1.
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_wiring SOURCES gui/tst_gui_wiring.cpp notify/GatewayProcess.h
                LIBS photodesk_widgets feedtestsupport Qt6::Network TIMEOUT 90)
  target_include_directories(tst_gui_wiring PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/notify)
  target_compile_definitions(tst_gui_wiring PRIVATE PHOTODESK_SMS_GATEWAY="$<TARGET_FILE:photodesk-sms-gateway>")
  add_dependencies(tst_gui_wiring photodesk-platform-sim photodesk-sms-gateway)
endif()
