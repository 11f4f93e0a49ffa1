#pragma once
// Loads the CJK font the page fetched into Dear ImGui's atlas. With ImGui 1.92 and a renderer
// that supports ImGuiBackendFlags_RendererHasTextures, glyphs are rasterised on demand at the
// size and density they are drawn at, so one font file serves every size and devicePixelRatio.
namespace wb::app {

// False when the page provided no font (the app cannot show Chinese without it).
bool load_fonts();

}  // namespace wb::app
