#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

#include "core/demo.h"
#include "core/today.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {

// Lesson 1: Saturday 7 March 2026, 14:00-16:00 in Shanghai (06:00-08:00 UTC); weekly after.
const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);

TimeZone zone(const char* name)
{
    TimeZone z;
    std::string err;
    REQUIRE_MESSAGE(TimeZone::find(name, z, err), err);
    return z;
}

TodayBoard board_at(const State& s, const SopTemplate& tpl, TimeMs now, const std::vector<std::string>& tutors = {"t1"})
{
    auto window = today_window(now, zone(s.organisation.time_zone.c_str()));
    auto sched = compute_schedule(s, tpl, today_schedule_query(window, tutors.size() == 1 ? tutors[0] : ""));
    REQUIRE(sched.error.empty());
    return group_today(sched, tpl, window, tutors);
}

const DueTask* find_in(const std::vector<DueTask>& list, const std::string& id)
{
    for (const auto& t : list)
        if (t.id == id) return &t;
    return nullptr;
}

// The group an instance is in, or -1.
int group_of(const TodayBoard& b, const std::string& id)
{
    for (int g = 0; g < kUrgencyCount; ++g)
        if (find_in(b.groups[size_t(g)], id)) return g;
    return -1;
}

const TaskCount& task_count(const TodayBoard& b, const std::string& task_id)
{
    auto it = std::find_if(b.tasks.begin(), b.tasks.end(), [&](const TaskCount& c) { return c.task_id == task_id; });
    REQUIRE(it != b.tasks.end());
    return *it;
}

DueTask open_task(TimeMs open_at, TimeMs due_at, DueStatus status = DueStatus::Open)
{
    DueTask t;
    t.open_at = open_at;
    t.due_at = due_at;
    t.status = status;
    return t;
}

Urgency urgency(const DueTask& t, const TodayWindow& w)
{
    Urgency u = Urgency::Upcoming;
    REQUIRE(urgency_of(t, w, u));
    return u;
}

}  // namespace

TEST_CASE("today's window ends at the local midnight of the organisation's zone")
{
    // 15:30 UTC on 7 March = 23:30 in Shanghai: today ends in half an hour there.
    const TimeMs now = utc_ms(2026, 3, 7, 15, 30);
    auto sh = today_window(now, zone("Asia/Shanghai"));
    CHECK(sh.start_of_day == utc_ms(2026, 3, 6, 16, 0));
    CHECK(sh.end_of_day == utc_ms(2026, 3, 7, 16, 0));
    CHECK(sh.horizon_end == utc_ms(2026, 3, 10, 16, 0));  // + 3 local days
    auto utc = today_window(now, TimeZone());
    CHECK(utc.start_of_day == utc_ms(2026, 3, 7, 0, 0));
    CHECK(utc.end_of_day == utc_ms(2026, 3, 8, 0, 0));
    // The day New York springs forward has 23 hours: midnight to midnight local.
    auto ny = today_window(utc_ms(2026, 3, 8, 15, 0), zone("America/New_York"));
    CHECK(ny.start_of_day == utc_ms(2026, 3, 8, 5, 0));
    CHECK(ny.end_of_day == utc_ms(2026, 3, 9, 4, 0));
}

