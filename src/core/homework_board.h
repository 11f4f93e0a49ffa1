#pragma once
// The homework page of one class lesson [练习]: who submitted (and when), who is still missing,
// each work's grade, comment and feedback state, the template's urge reminders at 12/24/36/48 h
// after the lesson ("32 已提交, 18 未交"), and the class leaderboard to share after the lesson.
// Pure: built from the state and a moment; retracted events do not count.
#include <string>
#include <vector>

#include "core/class_lessons.h"
#include "core/state.h"

namespace wb {

struct HomeworkRow {
    std::string student_id;
    std::string name;
    TimeMs submitted_at = 0;      // 0: not submitted (by `now`)
    std::string grade;            // "S" / "A" / "B" or "" when not graded
    std::string comment;          // the grade event's text
    TimeMs graded_at = 0;
    TimeMs feedback_sent_at = 0;  // 0: no feedback sent since the grade
    std::string feedback_message_id;  // the outbox message to the parent, "" when copied by hand
    TimeMs feedback_viewed_at = 0;
    bool excellent = false;       // in the excellent-works library
    bool submitted() const { return submitted_at != 0; }
    bool graded() const { return !grade.empty(); }
};

struct HomeworkBoard {
    std::string class_id;
    std::string lesson_id;
    TimeMs lesson_end = 0;
    std::vector<HomeworkRow> rows;  // submitted first (earliest first), then the missing by name
    int submitted = 0;
    int remaining = 0;
    int graded = 0;
    int feedback_sent = 0;
    int feedback_viewed = 0;
    // The urge reminders at 12/24/36/48 h after the lesson's end: how many are due by `now`
    // (0..4) and when the next one is (0 when all four are past).
    int urges_due = 0;
    TimeMs next_urge_at = 0;
};

// Hours after the lesson's end at which the tutor is reminded to urge the missing students.
inline const int kUrgeHours[4] = {12, 24, 36, 48};

HomeworkBoard homework_board(const State& state, const ClassLesson& lesson, TimeMs now);

// The positions in board.rows of the works to grade one after another: submitted, in the order
// of the rows; `ungraded_only` leaves out the graded ones.
std::vector<int> grading_queue(const HomeworkBoard& board, bool ungraded_only);

// The students still missing whose name contains `filter` (empty: all of them), for the urge.
std::vector<std::string> urge_recipients(const HomeworkBoard& board, const std::string& filter);

// The class leaderboard: graded works ranked by grade (S, A, B), then by who submitted first.
struct LeaderboardEntry {
    int rank = 0;  // 1-based; equal grade and submission time share a rank
    std::string student_id;
    std::string name;
    std::string grade;
    TimeMs submitted_at = 0;
};
std::vector<LeaderboardEntry> class_leaderboard(const HomeworkBoard& board);

// The excellent-works library [优秀作业] of the given classes: every work the tutor chose, newest
// first, with the work's grade and comment (as of `now`).
struct ExcellentWork {
    std::string event_id;
    std::string student_id;
    std::string name;
    std::string lesson_id;
    std::string grade;
    std::string comment;
    std::string why;   // the tutor's note when choosing it
    TimeMs at = 0;
};
std::vector<ExcellentWork> excellent_works(const State& state, const std::vector<std::string>& class_ids, TimeMs now);

// The graded works whose feedback has not been sent: one-click feedback goes to these.
std::vector<const HomeworkRow*> feedback_targets(const HomeworkBoard& board);

}  // namespace wb
