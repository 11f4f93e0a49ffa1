#include "fonts.h"

#include "platform.h"
#include "theme.h"

#include <imgui.h>

#include <cstdio>

namespace wb::app {

bool load_fonts() {
    platform::FontBytes bytes = platform::take_preloaded_font();
    if (!bytes.data || bytes.size <= 0) return false;
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;   // malloc'ed by the platform; ImGui frees it
    std::snprintf(cfg.Name, sizeof(cfg.Name), "%s", "wb-cjk");
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(bytes.data, bytes.size, theme::kFontSize, &cfg);
    if (!font) return false;
    io.FontDefault = font;
    return true;
}

}  // namespace wb::app
