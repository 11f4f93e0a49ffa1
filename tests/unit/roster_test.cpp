#include <doctest/doctest.h>

#include <algorithm>

#include "core/demo.h"
#include "core/roster_query.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {

// Lesson 1: Saturday 7 March 2026, 14:00-16:00 in Shanghai; weekly after (12 lessons).
const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);

// small_roster + Chinese names and phones, a second tutor t2 (also under m1) with class k2, a
// third tutor t3 under another manager m2 with class k3.
State named_roster()
{
    State s = small_roster("Asia/Shanghai", kLesson1, 12, 3);
    must(s, "student.upsert", {{"id", "s1"}, {"name", "张伟"}, {"parentName", "张建国"}, {"parentPhone", "13812345678"}});
    must(s, "student.upsert", {{"id", "s2"}, {"name", "王芳"}, {"parentName", "王强"}, {"parentPhone", "139 0000 1111"},
                               {"studentPhone", "150 0000 4321"}});
    must(s, "student.upsert", {{"id", "s3"}, {"name", "单雪"}, {"parentName", "单立"}, {"parentPhone", "13700002222"}});
    must(s, "user.upsert", {{"id", "t2"}, {"name", "Tutor 2"}, {"role", "tutor"}, {"managerId", "m1"}});
    must(s, "user.upsert", {{"id", "m2"}, {"name", "Manager 2"}, {"role", "manager"}});
    must(s, "user.upsert", {{"id", "t3"}, {"name", "Tutor 3"}, {"role", "tutor"}, {"managerId", "m2"}});
    must(s, "class.upsert", {{"id", "k2"}, {"courseId", "c1"}, {"tutorId", "t2"}, {"name", "Class 2"}});
    must(s, "class.upsert", {{"id", "k3"}, {"courseId", "c1"}, {"tutorId", "t3"}, {"name", "Class 3"}});
    must(s, "student.upsert", {{"id", "s4"}, {"name", "曾伟"}, {"parentPhone", "13655556666"}});
    must(s, "enrolment.upsert", {{"id", "e4"}, {"studentId", "s4"}, {"classId", "k2"}, {"enrolledAt", kLesson1 - 7 * kDayMs}});
    must(s, "student.upsert", {{"id", "s5"}, {"name", "Tom Li"}, {"parentPhone", "13655557777"}});
    must(s, "enrolment.upsert", {{"id", "e5"}, {"studentId", "s5"}, {"classId", "k3"}, {"enrolledAt", kLesson1 - 7 * kDayMs}});
    return s;
}

std::vector<std::string> ids_of(const std::vector<RosterRow>& rows)
{
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.student_id);
    return out;
}

std::vector<std::string> ids_of(const std::vector<RosterRow>& rows, const std::vector<int>& order)
{
    std::vector<std::string> out;
    for (int i : order) out.push_back(rows[size_t(i)].student_id);
    return out;
}

std::vector<RosterRow> roster_of(const State& s, const std::string& user, TimeMs now)
{
    RosterInput in;
    in.user_id = user;
    in.now = now;
    return build_roster(s, in);
}

const RosterRow& row(const std::vector<RosterRow>& rows, const std::string& id)
{
    auto it = std::find_if(rows.begin(), rows.end(), [&](const RosterRow& r) { return r.student_id == id; });
    REQUIRE(it != rows.end());
    return *it;
}

}  // namespace

TEST_CASE("roster: a tutor sees their classes, a manager their tutors', an admin everyone")
{
    State s = named_roster();
    TimeMs now = kLesson1 + kDayMs;
    CHECK(ids_of(roster_of(s, "t1", now)) == std::vector<std::string>{"s1", "s2", "s3"});
    CHECK(ids_of(roster_of(s, "t2", now)) == std::vector<std::string>{"s4"});
    CHECK(ids_of(roster_of(s, "m1", now)) == std::vector<std::string>{"s1", "s2", "s3", "s4"});
    CHECK(ids_of(roster_of(s, "m2", now)) == std::vector<std::string>{"s5"});
    CHECK(ids_of(roster_of(s, "l1", now)) == std::vector<std::string>{"s1", "s2", "s3", "s4", "s5"});  // admin
    CHECK(roster_of(s, "nobody", now).empty());
    auto rows = roster_of(s, "m1", now);
    const RosterRow& zw = row(rows, "s1");
    CHECK(zw.name == "张伟");
    CHECK(zw.initials == "zw");
    CHECK(zw.parent_name == "张建国");
    CHECK(zw.class_name == "Class 1");
    CHECK(zw.tutor_name == "Tutor");
    CHECK(row(rows, "s4").tutor_id == "t2");
}

