#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "core/demo.h"
#include "core/metrics.h"
#include "core/refund_risk.h"
#include "core/reply_parser.h"
#include "core/sop_template.h"
#include "i18n/translator.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {

// The values the core gives each family of keys.
std::map<std::string, std::string> sample_values(const std::string& key)
{
    if (key.rfind("risk.reason.", 0) == 0) return {{"count", "2"}, {"total", "3"}};
    if (key.rfind("metric.explain.", 0) == 0) return {{"numerator", "2"}, {"denominator", "3"}};
    if (key.rfind("reply.unclear.", 0) == 0) return {{"matched", "可以"}};
    if (key.rfind("outbox.", 0) == 0) return {{"channel", "wecom"}, {"attempts", "2"}};
    if (key.rfind("schema.", 0) == 0 || key.rfind("template.check.", 0) == 0)
        return {{"names", "a, b"}, {"id", "x"}, {"value", "25:00"}, {"name", "c"}, {"channel", "sms"},
                {"audience", "staff"}, {"anchor", "course_end"}, {"format", "workbench-sop/1"}};
    return {};
}

void check_emitted(const std::set<std::string>& known, const Phrase& p)
{
    INFO(p.key);
    CHECK(known.count(p.key) == 1);
    for (const auto& [name, _] : p.values) CHECK(sample_values(p.key).count(name) == 1);
}

}  // namespace

TEST_CASE("every key the core can emit is translated in both languages, with only the values it gets")
{
    const Translator& t = Translator::builtin();
    REQUIRE_MESSAGE(t.ok(), t.error());
    auto keys = core_phrase_keys();
    CHECK(keys.size() >= 30);
    for (const auto& key : keys) {
        INFO(key);
        CHECK(t.has(Language::ZhCN, key));
        CHECK(t.has(Language::En, key));
        // Every placeholder is one the core fills: nothing like "{count}" is left on screen.
        for (Language lang : {Language::ZhCN, Language::En})
            CHECK(t.format(lang, key, sample_values(key)).find('{') == std::string::npos);
    }
}

TEST_CASE("what the core emits over the demo and the reply corpus is in the key list")
{
    auto list = core_phrase_keys();
    std::set<std::string> known(list.begin(), list.end());
    DemoOptions o;
    o.now = utc_ms(2026, 4, 15, 4, 0);
    o.students_per_tutor = 60;
    auto demo = generate_demo(o);
    REQUIRE(demo.error.empty());
    SopTemplate tpl;
    REQUIRE(parse_template_text(builtin_template_text("tutor"), tpl) == "");
    MetricQuery q;
    q.from = o.now - 60 * kDayMs;
    q.to = o.now;
    q.now = o.now;
    std::set<std::string> seen;
    for (const auto& v : compute_metrics(demo.state, tpl, q)) {
        check_emitted(known, v.explanation);
        seen.insert(v.explanation.key);
    }
    auto model = fit_risk_model(risk_examples(demo.state, o.now));
    for (const auto& [id, _] : demo.state.students)
        for (const auto& reason : assess_risk(demo.state, model, id, o.now).reasons) {
            check_emitted(known, reason);
            seen.insert(reason.key);
        }
    std::ifstream in(WB_TEST_DATA_DIR "/replies.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto parsed = parse_reply(line.substr(0, line.find('\t')));
        if (parsed.intent != ReplyIntent::Unclear) continue;
        check_emitted(known, parsed.note);
        seen.insert(parsed.note.key);
    }
    MESSAGE(seen.size() << " of " << known.size() << " core phrase keys emitted over the demo and the reply corpus");
    CHECK(seen.count("metric.explain.task_instances") == 1);
    CHECK(seen.count("metric.explain.complaint_count") == 1);
    CHECK(seen.count("risk.reason.low_interaction") == 1);
    CHECK(seen.count("reply.unclear.question") == 1);
}

TEST_CASE("the template validator's problems are listed keys, in the admin's language, the API's text in English")
{
    auto list = core_phrase_keys();
    std::set<std::string> known(list.begin(), list.end());
    const Json good = Json::parse(builtin_template_text("tutor"));
    struct Break { const char* path; Json value; const char* key; };
    const std::vector<Break> breaks{
        {"/format", "sop/0", "template.check.format"},
        {"/tasks/0/goal", "nowhere", "template.check.no_goal"},
        {"/tasks/0/number", "one", "schema.expected_integer"},
        {"/tasks/0/subtasks/0/metrics/0/target/value", 85, "template.check.rate_target"},
        {"/tasks/0/subtasks/0/trigger/anchor", "tomorrow", "schema.expected_one_of"},
    };
    for (const Break& b : breaks) {
        INFO(b.path);
        Json tpl = good;
        tpl[Json::json_pointer(b.path)] = b.value;
        SopTemplate parsed;
        const SchemaProblem p = template_problem_of(tpl, parsed);
        CHECK(p.path == b.path);
        CHECK(p.what.key == b.key);
        check_emitted(known, p.what);
        const std::string zh = Translator::builtin().format(Language::ZhCN, p.what.key, p.what.values);
        const std::string en = Translator::builtin().format(Language::En, p.what.key, p.what.values);
        CHECK(zh != en);
        CHECK(parse_template(tpl, parsed) == std::string(b.path) + ": " + en);
    }
    SopTemplate parsed;
    CHECK(parse_template_text("{", parsed) == "/: not valid JSON");
}
