#include "views/family_messages.h"

#include "js_reply.h"
#include "offline/channel_list.h"
#include "offline/workspace.h"
#include "platform.h"
#include "ui_text.h"

#include <imgui.h>

namespace wb::app {
namespace {

int64_t now_ms() { return static_cast<int64_t>(js::now_utc_ms()); }

// One message through a channel (message.queue); the refusal's reason, or "".
std::string queue_one(const FamilyMessage& p, const char* kind, const char* key, const std::string& lesson_id,
                      const std::string& channel_id, const std::string& id) {
    Json recipient{{"role", to_string(p.role)}};
    if (!p.phone.empty()) recipient["address"] = p.phone;
    Json args{{"id", id}, {"kind", kind}, {"studentId", p.student_id}, {"recipient", recipient},
              {"channel", channel_id}, {"text", p.text}, {"templateId", key}, {"at", now_ms()}};
    if (!lesson_id.empty()) args["lessonId"] = lesson_id;
    if (std::string by = workspace().actor_id(); !by.empty()) args["by"] = by;
    const Workspace::Submitted s = workspace().submit(Mutation{"message.queue", args});
    return s.ok ? "" : s.reason;
}

// One message the tutor sends from the clipboard, recorded as sent.
std::string record_copied(const FamilyMessage& p, const char* key, const std::string& lesson_id) {
    Json args{{"id", workspace().new_id("lesson")}, {"kind", "message_sent"}, {"at", now_ms()},
              {"studentId", p.student_id}, {"source", "manual"}, {"value", key}, {"channel", "wechat"},
              {"text", p.text}};
    if (!lesson_id.empty()) args["lessonId"] = lesson_id;
    if (std::string actor = workspace().actor_id(); !actor.empty()) args["actorId"] = actor;
    const Workspace::Submitted s = workspace().submit(Mutation{"event.record", args});
    return s.ok ? "" : s.reason;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : "、") + n;
    return out;
}

const Student* student_of(const std::string& student_id) {
    const State* state = workspace().view();
    if (!state) return nullptr;
    auto s = state->students.find(student_id);
    return s == state->students.end() ? nullptr : &s->second;
}

}  // namespace

std::string parent_phone_of(const std::string& student_id) {
    const Student* s = student_of(student_id);
    return s ? s->parent_phone : "";
}

std::string student_phone_of(const std::string& student_id) {
    const Student* s = student_of(student_id);
    return s ? s->student_phone : "";
}

FamilyMessagesSent send_family_messages(const std::vector<FamilyMessage>& messages, const char* kind,
                                        const char* template_key, const std::string& lesson_id,
                                        const std::string& channel_id) {
    FamilyMessagesSent out;
    if (messages.empty()) { out.line = ui::tr("lessons.send.nobody"); return out; }
    const ChannelSummary* channel = channel_id.empty() ? nullptr : channel_directory().find(channel_id);
    if (!channel_id.empty() && (!channel || !channel->enabled)) {
        out.line = ui::format("lessons.send.no_channel", {{"channel", channel_id}});
        return out;
    }
    auto key_of = [&](const FamilyMessage& p) { return p.template_key.empty() ? template_key : p.template_key.c_str(); };
    for (const FamilyMessage& p : messages)
        if (p.text.empty()) { out.line = ui::format("lessons.send.no_template", {{"key", key_of(p)}}); return out; }
    std::vector<std::string> no_phone, no_student_phone, refused;
    std::string clipboard, reason;
    for (const FamilyMessage& p : messages) {
        // An SMS needs the phone; a student is reached at their own phone only, on every route
        // (a group robot would post their message into the parents' group).
        const bool student = p.role == RecipientRole::Student;
        if (p.phone.empty() && (student || (channel && channel->type == "sms"))) {
            (student ? no_student_phone : no_phone).push_back(p.name);
            continue;
        }
        const std::string id = channel ? workspace().new_id("msg") : "";
        const std::string why = channel ? queue_one(p, kind, key_of(p), lesson_id, channel->id, id)
                                        : record_copied(p, key_of(p), lesson_id);
        if (!why.empty()) {
            refused.push_back(p.name);
            reason = why;
            continue;
        }
        if (!channel) clipboard += (clipboard.empty() ? "" : "\n\n") + p.text;
        out.sent.push_back({p.student_id, p.role, id});
    }
    if (!clipboard.empty()) ImGui::SetClipboardText(clipboard.c_str());
    out.line = ui::format(channel ? (platform::online() ? "lessons.send.queued" : "lessons.send.queued_offline")
                                  : "lessons.send.copied",
                          {{"count", std::to_string(out.sent.size())}, {"channel", channel_id}});
    if (!no_phone.empty()) out.line += " " + ui::format("lessons.send.skipped_phone", {{"names", joined(no_phone)}});
    if (!no_student_phone.empty())
        out.line += " " + ui::format("lessons.send.skipped_student_phone", {{"names", joined(no_student_phone)}});
    if (!refused.empty()) out.line += " " + ui::format("lessons.send.refused", {{"names", joined(refused)}, {"reason", reason}});
    out.ok = no_phone.empty() && refused.empty();
    platform::request_redraw();
    return out;
}

}  // namespace wb::app