TEST_CASE("urgency boundaries: 2 hours, the local end of day, the horizon")
{
    const TimeMs now = utc_ms(2026, 3, 7, 4, 0);  // 12:00 in Shanghai
    auto w = today_window(now, zone("Asia/Shanghai"));
    CHECK(urgency(open_task(now - kHourMs, now - kMinuteMs, DueStatus::Overdue), w) == Urgency::Overdue);
    CHECK(urgency(open_task(now - kHourMs, now + kHourMs + 59 * kMinuteMs), w) == Urgency::Soon);
    CHECK(urgency(open_task(now - kHourMs, now + 2 * kHourMs), w) == Urgency::Soon);
    CHECK(urgency(open_task(now - kHourMs, now + 2 * kHourMs + kMinuteMs), w) == Urgency::LaterToday);
    CHECK(urgency(open_task(now - kHourMs, w.end_of_day - kMinuteMs), w) == Urgency::LaterToday);
    CHECK(urgency(open_task(now - kHourMs, w.end_of_day), w) == Urgency::Upcoming);  // local midnight is tomorrow
    CHECK(urgency(open_task(w.horizon_end - kMinuteMs, w.horizon_end + kDayMs, DueStatus::Upcoming), w) == Urgency::Upcoming);
    Urgency u;
    CHECK_FALSE(urgency_of(open_task(w.horizon_end, w.horizon_end + kDayMs, DueStatus::Upcoming), w, u));
    for (DueStatus s : {DueStatus::Done, DueStatus::Snoozed, DueStatus::Closed})
        CHECK_FALSE(urgency_of(open_task(now - kHourMs, now + kHourMs, s), w, u));

    // The same instant due at 02:00 Shanghai tomorrow (18:00 UTC) is "later today" in UTC.
    const TimeMs due = utc_ms(2026, 3, 7, 18, 0);
    CHECK(urgency(open_task(now - kHourMs, due), w) == Urgency::Upcoming);
    CHECK(urgency(open_task(now - kHourMs, due), today_window(now, TimeZone())) == Urgency::LaterToday);
}

TEST_CASE("a lesson day in Shanghai: the real schedule grouped at 12:01 vs 11:59")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    // Reminding to attend is due at the lesson's start, 14:00.
    const std::string remind = "remind_attend/c1-l1/k1";
    auto at_1201 = board_at(s, tpl, kLesson1 - 2 * kHourMs + kMinuteMs);  // due in 1 h 59
    CHECK(group_of(at_1201, remind) == int(Urgency::Soon));
    auto at_1159 = board_at(s, tpl, kLesson1 - 2 * kHourMs - kMinuteMs);  // due in 2 h 01
    CHECK(group_of(at_1159, remind) == int(Urgency::LaterToday));
    // Yesterday's pre-attendance (due Friday 19:00) is overdue; the entry check opens at 13:30.
    CHECK(group_of(at_1201, "pre_attendance/c1-l1/k1") == int(Urgency::Overdue));
    CHECK(group_of(at_1201, "entry_status/c1-l1/k1") == int(Urgency::Upcoming));
    // Lesson 2's preparation opens Wednesday 10:00: past the 3-day horizon (until Wednesday 00:00).
    CHECK(group_of(at_1201, "study_content/c1-l2/k1") == -1);
    CHECK(group_of(board_at(s, tpl, kLesson1 + kDayMs), "study_content/c1-l2/k1") == int(Urgency::Upcoming));

    // The counts add up: the badge is everything due by tonight, per task and in total.
    int open = at_1201.count(Urgency::Overdue) + at_1201.count(Urgency::Soon) + at_1201.count(Urgency::LaterToday);
    CHECK(at_1201.open == open);
    int per_task = 0, upcoming = 0;
    for (const auto& c : at_1201.tasks) {
        per_task += c.open;
        upcoming += c.upcoming;
    }
    CHECK(per_task == open);
    CHECK(upcoming == at_1201.count(Urgency::Upcoming));
    CHECK(at_1201.tasks.size() == 12);
    CHECK(at_1201.tasks[5].title.zh == "到课");
    CHECK(task_count(at_1201, "attendance").open >= 2);  // pre-attendance + remind to attend
    CHECK(at_1201.open_by_tutor.at("t1") == open);
}

