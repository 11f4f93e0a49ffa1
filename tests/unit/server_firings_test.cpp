// The server's scheduler plan: which reminders become outbox messages or the automatic refund,
// with ids that make a second firing a refused duplicate.
#include <doctest/doctest.h>

#include "core/outbox.h"
#include "core/server_firings.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);  // Saturday 14:00 in Shanghai

// Applies every planned mutation; returns how many the mutator accepted.
int apply_all(State& s, const std::vector<Mutation>& plan)
{
    int accepted = 0;
    for (const auto& m : plan) accepted += apply(s, m).ok ? 1 : 0;
    return accepted;
}

const Mutation* find_plan(const std::vector<Mutation>& plan, const std::string& id)
{
    for (const auto& m : plan)
        if (m.args.value("id", "") == id) return &m;
    return nullptr;
}
}  // namespace

TEST_CASE("a refund request: the manager's escalation at 5 h and the automatic refund at 24 h, each once")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    const TimeMs req = kLesson1 + 3 * kDayMs;
    record(s, "rq", "refund_requested", req, {{"studentId", "s3"}, {"reason", "too hard"}});

    // Up to 5 h: the tutor's DingTalk reminders and the manager's escalation, no refund yet.
    auto first = plan_firings(s, schedule_at(s, tpl, req + 5 * kHourMs, req - 1).reminders, Language::ZhCN);
    const Mutation* escalation = nullptr;
    for (const auto& m : first)
        if (m.args["recipient"]["role"] == "manager") escalation = &m;
    REQUIRE(escalation);
    CHECK(escalation->name == "message.queue");
    CHECK(escalation->args["kind"] == "escalation");
    CHECK(escalation->args["channel"] == "dingtalk");
    CHECK(escalation->args["recipient"]["userId"] == "m1");
    CHECK(escalation->args["studentId"] == "s3");
    const std::string text = escalation->args["text"];
    CHECK(text.find(s.students.at("s3").name) != std::string::npos);
    CHECK(text.find("{") == std::string::npos);  // every placeholder filled
    for (const auto& m : first) CHECK(m.name == "message.queue");
    CHECK(apply_all(s, first) == int(first.size()));
    CHECK(s.messages.count(escalation->args["id"].get<std::string>()) == 1);

    // The scheduler runs again over the same window (a restart before it saved its progress):
    // the same ids come out and every one is refused.
    auto again = plan_firings(s, schedule_at(s, tpl, req + 5 * kHourMs, req - 1).reminders, Language::ZhCN);
    CHECK(again.size() == first.size());
    CHECK(apply_all(s, again) == 0);

    // At 24 h the refund is decided automatically, once.
    auto late = plan_firings(s, schedule_at(s, tpl, req + 24 * kHourMs, req + 5 * kHourMs).reminders, Language::ZhCN);
    int refunds = 0;
    for (const auto& m : late) refunds += m.name == "event.record" ? 1 : 0;
    CHECK(refunds == 1);
    CHECK(apply_all(s, late) == int(late.size()));
    const Event* refund = nullptr;
    for (const auto& e : s.events)
        if (e.kind == EventKind::RefundDecision) refund = &e;
    REQUIRE(refund);
    CHECK(refund->value == "refund");
    CHECK(refund->source == EventSource::Auto);
    CHECK(refund->at == req + 24 * kHourMs);
    CHECK(apply_all(s, late) == 0);
}

TEST_CASE("parents get one SMS each the evening before a lesson; workbench-only reminders send nothing")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    auto tpl = builtin("tutor");
    const TimeMs friday_20 = utc_ms(2026, 3, 6, 12, 0);  // 20:00 in Shanghai
    auto due = schedule_at(s, tpl, friday_20, friday_20 - kMinuteMs).reminders;
    auto plan = plan_firings(s, due, Language::En);
    int sms = 0;
    for (const auto& m : plan) {
        if (m.args.value("channel", "") != "sms") continue;
        ++sms;
        const std::string student = m.args["studentId"];
        CHECK(m.args["recipient"]["role"] == "parent");
        CHECK(m.args["recipient"]["address"] == s.students.at(student).parent_phone);
        CHECK(m.args["text"].get<std::string>().find(s.students.at(student).name) != std::string::npos);
        CHECK(m.args["at"] == friday_20);
    }
    CHECK(sms == 3);  // the three students of the class, each once
    for (const auto& m : plan) CHECK(m.args.value("channel", "") != "workbench");
    // A window with only workbench reminders (the lesson prep at 10:00, 3 days before) plans nothing.
    const TimeMs prep = utc_ms(2026, 3, 4, 2, 0);
    auto quiet = plan_firings(s, schedule_at(s, tpl, prep, prep - kMinuteMs).reminders, Language::ZhCN);
    for (const auto& m : quiet) CHECK_MESSAGE(m.args.value("channel", "") != "workbench", m.args.dump());
    CHECK(find_plan(plan, "no such id") == nullptr);
}

namespace {
// Every reminder of a template JSON that leaves the workbench: its message key and channels.
void outside_messages(const Json& node, std::vector<std::string>& keys)
{
    if (node.is_object()) {
        if (node.contains("channels") && node.contains("message")) {
            for (const auto& c : node["channels"])
                if (c != "workbench") {
                    keys.push_back(node["message"]);
                    break;
                }
        }
        for (const auto& [k, v] : node.items()) outside_messages(v, keys);
    } else if (node.is_array()) {
        for (const auto& v : node) outside_messages(v, keys);
    }
}
}  // namespace

TEST_CASE("every message a built-in template sends outside the workbench has a text in both languages")
{
    for (const char* id : {"tutor", "csm"}) {
        std::vector<std::string> keys;
        outside_messages(Json::parse(builtin_template_text(id)), keys);
        if (std::string(id) == "tutor") CHECK(keys.size() >= 10);
        for (const auto& key : keys) {
            CHECK_MESSAGE(Translator::builtin().has(Language::ZhCN, key), (std::string(id) + ": " + key));
            CHECK_MESSAGE(Translator::builtin().has(Language::En, key), (std::string(id) + ": " + key));
        }
    }
}
