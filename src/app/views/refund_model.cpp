#include "views/refund_model.h"

#include "core/roster.h"
#include "js_reply.h"
#include "offline/workspace.h"

#include <algorithm>

namespace wb::app {

const RefundsModel& refunds_model() {
    static RefundsModel model;
    static uint64_t version = ~uint64_t(0);
    static int64_t minute = -1;
    static std::string user;
    const State* state = workspace().view();
    if (!state) {
        model = RefundsModel{};
        return model;
    }
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    const std::string& who = workspace().account().user_id;
    if (version == workspace().data_version() && minute == now / kMinuteMs && user == who) return model;
    version = workspace().data_version();
    minute = now / kMinuteMs;
    user = who;
    const int computations = model.computations + 1;
    model = RefundsModel{};
    model.computations = computations;
    model.now = now;
    const std::set<std::string> visible = students_of_classes(*state, visible_class_ids(*state, who));
    model.cases = open_refund_cases(*state, &visible, now);
    for (const RefundCase& c : model.cases) {
        auto it = state->students.find(c.student_id);
        model.case_names.push_back(it == state->students.end() ? c.student_id : it->second.name);
    }
    for (const std::string& id : visible) {
        auto it = state->students.find(id);
        if (it != state->students.end()) model.students.push_back({id, it->second.name});
    }
    std::sort(model.students.begin(), model.students.end(),
              [](const RefundStudent& a, const RefundStudent& b) { return a.name < b.name; });
    model.ready = true;
    return model;
}

}  // namespace wb::app
