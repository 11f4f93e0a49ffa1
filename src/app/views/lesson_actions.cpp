#include "views/lesson_actions.h"

#include "core/mutation.h"
#include "core/student_timeline.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "ui_text.h"
#include "views/family_messages.h"

namespace wb::app {
namespace {

int64_t now_ms() { return static_cast<int64_t>(js::now_utc_ms()); }

Json event_args(const LessonModel& m, const char* kind, const std::string& student_id) {
    Json args{{"id", workspace().new_id("lesson")}, {"kind", kind}, {"at", now_ms()}, {"studentId", student_id},
              {"lessonId", m.lesson.id}, {"source", "manual"}};
    if (std::string actor = workspace().actor_id(); !actor.empty()) args["actorId"] = actor;
    return args;
}

LessonActionResult submit(const Mutation& mutation, std::string done) {
    const Workspace::Submitted r = workspace().submit(mutation);
    if (!r.ok) return {false, ui::format("lessons.refused", {{"reason", r.reason}})};
    platform::request_redraw();
    return {true, std::move(done)};
}

std::string student_name(const LessonModel& m, const std::string& student_id) {
    const LessonBoardRow* r = board_row(m, student_id);
    return r && !r->name.empty() ? r->name : student_id;
}

std::string kind_of(const char* key) { return std::string(key).rfind("survey.", 0) == 0 ? "survey" : "reminder"; }

}  // namespace

LessonActionResult send_lesson_messages(const LessonModel& m, const std::vector<const LessonBoardRow*>& targets,
                                        const char* key, const std::string& channel_id) {
    std::vector<FamilyMessage> messages;
    for (const LessonBoardRow* r : targets)
        messages.push_back({r->student_id, r->name, r->parent_phone, lesson_message_text(m, key, r->student_id)});
    const FamilyMessagesSent sent = send_family_messages(messages, kind_of(key).c_str(), key, m.lesson.id, channel_id);
    return {sent.ok, sent.line};
}

LessonActionResult mark_attendance(const LessonModel& m, const std::string& student_id, const char* value) {
    Json args = event_args(m, "attendance_mark", student_id);
    args["value"] = value;
    return submit(Mutation{"event.record", args},
                  ui::format(std::string(value) == "leave" ? "lessons.marked.leave" : "lessons.marked.attend",
                             {{"student", student_name(m, student_id)}}));
}

LessonActionResult record_class_event(const LessonModel& m, const std::string& student_id, const char* kind,
                                      const char* value) {
    Json args = event_args(m, kind, student_id);
    if (value) args["value"] = value;
    const std::string what = value ? std::string("lessons.recorded.") + value : std::string("lessons.recorded.") + kind;
    return submit(Mutation{"event.record", args}, ui::format(what.c_str(), {{"student", student_name(m, student_id)}}));
}

LessonActionResult log_lesson_call(const LessonModel& m, const std::string& student_id, const char* duration,
                                   bool reached) {
    const DurationInput d = parse_call_duration(duration ? duration : "");
    if (!d.ok()) return {false, ui::format(d.error.key.c_str(), d.error.values)};
    Json args = event_args(m, "call", student_id);
    args["durationSec"] = d.seconds;
    args["value"] = reached ? "reached" : "unreached";
    return submit(Mutation{"event.record", args},
                  ui::format(reached ? "lessons.call.logged_reached" : "lessons.call.logged_unreached",
                             {{"student", student_name(m, student_id)},
                              {"minutes", std::to_string(d.seconds / 60)},
                              {"seconds", std::to_string(d.seconds % 60)}}));
}

}  // namespace wb::app
