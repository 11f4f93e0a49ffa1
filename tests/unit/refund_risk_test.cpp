#include <doctest/doctest.h>

#include <algorithm>

#include "core/conditions.h"
#include "core/demo.h"
#include "core/refund_risk.h"
#include "i18n/translator.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {

// The same examples without the in-class interaction feature (a constant column keeps weight 0):
// the model as it was before interaction marks existed.
std::vector<RiskExample> without_interaction(std::vector<RiskExample> examples)
{
    auto names = risk_feature_names();
    size_t j = size_t(std::find(names.begin(), names.end(), "interaction") - names.begin());
    for (auto& e : examples) e.x.at(j) = 0;
    return examples;
}

}  // namespace

TEST_CASE("refund risk: fitted on demo history, precision and recall on held-back students")
{
    DemoOptions o;
    o.now = utc_ms(2026, 4, 15, 4, 0);
    auto demo = generate_demo(o);
    REQUIRE(demo.error.empty());
    auto examples = risk_examples(demo.state, o.now);
    std::vector<RiskExample> train, test;
    for (auto& e : examples) (held_back(e.student_id, 25) ? test : train).push_back(e);
    int train_pos = 0, test_pos = 0;
    for (const auto& e : train) train_pos += e.refund_requested;
    for (const auto& e : test) test_pos += e.refund_requested;
    REQUIRE(train_pos >= 10);
    REQUIRE(test_pos >= 3);
    auto model = fit_risk_model(train);
    auto eval = evaluate_risk(model, test);
    auto before_model = fit_risk_model(without_interaction(train));
    auto before = evaluate_risk(before_model, without_interaction(test));
    MESSAGE("refund risk on held-back demo history: " << test.size() << " examples, " << test_pos
            << " refund requests; without in-class interaction: precision " << before.precision() << ", recall "
            << before.recall() << " (tp " << before.true_positive << ", fp " << before.false_positive << ", fn "
            << before.false_negative << "); with it: precision " << eval.precision() << ", recall " << eval.recall()
            << " (tp " << eval.true_positive << ", fp " << eval.false_positive << ", fn " << eval.false_negative << ")");
    CHECK(eval.recall() >= 0.5);
    // Better than flagging at random: precision at least twice the base rate.
    CHECK(eval.precision() > 2.0 * test_pos / test.size());
    // Interaction marks add information: neither precision nor recall gets worse.
    CHECK(eval.precision() >= before.precision());
    CHECK(eval.recall() >= before.recall());
    // Missing lessons and being quiet or disengaged in class push the risk up.
    CHECK(model.weights[0] > 0);
    CHECK(model.weights[6] > 0);
}

TEST_CASE("a student who stopped coming is high risk, with the reasons named")
{
    auto s = small_roster("Asia/Shanghai", utc_ms(2026, 3, 7, 6, 0), 4, 2);
    for (int i = 1; i <= 3; ++i) {
        auto lesson = "c1-l" + std::to_string(i);
        TimeMs start = utc_ms(2026, 3, 7, 6, 0) + (i - 1) * 7 * kDayMs;
        record(s, "in" + std::to_string(i), "class_entry", start, {{"studentId", "s1"}, {"lessonId", lesson}});
        record(s, "hw" + std::to_string(i), "homework_submitted", start + 5 * kHourMs, {{"studentId", "s1"}, {"lessonId", lesson}});
    }
    // A model that weighs missed lessons and missing homework.
    RiskModel m;
    m.weights = {2, 0, 1.5, 0, 0, 0, 0};
    m.mean.assign(7, 0.2);
    m.scale.assign(7, 0.3);
    m.bias = -1;
    TimeMs now = utc_ms(2026, 3, 28, 0, 0);
    auto good = assess_risk(s, m, "s1", now);
    auto gone = assess_risk(s, m, "s2", now);
    CHECK(good.level == RiskLevel::Low);
    CHECK(good.reasons.empty());
    CHECK(gone.level == RiskLevel::High);
    REQUIRE(gone.reasons.size() == 2);
    CHECK(gone.reasons[0] == Phrase{"risk.reason.absent_lessons", {{"count", "3"}, {"total", "3"}}});
    CHECK(gone.reasons[1] == Phrase{"risk.reason.homework_missing", {{"count", "3"}, {"total", "3"}}});
    CHECK(Translator::builtin().format(Language::En, gone.reasons[0].key, gone.reasons[0].values) ==
          "Missed 3 of the last 3 lessons");
}

