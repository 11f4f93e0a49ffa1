// The student profile's data: timeline (newest first, retractions kept and marked), task states
// from the schedule, enrolments, message placeholder values, call durations as typed, and the
// translation of every key the timeline emits.
#include <doctest/doctest.h>

#include <set>

#include "core/demo.h"
#include "core/student_timeline.h"
#include "i18n/translator.h"
#include "roster_fixture.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);  // 14:00 in Shanghai

std::vector<std::string> ids(const std::vector<TimelineEntry>& entries)
{
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.event_id);
    return out;
}
}  // namespace

TEST_CASE("the timeline lists one student's events newest first, each as a phrase")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    record(s, "call1", "call", kLesson1 - 2 * kDayMs, {{"studentId", "s1"}, {"durationSec", 312}, {"value", "reached"}, {"actorId", "t1"}});
    record(s, "other", "note", kLesson1 - kDayMs, {{"studentId", "s2"}, {"text", "not s1"}});
    record(s, "hw", "homework_submitted", kLesson1 + 3 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "grade", "grade", kLesson1 + 5 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "B"}});
    record(s, "note", "note", kLesson1 - 3 * kDayMs, {{"studentId", "s1"}, {"text", "家长希望周末上课"}});  // recorded late, happened first
    record(s, "msg", "message_sent", kLesson1 + 5 * kHourMs, {{"studentId", "s1"}, {"channel", "wechat"}, {"value", "sms.remind_attend"}, {"text", "明天见"}});

    auto t = student_timeline(s, "s1");
    // Same time: the later recorded first.
    CHECK(ids(t) == std::vector<std::string>{"msg", "grade", "hw", "call1", "note"});
    CHECK(t[0].summary.key == "timeline.message_sent");
    CHECK(t[0].text == "明天见");
    CHECK(t[1].summary == Phrase{"timeline.grade.B", {{"number", "1"}, {"lesson", "Lesson 1"}}});
    CHECK(t[3].summary == Phrase{"timeline.call.reached", {{"minutes", "5"}, {"seconds", "12"}}});
    CHECK(t[3].actor_name == "Tutor");
    CHECK(t[4].text == "家长希望周末上课");
    CHECK(student_timeline(s, "s3").empty());
}

TEST_CASE("a retracted event stays in the timeline, marked with the retraction's reason and time")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    record(s, "hw", "homework_submitted", kLesson1 + 3 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    REQUIRE(apply(s, {"event.retract", {{"id", "r1"}, {"eventId", "hw"}, {"at", kLesson1 + 5 * kHourMs}, {"by", "t1"},
                                        {"reason", "s2 的作业"}}}).ok);
    auto t = student_timeline(s, "s1");
    REQUIRE(t.size() == 1);  // the retraction is a mark, not an entry
    CHECK(t[0].event_id == "hw");
    CHECK(t[0].retracted);
    CHECK(t[0].retraction_reason == "s2 的作业");
    CHECK(t[0].retracted_at == kLesson1 + 5 * kHourMs);
}

TEST_CASE("task states: the student's own instances and the class ones naming the student, by urgency")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    const TimeMs enrolled = kLesson1 - 7 * kDayMs;
    const TimeMs now = enrolled + 60 * kHourMs;  // first contact (due after 48 h) is overdue

    auto tasks = student_tasks(schedule_at(s, tpl, now, INT64_MIN, true), tpl, "s1");
    REQUIRE(!tasks.empty());
    const StudentTask* first = nullptr;
    for (const auto& t : tasks) {
        CHECK(t.id.find("/s2") == std::string::npos);
        if (t.subtask_id == "first_contact") first = &t;
    }
    REQUIRE(first != nullptr);
    CHECK(first->status == DueStatus::Overdue);
    CHECK(first->title.zh.size() > 0);
    CHECK(tasks.front().status == DueStatus::Overdue);
    CHECK(tasks.front().own);  // the student's own overdue instance before the class ones

    // A call of 3 minutes closes it by itself; it moves behind everything still to do.
    record(s, "c", "call", now + kMinuteMs, {{"studentId", "s1"}, {"durationSec", 200}, {"value", "reached"}});
    tasks = student_tasks(schedule_at(s, tpl, now + 2 * kMinuteMs, INT64_MIN, true), tpl, "s1");
    first = nullptr;
    for (const auto& t : tasks)
        if (t.subtask_id == "first_contact") first = &t;
    REQUIRE(first != nullptr);
    CHECK(first->status == DueStatus::Closed);
    for (size_t i = 1; i < tasks.size(); ++i) CHECK(int(tasks[i - 1].status != DueStatus::Closed) >= int(tasks[i].status != DueStatus::Closed));
}

