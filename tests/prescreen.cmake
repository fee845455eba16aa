# The pre-screen service (core/prescreen) over real stores and the test portraits. Needs the
# converted model: scripts/fetch-face-model <build-dir>.
add_unit_test(NAME tst_prescreen SOURCES prescreen/tst_prescreen.cpp LIBS photodesk_core TIMEOUT 240)
add_dependencies(tst_prescreen photodesk_share)
