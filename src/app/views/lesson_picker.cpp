#include "views/lesson_picker.h"

#include <algorithm>

#include "app_state.h"
#include "core/roster.h"
#include "i18n/translator.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "ui_text.h"

#include <imgui.h>

#include <cstdio>

namespace wb::app {
namespace {

struct PickerCache {
    uint64_t data_version = ~0ull;
    std::string user_id;
    std::vector<ClassLesson> lessons;
    std::vector<std::string> labels;
    Language language = Language::ZhCN;
    bool filled = false;
};

PickerCache& cache() {
    static PickerCache c;
    return c;
}

std::string class_name(const State& s, const std::string& class_id) {
    auto it = s.classes.find(class_id);
    return it == s.classes.end() || it->second.name.empty() ? class_id : it->second.name;
}

const PickerCache& current() {
    PickerCache& c = cache();
    const State* s = workspace().view();
    const std::string& user = workspace().account().user_id;
    if (c.filled && c.data_version == workspace().data_version() && c.user_id == user && c.language == ui::language()) return c;
    c.filled = true;
    c.data_version = workspace().data_version();
    c.user_id = user;
    c.language = ui::language();
    c.lessons = s ? class_lessons(*s, visible_class_ids(*s, user)) : std::vector<ClassLesson>{};
    c.labels.clear();
    for (const ClassLesson& l : c.lessons)
        c.labels.push_back(class_name(*s, l.class_id) + " · " + lesson_label(*s, l.lesson_id) + " · " +
                           local_day_and_time(*s, l.start));
    return c;
}

int chosen_index(const PickerCache& c) {
    AppState& app = app_state();
    for (int i = 0; i < static_cast<int>(c.lessons.size()); ++i)
        if (c.lessons[i].class_id == app.class_id && c.lessons[i].lesson_id == app.lesson_id) return i;
    return default_class_lesson(c.lessons, static_cast<TimeMs>(js::now_utc_ms()));
}

}  // namespace

const TimeZone& organisation_zone(const State& state) {
    static std::string cached_name = "\x01";
    static TimeZone zone;
    if (state.organisation.time_zone != cached_name) {
        cached_name = state.organisation.time_zone;
        std::string error;
        if (!TimeZone::find(cached_name, zone, error)) zone = TimeZone();  // UTC rather than nothing
    }
    return zone;
}

std::string local_day_and_time(const State& state, TimeMs at) {
    const LocalDateTime t = organisation_zone(state).to_local(at);
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", t.hour, t.minute);
    return ui::format("lesson_picker.when", {{"month", std::to_string(t.month)},
                                      {"day", std::to_string(t.day)},
                                      {"weekday", ui::tr("today.weekday." + std::to_string(t.weekday))},
                                      {"time", clock}});
}

std::string lesson_label(const State& state, const std::string& lesson_id) {
    auto it = state.lessons.find(lesson_id);
    if (it == state.lessons.end()) return lesson_id;
    const std::string number = std::to_string(it->second.number);
    // A title that only says the number again ("第6课", "Lesson 6") is not repeated.
    std::string bare = it->second.title;
    bare.erase(std::remove(bare.begin(), bare.end(), ' '), bare.end());
    if (bare.empty() || bare == "第" + number + "课" || bare == "第" + number + "讲" || bare == "Lesson" + number)
        return ui::format("lesson_picker.lesson_number", {{"number", number}});
    return ui::format("lesson_picker.lesson", {{"number", number}, {"title", it->second.title}});
}

const ClassLesson* chosen_class_lesson() {
    const PickerCache& c = current();
    const int i = chosen_index(c);
    return i < 0 ? nullptr : &c.lessons[i];
}

const ClassLesson* draw_lesson_picker(const char* id, float width) {
    const PickerCache& c = current();
    const int chosen = chosen_index(c);
    if (chosen < 0) return nullptr;
    ImGui::PushID(id);
    const float w = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(w);
    const std::string& preview = c.labels[chosen];
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ui::note_drawn_at(preview.c_str(), at, ImVec2(at.x + w, at.y + ImGui::GetFrameHeight()));
    if (ImGui::BeginCombo("##lesson", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (int i = 0; i < static_cast<int>(c.lessons.size()); ++i) {
            const bool selected = i == chosen;
            if (ImGui::Selectable(c.labels[i].c_str(), selected)) {
                app_state().class_id = c.lessons[i].class_id;
                app_state().lesson_id = c.lessons[i].lesson_id;
            }
            ui::note_drawn_at(c.labels[i].c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
    const int now_chosen = chosen_index(c);
    return now_chosen < 0 ? nullptr : &c.lessons[now_chosen];
}

}  // namespace wb::app
