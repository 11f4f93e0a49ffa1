#include "views/homework_actions.h"

#include "core/mutation.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "ui_text.h"
#include "views/lesson_picker.h"
#include "views/family_messages.h"

#include <imgui.h>

#include <map>

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
    std::vector<FamilyMessage> messages;
    for (const std::string& id : student_ids)
        messages.push_back({id, student_name(m, id), parent_phone_of(id), homework_message_text(m, kUrgeKey, id)});
    const FamilyMessagesSent sent = send_family_messages(messages, "urge", kUrgeKey, m.lesson.id, channel_id);
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

// One click, two recipients: the parent gets the feedback and so does the student, in words
// addressed to them (kStudentFeedbackKey), when they have a phone of their own. The feedback_sent
// event, which the board and the metrics count, refers to the parent's message (the one whose read
// receipt means 家长已查看), or to the student's when only that one went out.
HomeworkActionResult send_feedback(const HomeworkModel& m, const std::vector<const HomeworkRow*>& targets,
                                   const std::string& channel_id) {
    if (targets.empty()) return {false, ui::tr("homework.feedback.nobody")};
    // A template from before the student's text (or one that leaves it out) sends to parents only, and says so.
    const bool to_students = m.template_error.empty() && m.tpl.messages.count(kStudentFeedbackKey) > 0;
    std::vector<FamilyMessage> messages;
    for (const HomeworkRow* r : targets) {
        const std::map<std::string, std::string> values{{"grade", r->grade}, {"comment", r->comment}};
        messages.push_back({r->student_id, r->name, parent_phone_of(r->student_id),
                            homework_message_text(m, kFeedbackKey, r->student_id, values)});
        if (to_students)
            messages.push_back({r->student_id, r->name, student_phone_of(r->student_id),
                            homework_message_text(m, kStudentFeedbackKey, r->student_id, values), RecipientRole::Student,
                            kStudentFeedbackKey});
    }
    const FamilyMessagesSent sent = send_family_messages(messages, "feedback", kFeedbackKey, m.lesson.id, channel_id);
    std::map<std::string, std::string> reference;  // student -> the message the feedback event refers to
    for (const SentFamilyMessage& to : sent.sent)
        if (!reference.count(to.student_id) || to.role == RecipientRole::Parent) reference[to.student_id] = to.message_id;
    std::string refused;
    for (const auto& [student_id, message_id] : reference) {
        Json args = event_args(m, "feedback_sent", student_id);
        if (!message_id.empty()) args["refId"] = message_id;
        if (std::string why = submit(args); !why.empty()) refused = why;
    }
    std::string line = sent.line;
    if (!to_students && !sent.sent.empty())
        line += " " + ui::format("homework.feedback.parents_only", {{"key", kStudentFeedbackKey}});
    if (!refused.empty()) return {false, line + " " + ui::format("homework.refused", {{"reason", refused}})};
    return {sent.ok, line};
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
