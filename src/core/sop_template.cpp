#include "core/sop_template.h"

#include <set>

#include "core/catalog.h"
#include "core/event.h"

extern const char* const kTutorTemplateJson;
extern const char* const kCsmTemplateJson;

namespace wb {
namespace {

constexpr const char* kFormat = "workbench-sop/1";

// Collects the first semantic problem, like JsonReader does for structure.
struct Problems {
    const std::map<std::string, Text>* messages = nullptr;
    SchemaProblem first;
    bool ok() const { return first.empty(); }
    void add(const std::string& path, const char* key, std::map<std::string, std::string> values = {})
    {
        if (ok()) first = {path, {key, std::move(values)}};
    }
};

std::string at(const std::string& base, const char* key, size_t i)
{
    return base + "/" + key + "/" + std::to_string(i);
}

void check_metrics(const std::vector<MetricRef>& metrics, const std::string& path, Problems& p)
{
    for (size_t i = 0; i < metrics.size(); ++i) {
        const auto& m = metrics[i];
        auto mp = at(path, "metrics", i);
        const MetricInfo* info = find_metric(m.id);
        if (!info) p.add(mp + "/id", "template.check.unknown_metric", {{"id", m.id}});
        else if (info->unit == MetricUnit::Rate && (m.target.value < 0 || m.target.value > 1))
            p.add(mp + "/target/value", "template.check.rate_target");
        if (m.target.op == TargetOp::Between && m.target.max < m.target.value)
            p.add(mp + "/target/max", "template.check.between_max");
    }
}

void check_offset(const Offset& o, const std::string& path, Problems& p)
{
    if (!o.at.empty()) {
        if (offset_at_minute(o) < 0) p.add(path + "/at", "template.check.local_time", {{"value", o.at}});
        else if (o.hours != 0 || o.minutes != 0)
            p.add(path, "template.check.at_or_hours");
    }
    if (o.days < -366 || o.days > 366) p.add(path + "/days", "template.check.days_range");
}

void check_reminder(const Reminder& r, const Trigger& t, const std::string& path, Problems& p)
{
    if (!r.message.empty() && !p.messages->count(r.message))
        p.add(path + "/message", "template.check.no_message", {{"id", r.message}});
    check_offset(r.offset, path + "/offset", p);
    if (r.channels.empty()) p.add(path + "/channels", "template.check.no_channel");
    if (r.message.empty()) p.add(path + "/message", "template.check.message_required");
    for (size_t i = 0; i < r.channels.size(); ++i) {
        bool to_parent = r.channels[i] == Channel::Sms || r.channels[i] == Channel::Call;
        if (to_parent != (r.audience == Audience::Parent))
            p.add(at(path, "channels", i), "template.check.channel_audience",
                  {{"channel", to_string(r.channels[i])}, {"audience", to_string(r.audience)}});
    }
    if (r.action == ReminderAction::AutoCall && (r.channels.size() != 1 || r.channels[0] != Channel::Call))
        p.add(path + "/action", "template.check.auto_call");
    if (r.action == ReminderAction::AutoRefund && t.anchor != Anchor::RefundRequested)
        p.add(path + "/action", "template.check.auto_refund");
}

void check_conditions(const Trigger& t, const std::string& path, Problems& p)
{
    for (size_t i = 0; i < t.conditions.size(); ++i) {
        const auto& c = t.conditions[i];
        auto colon = c.find(':');
        auto name = c.substr(0, colon);
        const ConditionInfo* info = find_condition(name);
        if (!info) p.add(at(path, "conditions", i), "template.check.unknown_condition", {{"name", name}});
        else if (info->takes_argument && (colon == std::string::npos || colon + 1 == c.size()))
            p.add(at(path, "conditions", i), "template.check.condition_needs_argument", {{"name", name}});
        else if (!info->takes_argument && colon != std::string::npos)
            p.add(at(path, "conditions", i), "template.check.condition_no_argument", {{"name", name}});
        else if (info->takes_argument) {
            auto arg = c.substr(colon + 1);
            EventKind kind;
            if (!from_string(arg.substr(0, arg.find('=')), kind))
                p.add(at(path, "conditions", i), "template.check.unknown_event_kind",
                      {{"value", arg}, {"names", joined_names(EventKind{})}});
        }
    }
}

void check_trigger(const Trigger& t, const std::string& path, Problems& p)
{
    check_offset(t.offset, path + "/offset", p);
    check_offset(t.due, path + "/due", p);
    for (const auto& [segment, offset] : t.due_by_segment) check_offset(offset, path + "/dueBySegment/" + segment, p);
    bool lesson = is_lesson_anchor(t.anchor);
    if (!lesson && t.lessons != LessonFilter::All)
        p.add(path + "/lessons", "template.check.lessons_need_lesson_anchor", {{"anchor", to_string(t.anchor)}});
    if (t.lessons == LessonFilter::Listed && t.lesson_numbers.empty())
        p.add(path + "/lessonNumbers", "template.check.listed_needs_numbers");
    if (t.lessons != LessonFilter::Listed && !t.lesson_numbers.empty())
        p.add(path + "/lessonNumbers", "template.check.numbers_need_listed");
    for (size_t i = 0; i < t.lesson_numbers.size(); ++i)
        if (t.lesson_numbers[i] < 1) p.add(at(path, "lessonNumbers", i), "template.check.lesson_number_from_1");
    if (t.scope == Scope::Class && !lesson && t.anchor != Anchor::CourseEnd)
        p.add(path + "/scope", "template.check.class_scope");
    if (!t.event_value.empty() && !is_event_anchor(t.anchor))
        p.add(path + "/eventValue", "template.check.event_value");
    if (t.offset.at.empty() && t.due.at.empty()) {
        auto minutes = [](const Offset& o) { return (o.days * 24 + o.hours) * 60 + o.minutes; };
        if (minutes(t.due) < minutes(t.offset)) p.add(path + "/due", "template.check.due_before_offset");
    }
    check_conditions(t, path, p);
    for (size_t i = 0; i < t.reminders.size(); ++i) check_reminder(t.reminders[i], t, at(path, "reminders", i), p);
}

void check_unique(const std::string& id, const std::string& path, std::set<std::string>& seen, Problems& p)
{
    if (id.empty()) p.add(path + "/id", "template.check.empty_id");
    else if (!seen.insert(id).second) p.add(path + "/id", "template.check.duplicate_id", {{"id", id}});
}

void check_task(const Task& task, const std::string& path, const std::set<std::string>& goals,
                std::set<std::string>& ids, Problems& p)
{
    check_unique(task.id, path, ids, p);
    if (!goals.count(task.goal)) p.add(path + "/goal", "template.check.no_goal", {{"id", task.goal}});
    check_metrics(task.metrics, path, p);
    if (task.subtasks.empty()) p.add(path + "/subtasks", "template.check.no_subtask");
    for (size_t s = 0; s < task.subtasks.size(); ++s) {
        const auto& sub = task.subtasks[s];
        auto sp = at(path, "subtasks", s);
        check_unique(sub.id, sp, ids, p);
        check_metrics(sub.metrics, sp, p);
        if (sub.behaviours.empty()) p.add(sp + "/behaviours", "template.check.no_behaviour");
        std::set<std::string> behaviour_ids;  // unique within their sub-task
        for (size_t b = 0; b < sub.behaviours.size(); ++b)
            check_unique(sub.behaviours[b].id, at(sp, "behaviours", b), behaviour_ids, p);
        if (sub.trigger) check_trigger(*sub.trigger, sp + "/trigger", p);
    }
}

SchemaProblem check_template(const SopTemplate& t)
{
    Problems p;
    p.messages = &t.messages;
    if (t.format != kFormat) p.add("/format", "template.check.format", {{"format", kFormat}});
    if (t.goals.empty()) p.add("/goals", "template.check.no_goal_at_all");
    if (t.tasks.empty()) p.add("/tasks", "template.check.no_task");
    std::set<std::string> ids, goal_ids, numbers;
    for (size_t g = 0; g < t.goals.size(); ++g) {
        check_unique(t.goals[g].id, at("", "goals", g), goal_ids, p);  // goals: their own id space
        check_metrics(t.goals[g].metrics, at("", "goals", g), p);
    }
    for (size_t i = 0; i < t.tasks.size(); ++i) {
        auto path = at("", "tasks", i);
        if (t.tasks[i].number < 1 || !numbers.insert(std::to_string(t.tasks[i].number)).second)
            p.add(path + "/number", "template.check.task_number");
        check_task(t.tasks[i], path, goal_ids, ids, p);
    }
    return p.first;
}

}  // namespace

bool is_event_anchor(Anchor a) { return int(a) >= int(Anchor::HomeworkSubmitted); }
bool is_lesson_anchor(Anchor a) { return a == Anchor::LessonStart || a == Anchor::LessonEnd; }

bool target_met(const Target& t, double v)
{
    switch (t.op) {
    case TargetOp::AtLeast: return v >= t.value;
    case TargetOp::AtMost: return v <= t.value;
    case TargetOp::Below: return v < t.value;
    case TargetOp::Above: return v > t.value;
    case TargetOp::Between: return v >= t.value && v <= t.max;
    }
    return false;
}

int offset_at_minute(const Offset& o)
{
    const auto& s = o.at;
    auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    if (s.size() != 5 || !digit(0) || !digit(1) || s[2] != ':' || !digit(3) || !digit(4)) return -1;
    int h = (s[0] - '0') * 10 + (s[1] - '0');
    int m = (s[3] - '0') * 10 + (s[4] - '0');
    return h < 24 && m < 60 ? h * 60 + m : -1;
}

SchemaProblem template_problem_of(const Json& j, SopTemplate& out)
{
    out = SopTemplate{};
    SchemaProblem problem = read_json_problem(j, out);
    return problem.empty() ? check_template(out) : problem;
}

std::string parse_template(const Json& j, SopTemplate& out)
{
    const SchemaProblem problem = template_problem_of(j, out);
    return problem.empty() ? std::string() : schema_problem_text(problem);
}

std::string parse_template_text(std::string_view text, SopTemplate& out)
{
    auto j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return schema_problem_text({"/", {"schema.not_json", {}}});
    return parse_template(j, out);
}

std::vector<std::string> template_problem_keys()
{
    return {"template.check.at_or_hours", "template.check.auto_call", "template.check.auto_refund", "template.check.between_max", "template.check.channel_audience", "template.check.class_scope", "template.check.condition_needs_argument", "template.check.condition_no_argument", "template.check.days_range", "template.check.due_before_offset", "template.check.duplicate_id", "template.check.empty_id", "template.check.event_value", "template.check.format", "template.check.lesson_number_from_1", "template.check.lessons_need_lesson_anchor", "template.check.listed_needs_numbers", "template.check.local_time", "template.check.message_required", "template.check.no_behaviour", "template.check.no_channel", "template.check.no_goal", "template.check.no_goal_at_all", "template.check.no_message", "template.check.no_subtask", "template.check.no_task", "template.check.numbers_need_listed", "template.check.rate_target", "template.check.task_number", "template.check.unknown_condition", "template.check.unknown_event_kind", "template.check.unknown_metric"};
}

std::string fill_placeholders(const std::string& text, const std::map<std::string, std::string>& values)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        auto value = close == std::string::npos ? values.end() : values.find(text.substr(i + 1, close - i - 1));
        if (value == values.end()) {
            out += text[i];
            continue;
        }
        out += value->second;
        i = close;
    }
    return out;
}

std::string render_message(const SopTemplate& tpl, const std::string& key, bool english,
                           const std::map<std::string, std::string>& values)
{
    auto it = tpl.messages.find(key);
    if (it == tpl.messages.end()) return "";
    return fill_placeholders(english && !it->second.en.empty() ? it->second.en : it->second.zh, values);
}

const char* builtin_template_text(std::string_view id)
{
    if (id == "tutor") return kTutorTemplateJson;
    if (id == "csm") return kCsmTemplateJson;
    return nullptr;
}

}  // namespace wb
