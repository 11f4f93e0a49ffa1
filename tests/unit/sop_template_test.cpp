#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/sop_template.h"

using namespace wb;

namespace {

std::string slurp(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const Task* find_task(const SopTemplate& t, int number)
{
    for (const auto& task : t.tasks)
        if (task.number == number) return &task;
    return nullptr;
}

}  // namespace

TEST_CASE("the shipped templates are valid")
{
    for (const char* id : {"tutor", "csm"}) {
        SopTemplate t;
        INFO(id);
        CHECK(parse_template_text(builtin_template_text(id), t) == "");
        CHECK(t.id == id);
    }
    CHECK(builtin_template_text("nope") == nullptr);
}

TEST_CASE("the tutor template has all 12 tasks of the spec, each with sub-tasks and targets")
{
    SopTemplate t;
    REQUIRE(parse_template_text(builtin_template_text("tutor"), t) == "");
    REQUIRE(t.tasks.size() == 12);
    const char* titles[] = {"家访", "课前打卡", "见面课", "周中打卡", "备课", "到课",
                            "跟课", "练习", "小灶课", "回访", "续报", "结课"};
    for (int n = 1; n <= 12; ++n) {
        const Task* task = find_task(t, n);
        REQUIRE(task);
        CHECK(task->title.zh == titles[n - 1]);
        CHECK_FALSE(task->subtasks.empty());
        CHECK_FALSE(task->metrics.empty());
        for (const auto& sub : task->subtasks) CHECK_FALSE(sub.metrics.empty());
    }
    // Business goals: ~250 students per tutor, renewal >= 80 %, refund < 5 %.
    CHECK(t.goals[0].metrics[0].target.value == 250);
    CHECK(t.goals[1].metrics[0].target.value == doctest::Approx(0.8));
    CHECK(t.goals[2].metrics[0].target.op == TargetOp::Below);
    CHECK(find_task(t, 6)->metrics[0].target.value == doctest::Approx(0.9));      // attendance >= 90 %
    CHECK(find_task(t, 9)->metrics[0].target.value == doctest::Approx(0.6));      // extra session 60 %
    const auto& warmup = find_task(t, 11)->subtasks[0].metrics[0].target;          // 1-3 pushes
    CHECK(warmup.op == TargetOp::Between);
    CHECK(warmup.max == 3);
}

TEST_CASE("targets compare as the operator says")
{
    CHECK(target_met({TargetOp::AtLeast, 0.9, 0}, 0.9));
    CHECK_FALSE(target_met({TargetOp::Below, 0.05, 0}, 0.05));
    CHECK(target_met({TargetOp::Between, 1, 3}, 3));
    CHECK_FALSE(target_met({TargetOp::Between, 1, 3}, 4));
}

TEST_CASE("broken templates: each file under tests/data/templates names the error it must give")
{
    int cases = 0;
    for (const auto& entry : std::filesystem::directory_iterator(WB_TEST_DATA_DIR "/templates")) {
        if (entry.path().extension() != ".json") continue;
        auto c = Json::parse(slurp(entry.path()), nullptr, false);
        REQUIRE_MESSAGE(c.is_object(), entry.path().string());
        auto base = Json::parse(builtin_template_text(c["base"].get<std::string>()));
        auto broken = base.patch(c["patch"]);
        SopTemplate t;
        INFO(entry.path().filename().string() << ": " << c["description"].get<std::string>());
        CHECK(parse_template(broken, t) == c["error"].get<std::string>());
        ++cases;
    }
    CHECK(cases >= 20);
    SopTemplate t;
    CHECK(parse_template_text("{\"format\": ", t) == "/: not valid JSON");
}

TEST_CASE("reminder messages render with their placeholders in zh-CN and en")
{
    SopTemplate t;
    REQUIRE(parse_template_text(builtin_template_text("tutor"), t) == "");
    std::map<std::string, std::string> v{{"time", "周六 14:00"}, {"lesson", "爬虫应用"}, {"submitted", "32"}, {"count", "18"}};
    CHECK(render_message(t, "remind.urge_homework", false, v) == "周六 14:00【爬虫应用】：32 位已提交，跟进剩余 18 位");
    CHECK(render_message(t, "remind.urge_homework", true, v) ==
          "周六 14:00 【爬虫应用】: 32 have submitted, follow up the remaining 18");
    CHECK(render_message(t, "remind.grade", true, {}) == "{student} submitted homework: grade it");
    CHECK(render_message(t, "no.such.key", false, v) == "");
}