TEST_CASE("in-class interaction marks feed the risk, and a reason names them")
{
    auto s = small_roster("Asia/Shanghai", utc_ms(2026, 3, 7, 6, 0), 4, 2);
    const char* marks[] = {"active", "quiet", "lowlight"};
    for (int i = 1; i <= 3; ++i) {
        auto lesson = "c1-l" + std::to_string(i);
        TimeMs start = utc_ms(2026, 3, 7, 6, 0) + (i - 1) * 7 * kDayMs;
        for (const char* sid : {"s1", "s2"})
            record(s, std::string("in") + sid + std::to_string(i), "class_entry", start, {{"studentId", sid}, {"lessonId", lesson}});
        record(s, "ix1-" + std::to_string(i), "interaction", start + 2 * kHourMs,
               {{"studentId", "s1"}, {"lessonId", lesson}, {"value", "highlight"}, {"actorId", "l1"}});
        record(s, "ix2-" + std::to_string(i), "interaction", start + 2 * kHourMs,
               {{"studentId", "s2"}, {"lessonId", lesson}, {"value", marks[i - 1]}, {"actorId", "l1"}});
    }
    TimeMs now = utc_ms(2026, 3, 28, 0, 0);
    CHECK(risk_features(s, "s1", now)[6] == doctest::Approx(0));
    CHECK(risk_features(s, "s2", now)[6] == doctest::Approx((0.25 + 0.75 + 1) / 3));
    RiskModel m;
    m.weights = {0, 0, 0, 0, 0, 0, 3};
    m.mean.assign(7, 0.3);
    m.scale.assign(7, 0.3);
    auto quiet = assess_risk(s, m, "s2", now);
    CHECK(quiet.level == RiskLevel::High);
    REQUIRE(quiet.reasons.size() == 1);
    CHECK(quiet.reasons[0] == Phrase{"risk.reason.low_interaction", {{"count", "2"}, {"total", "3"}}});
    CHECK(assess_risk(s, m, "s1", now).level == RiskLevel::Low);
    // A mark recorded by mistake and retracted no longer counts.
    must(s, "event.retract", {{"id", "r1"}, {"eventId", "ix2-3"}, {"at", now - kHourMs}, {"by", "t1"}, {"reason", "wrong student"}});
    CHECK(risk_features(s, "s2", now)[6] == doctest::Approx((0.25 + 0.75) / 2));
}

TEST_CASE("interaction marks are validated")
{
    auto s = small_roster("Asia/Shanghai", utc_ms(2026, 3, 7, 6, 0));
    auto r = apply(s, {"event.record", {{"id", "x"}, {"kind", "interaction"}, {"at", 1}, {"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "loud"}}});
    CHECK(r.reason == "args/value: a interaction needs one of highlight, active, quiet, lowlight, got \"loud\"");
    r = apply(s, {"event.record", {{"id", "x"}, {"kind", "interaction"}, {"at", 1}, {"studentId", "s1"}, {"value", "quiet"}}});
    CHECK(r.reason == "args/lessonId: a interaction event belongs to a lesson");
}

TEST_CASE("RiskLessons: the last lessons of the student's course ended by a time, latest last")
{
    auto s = small_roster("Asia/Shanghai", utc_ms(2026, 3, 7, 6, 0), 4, 2);
    RiskLessons index(s);
    auto ids = [&](const std::string& student, TimeMs at) {
        std::vector<std::string> out;
        for (const Lesson* l : index.recent(student, at)) out.push_back(l->id);
        return out;
    };
    CHECK(ids("s1", utc_ms(2026, 3, 1, 0, 0)).empty());  // before the first lesson
    CHECK(ids("s1", utc_ms(2026, 3, 15, 0, 0)) == std::vector<std::string>{"c1-l1", "c1-l2"});
    CHECK(ids("s2", utc_ms(2026, 3, 28, 0, 0)) == std::vector<std::string>{"c1-l1", "c1-l2", "c1-l3"});
    CHECK(ids("s1", utc_ms(2026, 6, 1, 0, 0)) == std::vector<std::string>{"c1-l2", "c1-l3", "c1-l4"});
    CHECK(ids("nobody", utc_ms(2026, 6, 1, 0, 0)).empty());
    // The batch assessment (the roster's) gives what the one-student call gives.
    RiskModel m;
    m.weights = {2, 0, 1.5, 0, 0, 0, 0};
    m.mean.assign(7, 0.2);
    m.scale.assign(7, 0.3);
    TimeMs now = utc_ms(2026, 3, 28, 0, 0);
    EventHistory history(s, now);
    for (const char* id : {"s1", "s2"})
        CHECK(assess_risk(s, m, index, id, history.of(id), now).probability ==
              doctest::Approx(assess_risk(s, m, id, now).probability));
}
