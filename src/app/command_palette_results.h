#pragma once
// What the command palette lists for a query: matching views first, then matching students.
#include <string>
#include <vector>

#include "views/view_registry.h"

namespace wb::app {

struct PaletteResult {
    enum class Kind { View, Student } kind = Kind::View;
    ViewId view = ViewId::Today;  // Kind::View
    std::string student_id;       // Kind::Student
    std::string label;            // what is drawn (translated view title / student name)
    std::string detail;           // class and parent phone tail; empty for views
};

// At most `limit` students; the views are few and all matching ones are listed.
std::vector<PaletteResult> palette_results(const std::string& query, int limit);

}  // namespace wb::app
