#include <doctest/doctest.h>

#include <set>

#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

// Lesson 1: Saturday 7 March 2026, 14:00-16:00 in Shanghai (06:00-08:00 UTC); weekly after.
static const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);

TEST_CASE("pre-attendance appears 2 days before each lesson at 19:00 local")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    TimeMs thursday_19 = utc_ms(2026, 3, 5, 11, 0);
    CHECK(task_by_id(schedule_at(s, tpl, thursday_19 - kMinuteMs), "pre_attendance/c1-l1/k1") == nullptr);
    auto sched = schedule_at(s, tpl, thursday_19);
    const DueTask* d = task_by_id(sched, "pre_attendance/c1-l1/k1");
    REQUIRE(d);
    CHECK(d->open_at == thursday_19);
    CHECK(d->status == DueStatus::Open);
    CHECK(d->student_ids.size() == 3);
    CHECK(d->task_number == 6);
    CHECK(d->why == "task 6 到课 > pre_attendance > lesson_start -2d at 19:00 > lesson 1");
    auto rem = reminders_of(sched, d->id);
    REQUIRE(rem.size() == 1);
    CHECK(rem[0]->at == thursday_19);
    CHECK(rem[0]->channels == std::vector<Channel>{Channel::Workbench, Channel::Dingtalk});
    // Replies close it student by student; when everyone has a mark it closes itself.
    for (const char* st : {"s1", "s2", "s3"})
        record(s, std::string("m-") + st, "attendance_mark", thursday_19 + kHourMs,
               {{"studentId", st}, {"lessonId", "c1-l1"}, {"value", "attend"}, {"source", "reply"}});
    CHECK(task_by_id(schedule_at(s, tpl, thursday_19 + 2 * kHourMs), "pre_attendance/c1-l1/k1") == nullptr);
    auto closed = schedule_at(s, tpl, thursday_19 + 2 * kHourMs, INT64_MIN, true);
    CHECK(task_by_id(closed, "pre_attendance/c1-l1/k1")->status == DueStatus::Closed);
}

TEST_CASE("the 15-minute call for a 14:00 lesson fires at 13:45, once, only for confirmed students")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    record(s, "a1", "attendance_mark", kLesson1 - kDayMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "attend"}});
    record(s, "a2", "attendance_mark", kLesson1 - kDayMs, {{"studentId", "s2"}, {"lessonId", "c1-l1"}, {"value", "leave"}});
    const std::string id = "call_before_start/c1-l1/k1";
    TimeMs at_1345 = kLesson1 - 15 * kMinuteMs;
    CHECK(reminders_of(schedule_at(s, tpl, at_1345 - kMinuteMs), id).empty());
    auto sched = schedule_at(s, tpl, at_1345, at_1345 - kMinuteMs);
    auto rem = reminders_of(sched, id);
    REQUIRE(rem.size() == 2);  // the automatic call to parents and the tutor's workbench note
    const DueReminder* call = rem[0]->action == ReminderAction::AutoCall ? rem[0] : rem[1];
    CHECK(call->at == at_1345);
    CHECK(format_local(TimeZone().to_local(call->at + 8 * kHourMs)) == "2026-03-07 13:45");
    CHECK(call->student_ids == std::vector<std::string>{"s1"});
    // Asked again at 14:10 since the last run at 13:45: nothing new fires (never at 14:10).
    CHECK(reminders_of(schedule_at(s, tpl, kLesson1 + 10 * kMinuteMs, at_1345), id).empty());
}

TEST_CASE("urging homework: 12/24/36/48 h after the lesson, for those who have not submitted")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    TimeMs end = kLesson1 + 2 * kHourMs;
    record(s, "h1", "homework_submitted", end + 3 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    const std::string id = "urge_homework/c1-l1/k1";
    auto sched = schedule_at(s, tpl, end + 48 * kHourMs);
    const DueTask* d = task_by_id(sched, id);
    REQUIRE(d);
    CHECK(d->subject_count == 3);
    CHECK(d->student_ids == std::vector<std::string>{"s2", "s3"});
    std::vector<TimeMs> times;
    for (auto* r : reminders_of(sched, id)) times.push_back(r->at - end);
    CHECK(times == std::vector<TimeMs>{12 * kHourMs, 24 * kHourMs, 36 * kHourMs, 48 * kHourMs});
    record(s, "h2", "homework_submitted", end + 49 * kHourMs, {{"studentId", "s2"}, {"lessonId", "c1-l1"}});
    record(s, "h3", "homework_submitted", end + 49 * kHourMs, {{"studentId", "s3"}, {"lessonId", "c1-l1"}});
    CHECK(task_by_id(schedule_at(s, tpl, end + 50 * kHourMs), id) == nullptr);
}

