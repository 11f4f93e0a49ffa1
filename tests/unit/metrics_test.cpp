#include <doctest/doctest.h>

#include "core/demo.h"
#include "core/metrics.h"
#include "i18n/translator.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);

const MetricValue& find(const std::vector<MetricValue>& all, const std::string& id)
{
    for (const auto& v : all)
        if (v.id == id) return v;
    FAIL("no metric " << id);
    return all.front();
}
}  // namespace

TEST_CASE("a metric explains itself: numerator, denominator and the students missing")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 2, 3);
    record(s, "in1", "class_entry", kLesson1, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "in2", "class_entry", kLesson1, {{"studentId", "s2"}, {"lessonId", "c1-l1"}});
    record(s, "out", "class_dropout", kLesson1 + kHourMs, {{"studentId", "s2"}, {"lessonId", "c1-l1"}});
    record(s, "call", "call", kLesson1 + kHourMs + 3 * kMinuteMs, {{"studentId", "s2"}, {"durationSec", 40}, {"value", "reached"}});
    MetricQuery q;
    q.from = kLesson1 - kDayMs;
    q.to = kLesson1 + 3 * kDayMs;  // lesson 2 is outside the period
    q.now = q.to;
    q.tutor_id = "t1";
    auto all = compute_metrics(s, builtin("tutor"), q);
    const auto& att = find(all, "attendance_rate");
    CHECK(att.numerator == 2);
    CHECK(att.denominator == 3);
    CHECK(att.missing == std::vector<std::string>{"s3"});
    CHECK(att.explanation == Phrase{"metric.explain.attendance_rate", {{"numerator", "2"}, {"denominator", "3"}}});
    CHECK(Translator::builtin().format(Language::En, att.explanation.key, att.explanation.values) ==
          "2 of 3 lesson seats attended");
    CHECK(att.has_target);
    CHECK_FALSE(att.met);  // 67 % < 90 %
    const auto& completion = find(all, "class_completion_rate");
    CHECK(completion.numerator == 1);
    CHECK(completion.missing == std::vector<std::string>{"s2", "s3"});
    const auto& follow = find(all, "dropout_followup_5min_rate");
    CHECK(follow.numerator == 1);
    CHECK(follow.denominator == 1);
    CHECK(follow.met);
    CHECK(find(all, "students_per_tutor").value == 3);
    CHECK_FALSE(find(all, "renewal_rate").met);
}

TEST_CASE("metrics over the demo: team equals the sum of its tutors, values are plausible")
{
    DemoOptions o;
    o.now = utc_ms(2026, 4, 15, 4, 0);
    o.students_per_tutor = 60;
    auto demo = generate_demo(o);
    REQUIRE(demo.error.empty());
    auto tpl = builtin("tutor");
    MetricQuery q;
    q.from = o.now - 60 * kDayMs;
    q.to = o.now;
    q.now = o.now;
    q.manager_id = "m1";
    auto team = compute_metrics(demo.state, tpl, q);
    for (const char* id : {"attendance_rate", "homework_submission_48h_rate", "grading_rate", "refund_rate"}) {
        int num = 0, den = 0;
        for (const char* tutor : {"t1", "t2", "t3", "t4"}) {
            MetricQuery one = q;
            one.manager_id.clear();
            one.tutor_id = tutor;
            auto v = compute_metric(demo.state, id, one);
            num += v.numerator;
            den += v.denominator;
        }
        INFO(id);
        CHECK(find(team, id).numerator == num);
        CHECK(find(team, id).denominator == den);
    }
    const auto& att = find(team, "attendance_rate");
    MESSAGE("demo team attendance " << att.numerator << "/" << att.denominator << ", refund rate "
            << find(team, "refund_rate").numerator << "/" << find(team, "refund_rate").denominator);
    CHECK(att.value > 0.7);
    CHECK(find(team, "grading_rate").value > 0.9);
    CHECK(find(team, "extra_session_attendance_rate").value > 0.3);
    CHECK(find(team, "pre_attendance_reply_rate").value > 0.8);
    CHECK(find(team, "students_per_tutor").value <= 60);
}

TEST_CASE("sub-tasks without an event metric are measured by their task instances done")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 4, 2);
    auto tpl = builtin("tutor");
    must(s, "task.done", {{"instanceId", "study_content/c1-l1/k1"}, {"at", kLesson1 - kDayMs}, {"by", "t1"}});
    MetricQuery q;
    q.from = kLesson1 - 7 * kDayMs;
    q.to = kLesson1 + 14 * kDayMs;
    q.now = q.to;
    q.tutor_id = "t1";
    auto all = compute_metrics(s, tpl, q);
    const auto& prep = find(all, "lesson_prep_rate");  // lesson prep opens 3 days before lessons 1, 2, 3
    CHECK(prep.explanation.key == "metric.explain.task_instances");
    CHECK(prep.denominator == 3);
    CHECK(prep.numerator == 1);
    CHECK_FALSE(prep.met);
}

TEST_CASE("complaints are counted per period, with the students who complained")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 2, 3);
    record(s, "cp1", "complaint", kLesson1 + kDayMs, {{"studentId", "s2"}, {"value", "teaching"}, {"text", "太快了"}});
    record(s, "cp2", "complaint", kLesson1 + 2 * kDayMs, {{"studentId", "s2"}, {"value", "service"}, {"text", "作业批改慢"}});
    record(s, "cp3", "complaint", kLesson1 + 20 * kDayMs, {{"studentId", "s3"}, {"value", "other"}, {"text", "later"}});
    MetricQuery q;
    q.from = kLesson1;
    q.to = kLesson1 + 7 * kDayMs;
    q.now = kLesson1 + 30 * kDayMs;
    q.tutor_id = "t1";
    auto all = compute_metrics(s, builtin("tutor"), q);
    const auto& c = find(all, "complaint_count");
    CHECK(c.measured);
    CHECK(c.value == 2);
    CHECK(c.numerator == 2);
    CHECK(c.denominator == 3);
    CHECK(c.missing == std::vector<std::string>{"s2"});
    CHECK(c.has_target);
    CHECK_FALSE(c.met);  // the target is <= 0
    CHECK(c.explanation.key == "metric.explain.complaint_count");
    // A complaint recorded for the wrong student is retracted: it leaves the count, stays in history.
    must(s, "event.retract", {{"id", "r1"}, {"eventId", "cp2"}, {"at", kLesson1 + 3 * kDayMs}, {"by", "t1"}, {"reason", "wrong student"}});
    CHECK(compute_metric(s, "complaint_count", q).value == 1);
    CHECK(find_event(s, "cp2") != nullptr);
    auto r = apply(s, {"event.record", {{"id", "cp4"}, {"kind", "complaint"}, {"at", 1}, {"studentId", "s1"}, {"value", "teaching"}}});
    CHECK(r.reason == "args/text: record what the complaint was about");
}
