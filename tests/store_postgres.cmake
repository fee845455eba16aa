# The store suites once more against PostgreSQL: the same executables with
# PHOTODESK_TEST_BACKEND=postgresql. They need PHOTODESK_TEST_PG_URL, which scripts/with-postgres
# (called by scripts/test) exports; without it they fail and say so.
foreach(suite tst_migrations tst_repositories tst_decisiontransaction tst_auth tst_claims tst_auditchain tst_hotlinephoto)
  if(TARGET ${suite})
    add_test(NAME ${suite}_pg COMMAND $<TARGET_FILE:${suite}>)
    set_tests_properties(${suite}_pg PROPERTIES TIMEOUT 300
      ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};OPENBLAS_NUM_THREADS=1;PHOTODESK_TEST_BACKEND=postgresql")
  endif()
endforeach()
