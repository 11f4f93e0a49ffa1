#pragma once
// What the Lesson view records [课次]: every action is a mutation (works offline, syncs later),
// every message goes to the outbox (message.queue) or, on the "copy and send it myself" route,
// is copied to the clipboard and recorded as sent (event.record message_sent).
#include <string>
#include <vector>

#include "views/lesson_model.h"

namespace wb::app {

// What an action did, as a translated line; `ok` false when it recorded nothing it should have.
struct LessonActionResult {
    bool ok = false;
    std::string message;
};

// Sends the template message `key` (a survey or the evening reminder) about the model's lesson to
// the parents of `targets` through `channel_id` ("" = copy and send myself). Parents without a
// phone cannot get an SMS: they are named in the result, everyone else is sent to.
LessonActionResult send_lesson_messages(const LessonModel& m, const std::vector<const LessonBoardRow*>& targets,
                                        const char* key, const std::string& channel_id);

// The tutor's own attendance mark ("attend" / "leave"), which overrides the parent's reply.
LessonActionResult mark_attendance(const LessonModel& m, const std::string& student_id, const char* value);

// A class event by hand: "class_entry", "class_dropout", or "interaction" with `value`
// highlight / active / quiet / lowlight.
LessonActionResult record_class_event(const LessonModel& m, const std::string& student_id, const char* kind,
                                      const char* value = nullptr);

// A call about the lesson: duration as typed ("5:30", "5分30秒", "2"), reached or not.
LessonActionResult log_lesson_call(const LessonModel& m, const std::string& student_id, const char* duration,
                                   bool reached);

}  // namespace wb::app
