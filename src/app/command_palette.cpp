// The command palette's window, keyboard and header button (see command_palette.h).
#include "command_palette.h"

#include "app_state.h"
#include "command_palette_results.h"
#include "offline/workspace.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include <imgui_internal.h>   // ClearActiveID, InputQueueCharacters, ImTextCharToUtf8

#include <algorithm>
#include <cstring>
#include <string>

namespace wb::app {
namespace {

constexpr int kStudentLimit = 8;
constexpr float kWidth = 560.0f;
constexpr float kRowHeight = 40.0f;
constexpr const char* kPopupId = "##command-palette";

struct Palette {
    bool open = false;
    bool focus_field = false;
    char query[128] = "";
    int selected = 0;
    bool scroll_to_selected = false;   // the arrows moved the selection: bring it into view
    // The results for (query, data, language): recomputed when one of them changes.
    std::vector<PaletteResult> results;
    std::string results_query;
    uint64_t results_data = ~0ull;
    Language results_language = Language::ZhCN;
};

Palette& palette() {
    static Palette p;
    return p;
}

const std::vector<PaletteResult>& current_results(Palette& p) {
    const uint64_t data = workspace().data_version();
    if (p.results_query != p.query || p.results_data != data || p.results_language != ui::language()) {
        p.results = palette_results(p.query, kStudentLimit);
        p.results_query = p.query;
        p.results_data = data;
        p.results_language = ui::language();
        p.selected = 0;
    }
    return p.results;
}

void jump_to(const PaletteResult& r) {
    AppState& state = app_state();
    state.view = r.view;
    if (r.kind == PaletteResult::Kind::Student) state.student_id = r.student_id;
    palette().open = false;
    platform::request_redraw();
}

// One result row: icon-free label, muted detail on the right, highlighted when selected.
bool result_row(const PaletteResult& r, int index, bool selected, bool scroll_here) {
    const theme::Palette& pal = theme::palette();
    ImGui::PushID(index);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const bool clicked = ImGui::InvisibleButton("result", ImVec2(w, kRowHeight));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 b(a.x + w, a.y + kRowHeight);
    if (selected || hovered) dl->AddRectFilled(a, b, selected ? pal.accent_soft : pal.hover, 8.0f);
    if (scroll_here) ImGui::SetScrollHereY();
    const float text_y = a.y + (kRowHeight - ImGui::GetFontSize()) * 0.5f;
    dl->AddText(ImVec2(a.x + 14, text_y), pal.text, r.label.c_str());
    ui::note_drawn_at(r.label.c_str(), ImVec2(a.x + 14, text_y), ImVec2(a.x + w * 0.6f, text_y + ImGui::GetFontSize()));
    if (!r.detail.empty()) {
        const ImVec2 ds = ImGui::CalcTextSize(r.detail.c_str());
        dl->AddText(ImVec2(b.x - 14 - ds.x, text_y), pal.text_tertiary, r.detail.c_str());
    }
    return clicked;
}

void section_heading(const char* key) {
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_tertiary);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 14);
    ui::text(key);
    ImGui::PopStyleColor();
}

// Characters typed after Ctrl+K but before the search field is active (it activates a frame
// later) belong to the search, not to nobody: ImGui would drop them at the end of the frame.
void take_early_typing(Palette& p) {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::GetActiveID() != 0 || io.InputQueueCharacters.empty()) return;
    std::string query = p.query;
    for (ImWchar c : io.InputQueueCharacters) {
        if (c < 0x20) continue;
        char utf8[5];
        utf8[ImTextCharToUtf8(utf8, c)] = '\0';
        if (query.size() + std::strlen(utf8) < sizeof p.query) query += utf8;
    }
    io.InputQueueCharacters.resize(0);
    std::memcpy(p.query, query.c_str(), query.size() + 1);
}

void handle_keys(Palette& p, const std::vector<PaletteResult>& results) {
    const int n = static_cast<int>(results.size());
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) p.open = false;
    if (n == 0) return;
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) { p.selected = (p.selected + 1) % n; p.scroll_to_selected = true; }
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) { p.selected = (p.selected + n - 1) % n; p.scroll_to_selected = true; }
    if (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter))
        jump_to(results[std::min(p.selected, n - 1)]);
}

