#include "views/homework_model.h"

#include "core/student_timeline.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "ui_text.h"
#include "views/lesson_picker.h"
#include "views/model_cache.h"

namespace wb::app {
namespace {

// What the server recorded a moment "after" this device's clock still shows (see lesson_model.cpp).
constexpr TimeMs kClockSkewMs = 5 * kMinuteMs;

void build(HomeworkModel& model, const State& state, const ClassLesson& chosen, TimeMs now) {
    model.now = now;
    model.chosen = chosen;
    model.board = homework_board(state, chosen, now + kClockSkewMs);
    model.leaderboard = class_leaderboard(model.board);
    model.excellent = excellent_works(state, {chosen.class_id}, now + kClockSkewMs);
    if (auto l = state.lessons.find(chosen.lesson_id); l != state.lessons.end()) model.lesson = l->second;
    if (auto c = state.classes.find(chosen.class_id); c != state.classes.end())
        model.class_name = c->second.name.empty() ? c->first : c->second.name;
    model.template_error = active_template(state, model.tpl);
    model.ready = true;
}

}  // namespace

const HomeworkModel& homework_model() {
    static HomeworkModel model;
    static ModelCache cache;
    const State* state = workspace().view();
    const ClassLesson* chosen = state ? chosen_class_lesson() : nullptr;
    if (!state || !chosen) {
        model = HomeworkModel{};
        cache.reset();
        return model;
    }
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    const std::string who = workspace().account().user_id + "/" + chosen->class_id + "/" + chosen->lesson_id;
    if (!cache.stale(workspace().data_version(), now, who, model.ready)) return model;
    const int computations = model.computations + 1;
    model = HomeworkModel{};
    model.computations = computations;
    build(model, *state, *chosen, now);
    cache.built();
    return model;
}

const HomeworkRow* homework_row(const HomeworkModel& m, const std::string& student_id) {
    for (const HomeworkRow& r : m.board.rows)
        if (r.student_id == student_id) return &r;
    return nullptr;
}

std::map<std::string, std::string> homework_message_values(const HomeworkModel& m, const std::string& student_id,
                                                           const std::map<std::string, std::string>& extra) {
    const State* state = workspace().view();
    std::map<std::string, std::string> values;
    if (state) values = lesson_message_values(*state, student_id, m.lesson, organisation_zone(*state));
    for (const auto& [k, v] : extra) values[k] = v;
    return values;
}

std::string homework_message_text(const HomeworkModel& m, const std::string& key, const std::string& student_id,
                                  const std::map<std::string, std::string>& extra) {
    if (!m.template_error.empty() || !m.tpl.messages.count(key)) return "";
    return render_message(m.tpl, key, ui::language() == Language::En, homework_message_values(m, student_id, extra));
}

}  // namespace wb::app
