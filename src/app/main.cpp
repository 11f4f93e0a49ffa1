// The browser app: starts the platform layer, loads the CJK font, opens the workspace (local
// data, login or demo, sync), then draws a frame whenever something changed (see platform.h).
#include "app_state.h"
#include "command_palette.h"
#include "fonts.h"
#include "language_setting.h"
#include "offline/workspace.h"
#include "screens/start_screens.h"
#include "platform.h"
#include "shell.h"
#include "theme.h"
#include "ui_text.h"

#include <imgui.h>

namespace wb::app {

AppState& app_state() {
    static AppState state;
    return state;
}

namespace {

void frame() {
    Workspace& ws = workspace();
    if (!draw_start_screen(ws)) {
        handle_palette_shortcut();
        draw_shell();
        draw_command_palette();
        draw_relogin_dialog(ws);
    }
    ui::end_frame_labels();
}

}  // namespace
}  // namespace wb::app

int main() {
    using namespace wb;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;   // Tab, arrows, Enter, Space
    app::theme::apply();

    if (platform::start("#canvas") != platform::StartError::None) {
        platform::show_fatal_error("webgl2", "emscripten_webgl_create_context failed");
        return 0;
    }
    if (!app::load_fonts()) {
        platform::show_fatal_error("font", "wb-cjk.ttf missing or unreadable");
        return 0;
    }
    const Language lang = app::stored_language();
    app::ui::set_language(lang);
    platform::set_document_language(language_code(lang));
    platform::set_document_title(app::ui::tr("app.title"));
    platform::on_online_changed([](bool online) { app::workspace().set_online(online); });
    app::workspace().start();
    platform::run(app::frame);
    return 0;
}
