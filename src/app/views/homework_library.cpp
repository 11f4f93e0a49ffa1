// The class's excellent works [优秀作业] (newest first, with their grade and comment) and
// the lesson's leaderboard [排行榜], copied as text for the class group after the lesson.
#include "views/homework_ui.h"

#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "views/lesson_picker.h"
#include "views/lessons_ui.h"
#include "widgets.h"

namespace wb::app::homework_ui {

using lessons_ui::label;

void draw_excellent(const HomeworkModel& m) {
    if (m.excellent.empty()) return label(ui::tr("homework.excellent.empty"), theme::palette().text_secondary);
    const State* st = workspace().view();
    for (const ExcellentWork& w : m.excellent) {
        label(ui::format("homework.excellent.line", {{"name", w.name}, {"lesson", st ? lesson_label(*st, w.lesson_id) : w.lesson_id},
                                                     {"grade", w.grade.empty() ? ui::tr("homework.ungraded") : w.grade},
                                                     {"when", when_text(w.at)}}),
              theme::palette().text);
        if (!w.comment.empty()) {
            ImGui::Indent(16);
            label(w.comment, theme::palette().text_secondary);
            ImGui::Unindent(16);
        }
    }
}

void draw_leaderboard(const HomeworkModel& m) {
    HomeworkUi& s = state();
    if (m.leaderboard.empty()) return label(ui::tr("homework.leaderboard.empty"), theme::palette().text_secondary);
    if (widgets::primary_button(ui::tr("homework.leaderboard.copy"))) s.last = copy_leaderboard(m);
    lessons_ui::show_result(s.last);
    const std::string text = leaderboard_text(m);
    size_t start = 0;
    for (int line = 0; start <= text.size(); ++line) {
        const size_t end = text.find('\n', start);
        label(text.substr(start, end == std::string::npos ? std::string::npos : end - start),
              line == 0 ? theme::palette().text : theme::palette().text_secondary);
        if (end == std::string::npos) break;
        start = end + 1;
    }
}

}  // namespace wb::app::homework_ui
