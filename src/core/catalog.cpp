#include "core/catalog.h"

namespace wb {

const std::vector<MetricInfo>& metric_catalog()
{
    static const std::vector<MetricInfo> items{
        {"students_per_tutor", MetricUnit::PerTutor},
        {"home_visit_rate", MetricUnit::Rate},
        {"phone_reach_rate", MetricUnit::Rate},
        {"call_3min_rate", MetricUnit::Rate},
        {"material_mailing_rate", MetricUnit::Rate},
        {"wechat_added_rate", MetricUnit::Rate},
        {"pre_class_contact_rate", MetricUnit::Rate},
        {"meetup_attendance_rate", MetricUnit::Rate},
        {"midweek_checkin_rate", MetricUnit::Rate},
        {"lesson_prep_rate", MetricUnit::Rate},
        {"explanation_video_rate", MetricUnit::Rate},
        {"pre_attendance_reply_rate", MetricUnit::Rate},
        {"attendance_rate", MetricUnit::Rate},
        {"reminder_call_rate", MetricUnit::Rate},
        {"class_completion_rate", MetricUnit::Rate},
        {"dropout_followup_5min_rate", MetricUnit::Rate},
        {"homework_submission_48h_rate", MetricUnit::Rate},
        {"grading_rate", MetricUnit::Rate},
        {"correction_rate", MetricUnit::Rate},
        {"feedback_rate", MetricUnit::Rate},
        {"leaderboard_rate", MetricUnit::Rate},
        {"b_grade_1on1_rate", MetricUnit::Rate},
        {"extra_session_attendance_rate", MetricUnit::Rate},
        {"monthly_followup_rate", MetricUnit::Rate},
        {"pre_renewal_followup_rate", MetricUnit::Rate},
        {"refund_rate", MetricUnit::Rate},
        {"rescue_success_rate", MetricUnit::Rate},
        {"warmup_push_count", MetricUnit::Count},
        {"reservation_rate", MetricUnit::Rate},
        {"order_rate", MetricUnit::Rate},
        {"renewal_rate", MetricUnit::Rate},
        {"handover_rate", MetricUnit::Rate},
        {"complaint_count", MetricUnit::Count},
        {"complaint_followup_rate", MetricUnit::Rate},
        // CSM (seed 000)
        {"training_acceptance_rate", MetricUnit::Rate},
        {"response_sla_rate", MetricUnit::Rate},
        {"resolution_sla_rate", MetricUnit::Rate},
        {"incident_response_sla_rate", MetricUnit::Rate},
        {"handoff_on_time_rate", MetricUnit::Rate},
        {"customers_per_csm", MetricUnit::PerTutor},
    };
    return items;
}

const MetricInfo* find_metric(const std::string& id)
{
    for (const auto& m : metric_catalog())
        if (id == m.id) return &m;
    return nullptr;
}

const std::vector<ConditionInfo>& condition_catalog()
{
    static const std::vector<ConditionInfo> items{
        {"not_on_leave", false, "the student has not asked for leave for the lesson"},
        {"confirmed_attend", false, "the student confirmed attendance for the lesson"},
        {"no_attendance_mark", false, "no attend/leave mark yet for the lesson"},
        {"not_entered_class", false, "the student has not entered the live lesson"},
        {"not_submitted", false, "no homework submitted for the lesson"},
        {"ungraded", false, "the submitted homework has no grade"},
        {"feedback_not_sent", false, "graded but no feedback sent"},
        {"not_corrected", false, "graded but no correction handed in"},
        {"no_contact_since_open", false, "no call, message or visit since the instance appeared"},
        {"no_visit_since_open", false, "no follow-up visit recorded since the instance appeared"},
        {"no_call_3min", false, "no reached call of at least 3 minutes since enrolment"},
        {"material_not_mailed", false, "course material not mailed yet"},
        {"wechat_not_added", false, "WeChat not added yet"},
        {"refund_pending", false, "a refund request without a decision"},
        {"ticket_open", false, "the ticket has no resolution yet"},
        {"missing_event", true, "no event <kind>[=<value>] since enrolment, e.g. missing_event:renewal_step=order"},
        {"has_event", true, "an event <kind>[=<value>] since enrolment, e.g. has_event:renewal_step=reservation"},
    };
    return items;
}

const ConditionInfo* find_condition(const std::string& name)
{
    for (const auto& c : condition_catalog())
        if (name == c.name) return &c;
    return nullptr;
}

}  // namespace wb
