#pragma once
// The Refunds view's data, cached by data version and minute (the countdowns move with the
// clock): the open refund requests and the risk list (from the roster's risk levels, with the
// reasons of the organisation's model) of the students the signed-in user sees (a tutor their
// classes, a manager their team's), and those students for the "open a request" picker.
#include <cstdint>
#include <string>
#include <vector>

#include "core/phrase.h"
#include "core/refund_case.h"
#include "core/refund_risk.h"

namespace wb::app {

struct RefundStudent {
    std::string id;
    std::string name;
};

// A student at medium or high refund risk, with the model's reasons (strongest first).
struct RefundRisk {
    std::string student_id;
    std::string name;
    std::string tutor_name;
    RiskLevel level = RiskLevel::Low;
    double probability = 0;
    std::vector<Phrase> reasons;
};

struct RefundsModel {
    bool ready = false;
    std::vector<RefundCase> cases;
    std::vector<std::string> case_names;  // student names, parallel to cases
    std::vector<std::string> case_tutors; // the student's tutor, parallel to cases
    // The risk list: high first, then medium, each by probability; students with an open request
    // are left out (they are in `cases`). `low` counts the rest.
    std::vector<RefundRisk> risks;
    int low = 0;
    bool risk_known = false;  // false while the history cannot fit a model yet
    std::vector<RefundStudent> students;  // visible students by name
    TimeMs now = 0;
    int computations = 0;
};

const RefundsModel& refunds_model();
// The student the view's request form has chosen, "" for none yet (tests: the pick took effect).
std::string refund_form_student(const RefundsModel& m);

}  // namespace wb::app
