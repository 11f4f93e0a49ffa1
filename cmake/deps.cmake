# Header-only dependencies from Debian's packages, for both targets.
# The web build cannot add /usr/include (glibc's headers would shadow Emscripten's libc), so it
# gets a staging folder with links to just these libraries' include folders.
set(WB_HEADER_LIBS nlohmann doctest date)

if(EMSCRIPTEN)
  set(_stage "${CMAKE_BINARY_DIR}/sysdeps/include")
  file(MAKE_DIRECTORY "${_stage}")
  foreach(_lib IN LISTS WB_HEADER_LIBS)
    if(NOT EXISTS "/usr/include/${_lib}")
      message(FATAL_ERROR "/usr/include/${_lib} is missing: run scripts/setup.sh")
    endif()
    if(NOT EXISTS "${_stage}/${_lib}")
      file(CREATE_LINK "/usr/include/${_lib}" "${_stage}/${_lib}" SYMBOLIC)
    endif()
  endforeach()
  add_library(wb_deps INTERFACE)
  target_include_directories(wb_deps SYSTEM INTERFACE "${_stage}")
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  find_package(doctest REQUIRED)
  add_library(wb_deps INTERFACE)
  target_link_libraries(wb_deps INTERFACE nlohmann_json::nlohmann_json)
endif()
# date/ptz.h (POSIX time-zone rules) is header-only; nothing to link.
target_compile_definitions(wb_deps INTERFACE HAS_REMOTE_API=0)

# Warnings for our own code (third-party code gets none of these).
add_library(wb_warnings INTERFACE)
target_compile_options(wb_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter)
