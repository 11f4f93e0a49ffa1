# The translation table: every assets/i18n/*.json (one file per area) merged into one JSON file
# in the build tree. WB_STRINGS_FILE is what the core embeds, the font subset is cut from, and
# the glyph check reads.
file(GLOB WB_STRINGS_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/assets/i18n/*.json")
set(WB_STRINGS_FILE "${CMAKE_BINARY_DIR}/i18n/strings.json")
add_custom_command(
  OUTPUT "${WB_STRINGS_FILE}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_BINARY_DIR}/i18n"
  COMMAND /usr/bin/python3 "${PROJECT_SOURCE_DIR}/scripts/merge_strings.py"
          --out "${WB_STRINGS_FILE}" ${WB_STRINGS_SOURCES}
  DEPENDS "${PROJECT_SOURCE_DIR}/scripts/merge_strings.py" ${WB_STRINGS_SOURCES}
  COMMENT "Merging the translation tables"
  VERBATIM)
add_custom_target(wb_strings DEPENDS "${WB_STRINGS_FILE}")
