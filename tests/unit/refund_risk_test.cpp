#include <doctest/doctest.h>

#include "core/demo.h"
#include "core/refund_risk.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

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
    MESSAGE("refund risk on held-back demo history: " << test.size() << " examples, " << test_pos
            << " refund requests; precision " << eval.precision() << ", recall " << eval.recall() << " (tp "
            << eval.true_positive << ", fp " << eval.false_positive << ", fn " << eval.false_negative << ")");
    CHECK(eval.recall() >= 0.5);
    // Better than flagging at random: precision at least twice the base rate.
    CHECK(eval.precision() > 2.0 * test_pos / test.size());
    // Missing lessons pushes the risk up.
    CHECK(model.weights[0] > 0);
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
    m.weights = {2, 0, 1.5, 0, 0, 0};
    m.mean = {0.2, 0.2, 0.2, 0.2, 0.2, 0.2};
    m.scale = {0.3, 0.3, 0.3, 0.3, 0.3, 0.3};
    m.bias = -1;
    TimeMs now = utc_ms(2026, 3, 28, 0, 0);
    auto good = assess_risk(s, m, "s1", now);
    auto gone = assess_risk(s, m, "s2", now);
    CHECK(good.level == RiskLevel::Low);
    CHECK(gone.level == RiskLevel::High);
    REQUIRE(gone.reasons.size() == 2);
    CHECK(gone.reasons[0] == "missed lessons: 100% of the last 3 lessons");
    CHECK(gone.reasons[1] == "homework not submitted: 100% of the last 3 lessons");
}
