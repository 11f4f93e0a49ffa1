#pragma once
// The dashboard's data [数据看板], cached by data version, minute, scope, period and language:
// the template's metrics for the chosen scope and period with their per-lesson trend
// (core/dashboard.h), and the student × lesson matrix of the same scope
// (core/student_lesson_matrix.h) with its texels for the GL program.
#include <cstdint>
#include <string>
#include <vector>

#include "core/dashboard.h"
#include "core/student_lesson_matrix.h"

namespace wb::app {

enum class DashboardPeriod { Week, Month, Course };

struct DashboardScope {
    std::string label;        // "我的学员" / "团队" / a tutor's name
    std::string tutor_id;     // one tutor, or
    std::string manager_id;   // a manager's team; both empty: everyone (admin)
};

struct DashboardModel {
    bool ready = false;
    std::vector<DashboardScope> scopes;   // what the user may look at; [0] is the default
    MetricQuery query;
    std::string course_id;
    Dashboard board;
    StudentLessonMatrix matrix;
    std::vector<uint8_t> texels;
    MatrixTotals totals;
    uint64_t version = 0;                 // moves on with every rebuild (the texture's upload key)
    std::string template_error;
    int computations = 0;
};

struct DashboardChoice {
    int scope = 0;
    int period = static_cast<int>(DashboardPeriod::Month);
};
DashboardChoice& dashboard_choice();

const DashboardModel& dashboard_model();

}  // namespace wb::app
