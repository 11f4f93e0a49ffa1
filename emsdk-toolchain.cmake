# Toolchain for the web build: finds Emscripten from $EMSDK (an emsdk checkout) or from the
# system package (Debian's `emscripten`, rooted at /usr/share/emscripten), then includes its
# own platform file so everything else is standard Emscripten CMake.
set(_wb_em_candidates)
if(DEFINED ENV{EMSDK})
  list(APPEND _wb_em_candidates "$ENV{EMSDK}/upstream/emscripten")
endif()
if(DEFINED ENV{EMSCRIPTEN})
  list(APPEND _wb_em_candidates "$ENV{EMSCRIPTEN}")
endif()
list(APPEND _wb_em_candidates /usr/share/emscripten /usr/lib/emscripten)

set(_wb_em_root "")
foreach(_dir IN LISTS _wb_em_candidates)
  if(EXISTS "${_dir}/cmake/Modules/Platform/Emscripten.cmake")
    set(_wb_em_root "${_dir}")
    break()
  endif()
endforeach()
if(NOT _wb_em_root)
  message(FATAL_ERROR "Emscripten not found: set EMSDK to an emsdk checkout or install the "
                      "Debian package `emscripten` (scripts/setup.sh does).")
endif()

# Test programs run under Node. Emscripten 3.1.6's node build still tries fetch() for the wasm
# file when Node has a global fetch (Node 18+), so switch that off.
find_program(WB_NODE NAMES node nodejs REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${WB_NODE};--no-experimental-fetch" CACHE STRING "Runs wasm tests")

include("${_wb_em_root}/cmake/Modules/Platform/Emscripten.cmake")

# Optimised links run acorn-optimizer.js, which needs the `acorn` module; Debian installs it in
# /usr/share/nodejs, a folder a Node that is not Debian's does not search.
if(EXISTS /usr/share/nodejs/acorn)
  set(CMAKE_CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")
  set(CMAKE_C_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")
endif()
