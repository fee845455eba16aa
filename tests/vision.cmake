# Face analysis suites (core/vision, tools/face-model). The analyser suites need the converted
# model: scripts/fetch-face-model <build-dir> (scripts/test runs it after the build).
add_unit_test(NAME tst_imageloader SOURCES vision/tst_imageloader.cpp LIBS photodesk_vision TIMEOUT 60)
add_unit_test(NAME tst_facematch SOURCES vision/tst_facematch.cpp LIBS photodesk_vision TIMEOUT 60)
target_compile_definitions(tst_facematch PRIVATE PHOTODESK_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_unit_test(NAME tst_faceanalyzer SOURCES vision/tst_faceanalyzer.cpp LIBS photodesk_vision TIMEOUT 180)
add_dependencies(tst_faceanalyzer photodesk_share)
add_unit_test(NAME tst_facemodelconverter SOURCES vision/tst_facemodelconverter.cpp LIBS photodesk_vision TIMEOUT 120)
add_dependencies(tst_facemodelconverter photodesk-convert-face-model)
target_compile_definitions(tst_facemodelconverter PRIVATE
  PHOTODESK_CONVERTER="$<TARGET_FILE:photodesk-convert-face-model>")
# Batch analysis: photodesk-cli analyze DIR… / --from-list / --csv and compare --pairs as processes.
add_unit_test(NAME tst_batchanalysis SOURCES vision/tst_batchanalysis.cpp LIBS photodesk_vision TIMEOUT 300)
add_dependencies(tst_batchanalysis photodesk-cli photodesk_share)
target_compile_definitions(tst_batchanalysis PRIVATE PHOTODESK_CLI="$<TARGET_FILE:photodesk-cli>")
