# Installation layout and the Debian package (CPack DEB): photodesk_<version>_amd64.deb.
#   cmake --build build && scripts/fetch-face-model build && (cd build && cpack)   — or scripts/package
#
# What goes where (prefix /usr):
#   bin/photodesk, bin/photodesk-cli
#   share/photodesk/config/            reason catalogue, photo rules, SMS templates, face-match bands
#   share/photodesk/models/            the converted face model + its .sha256 (made by
#                                      scripts/fetch-face-model before packaging; never at run time)
#   share/applications/, share/metainfo/, share/icons/hicolor/   desktop entry, AppStream, icon
#   share/doc/photodesk/               copyright, README, deployment.md, examples/photodesk.conf.example
# Both programs find share/photodesk beside their bin/ (core/util/Paths, core/vision/ModelPaths).
#
# Left out on purpose:
#   - nothing in /etc: the system settings file is the administrator's (copied from the example),
#     so removing the package leaves it, and no conffile prompts on upgrades;
#   - the demo data: its portraits are public-domain photos whose attribution file asks to re-check
#     them before redistributing outside the project, and a school desk has no use for fictional
#     students (the build tree's photodesk-cli seed-demo still makes a demo store);
#   - photodesk-platform-sim and photodesk-sms-gateway: test stand-ins that accept any token; on a
#     desk they would only invite pointing it at a fake platform. The first-run wizard tests the
#     connection against the real platform and SMS provider;
#   - the migrations: compiled into the programs (the schema comes from the binary that runs).
#   - the translations: compiled into the programs too (qt_add_translations, widgets/).
include(GNUInstallDirs)
# `ninja install` and cpack take the programs as built and do not build everything else (tests,
# benchmarks) first: scripts/package builds the two programs, then packs.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

set(PD_INSTALL_SHARE ${CMAKE_INSTALL_DATADIR}/photodesk)
set(PD_INSTALL_DOC ${CMAKE_INSTALL_DATADIR}/doc/photodesk) # Debian's name, not the project's "PhotoDesk"
set(PD_MODEL_FILE ${PHOTODESK_SHARE_DIR}/models/dlib_face_recognition_resnet_model_v1.dat)

install(TARGETS photodesk photodesk-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/config DESTINATION ${PD_INSTALL_SHARE})

# The model is produced into the build tree by scripts/fetch-face-model; a package without it
# would start but could not compare faces, so packaging stops and says what to run.
install(CODE "
  set(model \"${PD_MODEL_FILE}\")
  if(NOT EXISTS \"\${model}\" OR NOT EXISTS \"\${model}.sha256\")
    message(FATAL_ERROR \"the face model is missing: run scripts/fetch-face-model ${CMAKE_BINARY_DIR} first\")
  endif()
  file(SHA256 \"\${model}\" actual)
  file(READ \"\${model}.sha256\" recorded)
  string(SUBSTRING \"\${recorded}\" 0 64 recorded)
  if(NOT actual STREQUAL recorded)
    message(FATAL_ERROR \"\${model} does not match its .sha256; run scripts/fetch-face-model again\")
  endif()")
install(FILES ${PD_MODEL_FILE} ${PD_MODEL_FILE}.sha256 DESTINATION ${PD_INSTALL_SHARE}/models)

# Desktop integration: the desktop-id matches the AppStream id; the icon is themed (hicolor).
string(SUBSTRING "${PD_GIT_COMMIT_DATE}" 0 10 PD_RELEASE_DATE)
if(NOT PD_RELEASE_DATE MATCHES "^[0-9][0-9][0-9][0-9]-")
  string(TIMESTAMP PD_RELEASE_DATE "%Y-%m-%d" UTC)
endif()
configure_file(${CMAKE_SOURCE_DIR}/packaging/org.photodesk.PhotoDesk.metainfo.xml.in
               ${CMAKE_BINARY_DIR}/packaging/org.photodesk.PhotoDesk.metainfo.xml @ONLY)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/org.photodesk.PhotoDesk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_BINARY_DIR}/packaging/org.photodesk.PhotoDesk.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
foreach(size 16 24 32 48 64 128 256)
  install(FILES ${CMAKE_SOURCE_DIR}/packaging/icons/hicolor/${size}x${size}/apps/photodesk.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/packaging/icons/photodesk.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/deployment.md
        DESTINATION ${PD_INSTALL_DOC})
install(FILES ${CMAKE_SOURCE_DIR}/packaging/photodesk.conf.example DESTINATION ${PD_INSTALL_DOC}/examples)

# ---- CPack: Debian package ----
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME photodesk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "PhotoDesk developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "review workstation for graduation ID photos")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(PHOTODESK_PACKAGE_MAINTAINER "PhotoDesk developers <photodesk@invalid>" CACHE STRING "Maintainer field of the .deb")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PHOTODESK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # photodesk_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines and turns the
# empty line into the " ." paragraph break.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "PhotoDesk is the desktop workstation on which a university's staff review the
graduation portraits that students upload for the national graduate-record
system: the new photo beside the enrollment and ID-card photos, face matching
and the school's photo rules checked in advance, decisions audited and the
students told by SMS. The interface is Chinese first, English second.

Includes the converted dlib face-recognition model and photodesk-cli.")
# Linked libraries: dpkg-shlibdeps (Qt 6, OpenCV, dlib, exiv2, BLAS/LAPACK, zlib, QtKeychain …).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Needed at run time but never linked, so dpkg-shlibdeps cannot see them:
#   qt6-qpa-plugins      the xcb platform plugin (no window without it)
#   libqt6sql6-sqlite    QSQLITE driver (embedded store); libqt6sql6-psql: QPSQL (team store)
#   libdlib-data         shape_predictor_68_face_landmarks.dat (/usr/share/dlib)
#   libopenblas0-pthread fast BLAS: face descriptors ≈ 13× slower on the reference BLAS
#   fonts-noto-cjk       the Chinese interface
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6sql6-psql, libdlib-data, libopenblas0-pthread, fonts-noto-cjk")
# Qt's own dialog texts in Chinese (确定/取消); the program runs without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
