#pragma once
// The Lesson view's data [课次], cached by data version, lesson and minute (the 5-minute drop-out
// timers and the "from 30 minutes before" entry column move with the clock): the board of the
// chosen class lesson (core/lesson_board.h) and what the view's actions need to send messages
// about it (the lesson, the template's survey and reminder texts per student).
#include <map>
#include <string>
#include <vector>

#include "core/lesson_board.h"
#include "core/sop_template.h"

namespace wb::app {

struct LessonModel {
    bool ready = false;         // a lesson is chosen and the data is open
    LessonBoard board;
    Lesson lesson;
    std::string class_name;
    TimeMs now = 0;
    SopTemplate tpl;            // the organisation's active template (its message texts)
    std::string template_error; // why there is none
    int computations = 0;
};

const LessonModel& lesson_model();

// The template's message `key` rendered for the student about the model's lesson, in the
// interface language; "" when the template has no such message.
std::string lesson_message_text(const LessonModel& m, const std::string& key, const std::string& student_id);

// The board's row of a student, or nullptr.
const LessonBoardRow* board_row(const LessonModel& m, const std::string& student_id);

// Template keys of the lesson view's messages.
constexpr const char* kSurveyKey = "survey.pre_attendance";
constexpr const char* kReminderKey = "sms.remind_attend";

}  // namespace wb::app
