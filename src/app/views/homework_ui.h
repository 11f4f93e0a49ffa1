#pragma once
// The Homework view's parts [练习] (homework_view.cpp: header and submissions with the urge;
// homework_grading.cpp: batch grading; homework_library.cpp: excellent works and leaderboard)
// and the state they share. Labels, row buttons and the channel picker are the lesson view's.
#include <string>
#include <vector>

#include "core/comment_phrases.h"

#include "views/homework_actions.h"

namespace wb::app::homework_ui {

enum class Tab { Submissions, Grading, Excellent, Leaderboard };

struct HomeworkUi {
    int tab = 0;                    // Tab
    char urge_filter[64] = {};
    HomeworkActionResult last;      // the last action's line
    // Batch grading: the work on screen and what is typed for it.
    bool ungraded_only = false;
    std::string current;            // student id
    std::string loaded_for;         // the work whose grade and comment are in the fields
    std::string grade;              // "S" / "A" / "B" / ""
    char comment[512] = {};
};

HomeworkUi& state();

// "11月21日 周六 14:00" of `at`, or "—".
std::string when_text(TimeMs at);

// Batch grading: the phrase library for the chosen grade (cached), the phrases filled in for a
// student, and the position of the work on screen in `queue` (-1: none to grade).
const std::vector<CommentPhrase>& grading_phrases(const HomeworkModel& m);
std::vector<std::string> filled_phrases(const HomeworkModel& m, const std::string& student_id);
int grading_position(const HomeworkModel& m, const std::vector<int>& queue);

void draw_grading(const HomeworkModel& m);
void draw_excellent(const HomeworkModel& m);
void draw_leaderboard(const HomeworkModel& m);

}  // namespace wb::app::homework_ui