TEST_CASE("a submission creates a grade task; ungraded after 24 h it reminds again; grading closes it")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    TimeMs sub = kLesson1 + 5 * kHourMs;
    record(s, "hw", "homework_submitted", sub, {{"studentId", "s2"}, {"lessonId", "c1-l1"}});
    auto sched = schedule_at(s, tpl, sub + 24 * kHourMs + kMinuteMs);
    const DueTask* d = task_by_id(sched, "grade/hw/s2");
    REQUIRE(d);
    CHECK(d->status == DueStatus::Overdue);
    auto rem = reminders_of(sched, d->id);
    REQUIRE(rem.size() == 2);
    CHECK(rem[0]->at == sub);
    CHECK(rem[1]->at == sub + 24 * kHourMs);
    CHECK(rem[1]->message == "remind.ungraded_24h");
    record(s, "g", "grade", sub + 25 * kHourMs, {{"studentId", "s2"}, {"lessonId", "c1-l1"}, {"value", "B"}});
    auto after = schedule_at(s, tpl, sub + 26 * kHourMs);
    CHECK(task_by_id(after, "grade/hw/s2") == nullptr);
    // The B grade opens a 1-on-1 explanation and a feedback task for the same work.
    CHECK(task_by_id(after, "b_grade_1on1/g/s2") != nullptr);
    CHECK(task_by_id(after, "feedback/g/s2") != nullptr);
}

TEST_CASE("refund request: rescue task, +5 h again and the manager, +20 h last call, +24 h automatic refund")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    TimeMs req = kLesson1 + 3 * kDayMs;
    record(s, "rq", "refund_requested", req, {{"studentId", "s3"}, {"reason", "too hard"}});
    auto sched = schedule_at(s, tpl, req + 24 * kHourMs);
    auto rem = reminders_of(sched, "refund_rescue/rq/s3");
    REQUIRE(rem.size() == 5);
    CHECK(rem[0]->at == req);
    CHECK(rem[1]->at == req + 5 * kHourMs);
    CHECK(rem[2]->at == req + 5 * kHourMs);
    std::set<std::string> at_5h{rem[1]->recipient_id, rem[2]->recipient_id};
    CHECK(at_5h == std::set<std::string>{"t1", "m1"});
    CHECK(rem[3]->at == req + 20 * kHourMs);
    CHECK(rem[3]->message == "remind.refund_last");
    CHECK(rem[4]->at == req + 24 * kHourMs);
    CHECK(rem[4]->action == ReminderAction::AutoRefund);
    // Retained at 6 h: the task closes and no further reminder or automatic refund comes.
    record(s, "dec", "refund_decision", req + 6 * kHourMs, {{"studentId", "s3"}, {"value", "retain"}, {"reason", "extra help"}});
    auto later = schedule_at(s, tpl, req + 24 * kHourMs, req + 6 * kHourMs);
    CHECK(reminders_of(later, "refund_rescue/rq/s3").empty());
    CHECK(task_by_id(later, "refund_rescue/rq/s3") == nullptr);
}

