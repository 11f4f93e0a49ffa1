// workbench-cli risk: the refund-risk model fitted on a dataset's history, and who is at risk now.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/files.h"
#include "cli/phrases.h"
#include "core/refund_risk.h"
#include "core/roster_csv.h"

namespace wb::cli {
namespace {

bool level_option(const Options& o, RiskLevel& out, std::string& error)
{
    out = RiskLevel::Medium;
    if (!o.named.count("level") || from_string(o.get("level"), out)) return true;
    error = "--level: expected one of " + joined_names(RiskLevel{}) + ", got \"" + o.get("level") + "\"";
    return false;
}

std::vector<std::string> active_students(const State& s)
{
    std::vector<std::string> out;
    for (const auto& [_, e] : s.enrolments)
        if (e.status == EnrolmentStatus::Active && std::find(out.begin(), out.end(), e.student_id) == out.end())
            out.push_back(e.student_id);
    return out;
}

}  // namespace

int run_risk(const std::vector<std::string>& args)
{
    auto o = parse_options(args, {"json"});
    if (!o.error.empty()) return bad_input(o.error);
    State state;
    std::string error;
    if (!load_dataset(o.get("data"), state, error)) return bad_input(error);
    TimeMs now = 0;
    for (const auto& e : state.events) now = std::max(now, e.at + 1);
    if (o.named.count("now") && !parse_utc(o.get("now"), now))
        return bad_input("--now: expected a UTC time like 2026-04-15T04:00:00Z, got \"" + o.get("now") + "\"");
    Language lang;
    RiskLevel min_level;
    if (!lang_option(o, lang, error) || !level_option(o, min_level, error)) return bad_input(error);

    auto examples = risk_examples(state, now);
    std::vector<RiskExample> train, test;
    for (auto& e : examples) (held_back(e.student_id, 25) ? test : train).push_back(e);
    auto check = evaluate_risk(fit_risk_model(train), test);
    auto model = fit_risk_model(examples);  // the model used: fitted on all the history
    std::vector<RiskAssessment> at_risk;
    for (const auto& id : active_students(state)) {
        auto a = assess_risk(state, model, id, now);
        if (a.level >= min_level) at_risk.push_back(std::move(a));
    }
    std::sort(at_risk.begin(), at_risk.end(), [](const auto& a, const auto& b) {
        return a.probability != b.probability ? a.probability > b.probability : a.student_id < b.student_id;
    });
    if (o.has("json")) {
        Json out{{"examples", examples.size()}, {"heldBackPrecision", check.precision()}, {"heldBackRecall", check.recall()},
                 {"students", Json::array()}};
        for (const auto& a : at_risk) {
            Json reasons = Json::array();
            for (const auto& r : a.reasons) reasons.push_back({{"key", r.key}, {"values", r.values}, {"text", render(lang, r)}});
            out["students"].push_back({{"studentId", a.student_id}, {"level", to_string(a.level)},
                                       {"probability", a.probability}, {"reasons", reasons}});
        }
        std::cout << out.dump(1) << "\n";
        return kOk;
    }
    std::printf("model fitted on %zu examples; on a held-back quarter of the students: precision %.2f, recall %.2f\n",
                examples.size(), check.precision(), check.recall());
    for (const auto& a : at_risk) {
        std::string reasons;
        for (const auto& r : a.reasons) reasons += (reasons.empty() ? "" : "; ") + render(lang, r);
        std::printf("%-12s %-6s %5.2f  %s\n", a.student_id.c_str(), to_string(a.level), a.probability, reasons.c_str());
    }
    return kOk;
}

}  // namespace wb::cli