TEST_CASE("roster: attendance and homework of the last ended lesson, last contact")
{
    State s = named_roster();
    TimeMs l2_start = kLesson1 + 7 * kDayMs, l2_end = l2_start + 2 * kHourMs;
    // Before any lesson ended: nothing to say yet.
    auto before = roster_of(s, "t1", kLesson1 + kHourMs);
    CHECK(row(before, "s1").attendance == AttendanceState::NotYet);
    CHECK(row(before, "s1").homework == HomeworkState::NotYet);
    CHECK(row(before, "s1").last_lesson_id == "");
    // Lesson 1: s1 attended and was graded B; lesson 2: s1 attended, submitted, graded A.
    record(s, "v1", "class_entry", kLesson1 + 5 * kMinuteMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "v2", "grade", kLesson1 + kDayMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "B"}});
    record(s, "v3", "class_entry", l2_start + 5 * kMinuteMs, {{"studentId", "s1"}, {"lessonId", "c1-l2"}});
    record(s, "v4", "homework_submitted", l2_end + kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l2"}});
    record(s, "v5", "grade", l2_end + 2 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l2"}, {"value", "A"}});
    // s2 asked for leave for lesson 2 and submitted homework; s3 said nothing and did nothing.
    record(s, "v6", "attendance_mark", l2_start - kDayMs,
           {{"studentId", "s2"}, {"lessonId", "c1-l2"}, {"value", "leave"}, {"source", "reply"}});
    record(s, "v7", "homework_submitted", l2_end + kHourMs, {{"studentId", "s2"}, {"lessonId", "c1-l2"}});
    record(s, "v8", "call", l2_end + 3 * kHourMs, {{"studentId", "s3"}, {"durationSec", 200}, {"value", "reached"}});
    // An extra session is not the lesson.
    record(s, "v9", "class_entry", l2_start + kMinuteMs, {{"studentId", "s3"}, {"lessonId", "c1-l2"}, {"value", "extra"}});

    auto rows = roster_of(s, "t1", l2_end + kDayMs);
    CHECK(row(rows, "s1").last_lesson_id == "c1-l2");
    CHECK(row(rows, "s1").attendance == AttendanceState::Attended);
    CHECK(row(rows, "s1").homework == HomeworkState::GradedA);
    CHECK(row(rows, "s2").attendance == AttendanceState::OnLeave);
    CHECK(row(rows, "s2").homework == HomeworkState::Submitted);
    CHECK(row(rows, "s3").attendance == AttendanceState::Absent);
    CHECK(row(rows, "s3").homework == HomeworkState::Missing);
    CHECK(row(rows, "s3").last_contact_at == l2_end + 3 * kHourMs);
    CHECK(row(rows, "s1").last_contact_at == 0);
    // Known at the time: an hour after lesson 2 ended s1 had not submitted yet.
    auto earlier = roster_of(s, "t1", l2_end + 30 * kMinuteMs);
    CHECK(row(earlier, "s1").homework == HomeworkState::Missing);
    // A retracted entry no longer counts.
    must(s, "event.retract", {{"id", "r1"}, {"eventId", "v3"}, {"at", l2_end + 4 * kHourMs}, {"by", "t1"}, {"reason", "wrong student"}});
    CHECK(row(roster_of(s, "t1", l2_end + kDayMs), "s1").attendance == AttendanceState::Absent);
}

TEST_CASE("roster: a follow-up visit is due from the SOP's visit sub-tasks until a visit is logged")
{
    State s = named_roster();
    auto tpl = builtin("tutor");
    TimeMs l4_end = kLesson1 + 3 * 7 * kDayMs + 2 * kHourMs;  // monthly visit opens after lesson 4
    TimeMs now = l4_end + kDayMs;
    record(s, "visit1", "visit", l4_end + kHourMs, {{"studentId", "s2"}, {"durationSec", 400}});
    auto sched = schedule_at(s, tpl, now);
    RosterInput in;
    in.user_id = "t1";
    in.now = now;
    in.due_tasks = &sched.tasks;
    in.sop = &tpl;
    auto rows = build_roster(s, in);
    CHECK(row(rows, "s1").follow_up == FollowUpState::Due);
    CHECK(row(rows, "s1").follow_up_due_at == l4_end + 7 * kDayMs);
    CHECK(row(rows, "s2").follow_up == FollowUpState::None);  // visited since it opened
    CHECK(row(rows, "s2").last_contact_at == l4_end + kHourMs);
    // A week later the visit is overdue.
    TimeMs late = l4_end + 8 * kDayMs;
    auto late_sched = schedule_at(s, tpl, late);
    in.now = late;
    in.due_tasks = &late_sched.tasks;
    CHECK(row(build_roster(s, in), "s1").follow_up == FollowUpState::Overdue);
}

TEST_CASE("roster search: name, pinyin initials (any reading), phone tail")
{
    State s = named_roster();
    auto rows = roster_of(s, "l1", kLesson1 + kDayMs);
    auto find = [&](const char* text) {
        RosterQuery q;
        q.text = text;
        return ids_of(rows, query_roster(rows, q));
    };
    using V = std::vector<std::string>;
    CHECK(find("").size() == 5);
    CHECK(find("zw") == V{"s4", "s1"});   // 张伟 and 曾 (zēng) 伟, sorted by customary initials cw < zw
    CHECK(find("ZW ") == V{"s4", "s1"});  // case and spaces do not matter
    CHECK(find("z") == V{"s4", "s1"});
    CHECK(find("w") == V{"s4", "s2", "s1"});  // 伟 and 王: a run anywhere in the name
    CHECK(find("sx") == V{"s3"});              // 单 read shàn as a surname
    CHECK(find("dx") == V{"s3"});
    CHECK(find("wz").empty());
    CHECK(find("伟") == V{"s4", "s1"});
    CHECK(find("王强") == V{"s2"});  // the parent's name
    CHECK(find("tom") == V{"s5"});
    CHECK(find("tl") == V{"s5"});
    CHECK(find("5678") == V{"s1"});
    CHECK(find("1111") == V{"s2"});  // spaces in the stored phone do not matter
    CHECK(find("555").empty());      // the tail, not the middle
    CHECK(find("78").empty());       // fewer than 3 digits never match a phone
    CHECK(find("7777") == V{"s5"});
    CHECK(find("4321") == V{"s2"});  // the student's own phone too
}

TEST_CASE("roster query: filters combine, sorting is stable on every column both ways")
{
    State s = named_roster();
    TimeMs l1_end = kLesson1 + 2 * kHourMs;
    record(s, "a1", "class_entry", kLesson1 + kMinuteMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "a2", "class_entry", kLesson1 + kMinuteMs, {{"studentId", "s4"}, {"lessonId", "c1-l1"}});
    record(s, "a3", "call", l1_end + kHourMs, {{"studentId", "s2"}, {"durationSec", 60}, {"value", "reached"}});
    record(s, "a4", "call", l1_end + 2 * kHourMs, {{"studentId", "s4"}, {"durationSec", 60}, {"value", "reached"}});
    auto rows = roster_of(s, "l1", l1_end + kDayMs);
    using V = std::vector<std::string>;

    RosterQuery q;
    q.attendance = {AttendanceState::Attended};
    CHECK(ids_of(rows, query_roster(rows, q)) == V{"s4", "s1"});
    q.class_ids = {"k1"};
    CHECK(ids_of(rows, query_roster(rows, q)) == V{"s1"});
    q.attendance = {AttendanceState::Absent};
    CHECK(ids_of(rows, query_roster(rows, q)) == V{"s3", "s2"});  // 单雪 dx < 王芳 wf
    q.text = "wf";
    CHECK(ids_of(rows, query_roster(rows, q)) == V{"s2"});
    q = RosterQuery{};
    q.risks = {RiskLevel::High};
    CHECK(query_roster(rows, q).empty());  // no model: everyone is low

    // Every column, both directions: the order agrees with compare_rows, ties by name.
    for (int c = 0; c < kRosterColumnCount; ++c) {
        for (bool desc : {false, true}) {
            RosterQuery sq;
            sq.sort = RosterColumn(c);
            sq.descending = desc;
            auto order = query_roster(rows, sq);
            REQUIRE(order.size() == rows.size());
            for (size_t i = 1; i < order.size(); ++i) {
                const RosterRow& a = rows[size_t(order[i - 1])];
                const RosterRow& b = rows[size_t(order[i])];
                int cmp = compare_rows(a, b, RosterColumn(c));
                INFO("column " << enum_names(RosterColumn(c))[size_t(c)] << (desc ? " desc" : " asc"));
                CHECK((desc ? cmp >= 0 : cmp <= 0));
                if (cmp == 0) CHECK(compare_rows(a, b, RosterColumn::Name) <= 0);
            }
        }
    }
    RosterQuery by_contact;
    by_contact.sort = RosterColumn::LastContact;
    by_contact.descending = true;
    // Never contacted: last, and among themselves by name ascending (dx < tl < zw) either way.
    CHECK(ids_of(rows, query_roster(rows, by_contact)) == V{"s4", "s2", "s3", "s5", "s1"});
    by_contact.descending = false;
    CHECK(ids_of(rows, query_roster(rows, by_contact)) == V{"s3", "s5", "s1", "s2", "s4"});
}

TEST_CASE("roster on demo data: risk levels agree with assess_risk, every student once")
{
    DemoOptions o;
    o.now = utc_ms(2026, 4, 15, 4, 0);
    o.tutors = 2;
    o.students_per_tutor = 60;
    auto demo = generate_demo(o);
    REQUIRE(demo.error.empty());
    RiskModel model = fit_risk_model(risk_examples(demo.state, o.now));
    RosterInput in;
    in.user_id = "m1";
    in.now = o.now;
    in.risk_model = &model;
    auto rows = build_roster(demo.state, in);
    CHECK(rows.size() == 120);
    int high_or_medium = 0;
    for (const auto& r : rows) {
        RiskAssessment a = assess_risk(demo.state, model, r.student_id, o.now);
        CHECK(r.risk == a.level);
        CHECK(r.risk_probability == doctest::Approx(a.probability));
        CHECK(r.initials == pinyin_initials(r.name));
        CHECK(r.initials.size() >= 2);  // demo names are Chinese, every character has a reading
        high_or_medium += r.risk != RiskLevel::Low;
    }
    CHECK(high_or_medium > 0);
    CHECK(roster_of(demo.state, "t1", o.now).size() == 60);
}
