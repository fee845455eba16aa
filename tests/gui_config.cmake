# Crash recovery in the main window; the first-run wizard and the settings dialog (offscreen)
# against SQLite, the test PostgreSQL (tst_gui_config_pg), the platform simulator and the SMS
# stand-in (docs/configuration.md).
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_gui_recovery SOURCES gui/tst_gui_recovery.cpp LIBS photodesk_widgets TIMEOUT 180)
endif()
