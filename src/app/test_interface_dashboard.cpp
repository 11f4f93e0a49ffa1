// The dashboard's half of window.workbench.query (tests only): the numbers it shows (from the same
// cached model), where the matrix is drawn and in which colours, and the open data as a dataset
// (state_to_json) so a test can recompute the metrics with workbench-cli on the same data.
#include "offline/workspace.h"
#include "platform.h"
#include "test_queries.h"
#include "views/dashboard_matrix.h"
#include "views/dashboard_model.h"
#include "views/matrix_gl.h"
#include "views/metric_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>

using nlohmann::json;

namespace wb::app {
namespace {

json color(const ImVec4& c) {
    return json::array({static_cast<int>(c.x * 255 + 0.5f), static_cast<int>(c.y * 255 + 0.5f), static_cast<int>(c.z * 255 + 0.5f)});
}

constexpr size_t kMissingShown = 200;   // a 10 000-student team's lists stay a small answer

json metrics_json(const DashboardModel& m) {
    json out = json::array();
    for (const DashboardMetric& d : m.board.metrics) {
        const MetricValue& v = d.value;
        json trend = json::array();
        for (const MetricValue& t : d.trend) trend.push_back({{"numerator", t.numerator}, {"denominator", t.denominator}, {"measured", t.measured}});
        out.push_back({{"id", v.id}, {"measured", v.measured}, {"value", v.value}, {"numerator", v.numerator},
                       {"denominator", v.denominator}, {"met", v.met}, {"hasTarget", v.has_target}, {"shown", metric_value_text(v)},
                       {"target", metric_target_text(v)}, {"missingCount", v.missing.size()},
                       {"missing", std::vector<std::string>(v.missing.begin(), v.missing.begin() + std::min<size_t>(v.missing.size(), kMissingShown))},
                       {"owner", d.owner_path}, {"trend", trend}});
    }
    return out;
}

json matrix_json(const DashboardModel& m) {
    const MatrixLayout& l = matrix_layout();
    json rows = json::array();
    for (size_t r = 0; r < m.matrix.rows.size() && r < 60; ++r) {
        json cells = json::array();
        for (int c = 0; c < m.matrix.columns; ++c) {
            const MatrixCell& x = m.matrix.at(static_cast<int>(r), c);
            cells.push_back(json::array({x.exists, int(x.attendance), int(x.homework), int(x.grade)}));
        }
        rows.push_back({{"studentId", m.matrix.rows[r].student_id}, {"cells", cells}});
    }
    json palette = json::array();
    for (const ImVec4& c : matrix_gl::palette().states) palette.push_back(color(c));
    return {{"rows", m.matrix.rows.size()}, {"columns", m.matrix.columns}, {"first", rows},
            {"rect", {l.min.x, l.min.y, l.max.x, l.max.y}},
            {"window", {l.window_min.x, l.window_min.y, l.window_max.x, l.window_max.y}}, {"firstRow", l.first_row}, {"cellW", l.cell_w},
            {"cellH", l.cell_h}, {"hover", {l.hover_column, l.hover_row}}, {"palette", palette},
            {"framesDrawn", matrix_gl::frames_drawn()}, {"glError", matrix_gl::last_error()},
            {"renderer", matrix_renderer() == MatrixRenderer::DrawList ? "drawlist" : "shader"},
            {"repeat", matrix_repeat()}};
}

const bool registered_state = register_test_query("dashboard.state", [](const json&) {
    const DashboardModel& m = dashboard_model();
    if (!m.ready) return json{{"ready", false}};
    json scopes = json::array();
    for (const DashboardScope& s : m.scopes) scopes.push_back({{"label", s.label}, {"tutorId", s.tutor_id}, {"managerId", s.manager_id}});
    return json{{"ready", true}, {"scopes", scopes}, {"scope", dashboard_choice().scope}, {"period", dashboard_choice().period},
                {"query", {{"from", m.query.from}, {"to", m.query.to}, {"now", m.query.now}, {"tutorId", m.query.tutor_id},
                           {"managerId", m.query.manager_id}}},
                {"courseId", m.course_id}, {"met", m.board.met}, {"withTarget", m.board.with_target},
                {"points", m.board.points.size()}, {"metrics", metrics_json(m)}, {"matrix", matrix_json(m)},
                {"computations", m.computations}};
});

// {scope, period}: what the dashboard's pickers choose. An idle page draws the new choice too:
// a test then compares what is drawn with what the query answers.
const bool registered_choose = register_test_query("dashboard.choose", [](const json& args) {
    if (args.contains("scope")) dashboard_choice().scope = args.value("scope", 0);
    if (args.contains("period")) dashboard_choice().period = args.value("period", 1);
    platform::request_redraw();
    return json{{"ok", true}};
});

// {renderer: "shader" | "drawlist", repeat?}: who draws the matrix's cells (the benchmark's two
// sides), and how many times over.
const bool registered_renderer = register_test_query("dashboard.matrix_renderer", [](const json& args) {
    const std::string r = args.value("renderer", std::string("shader"));
    if (r != "shader" && r != "drawlist") return json{{"ok", false}, {"error", "renderer: shader or drawlist, got " + r}};
    set_matrix_renderer(r == "drawlist" ? MatrixRenderer::DrawList : MatrixRenderer::Shader, args.value("repeat", 1));
    platform::request_redraw();
    return json{{"ok", true}, {"renderer", r}};
});

// {on}: frame timing for benchmarks (platform::set_frame_timing); "bench.frames" takes the
// times kept since, in ms.
const bool registered_timing = register_test_query("bench.frame_timing", [](const json& args) {
    platform::set_frame_timing(args.value("on", false));
    return json{{"ok", true}};
});
const bool registered_frames = register_test_query("bench.frames", [](const json&) {
    json build = json::array(), total = json::array();
    for (const platform::FrameTime& t : platform::take_frame_times()) build.push_back(t.build_ms), total.push_back(t.total_ms);
    return json{{"build", build}, {"total", total}};
});

const bool registered_dataset = register_test_query("data.dataset", [](const json&) {
    const State* s = workspace().view();
    return s ? state_to_json(*s) : json(nullptr);
});

}  // namespace
}  // namespace wb::app