void draw_window(Palette& p) {
    const theme::Palette& pal = theme::palette();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(kWidth, vp->Size.x - 32.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + (vp->Size.x - width) * 0.5f, vp->Pos.y + std::min(120.0f, vp->Size.y * 0.12f)));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 12));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, pal.canvas);
    ImGui::PushStyleColor(ImGuiCol_Border, pal.border);
    ImGui::PushStyleColor(ImGuiCol_ModalWindowDimBg, IM_COL32(15, 23, 42, 48));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize;
    // A modal: the workbench behind is dimmed and takes no input while the palette is open.
    if (!ImGui::IsPopupOpen(kPopupId)) ImGui::OpenPopup(kPopupId);
    if (ImGui::BeginPopupModal(kPopupId, nullptr, flags)) {
        if (p.focus_field) {
            ImGui::SetKeyboardFocusHere();
            p.focus_field = false;
        }
        take_early_typing(p);
        widgets::search_field("palette-query", ui::tr("palette.hint"), p.query, sizeof p.query, width - 24.0f);
        const std::vector<PaletteResult>& results = current_results(p);
        handle_keys(p, results);
        ImGui::Dummy(ImVec2(0, 4));
        if (results.empty()) {
            const std::string none = Translator::builtin().format(ui::language(), "palette.empty", {{"query", p.query}});
            ImGui::PushStyleColor(ImGuiCol_Text, pal.text_secondary);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 14);
            ImGui::TextUnformatted(none.c_str());
            ImGui::PopStyleColor();
            ui::note_drawn(none.c_str());
        }
        ImGui::BeginChild("results", ImVec2(0, std::min(results.size() * kRowHeight + 64.0f, 420.0f)), ImGuiChildFlags_None);
        bool students_heading = false, views_heading = false;
        for (int i = 0; i < static_cast<int>(results.size()) && p.open; ++i) {
            const PaletteResult& r = results[i];
            const bool student = r.kind == PaletteResult::Kind::Student;
            if (!student && !views_heading) { section_heading("palette.section.views"); views_heading = true; }
            if (student && !students_heading) { section_heading("palette.section.students"); students_heading = true; }
            if (result_row(r, i, i == p.selected, p.scroll_to_selected && i == p.selected)) jump_to(r);
        }
        p.scroll_to_selected = false;
        ImGui::EndChild();
        // A click outside the palette closes it, like any popover.
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
            !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
            p.open = false;
        if (!p.open) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar(2);
}

}  // namespace

// For the test interface (test_interface_palette.cpp).
const char* palette_query_text() { return palette().query; }
bool palette_is_open() { return palette().open; }
const std::vector<PaletteResult>& palette_last_results() { return palette().results; }

void open_command_palette() {
    Palette& p = palette();
    p.open = true;
    p.focus_field = true;
    p.query[0] = '\0';
    p.selected = 0;
    platform::request_redraw();
}

void handle_palette_shortcut() {
    if (workspace().phase() != Workspace::Phase::Ready) return;
    // Ctrl+K; ImGuiMod_Ctrl is Cmd on a Mac (io.ConfigMacOSXBehaviors).
    if (!ImGui::Shortcut(ImGuiMod_Ctrl | ImGuiKey_K, ImGuiInputFlags_RouteGlobal)) return;
    if (palette().open) {
        palette().open = false;
        return;
    }
    // The field that had the keyboard (a note being written) lets go before this frame's views
    // are drawn, so what is typed right after Ctrl+K cannot land in it.
    ImGui::ClearActiveID();
    open_command_palette();
}

void draw_command_palette() {
    if (workspace().phase() != Workspace::Phase::Ready) return;
    Palette& p = palette();
    if (p.open) draw_window(p);
}

void draw_palette_button(float right_x, float top_y, float height) {
    const theme::Palette& pal = theme::palette();
    const char* label = ui::tr("palette.button");
    const char* keys = ImGui::GetIO().ConfigMacOSXBehaviors ? "Cmd K" : "Ctrl K";
    const ImVec2 ls = ImGui::CalcTextSize(label);
    const ImVec2 ks = ImGui::CalcTextSize(keys);
    const float w = 14 + ls.x + 16 + ks.x + 12;
    const ImVec2 pos(right_x - w, top_y);
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushID("palette-button");
    if (ImGui::InvisibleButton("open", ImVec2(w, height))) open_command_palette();
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + height), hovered ? pal.hover : pal.sidebar, 8.0f);
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + height), pal.border, 8.0f);
    const float y = pos.y + (height - ls.y) * 0.5f;
    dl->AddText(ImVec2(pos.x + 14, y), pal.text_secondary, label);
    ui::note_drawn_at(label, ImVec2(pos.x + 14, y), ImVec2(pos.x + 14 + ls.x, y + ls.y));
    dl->AddText(ImVec2(pos.x + w - 12 - ks.x, y), pal.text_tertiary, keys);
}

}  // namespace wb::app
