#pragma once
// The class lesson a lesson-centred view works on: a combo box over the lessons of the classes
// the signed-in user sees ("1班 · 第 3 讲 爬虫入门 · 11月21日 周六 14:00"), defaulting to the
// lesson in progress / just ended / next (core/class_lessons.h). The choice lives in app_state()
// so the lesson, homework and dashboard views share it.
#include "core/class_lessons.h"
#include "core/time_zone.h"

#include <string>

namespace wb::app {

// The organisation's time zone (UTC if the data names an unknown one), cached by name.
const TimeZone& organisation_zone(const State& state);
// "11月21日 周六 14:00" / "Sat 21 Nov 14:00" in the organisation's time zone.
std::string local_day_and_time(const State& state, TimeMs at);
// "第 3 讲 爬虫入门" / "Lesson 3 Crawler basics"
std::string lesson_label(const State& state, const std::string& lesson_id);

// Draws the picker (full width of `width`, 0 = available) and returns the chosen lesson, or
// nullptr when the user sees no lessons. The list is cached by data version.
const ClassLesson* draw_lesson_picker(const char* id, float width = 0.0f);
// The chosen lesson without drawing (nullptr when there is none).
const ClassLesson* chosen_class_lesson();

}  // namespace wb::app
