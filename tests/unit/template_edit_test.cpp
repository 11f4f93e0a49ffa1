#include <doctest/doctest.h>

#include "core/schedule.h"
#include "core/sop_template.h"
#include "core/template_edit.h"

using namespace wb;

namespace {

Json builtin(const char* id) { return Json::parse(builtin_template_text(id)); }

bool apply_all(State& s, const std::vector<Mutation>& ms)
{
    for (const Mutation& m : ms)
        if (!apply(s, m).ok) return false;
    return true;
}

}  // namespace

TEST_CASE("a validator path names the node of the tree and the field below it")
{
    auto r = locate_template_path("/tasks/3/subtasks/0/trigger/reminders/1/offset/hours");
    CHECK(r.kind == TemplateNodeKind::SubTask);
    CHECK(r.node == "/tasks/3/subtasks/0");
    CHECK(r.field == "trigger/reminders/1/offset/hours");

    r = locate_template_path("/tasks/2/subtasks/1/behaviours/4/title/en");
    CHECK(r.kind == TemplateNodeKind::Behaviour);
    CHECK(r.node == "/tasks/2/subtasks/1/behaviours/4");
    CHECK(r.field == "title/en");

    r = locate_template_path("/goals/1/metrics/0/target/value");
    CHECK(r.kind == TemplateNodeKind::Goal);
    CHECK(r.field == "metrics/0/target/value");

    r = locate_template_path("/tasks/5/number");
    CHECK(r.kind == TemplateNodeKind::Task);
    CHECK(r.node == "/tasks/5");

    r = locate_template_path("/messages/remind.first_contact/zh-CN");
    CHECK(r.kind == TemplateNodeKind::Message);
    CHECK(r.node == "/messages/remind.first_contact");
    CHECK(r.field == "zh-CN");

    r = locate_template_path("/name/en");
    CHECK(r.kind == TemplateNodeKind::Template);
    CHECK(r.node == "");
    CHECK(r.field == "name/en");
}

TEST_CASE("a bad target typed in the editor is reported at its node and field")
{
    Json tpl = builtin("tutor");
    REQUIRE(set_template_value(tpl, "/tasks/0/subtasks/0/metrics/0/target/value", 85));
    SopTemplate parsed;
    auto p = template_problem(template_problem_of(tpl, parsed));
    CHECK(p.where.kind == TemplateNodeKind::SubTask);
    CHECK(p.where.node == "/tasks/0/subtasks/0");
    CHECK(p.where.field == "metrics/0/target/value");
    CHECK(p.what.key == "template.check.rate_target");
    // The API's English text is the same problem.
    CHECK(parse_template(tpl, parsed) == "/tasks/0/subtasks/0/metrics/0/target/value: a rate target is a fraction between 0 and 1 (0.9 = 90 %)");
    CHECK(template_problem(SchemaProblem{}).path.empty());
    CHECK(template_problem(SchemaProblem{}).what.key.empty());
}

TEST_CASE("the tree lists goals, tasks, sub-tasks, behaviours and messages in order")
{
    Json tpl = builtin("tutor");
    auto rows = template_tree(tpl);
    REQUIRE(rows.size() > 20);
    CHECK(rows[0].kind == TemplateNodeKind::Goal);
    CHECK(rows[0].id == "capacity");
    auto task = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.kind == TemplateNodeKind::Task; });
    REQUIRE(task != rows.end());
    CHECK(task->id == "home_visit");
    CHECK(task->zh == "家访");
    CHECK((task + 1)->kind == TemplateNodeKind::SubTask);
    CHECK((task + 1)->depth == 1);
    CHECK((task + 2)->kind == TemplateNodeKind::Behaviour);
    CHECK((task + 2)->path == "/tasks/0/subtasks/0/behaviours/0");
    CHECK(rows.back().kind == TemplateNodeKind::Message);
    // half-edited JSON does not break the tree
    CHECK(template_tree(Json::object()).empty());
    CHECK(template_tree(Json{{"tasks", 3}}).empty());
}

TEST_CASE("items move, are removed, and unknown paths are refused")
{
    Json tpl = builtin("tutor");
    std::string first = tpl["tasks"][0]["id"], second = tpl["tasks"][1]["id"];
    CHECK(move_template_item(tpl, "/tasks/0", 1));
    CHECK(tpl["tasks"][0]["id"] == second);
    CHECK(tpl["tasks"][1]["id"] == first);
    CHECK_FALSE(move_template_item(tpl, "/tasks/0", -1));
    size_t n = tpl["tasks"].size();
    CHECK(remove_template_item(tpl, "/tasks/1"));
    CHECK(tpl["tasks"].size() == n - 1);
    CHECK_FALSE(remove_template_item(tpl, "/tasks/999"));
    CHECK_FALSE(set_template_value(tpl, "/nothing/here/x", 1));
    CHECK(template_value_at(tpl, "/tasks/x") == nullptr);
}

TEST_CASE("each save is a new version kept in history, and a rollback saves an old one again")
{
    State s;
    CHECK(template_versions(s, "tutor").size() == 1);  // the built-in file is version 1
    CHECK(next_template_version(s, "tutor") == 2);

    Json edited = builtin("tutor");
    REQUIRE(set_template_value(edited, "/goals/1/metrics/0/target/value", 0.9));
    REQUIRE(apply_all(s, save_template_mutations(s, "tutor", edited, "a1", 1000, "renewal 90%")));
    CHECK(s.templates.count("tutor@2") == 1);
    CHECK(s.templates["tutor"]["revision"]["version"] == 2);
    CHECK(s.templates["tutor"]["goals"][1]["metrics"][0]["target"]["value"] == 0.9);

    auto versions = template_versions(s, "tutor");
    REQUIRE(versions.size() == 2);
    CHECK(versions[0].version == 2);
    CHECK(versions[0].by == "a1");
    CHECK(versions[0].at == 1000);
    CHECK(versions[0].note == "renewal 90%");
    CHECK(versions[1].version == 1);

    // roll back to 1: version 3 with the built-in content
    auto back = rollback_template_mutations(s, "tutor", 1, "a1", 2000, "back");
    REQUIRE(apply_all(s, back));
    CHECK(template_versions(s, "tutor").size() == 3);
    CHECK(s.templates["tutor"]["revision"]["version"] == 3);
    CHECK(s.templates["tutor"]["goals"][1]["metrics"][0]["target"]["value"] == 0.8);
    CHECK(template_version_json(s, "tutor", 2)["goals"][1]["metrics"][0]["target"]["value"] == 0.9);
    CHECK(rollback_template_mutations(s, "tutor", 42, "a1", 3000, "").empty());

    // the organisation runs the current one; copies are not runnable templates
    SopTemplate active;
    CHECK(active_template(s, active) == "");
    CHECK(active.revision.has_value());
    CHECK(active.revision->version == 3);
    auto ids = runnable_template_ids(s);
    CHECK(std::find(ids.begin(), ids.end(), "tutor@2") == ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "csm") != ids.end());
}

TEST_CASE("an invalid edit cannot be saved: template.set refuses it and nothing changes")
{
    State s;
    Json bad = builtin("tutor");
    REQUIRE(set_template_value(bad, "/goals/1/metrics/0/target/value", 80));
    auto ms = save_template_mutations(s, "tutor", bad, "a1", 1, "");
    CHECK_FALSE(apply(s, ms[0]).ok);
    CHECK(s.templates.empty());
}
