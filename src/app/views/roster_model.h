#pragma once
// The roster's data for the view: rows derived from the workspace (core/roster.h), cached by
// data version and a 15-minute bucket of the clock (attendance, follow-ups and risk move with
// time), and the rows the current query shows, recomputed only when the query or rows change.
#include "core/roster_query.h"

#include <string>
#include <vector>

namespace wb::app {

struct RosterModel {
    bool ready = false;
    std::vector<RosterRow> rows;
    std::vector<std::string> class_ids;  // visible classes, for the class filter
    int computations = 0;                // how many times the rows were built
    double build_ms = 0;                 // the last build: rows + risk + schedule
    double risk_fit_ms = 0;              // of which fitting the risk model
};

// The rows for the signed-in account now (rebuilt when the data or the 15-minute bucket moved).
const RosterModel& roster_model();

// The indices (into roster_model().rows) the query shows, in order; cached per query.
const std::vector<int>& roster_shown(const RosterQuery& query);
double roster_last_query_ms();

}  // namespace wb::app