TEST_CASE("done items leave their group for 'done today'; a snooze moves an item aside")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    const TimeMs now = kLesson1 - kHourMs;  // 13:00
    auto before = board_at(s, tpl, now);
    const std::string id = "remind_attend/c1-l1/k1";
    REQUIRE(group_of(before, id) == int(Urgency::Soon));
    const int attendance_before = task_count(before, "attendance").open;

    must(s, "task.done", {{"instanceId", id}, {"at", now}, {"by", "t1"}});
    auto after = board_at(s, tpl, now + kMinuteMs);
    CHECK(group_of(after, id) == -1);
    REQUIRE(after.done_today.size() == 1);
    CHECK(after.done_today[0].id == id);
    CHECK(after.open == before.open - 1);
    CHECK(task_count(after, "attendance").open == attendance_before - 1);
    CHECK(task_count(after, "attendance").done_today == 1);

    // Tomorrow it is no longer "done today".
    auto tomorrow = board_at(s, tpl, now + 11 * kHourMs);  // 00:00 Sunday in Shanghai
    CHECK(find_in(tomorrow.done_today, id) == nullptr);

    const std::string pre = "pre_attendance/c1-l1/k1";
    must(s, "task.snooze", {{"instanceId", pre}, {"at", now}, {"by", "t1"}, {"until", now + kHourMs}, {"reason", "parents at work"}});
    auto snoozed = board_at(s, tpl, now + kMinuteMs);
    CHECK(group_of(snoozed, pre) == -1);
    REQUIRE(snoozed.snoozed.size() == 1);
    CHECK(snoozed.snoozed[0].snooze_reason == "parents at work");
    CHECK(group_of(board_at(s, tpl, now + kHourMs + kMinuteMs), pre) == int(Urgency::Overdue));  // back when it ends
}

TEST_CASE("a manager sees each of their tutors: per-tutor counts and one tutor's board")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    must(s, "user.upsert", {{"id", "t2"}, {"name", "Another"}, {"role", "tutor"}, {"managerId", "m1"}});
    must(s, "user.upsert", {{"id", "m9"}, {"name", "Other manager"}, {"role", "manager"}});
    must(s, "user.upsert", {{"id", "t3"}, {"name", "Elsewhere"}, {"role", "tutor"}, {"managerId", "m9"}});
    must(s, "class.upsert", {{"id", "k2"}, {"courseId", "c1"}, {"tutorId", "t2"}, {"name", "Class 2"}});
    must(s, "student.upsert", {{"id", "s9"}, {"name", "Student 9"}, {"parentPhone", "139"}});
    must(s, "enrolment.upsert", {{"id", "e9"}, {"studentId", "s9"}, {"classId", "k2"}, {"enrolledAt", kLesson1 - 7 * kDayMs}});
    auto tpl = builtin("tutor");
    CHECK(tutors_of_manager(s, "m1") == std::vector<std::string>{"t2", "t1"});  // by name: "Another" < "Tutor"
    const TimeMs now = kLesson1 - kHourMs;
    auto all = board_at(s, tpl, now, tutors_of_manager(s, "m1"));
    auto only_t2 = board_at(s, tpl, now, {"t2"});
    auto mine = board_at(s, tpl, now, {"t1"});
    CHECK(all.open == only_t2.open + mine.open);
    CHECK(all.open_by_tutor.at("t1") == mine.open);
    CHECK(all.open_by_tutor.at("t2") == only_t2.open);
    for (const auto& g : only_t2.groups)
        for (const auto& t : g) CHECK(t.tutor_id == "t2");
}

TEST_CASE("the demo has work due for a tutor at any hour of the week, and groups it fast")
{
    // The server seeds the demo around its start time: Today must not be empty whenever that is.
    // The demo's tutors keep up with their work but trail a little (the last items that fell due
    // are still open), so there is always something open.
    auto tpl = builtin("tutor");
    for (int hour = 0; hour < 7 * 24; hour += 17) {
        DemoOptions o;
        o.now = utc_ms(2026, 4, 13, 0, 0) + hour * kHourMs;
        o.students_per_tutor = 20;
        auto d = generate_demo(o);
        REQUIRE_MESSAGE(d.error.empty(), d.error);
        auto b = board_at(d.state, tpl, o.now, {"t1"});
        INFO("hour " << hour);
        CHECK(b.open > 0);
        CHECK(b.count(Urgency::Overdue) <= 6);  // no pile of stale work
    }
    DemoOptions big;
    big.now = utc_ms(2026, 4, 15, 4, 0);
    big.students_per_tutor = 250;
    auto d = generate_demo(big);
    REQUIRE(d.error.empty());
    auto t0 = std::chrono::steady_clock::now();
    auto b = board_at(d.state, tpl, big.now, {"t1"});
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("Today for one tutor of 250 students x 12 lessons: " << ms << " ms, " << b.open << " open");
    CHECK(b.open > 0);
}
