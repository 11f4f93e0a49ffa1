#include <doctest/doctest.h>

#include <map>
#include <set>

#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

// A 12-lesson course: lesson 1 Saturday 7 March 2026 14:00 Shanghai.
static const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);

TEST_CASE("over a whole course every one of the 12 tasks produces instances")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 12, 2);
    TimeMs end1 = kLesson1 + 2 * kHourMs;
    record(s, "drop", "class_dropout", kLesson1 + 30 * kMinuteMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "hw", "homework_submitted", end1 + kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "g", "grade", end1 + 2 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "B"}});
    record(s, "rq", "refund_requested", end1 + 3 * kDayMs, {{"studentId", "s2"}});
    record(s, "cp", "complaint", end1 + 4 * kDayMs, {{"studentId", "s2"}, {"value", "service"}, {"text", "作业批改太慢"}});
    auto tpl = builtin("tutor");
    TimeMs after_course = kLesson1 + 12 * 7 * kDayMs;
    auto sched = schedule_at(s, tpl, after_course, INT64_MIN, true);
    std::map<int, std::set<std::string>> subtasks_by_task;
    for (const auto& t : sched.tasks) subtasks_by_task[t.task_number].insert(t.subtask_id);
    for (int n = 1; n <= 12; ++n) CHECK_MESSAGE(subtasks_by_task.count(n), "task " << n << " has no instance");
    // Every sub-task with a trigger produced at least one instance.
    for (const auto& task : tpl.tasks)
        for (const auto& sub : task.subtasks)
            if (sub.trigger) CHECK_MESSAGE(subtasks_by_task[task.number].count(sub.id), sub.id << " never fired");
}

namespace {
struct Timing {
    const char* instance;
    const char* opens_local;  // Shanghai wall-clock time the instance appears
    const char* due_local;
};
}  // namespace

TEST_CASE("sub-task timings follow the spec in local time")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 12, 1);
    record(s, "drop", "class_dropout", kLesson1 + 30 * kMinuteMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    auto tpl = builtin("tutor");
    auto sched = schedule_at(s, tpl, kLesson1 + 12 * 7 * kDayMs, INT64_MIN, true);
    TimeZone sh;
    std::string err;
    REQUIRE(TimeZone::find("Asia/Shanghai", sh, err));
    // Lesson 1: Sat 2026-03-07 14:00-16:00; lesson 12 ends Sat 2026-05-23 16:00 (course end).
    const Timing table[] = {
        {"first_contact/e1/s1", "2026-02-28 14:00", "2026-03-02 14:00"},         // enrolment +48 h
        {"keep_contact/c1-l1/s1", "2026-03-04 19:00", "2026-03-06 22:00"},       // first lesson -3d 19:00
        {"device_test/c1-l1/k1", "2026-03-06 10:00", "2026-03-07 14:00"},        // meet-up lesson
        {"midweek_message/c1-l1/k1", "2026-03-10 19:00", "2026-03-10 22:00"},    // mid-week
        {"study_content/c1-l2/k1", "2026-03-11 10:00", "2026-03-13 22:00"},      // lesson prep
        {"pre_attendance/c1-l2/k1", "2026-03-12 19:00", "2026-03-13 19:00"},     // -2 days at 19:00
        {"remind_attend/c1-l2/k1", "2026-03-13 20:00", "2026-03-14 14:00"},      // -1 day at 20:00
        {"entry_status/c1-l2/k1", "2026-03-14 13:30", "2026-03-14 14:10"},       // from 30 min before
        {"dropout_followup/drop/s1", "2026-03-07 14:30", "2026-03-07 14:35"},    // within 5 min
        {"urge_homework/c1-l1/k1", "2026-03-08 04:00", "2026-03-09 16:00"},      // +12 h .. +48 h
        {"common_mistakes/c1-l1/k1", "2026-03-09 19:00", "2026-03-09 21:00"},
        {"monthly_visit/c1-l4/s1", "2026-03-28 16:00", "2026-04-04 16:00"},      // after lessons 4, 8, 12
        {"pre_renewal_visit/end/s1", "2026-05-09 10:00", "2026-05-16 22:00"},
        {"warmup/end/s1", "2026-05-02 19:00", "2026-05-16 22:00"},
        {"reservation/end/s1", "2026-05-16 10:00", "2026-05-22 22:00"},
        {"graduation/end/k1", "2026-05-23 16:00", "2026-05-24 22:00"},
        {"handover/end/k1", "2026-05-24 10:00", "2026-05-30 16:00"},
    };
    for (const auto& row : table) {
        const DueTask* d = task_by_id(sched, row.instance);
        REQUIRE_MESSAGE(d, std::string(row.instance));
        CHECK_MESSAGE(format_local(sh.to_local(d->open_at)) == row.opens_local, std::string(row.instance));
        CHECK_MESSAGE(format_local(sh.to_local(d->due_at)) == row.due_local, std::string(row.instance));
    }
}

TEST_CASE("a complaint opens a follow-up for 24 hours, tells the manager after 12 and closes with a call")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 12, 2);
    TimeMs at = kLesson1 + 3 * kDayMs;
    record(s, "cp", "complaint", at, {{"studentId", "s2"}, {"value", "teaching"}, {"text", "讲得太快"}});
    auto tpl = builtin("tutor");
    const DueTask* found = nullptr;
    auto sched = schedule_at(s, tpl, at + 13 * kHourMs);
    for (const auto& t : sched.tasks)
        if (t.subtask_id == "complaint_followup") found = &t;
    REQUIRE(found);
    CHECK(found->task_number == 10);
    CHECK(found->event_id == "cp");
    CHECK(found->open_at == at);
    CHECK(found->due_at == at + 24 * kHourMs);
    CHECK(found->status == DueStatus::Open);
    CHECK(found->student_ids == std::vector<std::string>{"s2"});
    bool manager_told = false;
    for (const auto* r : reminders_of(sched, found->id))
        manager_told |= r->audience == Audience::Manager && r->planned_at == at + 12 * kHourMs && r->recipient_id == "m1";
    CHECK(manager_told);
    std::string id = found->id;
    record(s, "call", "call", at + 14 * kHourMs, {{"studentId", "s2"}, {"durationSec", 300}, {"value", "reached"}, {"actorId", "t1"}});
    const DueTask* after = task_by_id(schedule_at(s, tpl, at + 15 * kHourMs, INT64_MIN, true), id);
    REQUIRE(after);
    CHECK(after->status == DueStatus::Closed);
}
