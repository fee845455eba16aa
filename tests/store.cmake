# Store, services and catalog suites (core only, no GUI).
add_unit_test(NAME tst_migrations SOURCES store/tst_migrations.cpp)
add_unit_test(NAME tst_blobstore SOURCES store/tst_blobstore.cpp)
add_unit_test(NAME tst_repositories SOURCES store/tst_repositories.cpp)
add_unit_test(NAME tst_decisiontransaction SOURCES store/tst_decisiontransaction.cpp)
add_unit_test(NAME tst_reasoncatalog SOURCES store/tst_reasoncatalog.cpp)
add_unit_test(NAME tst_auth SOURCES store/tst_auth.cpp)
add_unit_test(NAME tst_smscomposer SOURCES store/tst_smscomposer.cpp)
add_unit_test(NAME tst_demoseeder SOURCES store/tst_demoseeder.cpp)

# A separate process that dies (std::abort) in the middle of a decision: the crash test.
add_executable(decision-crash-helper store/decision_crash_helper.cpp)
target_link_libraries(decision-crash-helper PRIVATE photodesk_core)
add_dependencies(tst_decisiontransaction decision-crash-helper)

add_unit_test(NAME tst_auditchain SOURCES store/tst_auditchain.cpp)
add_dependencies(tst_auditchain photodesk-cli)
add_unit_test(NAME tst_studentdirectory SOURCES store/tst_studentdirectory.cpp)
# The hotline's audited view of a submitted photo (also run as tst_hotlinephoto_pg).
add_unit_test(NAME tst_hotlinephoto SOURCES store/tst_hotlinephoto.cpp)
add_unit_test(NAME tst_supervision SOURCES store/tst_supervision.cpp)

# Team mode: claims, leases and the 20-claimer concurrency test (also run as tst_claims_pg).
add_unit_test(NAME tst_claims SOURCES store/tst_claims.cpp TIMEOUT 120)
