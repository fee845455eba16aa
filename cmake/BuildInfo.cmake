# Version and build id, in one place. The version is the project's (project(... VERSION) in the
# top CMakeLists.txt); the build id is what git says about the source tree when CMake configures
# ("unknown" outside a git checkout, e.g. a source tarball). A distribution build may pass its own
# with -DPHOTODESK_BUILD_ID_OVERRIDE=... . Configure time, not build time, on purpose: a value that changed
# with every commit would relink every test executable of every developer's build tree; the
# package script re-runs the configure step, so a .deb always carries its commit.
find_package(Git QUIET)
set(PD_GIT_DESCRIBE unknown)
set(PD_GIT_COMMIT unknown)
set(PD_GIT_COMMIT_DATE unknown)
if(GIT_FOUND AND EXISTS "${CMAKE_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --abbrev=12
                  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(rc EQUAL 0 AND out)
    set(PD_GIT_DESCRIBE "${out}")
  endif()
  execute_process(COMMAND "${GIT_EXECUTABLE}" log -1 --format=%H%n%cI
                  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}" RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(rc EQUAL 0 AND out)
    string(REPLACE "\n" ";" out "${out}")
    list(GET out 0 PD_GIT_COMMIT)
    list(GET out 1 PD_GIT_COMMIT_DATE)
  endif()
endif()
set(PHOTODESK_BUILD_ID_OVERRIDE "" CACHE STRING "Build id to show instead of git describe (distribution builds)")
if(PHOTODESK_BUILD_ID_OVERRIDE)
  set(PHOTODESK_BUILD_ID "${PHOTODESK_BUILD_ID_OVERRIDE}")
else()
  set(PHOTODESK_BUILD_ID "${PD_GIT_DESCRIBE}")
endif()

configure_file("${CMAKE_SOURCE_DIR}/cmake/BuildInfoValues.h.in"
               "${CMAKE_BINARY_DIR}/generated/core/util/BuildInfoValues.h" @ONLY)
message(STATUS "PhotoDesk ${PROJECT_VERSION}, build ${PHOTODESK_BUILD_ID}")
