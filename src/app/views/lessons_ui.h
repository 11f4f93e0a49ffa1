#pragma once
// The Lesson view's parts [课次] (lessons_view.cpp: the header and pre-attendance;
// lessons_class.cpp: getting to class and in class) and the state they share.
#include <string>

#include <imgui.h>

#include "views/lesson_actions.h"

namespace wb::app::lessons_ui {

enum class Stage { PreAttendance, GettingToClass, InClass };

struct LessonsUi {
    int stage = 0;                // Stage
    int filter = 0;               // pre-attendance: 0 all, then AttendanceStatus + 1
    std::string route;            // channel id, "" = copy and send myself
    LessonActionResult last;      // the last action's line
    std::string calling;          // the student whose call form is open
    char call_duration[16] = {};
    bool call_reached = true;
};

LessonsUi& state();

// A line of text in `color`, recorded as drawn.
void label(const std::string& text, ImU32 color);
// A small button whose drawn label is "<text>#<student id>" for tests (the text shows once per row).
bool row_button(const char* text, const std::string& student_id, bool enabled = true);
// "待发送 / 已发送 / 已送达 / 失败 / 已取消 / 暂缓" or "—" for no message.
std::string message_state_text(const BoardMessage& m);
// The channel picker: "copy and send myself" and the enabled channels.
void draw_route_picker(const char* id);
// Shows `r` after an action (kept until the next one).
void show_result(const LessonActionResult& r);
// The call form for the open student: duration, reached or not, save / cancel.
void draw_call_form(const LessonModel& m, const LessonBoardRow& row);

void draw_getting_to_class(const LessonModel& m);
void draw_in_class(const LessonModel& m);

}  // namespace wb::app::lessons_ui
