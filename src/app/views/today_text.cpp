#include "views/today_text.h"

#include "ui_text.h"
#include "views/today_model.h"

#include <cstdio>
#include <cstdlib>

namespace wb::app {
namespace {

std::string two_digits(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string clock(const LocalDateTime& t) { return two_digits(t.hour) + ":" + two_digits(t.minute); }

// "周一 16:00" / "Mon 16:00"; "明天 16:00" for tomorrow.
std::string day_and_clock(TimeMs at, const TodayWindow& window, const TimeZone& zone) {
    const LocalDateTime local = zone.to_local(at);
    if (at >= window.start_of_day && at < window.end_of_day)
        return today_format("today.when.today", {{"time", clock(local)}});
    if (at >= window.end_of_day && at < zone.local_day_at(window.now, 2, 0))
        return today_format("today.when.tomorrow", {{"time", clock(local)}});
    const std::string weekday = ui::tr("today.weekday." + std::to_string(local.weekday));
    return today_format("today.when.day", {{"weekday", weekday}, {"month", std::to_string(local.month)},
                                           {"day", std::to_string(local.day)}, {"time", clock(local)}});
}

// "3 小时" / "3 h" for a duration, in the largest unit that fits.
std::string duration_text(TimeMs ms) {
    const int64_t minutes = std::max<int64_t>(1, ms / kMinuteMs);
    if (minutes < 60) return today_format("today.amount.minutes", {{"count", std::to_string(minutes)}});
    if (minutes < 48 * 60) return today_format("today.amount.hours", {{"count", std::to_string(minutes / 60)}});
    return today_format("today.amount.days", {{"count", std::to_string(minutes / 1440)}});
}

// The offset of a trigger as words: "1 天 20:00", "12 小时", "15 分钟".
std::string offset_amount(const Offset& o) {
    std::string amount;
    const int days = std::abs(o.days);
    if (days) amount = today_format("today.amount.days", {{"count", std::to_string(days)}});
    if (!o.at.empty()) return amount.empty() ? today_format("today.amount.same_day", {{"time", o.at}})
                                             : amount + " " + o.at;
    const int minutes = std::abs(o.hours * 60 + o.minutes);
    if (minutes && minutes % 60 == 0) amount += (amount.empty() ? "" : " ") + today_format("today.amount.hours", {{"count", std::to_string(minutes / 60)}});
    else if (minutes) amount += (amount.empty() ? "" : " ") + today_format("today.amount.minutes", {{"count", std::to_string(minutes)}});
    return amount;
}

bool offset_before(const Offset& o) { return o.days < 0 || (o.days == 0 && o.at.empty() && o.hours * 60 + o.minutes < 0); }

}  // namespace

std::string today_format(const char* key, const std::map<std::string, std::string>& values) {
    return Translator::builtin().format(ui::language(), key, values);
}

const std::string& template_text(const Text& text) {
    return ui::language() == Language::En && !text.en.empty() ? text.en : text.zh;
}

std::string today_item_title(const SopTemplate& tpl, const DueTask& task) {
    const Task* t = find_task(tpl, task.task_id);
    if (!t) return task.subtask_id;
    const SubTask* s = find_subtask(*t, task.subtask_id);
    return template_text(t->title) + "  →  " + (s ? template_text(s->title) : task.subtask_id);
}

std::string today_item_why(const SopTemplate& tpl, const State& state, const DueTask& task) {
    std::string why;
    const Task* t = find_task(tpl, task.task_id);
    const SubTask* s = t ? find_subtask(*t, task.subtask_id) : nullptr;
    if (s && s->trigger) {
        const Offset& o = s->trigger->offset;
        const std::string anchor = ui::tr(std::string("today.anchor.") + enum_names(Anchor{})[size_t(s->trigger->anchor)]);
        const std::string amount = offset_amount(o);
        if (amount.empty()) why = today_format("today.why.at", {{"anchor", anchor}});
        else why = today_format(offset_before(o) ? "today.why.before" : "today.why.after", {{"anchor", anchor}, {"amount", amount}});
    }
    auto lesson = state.lessons.find(task.lesson_id);
    if (lesson != state.lessons.end())
        why += " · " + today_format("today.lesson", {{"number", std::to_string(lesson->second.number)}});
    auto cls = state.classes.find(task.class_id);
    if (cls != state.classes.end() && !cls->second.name.empty()) why += " · " + cls->second.name;
    return why;
}

std::vector<StudentName> today_item_students(const State& state, const DueTask& task, int max_names) {
    std::vector<StudentName> out;
    for (const auto& id : task.student_ids) {
        if (int(out.size()) >= max_names) break;
        auto st = state.students.find(id);
        out.push_back({id, st == state.students.end() ? id : st->second.name});
    }
    return out;
}

std::string today_item_due(const DueTask& task, Urgency urgency, const TodayWindow& window, const TimeZone& zone) {
    switch (urgency) {
        case Urgency::Overdue:
            return today_format("today.due.overdue", {{"amount", duration_text(window.now - task.due_at)}});
        case Urgency::Soon:
            return today_format("today.due.in", {{"amount", duration_text(std::max<TimeMs>(task.due_at - window.now, kMinuteMs))}});
        case Urgency::LaterToday:
        case Urgency::Upcoming: break;
    }
    if (task.status == DueStatus::Upcoming) return today_format("today.due.opens", {{"when", day_and_clock(task.open_at, window, zone)}});
    return today_format("today.due.at", {{"when", day_and_clock(task.due_at, window, zone)}});
}

std::string today_done_at(const DueTask& task, const TimeZone& zone) {
    return today_format("today.done_at", {{"time", clock(zone.to_local(task.done_at))}});
}

std::string today_snoozed_until(const DueTask& task, const TimeZone& zone) {
    return today_format("today.snoozed_until", {{"time", clock(zone.to_local(task.snoozed_until))}});
}

}  // namespace wb::app
