# Photo rule engine (core/vision/rules), the variant corpus (tools/rule-variants) and the
# duplicate index (core/review/DuplicateIndex). tst_rules needs the converted face model.
add_unit_test(NAME tst_rules SOURCES rules/tst_rules.cpp LIBS photodesk_rule_variants photodesk_vision TIMEOUT 300)
add_dependencies(tst_rules photodesk_share)
add_unit_test(NAME tst_ruleconfig SOURCES rules/tst_ruleconfig.cpp LIBS photodesk_vision TIMEOUT 60)
add_dependencies(tst_ruleconfig photodesk_share)
add_unit_test(NAME tst_duplicateindex SOURCES rules/tst_duplicateindex.cpp LIBS photodesk_core TIMEOUT 120)
# The evaluation corpus (tools/eval-corpus): labels of a small generated subset and the bench's counting.
add_unit_test(NAME tst_evalcorpus SOURCES rules/tst_evalcorpus.cpp LIBS photodesk_eval_corpus photodesk_vision TIMEOUT 300)
add_dependencies(tst_evalcorpus photodesk_share)