TEST_CASE("instances are never duplicated, snooze with a reason delays tutor reminders, done stays in history")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    TimeMs now = kLesson1 + 3 * kDayMs;
    auto a = schedule_at(s, tpl, now);
    auto b = schedule_at(s, tpl, now);
    std::set<std::string> ids;
    for (const auto& t : a.tasks) CHECK(ids.insert(t.id).second);
    REQUIRE(a.tasks.size() == b.tasks.size());
    for (size_t i = 0; i < a.tasks.size(); ++i) CHECK(a.tasks[i].id == b.tasks[i].id);

    TimeMs req = now;
    record(s, "rq", "refund_requested", req, {{"studentId", "s1"}});
    must(s, "task.snooze", {{"instanceId", "refund_rescue/rq/s1"}, {"at", req}, {"until", req + 6 * kHourMs}, {"reason", "parent on a plane"}});
    auto sn = schedule_at(s, tpl, req + kHourMs);
    CHECK(task_by_id(sn, "refund_rescue/rq/s1")->status == DueStatus::Snoozed);
    CHECK(task_by_id(sn, "refund_rescue/rq/s1")->snooze_reason == "parent on a plane");
    auto woke = schedule_at(s, tpl, req + 6 * kHourMs, req + kHourMs);
    auto rem = reminders_of(woke, "refund_rescue/rq/s1");
    REQUIRE(rem.size() == 3);  // the first reminder and both 5 h reminders, delayed to the snooze end
    for (auto* r : rem) CHECK(r->at == req + 6 * kHourMs);

    must(s, "task.done", {{"instanceId", "refund_rescue/rq/s1"}, {"at", req + 7 * kHourMs}, {"by", "t1"}});
    record(s, "dec", "refund_decision", req + 8 * kHourMs, {{"studentId", "s1"}, {"value", "retain"}, {"reason", "ok"}});
    auto hist = schedule_at(s, tpl, req + 30 * kHourMs);
    const DueTask* done = task_by_id(hist, "refund_rescue/rq/s1");
    REQUIRE(done);
    CHECK(done->status == DueStatus::Done);
    CHECK(done->done_at == req + 7 * kHourMs);
}

TEST_CASE("quiet hours delay, never drop, reminders to parents")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    must(s, "org.configure", {{"id", "o1"}, {"timeZone", "Asia/Shanghai"}, {"quietHours", {{"startMinute", 19 * 60}, {"endMinute", 8 * 60}}}});
    auto tpl = builtin("tutor");
    const std::string id = "remind_attend/c1-l1/k1";
    TimeMs friday_20 = utc_ms(2026, 3, 6, 12, 0);
    TimeMs saturday_08 = utc_ms(2026, 3, 7, 0, 0);
    CHECK(reminders_of(schedule_at(s, tpl, friday_20 + kHourMs), id).empty());
    auto sched = schedule_at(s, tpl, saturday_08);
    auto rem = reminders_of(sched, id);
    REQUIRE(rem.size() == 1);
    CHECK(rem[0]->planned_at == friday_20);
    CHECK(rem[0]->at == saturday_08);
    CHECK(rem[0]->audience == Audience::Parent);
    CHECK(after_quiet_hours(utc_ms(2026, 3, 6, 12, 0), s.organisation.quiet_hours, TimeZone()) == utc_ms(2026, 3, 6, 12, 0));
    CHECK(after_quiet_hours(utc_ms(2026, 3, 6, 3, 0), s.organisation.quiet_hours, TimeZone()) == utc_ms(2026, 3, 6, 8, 0));
}

TEST_CASE("a CSM org in New York across the March change keeps wall-clock times")
{
    // Lesson (service session) Monday 9 March 2026 19:00 EDT = 23:00 UTC; DST began Sunday 8 March.
    auto s = small_roster("America/New_York", utc_ms(2026, 3, 9, 23, 0));
    auto tpl = builtin("tutor");
    auto sched = schedule_at(s, tpl, utc_ms(2026, 3, 9, 23, 0));
    const DueTask* pre = task_by_id(sched, "pre_attendance/c1-l1/k1");
    REQUIRE(pre);
    CHECK(pre->open_at == utc_ms(2026, 3, 8, 0, 0));  // Saturday 19:00 EST
    auto sms = reminders_of(sched, "remind_attend/c1-l1/k1");
    REQUIRE(sms.size() == 1);
    CHECK(sms[0]->planned_at == utc_ms(2026, 3, 9, 0, 0));  // Sunday 20:00 EDT
    auto call = reminders_of(sched, "call_before_start/c1-l1/k1");
    CHECK(call.empty());  // nobody confirmed attendance, so no automatic call
}

