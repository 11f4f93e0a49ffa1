#include "cli/commands.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/files.h"
#include "cli/options.h"
#include "cli/phrases.h"
#include "core/catalog.h"
#include "core/dataset_replay.h"
#include "core/demo.h"
#include "core/metrics.h"
#include "core/reply_parser.h"
#include "core/roster_csv.h"
#include "core/sop_template.h"
#include "core/time_zone.h"

namespace wb::cli {
namespace {

TimeMs clock_now()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Reads --name as a UTC time; `fallback` when absent.
bool time_option(const Options& o, const std::string& name, TimeMs fallback, TimeMs& out, std::string& error)
{
    out = fallback;
    if (!o.named.count(name)) return true;
    if (parse_utc(o.get(name), out)) return true;
    error = "--" + name + ": expected a UTC time like 2026-04-15T04:00:00Z, got \"" + o.get(name) + "\"";
    return false;
}

bool int_option(const Options& o, const std::string& name, int& out, std::string& error)
{
    if (!o.named.count(name)) return true;
    const std::string& v = o.get(name);
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1 || n > 100000) {
        error = "--" + name + ": expected a positive whole number, got \"" + v + "\"";
        return false;
    }
    out = int(n);
    return true;
}

bool load_template(const std::string& name_or_path, SopTemplate& tpl, std::string& error)
{
    std::string text;
    if (const char* builtin = builtin_template_text(name_or_path)) text = builtin;
    else if (!read_file(name_or_path, text, error)) return false;
    auto problem = parse_template_text(text, tpl);
    if (!problem.empty()) error = name_or_path + ": " + problem;
    return problem.empty();
}

int finish(const std::string& out_path, const std::string& text)
{
    std::string error;
    if (write_output(out_path, text, error)) return kOk;
    std::cerr << "workbench-cli: " << error << "\n";
    return kFailed;
}

}  // namespace

int run_demo(const std::vector<std::string>& args)
{
    auto o = parse_options(args, {"mutations"});
    if (!o.error.empty()) return bad_input(o.error);
    if (!o.positional.empty()) return bad_input("demo takes no positional argument: " + o.positional[0]);
    DemoOptions d;
    std::string error;
    int seed = 20260307;
    if (!time_option(o, "now", clock_now(), d.now, error) || !int_option(o, "seed", seed, error) ||
        !int_option(o, "tutors", d.tutors, error) || !int_option(o, "students", d.students_per_tutor, error))
        return bad_input(error);
    d.seed = uint64_t(seed);
    d.time_zone = o.get("zone", d.time_zone);
    auto demo = generate_demo(d);
    if (!demo.error.empty()) return bad_input(demo.error);
    if (!o.has("mutations")) return finish(o.get("out"), state_to_json(demo.state).dump(1) + "\n");
    Json log = Json::array();
    for (auto& m : demo.mutations) log.push_back(to_json_value(m));
    return finish(o.get("out"), log.dump(1) + "\n");
}

int run_parse_reply(const std::vector<std::string>& args)
{
    auto o = parse_options(args, {"json"});
    if (!o.error.empty()) return bad_input(o.error);
    std::vector<std::string> replies = o.positional;
    if (replies.empty()) {
        std::string text, error;
        if (!read_file("-", text, error)) return bad_input(error);
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            replies.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
            start = end == std::string::npos ? text.size() : end + 1;
        }
    }
    Language lang;
    std::string error;
    if (!lang_option(o, lang, error)) return bad_input(error);
    for (const auto& r : replies) {
        auto p = parse_reply(r);
        std::string note = render(lang, p.note);
        if (o.has("json")) {
            Json j{{"reply", r}, {"intent", to_string(p.intent)}, {"matched", p.reason}};
            if (!p.note.key.empty()) j["note"] = {{"key", p.note.key}, {"values", p.note.values}, {"text", note}};
            std::cout << j.dump() << "\n";
        } else {
            std::cout << to_string(p.intent) << "\t" << r << "\t" << p.reason << (note.empty() ? "" : "\t" + note) << "\n";
        }
    }
    return kOk;
}

int run_validate_template(const std::vector<std::string>& args)
{
    auto o = parse_options(args, {});
    if (!o.error.empty()) return bad_input(o.error);
    if (o.positional.size() != 1) return bad_input("validate-template needs one FILE (or the name tutor / csm)");
    SopTemplate tpl;
    std::string error;
    if (!load_template(o.positional[0], tpl, error)) return bad_input(error);
    int subtasks = 0;
    for (const auto& t : tpl.tasks) subtasks += int(t.subtasks.size());
    std::cout << o.positional[0] << ": valid (" << tpl.goals.size() << " goals, " << tpl.tasks.size() << " tasks, "
              << subtasks << " sub-tasks)\n";
    return kOk;
}

