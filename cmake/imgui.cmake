# Dear ImGui 1.92.x as one static library, compiled once, from Debian's source package that
# scripts/setup.sh unpacks under .deps/. Only the core and the OpenGL3 (WebGL2) renderer: the
# platform layer is our own (src/app/platform_*).
file(GLOB _imgui_dirs LIST_DIRECTORIES true "${PROJECT_SOURCE_DIR}/.deps/imgui-1.92*")
list(SORT _imgui_dirs COMPARE NATURAL ORDER DESCENDING)
list(GET _imgui_dirs 0 IMGUI_DIR)
if(NOT IMGUI_DIR OR NOT EXISTS "${IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "Dear ImGui 1.92 sources not found under .deps/: run scripts/setup.sh")
endif()
message(STATUS "Dear ImGui from ${IMGUI_DIR}")

add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
target_compile_definitions(imgui PUBLIC
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_IMPL_OPENGL_ES3
  "ImDrawIdx=unsigned int")   # dense views pass 64k vertices; WebGL lacks glDrawElementsBaseVertex
if(EMSCRIPTEN)
  target_compile_options(imgui PRIVATE -Os)   # the page downloads it: size over speed
endif()
