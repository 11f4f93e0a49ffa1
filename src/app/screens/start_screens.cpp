#include "screens/start_screens.h"

#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID, BringWindowToDisplayFront

#include <algorithm>
#include <cstring>
#include <string>

namespace wb::app {
namespace {

constexpr float kCardWidth = 380.0f;

struct LoginForm {
    char login[64] = {};
    char password[128] = {};
    bool focus_pending = true;
    bool relogin_dismissed = false;   // "Later" / Escape: work on offline, a pill brings it back
};

LoginForm& form() {
    static LoginForm f;
    return f;
}

// A full-window backdrop with a white card centred in it; returns the card's inner width.
float begin_card(const char* id, float height) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::palette().sidebar);
    ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    const float width = std::min(kCardWidth, vp->Size.x - 32.0f);
    const ImVec2 at(vp->Pos.x + (vp->Size.x - width) * 0.5f, vp->Pos.y + std::max(24.0f, (vp->Size.y - height) * 0.42f));
    ImGui::SetCursorScreenPos(at);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32_WHITE);
    ImGui::PushStyleColor(ImGuiCol_Border, theme::palette().border);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 12.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28, 26));
    ImGui::BeginChild("card", ImVec2(width, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    return width - 56.0f;
}

void end_card() {
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    ImGui::End();
}

void title(const char* key) {
    const char* text = ui::tr(key);
    ImGui::PushFont(nullptr, theme::kTitleFontSize);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    widgets::heavy_text(ImGui::GetWindowDrawList(), p, theme::palette().text, text);
    const ImVec2 size = ImGui::CalcTextSize(text);
    ImGui::Dummy(size);
    ImGui::PopFont();
    ui::note_drawn_at(text, p, ImVec2(p.x + size.x, p.y + size.y));
}

void paragraph(const char* text, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ui::note_drawn(text);
}

void login_fields(Workspace& ws, float width) {
    LoginForm& f = form();
    if (f.focus_pending) {
        if (!ws.account().login.empty() && !f.login[0])
            std::strncpy(f.login, ws.account().login.c_str(), sizeof f.login - 1);
        ImGui::SetKeyboardFocusHere(f.login[0] ? 1 : 0);
        f.focus_pending = false;
    }
    bool submit = widgets::text_field("##login", ui::tr("login.account"), f.login, sizeof f.login, false, width);
    ImGui::Dummy(ImVec2(0, 6));
    submit |= widgets::text_field("##password", ui::tr("login.password"), f.password, sizeof f.password, true, width);
    ImGui::Dummy(ImVec2(0, 6));
    if (!ws.login_error().empty()) {
        std::string message = Translator::builtin().format(ui::language(), ws.login_error(), {{"login", ws.login_detail()}});
        if (ws.login_error() == "login.error.server" && !ws.login_detail().empty()) message += " (" + ws.login_detail() + ")";
        paragraph(message.c_str(), theme::palette().danger);
        ImGui::Dummy(ImVec2(0, 4));
    }
    const char* label = ui::tr(ws.login_busy() ? "login.busy" : "login.submit");
    submit |= widgets::primary_button(label, ImVec2(width, 0), !ws.login_busy());
    if (submit && !ws.login_busy()) {
        ws.login(f.login, f.password);
        std::memset(f.password, 0, sizeof f.password);   // never kept longer than the request
    }
}

void draw_waiting(const char* key) {
    begin_card("##start", 120);
    title("app.title");
    ImGui::Dummy(ImVec2(0, 8));
    paragraph(ui::tr(key), theme::palette().text_secondary);
    end_card();
}

}  // namespace

bool draw_start_screen(Workspace& ws) {
    switch (ws.phase()) {
        case Workspace::Phase::Ready:
            return false;
        case Workspace::Phase::Opening:
            draw_waiting("start.opening");
            return true;
        case Workspace::Phase::Probing:
            draw_waiting("start.probing");
            return true;
        case Workspace::Phase::Unreachable: {
            const float w = begin_card("##start", 220);
            title("start.unreachable.title");
            ImGui::Dummy(ImVec2(0, 8));
            paragraph(ui::tr("start.unreachable.body"), theme::palette().text_secondary);
            ImGui::Dummy(ImVec2(0, 14));
            if (widgets::primary_button(ui::tr("start.retry"), ImVec2(w, 0))) ws.retry_probe();
            ImGui::Dummy(ImVec2(0, 4));
            if (widgets::secondary_button(ui::tr("start.use_demo"), ImVec2(w, 0))) ws.start_demo();
            end_card();
            return true;
        }
        case Workspace::Phase::Login: {
            const float w = begin_card("##start", 320);
            title("login.title");
            ImGui::Dummy(ImVec2(0, 4));
            paragraph(ui::tr("login.subtitle"), theme::palette().text_tertiary);
            ImGui::Dummy(ImVec2(0, 12));
            login_fields(ws, w);
            end_card();
            return true;
        }
        case Workspace::Phase::Broken: {
            begin_card("##start", 200);
            title("start.broken.title");
            ImGui::Dummy(ImVec2(0, 8));
            paragraph(ui::tr("start.broken.body"), theme::palette().text_secondary);
            ImGui::Dummy(ImVec2(0, 8));
            paragraph(ws.broken_detail().c_str(), theme::palette().text_tertiary);
            end_card();
            return true;
        }
    }
    return false;
}

namespace {

// While the re-login dialog is put off, a small pill in the top right corner brings it back (the
// status bar says why too).
void draw_relogin_reopen(LoginForm& f) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - 16.0f, vp->Pos.y + 12.0f), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##relogin_reopen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                                  ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoBackground);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());   // above the shell, without taking focus
    if (widgets::primary_button(ui::tr("relogin.reopen"))) {
        f.relogin_dismissed = false;
        f.focus_pending = true;
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace

// A modal card: the account and password fields (Tab moves login -> password -> the button,
// Enter in a field submits), "Later" or Escape puts it off.
void draw_relogin_dialog(Workspace& ws) {
    LoginForm& f = form();
    if (!ws.session_expired()) { f.focus_pending = true; f.relogin_dismissed = false; return; }
    if (f.relogin_dismissed) { draw_relogin_reopen(f); return; }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::GetForegroundDrawList()->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y),
                                                  IM_COL32(0x1F, 0x23, 0x29, 0x59));
    const float width = std::min(kCardWidth, vp->Size.x - 32.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28, 24));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12.0f);
    ImGui::Begin("##relogin", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::SetWindowFocus();
    title("relogin.title");
    ImGui::Dummy(ImVec2(0, 6));
    const std::string body = Translator::builtin().format(
        ui::language(), "relogin.body",
        {{"count", std::to_string(ws.replica() ? ws.replica()->pending().size() : 0)}});
    paragraph(body.c_str(), theme::palette().text_secondary);
    ImGui::Dummy(ImVec2(0, 10));
    login_fields(ws, width - 56.0f);
    ImGui::Dummy(ImVec2(0, 4));
    const bool later = widgets::secondary_button(ui::tr("relogin.later"), ImVec2(width - 56.0f, 0));
    if (later || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        f.relogin_dismissed = true;
        std::memset(f.password, 0, sizeof f.password);
        ImGui::ClearActiveID();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace wb::app
