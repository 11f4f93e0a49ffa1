#include "views/lesson_model.h"

#include "core/schedule.h"
#include "core/student_timeline.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "ui_text.h"
#include "views/lesson_picker.h"
#include "views/model_cache.h"

namespace wb::app {
namespace {

constexpr TimeMs kClockSkewMs = 5 * kMinuteMs;

}  // namespace

const LessonModel& lesson_model() {
    static LessonModel model;
    static ModelCache cache;
    const State* state = workspace().view();
    const ClassLesson* chosen = state ? chosen_class_lesson() : nullptr;
    if (!state || !chosen) {
        model = LessonModel{};
        cache.reset();
        return model;
    }
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    const std::string who = workspace().account().user_id + "/" + chosen->class_id + "/" + chosen->lesson_id;
    if (!cache.stale(workspace().data_version(), now, who, model.ready)) return model;
    const int computations = model.computations + 1;
    model = LessonModel{};
    model.computations = computations;
    model.now = now;
    // What the server recorded a moment "after" this device's clock (a parent's reply, a delivery)
    // still shows: device clocks drift by seconds, and this board caches for a minute.
    model.board = build_lesson_board(*state, chosen->class_id, chosen->lesson_id, now + kClockSkewMs);
    if (auto l = state->lessons.find(chosen->lesson_id); l != state->lessons.end()) model.lesson = l->second;
    if (auto c = state->classes.find(chosen->class_id); c != state->classes.end())
        model.class_name = c->second.name.empty() ? c->first : c->second.name;
    model.template_error = active_template(*state, model.tpl);
    model.ready = true;
    cache.built();
    return model;
}

std::string lesson_message_text(const LessonModel& m, const std::string& key, const std::string& student_id) {
    const State* state = workspace().view();
    if (!state || !m.template_error.empty() || !m.tpl.messages.count(key)) return "";
    return render_message(m.tpl, key, ui::language() == Language::En,
                          lesson_message_values(*state, student_id, m.lesson, organisation_zone(*state)));
}

const LessonBoardRow* board_row(const LessonModel& m, const std::string& student_id) {
    for (const LessonBoardRow& r : m.board.rows)
        if (r.student_id == student_id) return &r;
    return nullptr;
}

}  // namespace wb::app
