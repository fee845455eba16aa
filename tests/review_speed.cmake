# Review at speed (issue 8, "never wait"): the queue at scale in the core (also against
# PostgreSQL), the prefetcher, the queue model with the item-model tester at 5 000 rows, and the
# review workspace driven by keyboard only.
add_unit_test(NAME tst_reviewqueue SOURCES speed/tst_reviewqueue.cpp)
add_test(NAME tst_reviewqueue_pg COMMAND $<TARGET_FILE:tst_reviewqueue>)
set_tests_properties(tst_reviewqueue_pg PROPERTIES TIMEOUT 300
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PHOTODESK_SHARE_DIR=${PHOTODESK_SHARE_DIR};OPENBLAS_NUM_THREADS=1;PHOTODESK_TEST_BACKEND=postgresql")
if(TARGET photodesk_widgets)
  add_unit_test(NAME tst_prefetcher SOURCES speed/tst_prefetcher.cpp LIBS photodesk_widgets)
  add_unit_test(NAME tst_queuemodel_large SOURCES speed/tst_queuemodel_large.cpp LIBS photodesk_widgets)
  add_unit_test(NAME tst_gui_speed SOURCES speed/tst_gui_speed.cpp LIBS photodesk_widgets TIMEOUT 300)
endif()
