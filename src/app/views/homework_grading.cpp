// Batch grading [批量批改]: the lesson's works one after another, with the keyboard: S / A / B
// grade, 1–9 pick a phrase from the library [话术库] (shared phrases of the template, then the
// tutor's own, filled in for the student), Enter saves and goes to the next work, ← → move,
// E puts the work into the excellent works. A typed comment is saved with the grade; a work whose
// grade and comment did not change is passed over without a new event.
#include "views/homework_ui.h"

#include "core/comment_phrases.h"
#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "views/lessons_ui.h"
#include "widgets.h"

#include <imgui_internal.h>   // SetKeyOwner: Enter and the arrows are the grading's, not ImGui's nav

namespace wb::app::homework_ui {
namespace {

using lessons_ui::label;

constexpr ImGuiKey kDigits[9] = {ImGuiKey_1, ImGuiKey_2, ImGuiKey_3, ImGuiKey_4, ImGuiKey_5,
                                 ImGuiKey_6, ImGuiKey_7, ImGuiKey_8, ImGuiKey_9};

void load(const HomeworkRow& r) {
    HomeworkUi& s = state();
    s.loaded_for = r.student_id;
    s.grade = r.grade;
    snprintf(s.comment, sizeof s.comment, "%s", r.comment.c_str());
}

void add_phrase(const std::string& text) {
    HomeworkUi& s = state();
    std::string comment = s.comment;
    if (!comment.empty() && comment.back() != ' ') comment += ui::language() == Language::En ? " " : "";
    comment += text;
    snprintf(s.comment, sizeof s.comment, "%s", comment.c_str());
}

// Moves to the work `step` places along the queue (stays at the ends).
void move(const HomeworkModel& m, const std::vector<int>& queue, int pos, int step) {
    const int to = pos + step;
    if (to < 0 || to >= static_cast<int>(queue.size())) return;
    state().current = m.board.rows[queue[to]].student_id;
    state().loaded_for.clear();
}

void save_and_next(const HomeworkModel& m, const std::vector<int>& queue, int pos) {
    HomeworkUi& s = state();
    const HomeworkRow& r = m.board.rows[queue[pos]];
    const bool unchanged = r.graded() && r.grade == s.grade && r.comment == s.comment;
    if (!unchanged) {
        s.last = save_grade(m, r.student_id, s.grade, s.comment);
        if (!s.last.ok) return;
    }
    if (pos + 1 < static_cast<int>(queue.size())) move(m, queue, pos, 1);
    else if (!s.ungraded_only) s.last = {true, s.last.message.empty() ? ui::tr("homework.grading.done") : s.last.message};
    s.loaded_for.clear();
}

void draw_grade_buttons() {
    HomeworkUi& s = state();
    label(s.grade.empty() ? ui::tr("homework.grading.no_grade") : ui::format("homework.grading.grade", {{"grade", s.grade}}),
          s.grade.empty() ? theme::palette().text_tertiary : theme::palette().accent);
    for (const char* g : {"S", "A", "B"}) {
        ImGui::SameLine();
        if (lessons_ui::row_button(g, "grade", s.grade != g)) s.grade = g;
    }
}

void draw_phrases(const std::vector<std::string>& filled, const std::vector<CommentPhrase>& phrases) {
    widgets::section_title(ui::tr("homework.grading.phrases"));
    for (size_t i = 0; i < filled.size(); ++i) {
        const std::string line = (i < 9 ? std::to_string(i + 1) + "  " : "    ") + filled[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(line.c_str(), false)) add_phrase(filled[i]);
        ui::note_drawn(line.c_str());
        ImGui::PopID();
        ImGui::SameLine();
        label(phrases[i].personal ? ui::format("homework.grading.personal", {{"uses", std::to_string(phrases[i].uses)}})
                                  : ui::tr("homework.grading.shared"),
              theme::palette().text_tertiary);
    }
}

void handle_keys(const HomeworkModel& m, const std::vector<int>& queue, int pos, const std::vector<std::string>& filled) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    const ImGuiID owner = ImGui::GetID("##grading_keys");
    for (ImGuiKey k : {ImGuiKey_Enter, ImGuiKey_KeypadEnter, ImGuiKey_LeftArrow, ImGuiKey_RightArrow})
        ImGui::SetKeyOwner(k, owner);
    if (io.KeyMods != ImGuiMod_None) return;
    HomeworkUi& s = state();
    if (ImGui::IsKeyPressed(ImGuiKey_S, false)) s.grade = "S";
    if (ImGui::IsKeyPressed(ImGuiKey_A, false)) s.grade = "A";
    if (ImGui::IsKeyPressed(ImGuiKey_B, false)) s.grade = "B";
    for (size_t i = 0; i < 9 && i < filled.size(); ++i)
        if (ImGui::IsKeyPressed(kDigits[i], false)) add_phrase(filled[i]);
    if (ImGui::IsKeyPressed(ImGuiKey_E, false)) s.last = mark_excellent(m, m.board.rows[queue[pos]].student_id);
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, ImGuiInputFlags_Repeat, owner)) move(m, queue, pos, -1);
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, ImGuiInputFlags_Repeat, owner)) move(m, queue, pos, 1);
    if (ImGui::IsKeyPressed(ImGuiKey_Enter, ImGuiInputFlags_None, owner) ||
        ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, ImGuiInputFlags_None, owner))
        save_and_next(m, queue, pos);
}

}  // namespace

