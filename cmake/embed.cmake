# wb_embed_text(<target> <symbol> <file>): adds to <target> a generated source defining
#   extern const char* const <symbol>;   // the file's bytes as a NUL-terminated string
# so data files (translation table, templates) ship inside the binary and the wasm without I/O.
function(wb_embed_text target symbol file)
  get_filename_component(_abs "${file}" ABSOLUTE)
  set(_out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp")
  add_custom_command(
    OUTPUT "${_out}"
    COMMAND "${CMAKE_COMMAND}" -DIN=${_abs} -DOUT=${_out} -DSYMBOL=${symbol}
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake"
    DEPENDS "${_abs}" "${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake"
    COMMENT "Embedding ${file}"
    VERBATIM)
  target_sources(${target} PRIVATE "${_out}")
endfunction()
