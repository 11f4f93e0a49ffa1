#pragma once
// The Refunds view's data, cached by data version and minute (the countdowns move with the
// clock): the open refund requests of the students the signed-in user sees (a tutor their
// classes, a manager their team's), and those students for the "open a request" picker.
#include <cstdint>
#include <string>
#include <vector>

#include "core/refund_case.h"

namespace wb::app {

struct RefundStudent {
    std::string id;
    std::string name;
};

struct RefundsModel {
    bool ready = false;
    std::vector<RefundCase> cases;
    std::vector<std::string> case_names;  // student names, parallel to cases
    std::vector<RefundStudent> students;  // visible students by name
    TimeMs now = 0;
    int computations = 0;
};

const RefundsModel& refunds_model();

}  // namespace wb::app
