#pragma once
// The roster [学员]: one row per student a user looks after, with what a tutor scans for at a
// glance (class, refund risk, the last lesson's attendance and homework, a due follow-up visit,
// the last contact). Rows are derived from the State once per data change; searching, filtering
// and sorting them (roster_query.h) is cheap enough to run on every keystroke at 10 000 rows.
#include <string>
#include <vector>

#include "core/pinyin.h"
#include "core/refund_risk.h"
#include "core/schedule.h"
#include "core/state.h"

namespace wb {

// The student's last ended lesson (of their class's course).
enum class AttendanceState { NotYet, Attended, OnLeave, Absent };
inline const std::vector<const char*>& enum_names(AttendanceState)
{
    static const std::vector<const char*> n{"not_yet", "attended", "on_leave", "absent"};
    return n;
}

// Homework of the last ended lesson; graded work shows its grade.
enum class HomeworkState { NotYet, Missing, Submitted, GradedS, GradedA, GradedB };
inline const std::vector<const char*>& enum_names(HomeworkState)
{
    static const std::vector<const char*> n{"not_yet", "missing", "submitted", "graded_s", "graded_a", "graded_b"};
    return n;
}

// A follow-up visit [回访] the SOP asks for: an open or overdue schedule instance of a sub-task
// with the condition "no_visit_since_open" (tutor template: 月度回访 after lessons 4/8/12,
// 续报前回访 two weeks before the course ends) that still lists the student.
enum class FollowUpState { None, Due, Overdue };
inline const std::vector<const char*>& enum_names(FollowUpState)
{
    static const std::vector<const char*> n{"none", "due", "overdue"};
    return n;
}

struct RosterRow {
    std::string student_id;
    std::string name;
    std::string initials;  // customary pinyin initials ("张伟" -> "zw"), also the name's sort key
    PinyinKey pinyin;      // every reading, for search
    std::string parent_name;
    std::string parent_phone;
    std::string student_phone;  // the student's own, for search by a phone's last digits
    std::string class_id;
    std::string class_name;
    std::string tutor_id;
    std::string tutor_name;
    EnrolmentStatus enrolment = EnrolmentStatus::Active;
    RiskLevel risk = RiskLevel::Low;
    double risk_probability = 0;
    AttendanceState attendance = AttendanceState::NotYet;
    HomeworkState homework = HomeworkState::NotYet;
    std::string last_lesson_id;  // the lesson attendance and homework are about ("" = none ended)
    FollowUpState follow_up = FollowUpState::None;
    TimeMs follow_up_due_at = 0;  // earliest due time of the follow-ups (0 = none)
    TimeMs last_contact_at = 0;   // latest call, visit or message to the parent (0 = never)
};

// Which students `user_id` sees: a tutor those enrolled in their classes, a manager those of
// their tutors' classes, an admin everyone enrolled anywhere. Unknown users see nobody.
std::vector<std::string> visible_class_ids(const State& state, const std::string& user_id);

struct RosterInput {
    std::string user_id;
    TimeMs now = 0;
    const RiskModel* risk_model = nullptr;         // nullptr: every row Low (no model yet)
    const std::vector<DueTask>* due_tasks = nullptr;  // compute_schedule(...).tasks; nullptr: no follow-ups
    const SopTemplate* sop = nullptr;              // which sub-tasks are follow-up visits
};

// One row per student with an enrolment in a visible class (an active enrolment wins over a
// refunded or completed one, then the class id), ordered by student id.
std::vector<RosterRow> build_roster(const State& state, const RosterInput& input);

}  // namespace wb
