# core/config: the settings model (defaults < system file < user file < command line, locked
# keys, secrets kept out of the files), the keychain, audited changes, connection tests and
# crash recovery (docs/configuration.md).
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/SettingsCatalog.h ${CMAKE_CURRENT_LIST_DIR}/SettingsCatalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SettingsModel.h ${CMAKE_CURRENT_LIST_DIR}/SettingsModel.cpp)
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/Keychain.h ${CMAKE_CURRENT_LIST_DIR}/Keychain.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SettingsEditor.h ${CMAKE_CURRENT_LIST_DIR}/SettingsEditor.cpp)
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ConnectionChecks.h ${CMAKE_CURRENT_LIST_DIR}/ConnectionChecks.cpp)
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/SessionMarker.h ${CMAKE_CURRENT_LIST_DIR}/SessionMarker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/RecoveryReport.h ${CMAKE_CURRENT_LIST_DIR}/RecoveryReport.cpp)
