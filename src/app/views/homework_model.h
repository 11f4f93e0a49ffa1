#pragma once
// The Homework view's data [练习], cached by data version, lesson and minute (the urge times move
// with the clock): the homework board of the chosen class lesson (core/homework_board.h), its
// leaderboard, the class's excellent works, and what the actions need to write messages about it.
#include <map>
#include <string>
#include <vector>

#include "core/class_lessons.h"
#include "core/homework_board.h"
#include "core/sop_template.h"

namespace wb::app {

struct HomeworkModel {
    bool ready = false;          // a lesson is chosen and the data is open
    ClassLesson chosen;
    HomeworkBoard board;
    std::vector<LeaderboardEntry> leaderboard;
    std::vector<ExcellentWork> excellent;   // of the chosen lesson's class
    Lesson lesson;
    std::string class_name;
    TimeMs now = 0;
    SopTemplate tpl;             // the organisation's active template (message texts, phrases)
    std::string template_error;  // why there is none
    int computations = 0;
};

const HomeworkModel& homework_model();

// The board's row of a student, or nullptr.
const HomeworkRow* homework_row(const HomeworkModel& m, const std::string& student_id);

// The values a homework message is filled with for `student_id` ({student}, {lesson}, {time}, …)
// plus `extra` ({grade}, {comment}).
std::map<std::string, std::string> homework_message_values(const HomeworkModel& m, const std::string& student_id,
                                                           const std::map<std::string, std::string>& extra = {});

// The template's message `key` for the student in the interface language; "" when there is none.
std::string homework_message_text(const HomeworkModel& m, const std::string& key, const std::string& student_id,
                                  const std::map<std::string, std::string>& extra = {});

// Template keys of the Homework view's messages.
constexpr const char* kUrgeKey = "urge.homework";
constexpr const char* kFeedbackKey = "feedback.homework";
constexpr const char* kStudentFeedbackKey = "feedback.homework.student";  // the same feedback, to the student

}  // namespace wb::app
