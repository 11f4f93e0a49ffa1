# Pinyin initials of the CJK ideographs (src/core/pinyin.h), generated at build time from the
# build machine's Unihan database (Debian's unicode-data, see scripts/setup.sh) by
# src/core/pinyin_gen.py and embedded in wb_core as kPinyinInitials. The table lives in the build
# dir, never in git. Included from src/CMakeLists.txt after wb_core is defined.
set(WB_UNIHAN_READINGS "/usr/share/unicode/Unihan_Readings.txt.bz2")
if(NOT EXISTS "${WB_UNIHAN_READINGS}")
  message(FATAL_ERROR "${WB_UNIHAN_READINGS} is missing: install Debian's unicode-data (scripts/setup.sh)")
endif()
set(WB_PINYIN_TABLE "${CMAKE_CURRENT_BINARY_DIR}/generated/pinyin_initials.txt")
add_custom_command(
  OUTPUT "${WB_PINYIN_TABLE}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/generated"
  COMMAND /usr/bin/python3 "${PROJECT_SOURCE_DIR}/src/core/pinyin_gen.py" "${WB_UNIHAN_READINGS}" "${WB_PINYIN_TABLE}"
  DEPENDS "${PROJECT_SOURCE_DIR}/src/core/pinyin_gen.py" "${WB_UNIHAN_READINGS}"
  COMMENT "Generating the pinyin-initials table from Unihan"
  VERBATIM)
wb_embed_text(wb_core kPinyinInitials "${WB_PINYIN_TABLE}")
