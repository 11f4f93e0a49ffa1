#pragma once
// Helpers for schedule tests: the shipped templates and lookups in a computed Schedule.
#include <doctest/doctest.h>

#include "core/schedule.h"
#include "roster_fixture.h"

namespace wb::test {

inline SopTemplate builtin(const char* id)
{
    SopTemplate t;
    auto err = parse_template_text(builtin_template_text(id), t);
    REQUIRE_MESSAGE(err.empty(), err);
    return t;
}

inline Schedule schedule_at(const State& s, const SopTemplate& t, TimeMs now, TimeMs fired_after = INT64_MIN,
                            bool include_closed = false)
{
    ScheduleQuery q;
    q.now = now;
    q.tutor_id = "t1";
    q.fired_after = fired_after;
    q.include_closed = include_closed;
    auto out = compute_schedule(s, t, q);
    REQUIRE(out.error.empty());
    return out;
}

inline const DueTask* task_by_id(const Schedule& s, const std::string& id)
{
    for (const auto& t : s.tasks)
        if (t.id == id) return &t;
    return nullptr;
}

inline std::vector<const DueReminder*> reminders_of(const Schedule& s, const std::string& instance_id)
{
    std::vector<const DueReminder*> out;
    for (const auto& r : s.reminders)
        if (r.instance_id == instance_id) out.push_back(&r);
    return out;
}

}  // namespace wb::test