const std::vector<CommentPhrase>& grading_phrases(const HomeworkModel& m) {
    static std::vector<CommentPhrase> phrases;
    static std::string key;
    const State* st = workspace().view();
    const std::string grade = state().grade.empty() ? "A" : state().grade;
    const std::string now_key = std::to_string(workspace().data_version()) + "/" + grade + "/" +
                                std::to_string(static_cast<int>(ui::language())) + "/" + m.lesson.id;
    if (key == now_key) return phrases;
    key = now_key;
    phrases = st && m.template_error.empty()
                  ? comment_phrases(*st, m.tpl, workspace().actor_id(), grade, ui::language() == Language::En, m.now)
                  : std::vector<CommentPhrase>{};
    return phrases;
}

std::vector<std::string> filled_phrases(const HomeworkModel& m, const std::string& student_id) {
    std::vector<std::string> out;
    const auto values = homework_message_values(m, student_id);
    for (const CommentPhrase& p : grading_phrases(m)) out.push_back(fill_placeholders(p.text, values));
    return out;
}

int grading_position(const HomeworkModel& m, const std::vector<int>& queue) {
    HomeworkUi& s = state();
    for (size_t i = 0; i < queue.size(); ++i)
        if (m.board.rows[queue[i]].student_id == s.current) return static_cast<int>(i);
    if (queue.empty()) return -1;
    s.current = m.board.rows[queue[0]].student_id;
    return 0;
}

void draw_grading(const HomeworkModel& m) {
    HomeworkUi& s = state();
    if (ImGui::Checkbox(ui::tr("homework.grading.ungraded_only"), &s.ungraded_only)) s.loaded_for.clear();
    ui::note_drawn(ui::tr("homework.grading.ungraded_only"));
    const std::vector<int> queue = grading_queue(m.board, s.ungraded_only);
    const int pos = grading_position(m, queue);
    if (pos < 0) {
        label(ui::tr(m.board.submitted > 0 ? "homework.grading.done" : "homework.grading.none"), theme::palette().text_secondary);
        return lessons_ui::show_result(s.last);
    }
    const HomeworkRow& r = m.board.rows[queue[pos]];
    if (s.loaded_for != r.student_id) load(r);
    label(ui::format("homework.grading.progress", {{"index", std::to_string(pos + 1)}, {"total", std::to_string(queue.size())},
                                                   {"name", r.name}, {"when", when_text(r.submitted_at)}}),
          theme::palette().text);
    if (r.excellent) { ImGui::SameLine(); label(ui::tr("homework.excellent.badge"), theme::palette().warning); }
    label(ui::tr("homework.grading.keys"), theme::palette().text_tertiary);
    draw_grade_buttons();
    const std::vector<std::string> filled = filled_phrases(m, r.student_id);
    const bool entered = widgets::text_field("##grading_comment", ui::tr("homework.grading.comment"), s.comment, sizeof s.comment);
    if (widgets::secondary_button(ui::tr("homework.grading.prev"), ImVec2(0, 0), pos > 0)) move(m, queue, pos, -1);
    ImGui::SameLine();
    const bool save = widgets::primary_button(ui::tr("homework.grading.save"));
    ImGui::SameLine();
    if (widgets::secondary_button(ui::tr("homework.grading.next"), ImVec2(0, 0), pos + 1 < static_cast<int>(queue.size())))
        move(m, queue, pos, 1);
    ImGui::SameLine();
    if (widgets::secondary_button(ui::tr("homework.excellent.mark"), ImVec2(0, 0), !r.excellent))
        s.last = mark_excellent(m, r.student_id);
    if (save || entered) save_and_next(m, queue, pos);
    else handle_keys(m, queue, pos, filled);
    lessons_ui::show_result(s.last);
    draw_phrases(filled, grading_phrases(m));
}

}  // namespace wb::app::homework_ui
