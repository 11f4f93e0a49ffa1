#pragma once
// The words of a Today item in the interface language: its title (task → sub-task, from the
// template), why it exists (the trigger: anchor + offset, lesson, class), who it still concerns
// and when it is due ("in 35 min", "3 h overdue", "today 19:00", "opens Mon 16:00").
#include "core/today.h"

#include <map>
#include <string>
#include <vector>

namespace wb::app {

const std::string& template_text(const Text& text);  // zh-CN or en, falling back to zh-CN

// "到课 → 催到课"
std::string today_item_title(const SopTemplate& tpl, const DueTask& task);
// "上课前 1 天 20:00 · 第 3 讲 · 1班"
std::string today_item_why(const SopTemplate& tpl, const State& state, const DueTask& task);
// "王子涵、李欣怡 等 12 人"; `names` receives the first few (id, name) to draw as links.
struct StudentName {
    std::string id;
    std::string name;
};
std::vector<StudentName> today_item_students(const State& state, const DueTask& task, int max_names);
// Relative due time for the item's group; `now` and `zone` as the board was computed.
std::string today_item_due(const DueTask& task, Urgency urgency, const TodayWindow& window, const TimeZone& zone);
// "完成于 14:03" / "推迟到 15:00"
std::string today_done_at(const DueTask& task, const TimeZone& zone);
std::string today_snoozed_until(const DueTask& task, const TimeZone& zone);

// A translated pattern with {placeholders} filled.
std::string today_format(const char* key, const std::map<std::string, std::string>& values);

}  // namespace wb::app
