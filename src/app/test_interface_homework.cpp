// The Homework view's half of window.workbench.query (tests only): the board, the grading state
// and the phrase library the view draws, read from the same cached model (views/homework_model.cpp).
#include "offline/workspace.h"
#include "test_queries.h"
#include "views/homework_actions.h"
#include "views/homework_ui.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace wb::app {
namespace {

json row_json(const HomeworkRow& r) {
    return {{"studentId", r.student_id}, {"name", r.name}, {"submittedAt", r.submitted_at}, {"grade", r.grade},
            {"comment", r.comment}, {"gradedAt", r.graded_at}, {"feedbackSentAt", r.feedback_sent_at},
            {"feedbackViewedAt", r.feedback_viewed_at}, {"feedbackMessageId", r.feedback_message_id},
            {"excellent", r.excellent}};
}

json grading_json(const HomeworkModel& m) {
    const homework_ui::HomeworkUi& s = homework_ui::state();
    const std::vector<int> queue = grading_queue(m.board, s.ungraded_only);
    json phrases = json::array();
    for (const CommentPhrase& p : homework_ui::grading_phrases(m))
        phrases.push_back({{"text", p.text}, {"personal", p.personal}, {"uses", p.uses}});
    const std::string current = homework_ui::grading_position(m, queue) >= 0 ? s.current : "";
    return {{"queue", queue.size()}, {"current", current}, {"grade", s.grade}, {"comment", s.comment},
            {"ungradedOnly", s.ungraded_only}, {"phrases", phrases},
            {"filled", current.empty() ? json::array() : json(homework_ui::filled_phrases(m, current))}};
}

const bool registered = register_test_query("homework.state", [](const json&) {
    const HomeworkModel& m = homework_model();
    if (!m.ready) return json{{"ready", false}};
    const HomeworkBoard& b = m.board;
    json rows = json::array();
    for (const HomeworkRow& r : b.rows) rows.push_back(row_json(r));
    json excellent = json::array();
    for (const ExcellentWork& w : m.excellent)
        excellent.push_back({{"studentId", w.student_id}, {"lessonId", w.lesson_id}, {"grade", w.grade}, {"at", w.at}});
    json leaderboard = json::array();
    for (const LeaderboardEntry& e : m.leaderboard)
        leaderboard.push_back({{"rank", e.rank}, {"studentId", e.student_id}, {"grade", e.grade}});
    const homework_ui::HomeworkUi& s = homework_ui::state();
    return json{{"ready", true}, {"classId", b.class_id}, {"lessonId", b.lesson_id}, {"lessonEnd", b.lesson_end},
                {"rows", rows}, {"submitted", b.submitted}, {"remaining", b.remaining}, {"graded", b.graded},
                {"feedbackSent", b.feedback_sent}, {"feedbackViewed", b.feedback_viewed}, {"urgesDue", b.urges_due},
                {"nextUrgeAt", b.next_urge_at}, {"tab", s.tab}, {"grading", grading_json(m)},
                {"excellent", excellent}, {"leaderboard", leaderboard}, {"leaderboardText", leaderboard_text(m)},
                {"last", {{"ok", s.last.ok}, {"message", s.last.message}}}, {"computations", m.computations}};
});

// The outbox messages of one kind about a student and the open lesson: who they go to, in what
// words, and how far they got. {studentId, kind}.
const bool messages_registered = register_test_query("homework.messages", [](const json& args) {
    const State* state = workspace().view();
    const HomeworkModel& m = homework_model();
    json out = json::array();
    if (!state || !m.ready) return out;
    const std::string student = args.value("studentId", std::string());
    const std::string kind = args.value("kind", std::string("feedback"));
    for (const auto& [id, msg] : state->messages)
        if (msg.student_id == student && msg.lesson_id == m.lesson.id && to_string(msg.kind) == kind)
            out.push_back({{"id", id}, {"role", to_string(msg.recipient.role)}, {"address", msg.recipient.address},
                           {"channel", msg.channel}, {"state", to_string(msg.state)}, {"text", msg.text},
                           {"templateId", msg.template_id}});
    return out;
});

}  // namespace
}  // namespace wb::app
