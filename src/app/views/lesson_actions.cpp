#include "views/lesson_actions.h"

#include "core/mutation.h"
#include "core/student_timeline.h"
#include "js_reply.h"
#include "offline/channel_list.h"
#include "offline/workspace.h"
#include "platform.h"
#include "ui_text.h"

#include <imgui.h>

namespace wb::app {
namespace {

int64_t now_ms() { return static_cast<int64_t>(js::now_utc_ms()); }

Json event_args(const LessonModel& m, const char* kind, const std::string& student_id) {
    Json args{{"id", workspace().new_id("lesson")}, {"kind", kind}, {"at", now_ms()}, {"studentId", student_id},
              {"lessonId", m.lesson.id}, {"source", "manual"}};
    if (std::string actor = workspace().actor_id(); !actor.empty()) args["actorId"] = actor;
    return args;
}

LessonActionResult submit(const Mutation& mutation, std::string done) {
    const Workspace::Submitted r = workspace().submit(mutation);
    if (!r.ok) return {false, ui::format("lessons.refused", {{"reason", r.reason}})};
    platform::request_redraw();
    return {true, std::move(done)};
}

std::string student_name(const LessonModel& m, const std::string& student_id) {
    const LessonBoardRow* r = board_row(m, student_id);
    return r && !r->name.empty() ? r->name : student_id;
}

std::string kind_of(const char* key) { return std::string(key).rfind("survey.", 0) == 0 ? "survey" : "reminder"; }

// One message through a channel (message.queue); the refusal's reason, or "".
std::string queue_one(const LessonModel& m, const LessonBoardRow& r, const char* key, const std::string& text,
                      const std::string& channel_id) {
    Json recipient{{"role", "parent"}};
    if (!r.parent_phone.empty()) recipient["address"] = r.parent_phone;
    Json args{{"id", workspace().new_id("msg")}, {"kind", kind_of(key)}, {"studentId", r.student_id},
              {"lessonId", m.lesson.id}, {"recipient", recipient}, {"channel", channel_id}, {"text", text},
              {"templateId", key}, {"at", now_ms()}};
    if (std::string by = workspace().actor_id(); !by.empty()) args["by"] = by;
    const Workspace::Submitted s = workspace().submit(Mutation{"message.queue", args});
    return s.ok ? "" : s.reason;
}

// One message the tutor sends from the clipboard, recorded as sent.
std::string record_copied(const LessonModel& m, const LessonBoardRow& r, const char* key, const std::string& text) {
    Json args = event_args(m, "message_sent", r.student_id);
    args["value"] = key;
    args["channel"] = "wechat";
    args["text"] = text;
    const Workspace::Submitted s = workspace().submit(Mutation{"event.record", args});
    return s.ok ? "" : s.reason;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : "、") + n;
    return out;
}

}  // namespace

LessonActionResult send_lesson_messages(const LessonModel& m, const std::vector<const LessonBoardRow*>& targets,
                                        const char* key, const std::string& channel_id) {
    if (targets.empty()) return {false, ui::tr("lessons.send.nobody")};
    const ChannelSummary* channel = channel_id.empty() ? nullptr : channel_directory().find(channel_id);
    if (!channel_id.empty() && (!channel || !channel->enabled))
        return {false, ui::format("lessons.send.no_channel", {{"channel", channel_id}})};
    std::vector<std::string> no_phone, refused;
    std::string clipboard, reason;
    int sent = 0;
    for (const LessonBoardRow* r : targets) {
        const std::string text = lesson_message_text(m, key, r->student_id);
        if (text.empty()) return {false, ui::format("lessons.send.no_template", {{"key", key}})};
        if (channel && channel->type == "sms" && r->parent_phone.empty()) {
            no_phone.push_back(r->name);
            continue;
        }
        const std::string why = channel ? queue_one(m, *r, key, text, channel->id) : record_copied(m, *r, key, text);
        if (!why.empty()) {
            refused.push_back(r->name);
            reason = why;
            continue;
        }
        if (!channel) clipboard += (clipboard.empty() ? "" : "\n\n") + text;
        ++sent;
    }
    if (!clipboard.empty()) ImGui::SetClipboardText(clipboard.c_str());
    std::string line = ui::format(channel ? (platform::online() ? "lessons.send.queued" : "lessons.send.queued_offline")
                                          : "lessons.send.copied",
                                  {{"count", std::to_string(sent)}, {"channel", channel_id}});
    if (!no_phone.empty()) line += " " + ui::format("lessons.send.skipped_phone", {{"names", joined(no_phone)}});
    if (!refused.empty()) line += " " + ui::format("lessons.send.refused", {{"names", joined(refused)}, {"reason", reason}});
    platform::request_redraw();
    return {no_phone.empty() && refused.empty(), line};
}

LessonActionResult mark_attendance(const LessonModel& m, const std::string& student_id, const char* value) {
    Json args = event_args(m, "attendance_mark", student_id);
    args["value"] = value;
    return submit(Mutation{"event.record", args},
                  ui::format(std::string(value) == "leave" ? "lessons.marked.leave" : "lessons.marked.attend",
                             {{"student", student_name(m, student_id)}}));
}

LessonActionResult record_class_event(const LessonModel& m, const std::string& student_id, const char* kind,
                                      const char* value) {
    Json args = event_args(m, kind, student_id);
    if (value) args["value"] = value;
    const std::string what = value ? std::string("lessons.recorded.") + value : std::string("lessons.recorded.") + kind;
    return submit(Mutation{"event.record", args}, ui::format(what.c_str(), {{"student", student_name(m, student_id)}}));
}

LessonActionResult log_lesson_call(const LessonModel& m, const std::string& student_id, const char* duration,
                                   bool reached) {
    const DurationInput d = parse_call_duration(duration ? duration : "");
    if (!d.ok()) return {false, ui::format(d.error.key.c_str(), d.error.values)};
    Json args = event_args(m, "call", student_id);
    args["durationSec"] = d.seconds;
    args["value"] = reached ? "reached" : "unreached";
    return submit(Mutation{"event.record", args},
                  ui::format(reached ? "lessons.call.logged_reached" : "lessons.call.logged_unreached",
                             {{"student", student_name(m, student_id)},
                              {"minutes", std::to_string(d.seconds / 60)},
                              {"seconds", std::to_string(d.seconds % 60)}}));
}

}  // namespace wb::app
