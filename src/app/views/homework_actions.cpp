#include "views/homework_actions.h"

#include "core/mutation.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "ui_text.h"
#include "views/lesson_picker.h"
#include "views/parent_messages.h"

#include <imgui.h>

namespace wb::app {
namespace {

Json event_args(const HomeworkModel& m, const char* kind, const std::string& student_id) {
    Json args{{"id", workspace().new_id("hw")}, {"kind", kind}, {"at", static_cast<int64_t>(js::now_utc_ms())},
              {"studentId", student_id}, {"lessonId", m.lesson.id}, {"source", "manual"}};
    if (std::string actor = workspace().actor_id(); !actor.empty()) args["actorId"] = actor;
    return args;
}

std::string submit(const Json& args) {
    const Workspace::Submitted r = workspace().submit(Mutation{"event.record", args});
    return r.ok ? "" : r.reason;
}

std::string student_name(const HomeworkModel& m, const std::string& student_id) {
    const HomeworkRow* r = homework_row(m, student_id);
    return r && !r->name.empty() ? r->name : student_id;
}

}  // namespace

HomeworkActionResult urge_missing(const HomeworkModel& m, const std::vector<std::string>& student_ids,
                                  const std::string& channel_id) {
    if (student_ids.empty()) return {false, ui::tr("homework.urge.nobody")};
    std::vector<ParentMessage> messages;
    for (const std::string& id : student_ids)
        messages.push_back({id, student_name(m, id), parent_phone_of(id), homework_message_text(m, kUrgeKey, id)});
    const ParentMessagesSent sent = send_parent_messages(messages, "urge", kUrgeKey, m.lesson.id, channel_id);
    return {sent.ok, sent.line};
}

HomeworkActionResult save_grade(const HomeworkModel& m, const std::string& student_id, const std::string& grade,
                                const std::string& comment) {
    if (grade != "S" && grade != "A" && grade != "B") return {false, ui::tr("homework.grading.pick_grade")};
    Json args = event_args(m, "grade", student_id);
    args["value"] = grade;
    if (!comment.empty()) args["text"] = comment;
    if (std::string why = submit(args); !why.empty()) return {false, ui::format("homework.refused", {{"reason", why}})};
    platform::request_redraw();
    return {true, ui::format(grade == "B" ? "homework.grading.saved_b" : "homework.grading.saved",
                             {{"student", student_name(m, student_id)}, {"grade", grade}})};
}

HomeworkActionResult mark_excellent(const HomeworkModel& m, const std::string& student_id) {
    const HomeworkRow* row = homework_row(m, student_id);
    if (row && row->excellent)
        return {true, ui::format("homework.excellent.already", {{"student", student_name(m, student_id)}})};
    if (std::string why = submit(event_args(m, "excellent_work", student_id)); !why.empty())
        return {false, ui::format("homework.refused", {{"reason", why}})};
    platform::request_redraw();
    return {true, ui::format("homework.excellent.saved", {{"student", student_name(m, student_id)}})};
}

HomeworkActionResult send_feedback(const HomeworkModel& m, const std::vector<const HomeworkRow*>& targets,
                                   const std::string& channel_id) {
    if (targets.empty()) return {false, ui::tr("homework.feedback.nobody")};
    std::vector<ParentMessage> messages;
    for (const HomeworkRow* r : targets)
        messages.push_back({r->student_id, r->name, parent_phone_of(r->student_id),
                            homework_message_text(m, kFeedbackKey, r->student_id,
                                                  {{"grade", r->grade}, {"comment", r->comment}})});
    const ParentMessagesSent sent = send_parent_messages(messages, "feedback", kFeedbackKey, m.lesson.id, channel_id);
    // The feedback's own event: the homework board and the metrics count feedback by it.
    std::string refused;
    for (size_t i = 0; i < sent.sent.size(); ++i) {
        Json args = event_args(m, "feedback_sent", sent.sent[i]);
        if (!sent.message_ids[i].empty()) args["refId"] = sent.message_ids[i];
        if (std::string why = submit(args); !why.empty()) refused = why;
    }
    if (!refused.empty()) return {false, sent.line + " " + ui::format("homework.refused", {{"reason", refused}})};
    return {sent.ok, sent.line};
}

std::string leaderboard_text(const HomeworkModel& m) {
    const State* state = workspace().view();
    std::string text = ui::format("homework.leaderboard.title",
                                  {{"class", m.class_name}, {"lesson", state ? lesson_label(*state, m.lesson.id) : m.lesson.id}});
    for (const LeaderboardEntry& e : m.leaderboard)
        text += "\n" + ui::format("homework.leaderboard.line",
                                  {{"rank", std::to_string(e.rank)}, {"name", e.name}, {"grade", e.grade}});
    return text;
}

HomeworkActionResult copy_leaderboard(const HomeworkModel& m) {
    if (m.leaderboard.empty()) return {false, ui::tr("homework.leaderboard.empty")};
    ImGui::SetClipboardText(leaderboard_text(m).c_str());
    return {true, ui::format("homework.leaderboard.copied", {{"count", std::to_string(m.leaderboard.size())}})};
}

}  // namespace wb::app