TEST_CASE("CSM SLAs depend on the customer's size")
{
    auto s = small_roster("America/New_York", utc_ms(2026, 3, 9, 15, 0));
    must(s, "student.upsert", {{"id", "s1"}, {"name", "Big Co"}, {"segment", "large"}});
    must(s, "student.upsert", {{"id", "s2"}, {"name", "Small Co"}, {"segment", "small"}});
    auto tpl = builtin("csm");
    TimeMs t0 = utc_ms(2026, 3, 10, 14, 0);
    record(s, "q1", "ticket_opened", t0, {{"studentId", "s1"}, {"value", "question"}});
    record(s, "q2", "ticket_opened", t0, {{"studentId", "s2"}, {"value", "question"}});
    record(s, "i1", "ticket_opened", t0, {{"studentId", "s1"}, {"value", "incident"}});
    auto sched = schedule_at(s, tpl, t0 + kMinuteMs);
    CHECK(task_by_id(sched, "question_response/q1/s1")->due_at == t0 + 30 * kMinuteMs);
    CHECK(task_by_id(sched, "question_response/q2/s2")->due_at == t0 + 4 * kHourMs);
    CHECK(task_by_id(sched, "incident_response/i1/s1")->due_at == t0 + 15 * kMinuteMs);
    CHECK(task_by_id(sched, "incident_resolution/i1/s1")->due_at == t0 + 4 * kHourMs);
    record(s, "c1", "call", t0 + 10 * kMinuteMs, {{"studentId", "s1"}, {"durationSec", 120}, {"value", "reached"}});
    record(s, "r1", "ticket_resolved", t0 + 2 * kHourMs, {{"studentId", "s1"}, {"refId", "i1"}});
    auto later = schedule_at(s, tpl, t0 + 3 * kHourMs);
    CHECK(task_by_id(later, "incident_response/i1/s1") == nullptr);
    CHECK(task_by_id(later, "incident_resolution/i1/s1") == nullptr);
    CHECK(task_by_id(later, "question_resolution/q2/s2")->status == DueStatus::Open);
}

TEST_CASE("CSM renewal reminders keep 10:00 New York time on both sides of the March change")
{
    // The contract (a 2-session course) ends Friday 1 May 2026, 14:00-16:00 EDT.
    auto s = small_roster("America/New_York", utc_ms(2026, 4, 24, 18, 0), 2, 1);
    auto tpl = builtin("csm");
    auto sched = schedule_at(s, tpl, utc_ms(2026, 5, 1, 0, 0));
    auto rem = reminders_of(sched, "renewal_order/end/s1");
    REQUIRE(rem.size() == 3);
    CHECK(rem[0]->at == utc_ms(2026, 3, 2, 15, 0));  // -60 days: Monday 2 March 10:00 EST
    CHECK(rem[1]->at == utc_ms(2026, 4, 1, 14, 0));  // -30 days: Wednesday 1 April 10:00 EDT
    CHECK(rem[2]->at == utc_ms(2026, 4, 24, 14, 0)); // -7 days
    const DueTask* handoff = task_by_id(sched, "handoff_to_renewal/end/s1");
    REQUIRE(handoff);
    CHECK(handoff->open_at == utc_ms(2026, 1, 31, 15, 0));  // -90 days, 10:00 EST
    CHECK(handoff->status == DueStatus::Overdue);
}

TEST_CASE("a student who joins late gets no tasks for the lessons before they came")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 3, 2);
    must(s, "student.upsert", {{"id", "late"}, {"name", "Late"}});
    must(s, "enrolment.upsert", {{"id", "e-late"}, {"studentId", "late"}, {"classId", "k1"}, {"enrolledAt", kLesson1 + 3 * kDayMs}});
    auto sched = schedule_at(s, builtin("tutor"), kLesson1 + 14 * kDayMs);
    CHECK(task_by_id(sched, "urge_homework/c1-l1/k1")->subject_count == 2);
    CHECK(task_by_id(sched, "urge_homework/c1-l2/k1")->subject_count == 3);
    CHECK(task_by_id(sched, "first_contact/e-late/late") != nullptr);
}

TEST_CASE("the organisation's template: stored by template.set, else built in")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 2, 1);
    SopTemplate t;
    CHECK(active_template(s, t) == "");
    CHECK(t.id == "tutor");
    auto custom = Json::parse(builtin_template_text("csm"));
    custom["id"] = "csm-acme";
    must(s, "template.set", {{"id", "csm-acme"}, {"template", custom}});
    must(s, "org.configure", {{"id", "o1"}, {"timeZone", "America/New_York"}, {"templateId", "csm-acme"}});
    CHECK(active_template(s, t) == "");
    CHECK(t.id == "csm-acme");
    custom["tasks"][0]["goal"] = "nope";
    CHECK(apply(s, Mutation{"template.set", {{"id", "bad"}, {"template", custom}}}).reason ==
          "args/template/tasks/0/goal: no goal \"nope\"");
    must(s, "org.configure", {{"id", "o1"}, {"templateId", "missing"}});
    CHECK(active_template(s, t) == "no template \"missing\" (store one with template.set, or use tutor / csm)");
}
