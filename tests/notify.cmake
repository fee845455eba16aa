# SMS: signatures, templates, outbox and dispatcher, the gateway stand-ins, the crash test.
add_unit_test(NAME tst_smssigning SOURCES notify/tst_smssigning.cpp TIMEOUT 30)
add_unit_test(NAME tst_smsdispatcher SOURCES notify/tst_smsdispatcher.cpp TIMEOUT 60)

# Against the stand-ins, started as a child process on 127.0.0.1.
add_unit_test(NAME tst_smsgateway SOURCES notify/tst_smsgateway.cpp notify/GatewayProcess.h LIBS Qt6::Network TIMEOUT 60)
target_compile_definitions(tst_smsgateway PRIVATE PHOTODESK_SMS_GATEWAY="$<TARGET_FILE:photodesk-sms-gateway>")
add_dependencies(tst_smsgateway photodesk-sms-gateway)

# The crash test: photodesk-cli sms dispatch killed at random points (see docs/sms.md).
add_unit_test(NAME tst_smscrash SOURCES notify/tst_smscrash.cpp notify/GatewayProcess.h LIBS Qt6::Network TIMEOUT 120)
target_compile_definitions(tst_smscrash PRIVATE PHOTODESK_SMS_GATEWAY="$<TARGET_FILE:photodesk-sms-gateway>"
                                                PHOTODESK_CLI="$<TARGET_FILE:photodesk-cli>")
add_dependencies(tst_smscrash photodesk-sms-gateway photodesk-cli)
set_property(TEST tst_smscrash APPEND PROPERTY ENVIRONMENT "PHOTODESK_SMS_CRASH_GATEWAY=dedupe")
# The same against stand-ins that do not de-duplicate (as the public Aliyun/Tencent APIs):
# exactly once through the look-up before re-sending; a few runs per provider.
add_test(NAME tst_smscrash_nodedupe COMMAND $<TARGET_FILE:tst_smscrash>)
set_tests_properties(tst_smscrash_nodedupe PROPERTIES TIMEOUT 120
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};OPENBLAS_NUM_THREADS=1;PHOTODESK_SMS_CRASH_GATEWAY=no-dedupe;PHOTODESK_SMS_CRASH_RUNS=5")

# The outbox suites once more against PostgreSQL (needs PHOTODESK_TEST_PG_URL from
# scripts/with-postgres, as tests/store_postgres.cmake).
foreach(suite tst_smsdispatcher tst_smsgateway)
  add_test(NAME ${suite}_pg COMMAND $<TARGET_FILE:${suite}>)
  set_tests_properties(${suite}_pg PROPERTIES TIMEOUT 120
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};PHOTODESK_TEST_BACKEND=postgresql")
endforeach()
