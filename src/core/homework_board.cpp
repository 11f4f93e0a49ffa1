#include "core/homework_board.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/conditions.h"

namespace wb {
namespace {


// Fills the row from the student's events about the lesson (time order, retractions applied).
void fill_row(HomeworkRow& row, const std::vector<const Event*>& events, const std::string& lesson_id) {
    for (const Event* e : events) {
        if (e->lesson_id != lesson_id) continue;
        switch (e->kind) {
        case EventKind::HomeworkSubmitted:
            if (row.submitted_at == 0) row.submitted_at = e->at;
            break;
        case EventKind::Grade:  // a later grade replaces the earlier one; its feedback is new
            row.grade = e->value;
            row.comment = e->text;
            row.graded_at = e->at;
            row.feedback_sent_at = 0;
            row.feedback_message_id.clear();
            row.feedback_viewed_at = 0;
            break;
        case EventKind::FeedbackSent:
            if (!row.graded()) break;
            row.feedback_sent_at = e->at;
            row.feedback_message_id = e->ref_id;
            break;
        case EventKind::FeedbackViewed:
            if (row.feedback_sent_at != 0) row.feedback_viewed_at = e->at;
            break;
        case EventKind::ExcellentWork:
            row.excellent = true;
            break;
        default: break;
        }
    }
}

int grade_order(const std::string& grade) { return grade == "S" ? 0 : grade == "A" ? 1 : 2; }

}  // namespace

HomeworkBoard homework_board(const State& state, const ClassLesson& lesson, TimeMs now) {
    HomeworkBoard b;
    b.class_id = lesson.class_id;
    b.lesson_id = lesson.lesson_id;
    b.lesson_end = lesson.end;
    const EventHistory history(state, now);
    for (const std::string& sid : class_student_ids(state, lesson.class_id)) {
        HomeworkRow row;
        row.student_id = sid;
        if (auto s = state.students.find(sid); s != state.students.end()) row.name = s->second.name;
        fill_row(row, history.of(sid), lesson.lesson_id);
        b.submitted += row.submitted() ? 1 : 0;
        b.graded += row.graded() ? 1 : 0;
        b.feedback_sent += row.feedback_sent_at != 0 ? 1 : 0;
        b.feedback_viewed += row.feedback_viewed_at != 0 ? 1 : 0;
        b.rows.push_back(std::move(row));
    }
    b.remaining = static_cast<int>(b.rows.size()) - b.submitted;
    std::stable_sort(b.rows.begin(), b.rows.end(), [](const HomeworkRow& x, const HomeworkRow& y) {
        if (x.submitted() != y.submitted()) return x.submitted();
        if (x.submitted()) return x.submitted_at < y.submitted_at;
        return x.name < y.name;
    });
    for (int h : kUrgeHours) {
        const TimeMs at = lesson.end + h * kHourMs;
        if (at <= now) ++b.urges_due;
        else if (b.next_urge_at == 0) b.next_urge_at = at;
    }
    return b;
}

std::vector<int> grading_queue(const HomeworkBoard& board, bool ungraded_only) {
    std::vector<int> queue;
    for (size_t i = 0; i < board.rows.size(); ++i) {
        const HomeworkRow& r = board.rows[i];
        if (r.submitted() && !(ungraded_only && r.graded())) queue.push_back(static_cast<int>(i));
    }
    return queue;
}

std::vector<std::string> urge_recipients(const HomeworkBoard& board, const std::string& filter) {
    std::vector<std::string> ids;
    for (const HomeworkRow& r : board.rows)
        if (!r.submitted() && (filter.empty() || r.name.find(filter) != std::string::npos)) ids.push_back(r.student_id);
    return ids;
}

std::vector<LeaderboardEntry> class_leaderboard(const HomeworkBoard& board) {
    std::vector<LeaderboardEntry> list;
    for (const HomeworkRow& r : board.rows)
        if (r.graded() && r.submitted()) list.push_back({0, r.student_id, r.name, r.grade, r.submitted_at});
    std::stable_sort(list.begin(), list.end(), [](const LeaderboardEntry& x, const LeaderboardEntry& y) {
        if (grade_order(x.grade) != grade_order(y.grade)) return grade_order(x.grade) < grade_order(y.grade);
        return x.submitted_at < y.submitted_at;
    });
    for (size_t i = 0; i < list.size(); ++i) {
        const bool tie = i > 0 && list[i].grade == list[i - 1].grade && list[i].submitted_at == list[i - 1].submitted_at;
        list[i].rank = tie ? list[i - 1].rank : static_cast<int>(i) + 1;
    }
    return list;
}

std::vector<ExcellentWork> excellent_works(const State& state, const std::vector<std::string>& class_ids, TimeMs now) {
    std::set<std::string> students;
    for (const std::string& c : class_ids)
        for (const std::string& sid : class_student_ids(state, c)) students.insert(sid);
    const EventHistory history(state, now);
    std::vector<ExcellentWork> out;
    for (const std::string& sid : students) {
        // The work's grade and comment as they are now (a work is often chosen before it is graded).
        std::map<std::string, std::pair<std::string, std::string>> graded;  // lesson -> grade, comment
        for (const Event* e : history.of(sid))
            if (e->kind == EventKind::Grade) graded[e->lesson_id] = {e->value, e->text};
        for (const Event* e : history.of(sid)) {
            if (e->kind != EventKind::ExcellentWork) continue;
            ExcellentWork w;
            w.event_id = e->id;
            w.student_id = sid;
            if (auto s = state.students.find(sid); s != state.students.end()) w.name = s->second.name;
            w.lesson_id = e->lesson_id;
            if (auto g = graded.find(e->lesson_id); g != graded.end()) w.grade = g->second.first, w.comment = g->second.second;
            w.why = e->text;
            w.at = e->at;
            out.push_back(std::move(w));
        }
    }
    std::sort(out.begin(), out.end(), [](const ExcellentWork& a, const ExcellentWork& b) {
        return a.at != b.at ? a.at > b.at : a.event_id < b.event_id;
    });
    return out;
}

std::vector<const HomeworkRow*> feedback_targets(const HomeworkBoard& board) {
    std::vector<const HomeworkRow*> out;
    for (const HomeworkRow& r : board.rows)
        if (r.graded() && r.feedback_sent_at == 0) out.push_back(&r);
    return out;
}

}  // namespace wb
