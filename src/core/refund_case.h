#pragma once
// Open refund requests [退费挽单]: a refund_requested event without a later refund_decision for
// the same student (retracted events left out). Each case has its 24 h rescue deadline and the
// escalation stage the refund-rescue task's reminders reach at a time (tutor.json:
// refund_rescue — at 5 h the tutor is reminded again and the manager notified, at 20 h the last
// reminder, at 24 h the server records the automatic refund), plus when the server actually
// notified the manager (its escalation message in the outbox), so a screen can show both what
// is due and what was done.
#include <set>
#include <string>
#include <vector>

#include "core/state.h"

namespace wb {

constexpr TimeMs kRefundEscalateAfterMs = 5 * kHourMs;
constexpr TimeMs kRefundLastReminderAfterMs = 20 * kHourMs;
constexpr TimeMs kRefundRescueMs = 24 * kHourMs;

enum class RefundStage {
    Open,          // < 5 h: the tutor is calling the family
    Escalated,     // 5 h – 20 h: reminded again, the manager notified
    LastReminder,  // 20 h – 24 h: the last reminder before the automatic refund
    Expired,       // >= 24 h: the automatic refund is due (the server records it)
};
inline const std::vector<const char*>& enum_names(RefundStage)
{
    static const std::vector<const char*> n{"open", "escalated", "last_reminder", "expired"};
    return n;
}

RefundStage refund_stage_at(TimeMs requested_at, TimeMs now);

struct RefundCase {
    std::string request_id;  // the refund_requested event
    std::string student_id;
    std::string requested_by;  // actor of the request, "" when unknown
    std::string reason;
    TimeMs requested_at = 0;
    TimeMs deadline = 0;       // requested_at + 24 h
    TimeMs remaining_ms = 0;   // to the deadline at `now`, never negative
    RefundStage stage = RefundStage::Open;
    TimeMs manager_notified_at = 0;  // the server's escalation message about the student, 0 = not yet
};

// Open cases among `students` (all students when nullptr), the nearest deadline first.
std::vector<RefundCase> open_refund_cases(const State& state, const std::set<std::string>* students, TimeMs now);

// The students of `class_ids` (a tutor's or manager's visible classes, see roster.h).
std::set<std::string> students_of_classes(const State& state, const std::vector<std::string>& class_ids);

// Why a refund request or decision for `student_id` would be refused, "" when it can be made:
// a request while one is open, a decision without an open request.
std::string refund_request_refusal(const State& state, const std::string& student_id, TimeMs now);
std::string refund_decision_refusal(const State& state, const std::string& student_id, TimeMs now);

}  // namespace wb
