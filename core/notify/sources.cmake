# core/notify: SMS texts, provider protocols and signatures, the outbox dispatcher, the
# hotline's resend (docs/sms.md).
target_sources(photodesk_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/SmsComposer.h ${CMAKE_CURRENT_LIST_DIR}/SmsComposer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SmsSigning.h ${CMAKE_CURRENT_LIST_DIR}/SmsSigning.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SmsProvider.h ${CMAKE_CURRENT_LIST_DIR}/SmsProviders.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SmsCredentials.h ${CMAKE_CURRENT_LIST_DIR}/SmsCredentials.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SmsOutbox.h ${CMAKE_CURRENT_LIST_DIR}/SmsOutbox.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SmsDispatcher.h ${CMAKE_CURRENT_LIST_DIR}/SmsDispatcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SmsHotline.h ${CMAKE_CURRENT_LIST_DIR}/SmsHotline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SmsTemplates.h ${CMAKE_CURRENT_LIST_DIR}/SmsTemplates.cpp)

# The desktop keychain (Secret Service / KWallet over D-Bus; no QtGui, no QtWidgets).
find_package(Qt6Keychain REQUIRED GLOBAL)
target_link_libraries(photodesk_core PRIVATE Qt6Keychain::Qt6Keychain)
