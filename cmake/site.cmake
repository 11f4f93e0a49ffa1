# The served site (build/web/site): web/ files, workbench.js/.wasm, the CJK font subset, and
# for each file precompressed .br/.gz twins plus build-info.json (sizes and content hashes the
# loading screen and the cache headers use).
find_program(WB_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)   # Debian's, with fontTools
set(WB_FONT_SOURCE /usr/share/fonts/truetype/wqy/wqy-microhei.ttc CACHE FILEPATH "CJK source font")
set(WB_FONT_FILE "${CMAKE_BINARY_DIR}/fonts/wb-cjk.ttf" CACHE INTERNAL "")
set(WB_SITE_DIR "${CMAKE_BINARY_DIR}/site")

add_custom_command(
  OUTPUT "${WB_FONT_FILE}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_BINARY_DIR}/fonts"
  COMMAND "${WB_PYTHON}" "${PROJECT_SOURCE_DIR}/scripts/make_font.py"
          --source "${WB_FONT_SOURCE}" --strings "${WB_STRINGS_FILE}"
          --out "${WB_FONT_FILE}"
  DEPENDS "${PROJECT_SOURCE_DIR}/scripts/make_font.py" "${WB_STRINGS_FILE}"
  COMMENT "Cutting the CJK font subset"
  VERBATIM)

file(GLOB_RECURSE WB_WEB_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/web/*")
add_custom_target(site ALL
  COMMAND "${WB_PYTHON}" "${PROJECT_SOURCE_DIR}/scripts/build_site.py"
          --web "${PROJECT_SOURCE_DIR}/web" --out "${WB_SITE_DIR}"
          --file "$<TARGET_FILE:workbench>"
          --file "$<TARGET_FILE_DIR:workbench>/workbench.wasm"
          --file "${WB_FONT_FILE}"
  DEPENDS workbench "${WB_FONT_FILE}" ${WB_WEB_FILES} "${PROJECT_SOURCE_DIR}/scripts/build_site.py"
  COMMENT "Assembling the site in ${WB_SITE_DIR}"
  VERBATIM)
