// The roster's half of window.workbench.query (tests only): what the table shows, the query,
// the selection, the remembered columns and how long the rows took to build.
#include "app_state.h"
#include "test_queries.h"
#include "views/roster_bulk.h"
#include "views/roster_model.h"
#include "views/roster_table.h"
#include "views/risk_model_cache.h"

#include "core/enum_names.h"

using nlohmann::json;

namespace wb::app {
namespace {

json row_json(const RosterRow& r) {
    return {{"id", r.student_id}, {"name", r.name}, {"initials", r.initials}, {"phone", r.parent_phone},
            {"classId", r.class_id}, {"class", r.class_name}, {"tutor", r.tutor_name},
            {"risk", enum_names(r.risk)[size_t(r.risk)]}, {"riskProbability", r.risk_probability},
            {"attendance", enum_names(r.attendance)[size_t(r.attendance)]},
            {"homework", enum_names(r.homework)[size_t(r.homework)]},
            {"followUp", enum_names(r.follow_up)[size_t(r.follow_up)]}, {"lastContact", r.last_contact_at}};
}

template <class T> json names_of(const std::vector<T>& values) {
    json out = json::array();
    for (const T& v : values) out.push_back(enum_names(v)[size_t(v)]);
    return out;
}

// args: {first: N (rows of the shown order, default 20), all: true (every row, unordered)}
json roster_state(const json& args) {
    const RosterModel& m = roster_model();
    RosterViewState& s = roster_view_state();
    const std::vector<int>& shown = roster_shown(s.query);
    const size_t first = args.value("first", size_t(20));
    json rows = json::array();
    for (size_t i = 0; i < shown.size() && i < first; ++i) rows.push_back(row_json(m.rows[size_t(shown[i])]));
    json out = {{"ready", m.ready},
                {"total", m.rows.size()},
                {"shownCount", shown.size()},
                {"rows", rows},
                {"query", {{"text", s.query.text}, {"sort", enum_names(s.query.sort)[size_t(s.query.sort)]},
                           {"descending", s.query.descending}, {"classIds", s.query.class_ids},
                           {"risks", names_of(s.query.risks)}, {"attendance", names_of(s.query.attendance)},
                           {"homework", names_of(s.query.homework)}, {"followUp", names_of(s.query.follow_up)}}},
                {"selected", json::array()},
                {"student", app_state().student_id},
                {"columns", roster_visible_columns()},
                {"noteOpen", s.note_open},
                {"notice", s.notice},
                {"computations", m.computations},
                {"buildMs", m.build_ms},
                {"riskFitMs", m.risk_fit_ms},
                {"riskFit", {{"fits", risk_fit_stats().fits}, {"examplesMs", risk_fit_stats().examples_ms},
                             {"fitMs", risk_fit_stats().fit_ms}, {"examples", risk_fit_stats().examples},
                             {"fittedOn", risk_fit_stats().fitted_on}}},
                {"queryMs", roster_last_query_ms()}};
    for (int i : roster_selected_rows(shown)) out["selected"].push_back(m.rows[size_t(i)].student_id);
    if (args.value("all", false)) {
        json all = json::array();
        for (const RosterRow& r : m.rows) all.push_back(row_json(r));
        out["all"] = all;
    }
    return out;
}

const bool registered = register_test_query("roster.state", roster_state);

}  // namespace
}  // namespace wb::app
