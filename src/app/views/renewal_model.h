#pragma once
// The Renewal view's data [续报], cached by data version and minute: the funnel of the signed-in
// tutor's students (a manager: the team's), core/renewal_funnel.h.
#include <string>

#include "core/renewal_funnel.h"

namespace wb::app {

struct RenewalModel {
    bool ready = false;
    bool team = false;            // a manager's team, not one tutor's classes
    RenewalFunnel funnel;
    SopTemplate tpl;
    std::string template_error;
    TimeMs now = 0;
    int computations = 0;
};

const RenewalModel& renewal_model();
const RenewalRow* renewal_row(const RenewalModel& m, const std::string& student_id);

constexpr const char* kWarmupKey = "renewal.warmup";
constexpr const char* kCouponKey = "renewal.coupon";

}  // namespace wb::app