namespace {

std::string metric_line(const MetricValue& v, Language lang)
{
    char value[64];
    const MetricInfo* info = find_metric(v.id);
    if (!v.measured) std::snprintf(value, sizeof value, "%s", "-");
    else if (info && info->unit == MetricUnit::Rate)
        std::snprintf(value, sizeof value, "%.1f%%", v.value * 100);
    else std::snprintf(value, sizeof value, "%.2f", v.value);
    std::string target = v.has_target ? std::string(to_string(v.target.op)) + " " + Json(v.target.value).dump() : "";
    if (v.has_target && v.target.op == TargetOp::Between) target += ".." + Json(v.target.max).dump();
    std::string status = !v.has_target ? "" : !v.measured ? "no data" : v.met ? "met" : "MISSED";
    char line[768];
    std::snprintf(line, sizeof line, "%-30s %8s  %5d/%-5d  %-12s %-8s %s (missing: %zu students)\n", v.id.c_str(), value,
                  v.numerator, v.denominator, target.c_str(), status.c_str(), render(lang, v.explanation).c_str(),
                  v.missing.size());
    return line;
}

}  // namespace

int run_metrics(const std::vector<std::string>& args)
{
    auto o = parse_options(args, {"json"});
    if (!o.error.empty()) return bad_input(o.error);
    State state;
    SopTemplate tpl;
    std::string error;
    if (!load_dataset(o.get("data"), state, error)) return bad_input(error);
    if (!load_template(o.get("template", state.organisation.template_id), tpl, error)) return bad_input(error);
    MetricQuery q;
    TimeMs latest = 0;
    for (const auto& e : state.events) latest = std::max(latest, e.at);
    if (!time_option(o, "now", latest + 1, q.now, error) || !time_option(o, "to", q.now, q.to, error) ||
        !time_option(o, "from", q.to - 30 * kDayMs, q.from, error))
        return bad_input(error);
    Language lang;
    if (!lang_option(o, lang, error)) return bad_input(error);
    q.tutor_id = o.get("tutor");
    q.manager_id = o.get("manager");
    if (!q.tutor_id.empty() && !state.users.count(q.tutor_id)) return bad_input("--tutor: no user " + q.tutor_id);
    if (!q.manager_id.empty() && !state.users.count(q.manager_id)) return bad_input("--manager: no user " + q.manager_id);
    auto values = compute_metrics(state, tpl, q);
    if (o.has("json")) {
        Json out = Json::array();
        for (const auto& v : values)
            out.push_back({{"id", v.id}, {"measured", v.measured}, {"value", v.value}, {"numerator", v.numerator},
                           {"denominator", v.denominator},
                           {"explanation", {{"key", v.explanation.key}, {"values", v.explanation.values},
                                            {"text", render(lang, v.explanation)}}},
                           {"missing", v.missing},
                           {"target", v.has_target ? to_json_value(v.target) : Json()}, {"met", v.met}});
        std::cout << out.dump(1) << "\n";
        return kOk;
    }
    std::cout << "period " << format_utc(q.from) << " .. " << format_utc(q.to) << ", "
              << (q.tutor_id.empty() ? q.manager_id.empty() ? "everyone" : "team of " + q.manager_id : "tutor " + q.tutor_id) << "\n";
    for (const auto& v : values) std::cout << metric_line(v, lang);
    return kOk;
}

int run_roster(const std::vector<std::string>& args)
{
    auto o = parse_options(args, {});
    if (!o.error.empty()) return bad_input(o.error);
    if (o.positional.size() != 1 || (o.positional[0] != "export" && o.positional[0] != "import"))
        return bad_input("roster needs `export` or `import` (see workbench-cli help roster)");
    State state;
    std::string error;
    if (!load_dataset(o.get("data"), state, error)) return bad_input(error);
    if (o.positional[0] == "export") return finish(o.get("out"), export_roster_csv(state));
    std::string csv;
    if (o.get("csv").empty()) return bad_input("roster import needs --csv FILE");
    if (!read_file(o.get("csv"), csv, error)) return bad_input(error);
    auto import = import_roster_csv(csv);
    if (!import.error.empty()) return bad_input(o.get("csv") + ": " + import.error);
    for (const auto& m : import.mutations) {
        auto r = apply(state, m);
        if (!r.ok) return bad_input(o.get("csv") + ": student " + m.args.value("studentId", m.args.value("id", "")) + ": " + r.reason);
    }
    std::cerr << "imported " << import.mutations.size() / 2 << " roster rows\n";
    return finish(o.get("out"), state_to_json(state).dump(1) + "\n");
}

int run_export(const std::vector<std::string>& args)
{
    auto o = parse_options(args, {"mutations"});
    if (!o.error.empty()) return bad_input(o.error);
    State state;
    std::string error;
    if (!load_dataset(o.get("data"), state, error)) return bad_input(error);
    if (!o.has("mutations")) return finish(o.get("out"), state_to_json(state).dump(1) + "\n");
    Json log = Json::array();
    for (auto& m : dataset_mutations(state)) log.push_back(to_json_value(m));
    return finish(o.get("out"), log.dump(1) + "\n");
}

int run_import(const std::vector<std::string>& args)
{
    auto o = parse_options(args, {});
    if (!o.error.empty()) return bad_input(o.error);
    if (o.positional.size() != 1) return bad_input("import needs one dataset FILE to check and normalise");
    State state;
    std::string error;
    if (!load_dataset(o.positional[0], state, error)) return bad_input(error);
    std::cerr << o.positional[0] << ": " << state.students.size() << " students, " << state.events.size()
              << " events, every change valid\n";
    return finish(o.get("out"), state_to_json(state).dump(1) + "\n");
}

}  // namespace wb::cli
