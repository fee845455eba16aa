# Configuration: the settings model (precedence, locking, secrets, validation), audited changes,
# connection tests against the real stand-ins, crash recovery (docs/configuration.md).
add_unit_test(NAME tst_settings SOURCES config/tst_settings.cpp TIMEOUT 30)
add_unit_test(NAME tst_settingsaudit SOURCES config/tst_settingsaudit.cpp TIMEOUT 60)

