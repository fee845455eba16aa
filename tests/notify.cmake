# SMS: signatures, templates, outbox and dispatcher, the gateway stand-ins, the crash test.
add_unit_test(NAME tst_smssigning SOURCES notify/tst_smssigning.cpp TIMEOUT 30)
add_unit_test(NAME tst_smsdispatcher SOURCES notify/tst_smsdispatcher.cpp TIMEOUT 60)
