// The note editor: a multi-line field (Chinese through the IME bridge), saved with the button
// or Ctrl+Enter as an event.record of kind "note". A refused save shows why and keeps the text;
// a saved note appears at the top of the timeline (the data version moves, the cache rebuilds).
#include "views/student_profile_ui.h"

#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include "core/mutation.h"

#include <imgui.h>

namespace wb::app {
namespace {

using namespace profile_ui_parts;

constexpr size_t kNoteMaxBytes = 4000;

int grow_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

// Records the note of `ui.note` for the open student; on refusal keeps the text and says why.
bool save_profile_note(const std::string& student_id) {
    ProfileUi& ui_state = profile_ui();
    if (blank(ui_state.note)) {
        ui_state.note_error = ui::tr("profile.note.empty");
        return false;
    }
    if (ui_state.note.size() > kNoteMaxBytes) {
        ui_state.note_error = ui::tr("profile.note.too_long");
        return false;
    }
    const std::string id = workspace().new_id("note");
    Json args{{"id", id}, {"kind", "note"}, {"at", static_cast<int64_t>(js::now_utc_ms())},
              {"studentId", student_id}, {"text", ui_state.note}, {"source", "manual"}};
    if (std::string actor = actor_id(); !actor.empty()) args["actorId"] = actor;
    const Workspace::Submitted r = workspace().submit(Mutation{"event.record", args});
    if (!r.ok) {
        ui_state.note_error = ui::format("profile.note.refused", {{"reason", r.reason}});
        return false;
    }
    ui_state.note.clear();
    ui_state.note_error.clear();
    ui_state.note_saved_id = id;
    ui_state.last_action = ui::tr("profile.note.saved");
    platform::request_redraw();
    return true;
}

void draw_profile_note_editor(const ProfileData& d) {
    ProfileUi& ui_state = profile_ui();
    const theme::Palette& p = theme::palette();
    if (ui_state.note.capacity() < 256) ui_state.note.reserve(256);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 6.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 8));
    const bool submitted = ImGui::InputTextMultiline(
        "##profile_note", ui_state.note.data(), ui_state.note.capacity() + 1, ImVec2(width, 84.0f),
        ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue, grow_string, &ui_state.note);
    ImGui::PopStyleVar(2);
    // The buffer was written in place: keep the string's size in step with its text.
    ui_state.note.resize(std::char_traits<char>::length(ui_state.note.c_str()));
    const ImVec2 field_min = ImGui::GetItemRectMin(), field_max = ImGui::GetItemRectMax();
    ui::note_drawn_at(ui::tr("profile.note.placeholder"), field_min, field_max);
    if (ui_state.note.empty() && !ImGui::IsItemActive())
        ImGui::GetWindowDrawList()->AddText(ImVec2(field_min.x + 10, field_min.y + 8), p.text_tertiary,
                                            ui::tr("profile.note.placeholder"));
    if (ImGui::IsItemEdited()) ui_state.note_error.clear();

    bool save = submitted;  // Ctrl+Enter (Enter alone is a new line)
    if (widgets::primary_button(ui::tr("profile.note.save"), ImVec2(0, 0), !blank(ui_state.note))) save = true;
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_tertiary);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 6);
    ui::text("profile.note.shortcut");
    ImGui::PopStyleColor();
    if (save) save_profile_note(d.student.id);
    if (!ui_state.note_error.empty()) text(ui_state.note_error, p.danger);
}

}  // namespace wb::app
