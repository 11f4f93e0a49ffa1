#include "core/roster.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/conditions.h"

namespace wb {
namespace {

bool is_visible_class(const State& state, const TutoringClass& c, const User& user)
{
    if (user.role == Role::Admin) return true;
    if (c.tutor_id == user.id) return true;
    if (user.role != Role::Manager) return false;
    auto tutor = state.users.find(c.tutor_id);
    return tutor != state.users.end() && tutor->second.manager_id == user.id;
}

int enrolment_rank(EnrolmentStatus s) { return s == EnrolmentStatus::Active ? 0 : 1; }

// Per course, its lessons ordered by end time.
std::map<std::string, std::vector<const Lesson*>> lessons_by_course(const State& state)
{
    std::map<std::string, std::vector<const Lesson*>> out;
    for (const auto& [_, l] : state.lessons) out[l.course_id].push_back(&l);
    for (auto& [_, list] : out)
        std::sort(list.begin(), list.end(), [](const Lesson* a, const Lesson* b) {
            return a->end != b->end ? a->end < b->end : a->id < b->id;
        });
    return out;
}

const Lesson* last_ended(const std::vector<const Lesson*>& lessons, TimeMs now)
{
    const Lesson* last = nullptr;
    for (const Lesson* l : lessons) {
        if (l->end > now) break;
        last = l;
    }
    return last;
}

AttendanceState attendance_of(const std::vector<const Event*>& events, const std::string& lesson_id)
{
    for (const Event* e : events)
        if (e->kind == EventKind::ClassEntry && e->lesson_id == lesson_id && e->value != "extra")  // "extra": another session
            return AttendanceState::Attended;
    return effective_attendance(events, lesson_id) == "leave" ? AttendanceState::OnLeave : AttendanceState::Absent;
}

HomeworkState homework_of(const std::vector<const Event*>& events, const std::string& lesson_id)
{
    HomeworkState state = HomeworkState::Missing;
    for (const Event* e : events) {  // in time order: the latest grade wins
        if (e->lesson_id != lesson_id) continue;
        if (e->kind == EventKind::Grade) {
            if (e->value == "S") state = HomeworkState::GradedS;
            if (e->value == "A") state = HomeworkState::GradedA;
            if (e->value == "B") state = HomeworkState::GradedB;
        } else if ((e->kind == EventKind::HomeworkSubmitted || e->kind == EventKind::Correction) &&
                   state == HomeworkState::Missing) {
            state = HomeworkState::Submitted;
        }
    }
    return state;
}

TimeMs last_contact(const std::vector<const Event*>& events)
{
    TimeMs at = 0;
    for (const Event* e : events)
        if (e->kind == EventKind::Call || e->kind == EventKind::Visit || e->kind == EventKind::MessageSent)
            at = std::max(at, e->at);
    return at;
}

// Sub-task ids whose instances are follow-up visits (see FollowUpState).
std::set<std::string> follow_up_subtasks(const SopTemplate& sop)
{
    std::set<std::string> out;
    for (const auto& task : sop.tasks)
        for (const auto& sub : task.subtasks)
            if (sub.trigger && std::count(sub.trigger->conditions.begin(), sub.trigger->conditions.end(),
                                          std::string("no_visit_since_open")))
                out.insert(sub.id);
    return out;
}

struct FollowUp {
    FollowUpState state = FollowUpState::None;
    TimeMs due_at = 0;
};

std::map<std::string, FollowUp> follow_ups(const RosterInput& input)
{
    std::map<std::string, FollowUp> out;
    if (!input.due_tasks || !input.sop) return out;
    auto subtasks = follow_up_subtasks(*input.sop);
    for (const DueTask& t : *input.due_tasks) {
        if (!subtasks.count(t.subtask_id)) continue;
        if (t.status != DueStatus::Open && t.status != DueStatus::Overdue) continue;
        for (const auto& id : t.student_ids) {
            FollowUp& f = out[id];
            if (t.status == DueStatus::Overdue) f.state = FollowUpState::Overdue;
            else if (f.state == FollowUpState::None) f.state = FollowUpState::Due;
            f.due_at = f.due_at == 0 ? t.due_at : std::min(f.due_at, t.due_at);
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> visible_class_ids(const State& state, const std::string& user_id)
{
    std::vector<std::string> out;
    auto user = state.users.find(user_id);
    if (user == state.users.end()) return out;
    for (const auto& [id, c] : state.classes)
        if (is_visible_class(state, c, user->second)) out.push_back(id);
    return out;
}

std::vector<RosterRow> build_roster(const State& state, const RosterInput& input)
{
    auto class_ids = visible_class_ids(state, input.user_id);
    std::set<std::string> visible(class_ids.begin(), class_ids.end());

    // Each student's enrolment shown: active first, then the lowest class id.
    std::map<std::string, const Enrolment*> chosen;
    for (const auto& [_, e] : state.enrolments) {
        if (!visible.count(e.class_id) || !state.students.count(e.student_id)) continue;
        const Enrolment*& c = chosen[e.student_id];
        if (!c || enrolment_rank(e.status) < enrolment_rank(c->status) ||
            (enrolment_rank(e.status) == enrolment_rank(c->status) && e.class_id < c->class_id))
            c = &e;
    }

    EventHistory history(state, input.now);
    auto lessons = lessons_by_course(state);
    auto due = follow_ups(input);
    RiskLessons risk_lessons(state);
    std::vector<RosterRow> rows;
    rows.reserve(chosen.size());
    for (const auto& [student_id, enrolment] : chosen) {
        const Student& s = state.students.at(student_id);
        const TutoringClass& c = state.classes.at(enrolment->class_id);
        const auto& events = history.of(student_id);
        RosterRow r;
        r.student_id = student_id;
        r.name = s.name;
        r.initials = pinyin_initials(s.name);
        r.pinyin = pinyin_key(s.name);
        r.parent_name = s.parent_name;
        r.parent_phone = s.parent_phone;
        r.student_phone = s.student_phone;
        r.class_id = c.id;
        r.class_name = c.name;
        r.tutor_id = c.tutor_id;
        auto tutor = state.users.find(c.tutor_id);
        if (tutor != state.users.end()) r.tutor_name = tutor->second.name;
        r.enrolment = enrolment->status;
        auto course = lessons.find(c.course_id);
        if (const Lesson* l = course == lessons.end() ? nullptr : last_ended(course->second, input.now)) {
            r.last_lesson_id = l->id;
            r.attendance = attendance_of(events, l->id);
            r.homework = homework_of(events, l->id);
        }
        if (input.risk_model) {
            RiskAssessment a = assess_risk(state, *input.risk_model, risk_lessons, student_id, events, input.now);
            r.risk = a.level;
            r.risk_probability = a.probability;
        }
        auto f = due.find(student_id);
        if (f != due.end()) {
            r.follow_up = f->second.state;
            r.follow_up_due_at = f->second.due_at;
        }
        r.last_contact_at = last_contact(events);
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace wb
