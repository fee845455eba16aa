# Mirrors the runtime data folders of resources/ into the build tree's share/photodesk, so
# build/bin/* find them exactly as an installed copy finds /usr/share/photodesk.
foreach(sub demo config)
  if(EXISTS "${SRC}/${sub}")
    file(COPY "${SRC}/${sub}" DESTINATION "${DST}")
  endif()
endforeach()