TEST_CASE("enrolments carry class, course and tutor; message values fill the template's placeholders")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    must(s, "student.upsert", {{"id", "s1"}, {"name", "张小明"}, {"parentName", "张妈妈"}, {"parentPhone", "13800001111"}});
    auto en = student_enrolments(s, "s1");
    REQUIRE(en.size() == 1);
    CHECK(en[0].class_name == "Class 1");
    CHECK(en[0].course_name == "Python");
    CHECK(en[0].tutor_name == "Tutor");

    TimeZone zone;
    std::string err;
    REQUIRE(TimeZone::find("Asia/Shanghai", zone, err));
    // After lesson 1 ended: lesson 2 is next, starting a week later at 14:00 local.
    auto v = message_values(s, "s1", kLesson1 + 3 * kHourMs, zone);
    CHECK(v["student"] == "张小明");
    CHECK(v["parent"] == "张妈妈");
    CHECK(v["tutor"] == "Tutor");
    CHECK(v["lesson"] == "Lesson 2");
    CHECK(v["time"] == "03-14 14:00");
    // After the last lesson: the last one.
    CHECK(message_values(s, "s1", kLesson1 + 60 * kDayMs, zone)["lesson"] == "Lesson 4");
    // A survey's lessonId names the same lesson as the {lesson} its text shows.
    const Lesson* next = message_lesson(s, en, kLesson1 + 3 * kHourMs);
    REQUIRE(next);
    CHECK(next->title == "Lesson 2");
    CHECK(message_lesson(s, {}, kLesson1) == nullptr);
    // A lesson view asks about its own lesson, whatever comes next.
    const Lesson& first = s.lessons.begin()->second.number == 1 ? s.lessons.begin()->second : *message_lesson(s, en, kLesson1 - kDayMs);
    auto own = lesson_message_values(s, "s1", first, zone);
    CHECK(own["lesson"] == "Lesson 1");
    CHECK(own["time"] == "03-07 14:00");
    CHECK(own["parent"] == "张妈妈");
    CHECK(lesson_message_values(s, "nobody", first, zone).empty());

    auto tpl = builtin("tutor");
    auto keys = parent_message_keys(tpl);
    REQUIRE(!keys.empty());
    for (const auto& k : keys) CHECK(tpl.messages.count(k) == 1);
    CHECK(std::find(keys.begin(), keys.end(), "survey.pre_attendance") != keys.end());
    CHECK(std::find(keys.begin(), keys.end(), "remind.grade") == keys.end());  // for the tutor, not a parent
    std::string text = render_message(tpl, "sms.remind_attend", false, v);
    CHECK(text.find("张小明") != std::string::npos);
    CHECK(text.find('{') == std::string::npos);
}

TEST_CASE("call durations as a tutor types them")
{
    CHECK(parse_call_duration("5:30").seconds == 330);
    CHECK(parse_call_duration(" 5：30 ").seconds == 330);
    CHECK(parse_call_duration("1:02:03").seconds == 3723);
    CHECK(parse_call_duration("5分30秒").seconds == 330);
    CHECK(parse_call_duration("5 分 30").seconds == 330);
    CHECK(parse_call_duration("5分钟").seconds == 300);
    CHECK(parse_call_duration("90秒").seconds == 90);
    CHECK(parse_call_duration("5m30s").seconds == 330);
    CHECK(parse_call_duration("5").seconds == 300);
    CHECK(parse_call_duration("2.5").seconds == 150);
    CHECK(parse_call_duration("0").seconds == 0);
    CHECK(parse_call_duration("0").ok());

    CHECK(parse_call_duration("").error.key == "call.duration.empty");
    CHECK(parse_call_duration("   ").error.key == "call.duration.empty");
    CHECK(parse_call_duration("5:75").error == Phrase{"call.duration.seconds_range", {{"text", "5:75"}}});
    CHECK(parse_call_duration("abc").error == Phrase{"call.duration.invalid", {{"text", "abc"}}});
    CHECK(parse_call_duration("5:").error.key == "call.duration.invalid");
    CHECK(parse_call_duration("30秒5分").error.key == "call.duration.invalid");
    CHECK(parse_call_duration("5 apples").error.key == "call.duration.invalid");
    CHECK(parse_call_duration("1.2.3").error.key == "call.duration.invalid");
    CHECK(parse_call_duration("300").error.key == "call.duration.too_long");
    CHECK(parse_call_duration("4:00:01").error.key == "call.duration.too_long");
}

TEST_CASE("every key the timeline emits is translated, and the demo's events only use listed keys")
{
    const Translator& tr = Translator::builtin();
    REQUIRE_MESSAGE(tr.ok(), tr.error());
    auto keys = timeline_phrase_keys();
    std::set<std::string> known(keys.begin(), keys.end());
    CHECK(known.size() == keys.size());
    const std::map<std::string, std::string> sample{{"minutes", "5"}, {"seconds", "30"}, {"number", "3"},
                                                    {"lesson", "L"}, {"role", "csm"}, {"text", "x"}, {"hours", "4"}};
    for (const auto& key : keys) {
        INFO(key);
        CHECK(tr.has(Language::ZhCN, key));
        CHECK(tr.has(Language::En, key));
        for (Language lang : {Language::ZhCN, Language::En})
            CHECK(tr.format(lang, key, sample).find('{') == std::string::npos);
    }
    CHECK(tr.format(Language::ZhCN, "timeline.call.reached", {{"minutes", "5"}, {"seconds", "30"}}).find("5 分 30 秒") !=
          std::string::npos);

    DemoOptions o;
    o.now = utc_ms(2026, 4, 15, 4, 0);
    o.students_per_tutor = 20;
    auto demo = generate_demo(o);
    REQUIRE(demo.error.empty());
    std::set<std::string> seen;
    for (const auto& [id, _] : demo.state.students)
        for (const auto& e : student_timeline(demo.state, id)) {
            INFO(e.summary.key);
            CHECK(known.count(e.summary.key) == 1);
            seen.insert(e.summary.key);
        }
    MESSAGE(seen.size() << " timeline keys seen over the demo");
    CHECK(seen.size() >= 8);
}

TEST_CASE("the timeline tells a student's own reply from their parent's")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    record(s, "from-parent", "reply", kLesson1 - kDayMs, {{"studentId", "s1"}, {"text", "能来"}, {"source", "auto"}});
    record(s, "from-student", "reply", kLesson1 - kHourMs, {{"studentId", "s1"}, {"text", "收到"}, {"value", "student"}, {"source", "auto"}});
    auto t = student_timeline(s, "s1");
    REQUIRE(t.size() == 2);
    CHECK(t[0].summary.key == "timeline.reply.student");
    CHECK(t[1].summary.key == "timeline.reply");
}
