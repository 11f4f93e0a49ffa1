// The Lesson view's half of window.workbench.query (tests only): the board the view draws, read
// from the same cached model (views/lesson_model.cpp), and choosing the lesson as the picker does.
#include "app_state.h"
#include "core/class_lessons.h"
#include "core/enum_names.h"
#include "core/roster.h"
#include "offline/workspace.h"
#include "platform.h"
#include "test_queries.h"
#include "views/lesson_model.h"
#include "views/lessons_ui.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace wb::app {
namespace {

json message_json(const BoardMessage& m) {
    if (!m.exists()) return nullptr;
    return {{"id", m.id}, {"state", to_string(m.state)}, {"channel", m.channel}};
}

json row_json(const LessonBoardRow& r) {
    return {{"studentId", r.student_id}, {"name", r.name}, {"phone", r.parent_phone},
            {"survey", message_json(r.survey)}, {"surveyEventAt", r.survey_event_at},
            {"status", to_string(r.status)}, {"manual", r.manual}, {"reply", r.reply_text},
            {"reminder", message_json(r.reminder)}, {"autoCall", message_json(r.auto_call)},
            {"calls", r.calls}, {"lastCall", r.last_call_outcome}, {"enteredAt", r.entered_at},
            {"droppedAt", r.dropped_at}, {"inClass", r.in_class}, {"interaction", r.interaction}};
}

json board_json() {
    const LessonModel& m = lesson_model();
    if (!m.ready) return {{"ready", false}};
    const LessonBoard& b = m.board;
    json rows = json::array();
    for (const LessonBoardRow& r : b.rows) rows.push_back(row_json(r));
    const LessonBoardCounts& c = b.counts;
    const lessons_ui::LessonsUi& s = lessons_ui::state();
    return {{"ready", true}, {"classId", b.class_id}, {"lessonId", b.lesson_id}, {"start", b.start}, {"end", b.end},
            {"rows", rows}, {"forecast", b.forecast}, {"showUpRate", b.show_up_rate},
            {"counts", {{"students", c.students}, {"surveyed", c.surveyed}, {"attend", c.attend}, {"leave", c.leave},
                        {"unclear", c.unclear}, {"noReply", c.no_reply}, {"entered", c.entered},
                        {"inClass", c.in_class}, {"dropped", c.dropped}, {"reminded", c.reminded}}},
            {"stage", s.stage}, {"filter", s.filter}, {"route", s.route},
            {"last", {{"ok", s.last.ok}, {"message", s.last.message}}}, {"computations", m.computations}};
}

// The class lessons the picker offers (the signed-in user's classes).
json lessons_json() {
    json out = json::array();
    const State* state = workspace().view();
    if (!state) return out;
    for (const ClassLesson& l : class_lessons(*state, visible_class_ids(*state, workspace().account().user_id)))
        out.push_back({{"classId", l.class_id}, {"lessonId", l.lesson_id}, {"number", l.number}, {"start", l.start}, {"end", l.end}});
    return out;
}

const bool registered_state = register_test_query("lessons.state", [](const json&) {
    json out = board_json();
    out["lessons"] = lessons_json();
    return out;
});

// {classId, lessonId}: the lesson the lesson, homework and dashboard views show.
const bool registered_choose = register_test_query("lessons.choose", [](const json& args) {
    app_state().class_id = args.value("classId", "");
    app_state().lesson_id = args.value("lessonId", "");
    platform::request_redraw();
    return json{{"ok", true}};
});

}  // namespace
}  // namespace wb::app
