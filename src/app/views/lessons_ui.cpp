// The Lesson view's shared parts: state, labels, row buttons, the channel picker, the call form.
#include "views/lessons_ui.h"

#include "offline/channel_list.h"
#include "theme.h"
#include "ui_text.h"
#include "views/settings_channels.h"
#include "widgets.h"

namespace wb::app::lessons_ui {

LessonsUi& state() {
    static LessonsUi s;
    return s;
}

void label(const std::string& text, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ui::note_drawn(text.c_str());
}

bool row_button(const char* text, const std::string& student_id, bool enabled) {
    const std::string id = std::string(text) + "##" + student_id;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 2));
    const bool clicked = widgets::secondary_button(id.c_str(), ImVec2(0, 0), enabled);
    ImGui::PopStyleVar();
    ui::note_drawn((std::string(text) + "#" + student_id).c_str());
    return clicked;
}

std::string message_state_text(const BoardMessage& m) {
    if (!m.exists()) return ui::tr("lessons.message.none");
    return ui::tr(("lessons.message." + std::string(enum_names(MessageState{})[size_t(m.state)])).c_str());
}

void draw_route_picker(const char* id) {
    LessonsUi& s = state();
    ChannelDirectory& dir = channel_directory();
    dir.refresh(60000);
    const ChannelSummary* chosen = s.route.empty() ? nullptr : dir.find(s.route);
    if (chosen && !chosen->enabled) chosen = nullptr;
    if (!chosen) s.route.clear();
    const std::string preview = chosen ? chosen->id + "  ·  " + channel_type_label(chosen->type) : ui::tr("channels.send.copy");
    ImGui::SetNextItemWidth(260);
    if (ImGui::BeginCombo(id, preview.c_str())) {
        if (ImGui::Selectable(ui::tr("channels.send.copy"), !chosen)) s.route.clear();
        ui::note_drawn(ui::tr("channels.send.copy"));
        for (const ChannelSummary& c : dir.channels()) {
            if (!c.enabled) continue;
            const std::string line = c.id + "  ·  " + channel_type_label(c.type);
            ImGui::PushID(c.id.c_str());
            if (ImGui::Selectable(line.c_str(), chosen && chosen->id == c.id)) s.route = c.id;
            ui::note_drawn(line.c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ui::note_drawn_at((preview + "#route").c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void show_result(const LessonActionResult& r) {
    if (r.message.empty()) return;
    label(r.message, r.ok ? theme::palette().success : theme::palette().danger);
}

void draw_call_form(const LessonModel& m, const LessonBoardRow& row) {
    LessonsUi& s = state();
    ImGui::PushID(("call-" + row.student_id).c_str());
    ImGui::Indent(16);
    const bool enter = widgets::text_field("##lesson_call", ui::tr("lessons.call.duration"), s.call_duration,
                                           sizeof s.call_duration, false, 160);
    if (ImGui::RadioButton(ui::tr("lessons.call.reached"), s.call_reached)) s.call_reached = true;
    ui::note_drawn(ui::tr("lessons.call.reached"));
    ImGui::SameLine();
    if (ImGui::RadioButton(ui::tr("lessons.call.unreached"), !s.call_reached)) s.call_reached = false;
    ui::note_drawn(ui::tr("lessons.call.unreached"));
    if (widgets::primary_button(ui::tr("lessons.call.save")) || enter) {
        s.last = log_lesson_call(m, row.student_id, s.call_duration, s.call_reached);
        if (s.last.ok) s.calling.clear(), s.call_duration[0] = 0, s.call_reached = true;
    }
    ImGui::SameLine();
    if (widgets::secondary_button(ui::tr("lessons.call.cancel"))) s.calling.clear();
    ImGui::Unindent(16);
    ImGui::PopID();
}

}  // namespace wb::app::lessons_ui
