// Quick actions under the profile's header and their dialogs (Enter confirms, Escape cancels):
//  - log a call: duration as typed ("5:30", "5分30秒", "5"), reached or not, an optional note ->
//    event.record kind "call" with durationSec;
//  - send a template message: one of the SOP template's parent messages rendered for the
//    student and previewed, then either copied to the clipboard (the tutor pastes it into
//    WeChat) and recorded as event.record kind "message_sent", or queued in the outbox
//    (message.queue) for one of the organisation's channels, which the server delivers; queuing
//    works offline (the message waits in the local queue until the next sync);
//  - on the timeline: cancel a message still waiting (message.cancel), and for a message sent
//    through a simulated channel, play the parent's reply (POST /api/inbound/<id>/simulate).
#include "views/student_profile_ui.h"

#include "js_reply.h"
#include "offline/channel_list.h"
#include "offline/workspace.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "views/settings_channels.h"
#include "widgets.h"

#include "core/mutation.h"

#include <imgui.h>

#include <cstring>

namespace wb::app {
namespace {

using namespace profile_ui_parts;

constexpr const char* kCallPopup = "##log_call";
constexpr const char* kMessagePopup = "##send_message";
constexpr const char* kReplyPopup = "##simulated_reply";
constexpr int kFollowUpSeconds = 3 * 60;  // the SOP's first call counts from 3 minutes on
constexpr double kChannelsMaxAgeMs = 60000;
// A choice inside a dialog: a Selectable in a popup closes it unless told otherwise.
constexpr ImGuiSelectableFlags kStaysOpen = ImGuiSelectableFlags_NoAutoClosePopups;

void open(ProfileDialog dialog) {
    ProfileUi& s = profile_ui();
    s.dialog = dialog;
    s.dialog_opening = true;
    s.call_error.clear();
    s.message_error.clear();
    platform::request_redraw();
}

void close_dialog() {
    profile_ui().dialog = ProfileDialog::None;
    ImGui::CloseCurrentPopup();
    platform::request_redraw();
}

// The message template text for the open student in the interface language.
std::string rendered_message(const ProfileData& d, int index) {
    if (index < 0 || index >= static_cast<int>(d.message_keys.size())) return "";
    return render_message(d.tpl, d.message_keys[index], ui::language() == Language::En, d.message_values);
}

Json event_args(const char* prefix, const char* kind, const std::string& student_id) {
    Json args{{"id", workspace().new_id(prefix)}, {"kind", kind}, {"at", static_cast<int64_t>(js::now_utc_ms())},
              {"studentId", student_id}, {"source", "manual"}};
    if (std::string actor = actor_id(); !actor.empty()) args["actorId"] = actor;
    return args;
}

bool submit_call(const ProfileData& d) {
    ProfileUi& s = profile_ui();
    const DurationInput duration = parse_call_duration(s.call_duration);
    if (!duration.ok()) {
        s.call_error = ui::format(duration.error.key.c_str(), duration.error.values);
        return false;
    }
    Json args = event_args("call", "call", d.student.id);
    args["durationSec"] = duration.seconds;
    args["value"] = s.call_reached == 0 ? "reached" : "unreached";
    if (s.call_note[0]) args["text"] = std::string(s.call_note);
    const Workspace::Submitted r = workspace().submit(Mutation{"event.record", args});
    if (!r.ok) {
        s.call_error = ui::format("profile.action.refused", {{"reason", r.reason}});
        return false;
    }
    s.last_action = ui::format("profile.call.logged", {{"minutes", std::to_string(duration.seconds / 60)},
                                                {"seconds", std::to_string(duration.seconds % 60)}});
    s.call_duration[0] = 0;
    s.call_note[0] = 0;
    s.call_reached = 0;
    return true;
}

// The outbox's kind of a template message, from its key: surveys (survey.*), feedback, nudges
// about homework, reminders otherwise.
const char* message_kind_of(const std::string& key) {
    if (key.rfind("survey.", 0) == 0) return "survey";
    if (key.find("feedback") != std::string::npos) return "feedback";
    if (key.find("urge") != std::string::npos || key.find("homework") != std::string::npos) return "urge";
    return "reminder";
}

// The channel the message goes through, or nullptr for "copy and send it myself".
const ChannelSummary* chosen_channel(const ProfileUi& s) {
    if (s.message_route.empty()) return nullptr;
    const ChannelSummary* c = channel_directory().find(s.message_route);
    return c && c->enabled ? c : nullptr;
}

bool record_copied_message(const ProfileData& d, const std::string& text) {
    ProfileUi& s = profile_ui();
    Json args = event_args("msg", "message_sent", d.student.id);
    args["value"] = d.message_keys[s.message_index];
    args["channel"] = "wechat";
    args["text"] = text;
    const Workspace::Submitted r = workspace().submit(Mutation{"event.record", args});
    if (!r.ok) {
        s.message_error = ui::format("profile.action.refused", {{"reason", r.reason}});
        return false;
    }
    ImGui::SetClipboardText(text.c_str());
    s.last_action = ui::tr("profile.message.copied");
    return true;
}

// message.queue: the server delivers it through `channel` (offline it waits in the local queue).
bool queue_message(const ProfileData& d, const std::string& text, const ChannelSummary& channel) {
    ProfileUi& s = profile_ui();
    const std::string& phone = d.student.parent_phone;
    if (channel.type == "sms" && phone.empty()) {
        s.message_error = ui::tr("channels.send.no_phone");
        return false;
    }
    const std::string key = d.message_keys[s.message_index];
    Json recipient{{"role", "parent"}};
    if (!phone.empty()) recipient["address"] = phone;
    const char* kind = message_kind_of(key);
    Json args{{"id", workspace().new_id("msg")}, {"kind", kind}, {"studentId", d.student.id},
              {"recipient", recipient}, {"channel", channel.id}, {"text", text}, {"templateId", key},
              {"at", static_cast<int64_t>(js::now_utc_ms())}};
    if (std::string by = actor_id(); !by.empty()) args["by"] = by;
    if (std::string(kind) == "survey" && !d.message_lesson_id.empty()) args["lessonId"] = d.message_lesson_id;
    const Workspace::Submitted r = workspace().submit(Mutation{"message.queue", args});
    if (!r.ok) {
        s.message_error = ui::format("profile.action.refused", {{"reason", r.reason}});
        return false;
    }
    s.last_action = ui::format(platform::online() ? "channels.send.queued" : "channels.send.queued_offline",
                        {{"channel", channel.id}});
    return true;
}

bool submit_message(const ProfileData& d) {
    ProfileUi& s = profile_ui();
    const std::string text = rendered_message(d, s.message_index);
    if (text.empty()) {
        s.message_error = ui::tr("profile.message.none");
        return false;
    }
    if (const ChannelSummary* c = chosen_channel(s)) return queue_message(d, text, *c);
    return record_copied_message(d, text);
}

// Opens the popup `id` in the frame after `opening` was set; draws its title. Returns whether it
// is open; `wanted` turns false when it was closed from outside (a click elsewhere).
bool begin_modal(const char* id, bool& wanted, bool& opening, const char* title_key) {
    if (wanted && opening) {
        ImGui::OpenPopup(id);
        opening = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(480.0f, display.x - 32.0f);
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f);
    const bool open = ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                                              ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar(2);
    if (!open) {
        if (wanted && !opening) wanted = false;  // closed from outside
        return false;
    }
    ImGui::PushFont(nullptr, theme::kEmptyTitleFontSize);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    widgets::heavy_text(ImGui::GetWindowDrawList(), at, theme::palette().text, ui::tr(title_key));
    ImGui::Dummy(ImGui::CalcTextSize(ui::tr(title_key)));
    ImGui::PopFont();
    ui::note_drawn_at(ui::tr(title_key), at, ImGui::GetItemRectMax());
    ImGui::Dummy(ImVec2(0, 6));
    return true;
}

bool begin_dialog(const char* id, ProfileDialog which, const char* title_key) {
    ProfileUi& s = profile_ui();
    bool wanted = s.dialog == which;
    const bool open = begin_modal(id, wanted, s.dialog_opening, title_key);
    if (s.dialog == which && !wanted) s.dialog = ProfileDialog::None;
    return open;
}

// Confirm / cancel buttons at the bottom right; Enter and Escape do the same from anywhere in
// the dialog. Returns +1 confirm, -1 cancel, 0 nothing.
// `enabled` false: the confirm button is greyed and Enter does nothing (a request is under way).
int dialog_buttons(const char* confirm_key, bool enter_pressed, bool enabled = true,
                   const char* cancel_key = "profile.dialog.cancel") {
    ImGui::Dummy(ImVec2(0, 8));
    const float w_cancel = ImGui::CalcTextSize(ui::tr(cancel_key)).x + 32;
    const float w_ok = ImGui::CalcTextSize(ui::tr(confirm_key)).x + 32;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w_cancel - w_ok - 8);
    int result = 0;
    if (widgets::secondary_button(ui::tr(cancel_key))) result = -1;
    ImGui::SameLine(0, 8);
    if (widgets::primary_button(ui::tr(confirm_key), ImVec2(0, 0), enabled)) result = 1;
    if (widgets::dialog_cancel_key()) result = -1;
    if (enabled && (enter_pressed || widgets::dialog_confirm_key())) result = result ? result : 1;
    return result;
}

void call_dialog(const ProfileData& d) {
    if (!begin_dialog(kCallPopup, ProfileDialog::LogCall, "profile.call.title")) return;
    ProfileUi& s = profile_ui();
    const theme::Palette& p = theme::palette();
    // Focus the duration when the dialog opens and again after a refusal (Enter left the field).
    if (ImGui::IsWindowAppearing() || s.call_focus) ImGui::SetKeyboardFocusHere();
    s.call_focus = false;
    bool enter = widgets::text_field("##call_duration", ui::tr("profile.call.duration"), s.call_duration,
                                     sizeof s.call_duration);
    if (ImGui::IsItemEdited()) s.call_error.clear();
    const DurationInput typed = parse_call_duration(s.call_duration);
    if (s.call_duration[0] && typed.ok() && typed.seconds < kFollowUpSeconds)
        text(ui::tr("profile.call.short_hint"), p.warning);
    else
        text(ui::tr("profile.call.duration_hint"), p.text_tertiary);
    ImGui::Dummy(ImVec2(0, 4));
    const char* outcomes[] = {ui::tr("profile.call.reached"), ui::tr("profile.call.unreached")};
    widgets::segmented_control("##call_outcome", outcomes, 2, &s.call_reached);
    ImGui::Dummy(ImVec2(0, 4));
    enter |= widgets::text_field("##call_note", ui::tr("profile.call.note"), s.call_note, sizeof s.call_note);
    if (!s.call_error.empty()) text(s.call_error, p.danger);
    const int choice = dialog_buttons("profile.call.confirm", enter);
    if (choice < 0) close_dialog();
    if (choice > 0) {
        if (submit_call(d)) close_dialog();
        else s.call_focus = true;
    }
    ImGui::EndPopup();
}

// How the message goes: copied for the tutor to send in WeChat, or through one of the
// organisation's enabled channels (the server's list, cached; none in the demo).
void route_choice(ProfileUi& s) {
    const theme::Palette& p = theme::palette();
    ChannelDirectory& dir = channel_directory();
    heading("profile.message.channel");
    if (ImGui::Selectable(ui::tr("channels.send.copy"), !chosen_channel(s), kStaysOpen)) s.message_route.clear();
    ui::note_drawn(ui::tr("channels.send.copy"));
    for (const auto& c : dir.channels()) {
        if (!c.enabled) continue;
        const std::string label = c.id + "  ·  " + channel_type_label(c.type);
        ImGui::PushID(c.id.c_str());
        if (ImGui::Selectable(label.c_str(), s.message_route == c.id, kStaysOpen)) s.message_route = c.id;
        ui::note_drawn(label.c_str());
        ImGui::PopID();
    }
    if (!dir.available()) text(ui::tr("channels.send.demo"), p.text_tertiary);
    else if (!dir.loaded()) text(dir.loading() ? ui::tr("channels.loading") : ui::tr("channels.send.unknown"), p.text_tertiary);
}

void message_dialog(const ProfileData& d) {
    if (!begin_dialog(kMessagePopup, ProfileDialog::SendMessage, "profile.message.title")) return;
    ProfileUi& s = profile_ui();
    const theme::Palette& p = theme::palette();
    channel_directory().refresh(kChannelsMaxAgeMs);
    const ChannelSummary* channel = chosen_channel(s);
    if (d.message_keys.empty()) {
        text(d.template_error.empty() ? ui::tr("profile.message.none") : d.template_error, p.text_secondary);
    } else {
        if (s.message_index >= static_cast<int>(d.message_keys.size())) s.message_index = 0;
        heading("profile.message.choose");
        for (int i = 0; i < static_cast<int>(d.message_keys.size()); ++i) {
            ImGui::PushID(i);
            const std::string line = rendered_message(d, i);
            if (ImGui::Selectable(line.c_str(), s.message_index == i, kStaysOpen)) s.message_index = i;
            ui::note_drawn(line.c_str());
            ImGui::PopID();
        }
        route_choice(s);
        heading("profile.message.preview");
        begin_card();
        text(rendered_message(d, s.message_index));
        end_card();
        if (channel)
            text(ui::format("channels.send.explain", {{"channel", channel->id}, {"phone", d.student.parent_phone}}), p.text_tertiary);
        else
            text(ui::tr("profile.message.outbox_later"), p.text_tertiary);
    }
    if (!s.message_error.empty()) text(s.message_error, p.danger);
    const int choice = dialog_buttons(channel ? "channels.send.confirm" : "profile.message.confirm", false);
    if (choice < 0) close_dialog();
    if (choice > 0 && submit_message(d)) close_dialog();
    ImGui::EndPopup();
}

std::string reply_outcome_text(const SimulatedReplyAnswer& a) {
    if (a.outcome == "mark") return ui::format("channels.reply.outcome.mark", {{"mark", ui::tr("channels.reply.mark." + a.mark)}});
    return ui::tr("channels.reply.outcome." + a.outcome);
}

void send_simulated_reply(ProfileUi& s) {
    ProfileUi::SimulatedReply& r = s.reply;
    if (std::string(r.text).find_first_not_of(" \t") == std::string::npos) {
        r.error = ui::tr("channels.reply.empty");
        return;
    }
    r.busy = true;
    r.error.clear();
    r.outcome.clear();
    const std::string student = s.student_id, message = r.message_id;
    simulate_parent_reply(r.channel, student, r.text, [student, message](const SimulatedReplyAnswer& a) {
        ProfileUi& now = profile_ui();
        if (now.student_id != student || now.reply.message_id != message) return;  // moved on
        ProfileUi::SimulatedReply& reply = now.reply;
        reply.busy = false;
        if (!a.ok) {
            reply.error = ui::format(a.problem.key.c_str(), {{"detail", a.problem.detail}});
            return;
        }
        reply.outcome = reply_outcome_text(a);
        reply.outcome_code = a.outcome;
        reply.text[0] = 0;
        now.last_action = reply.outcome;
    });
}

// The parent answers a message sent through a simulated channel: the server records the reply
// (synced back like any other event) and, within a survey's window, the attendance mark.
void simulated_reply_dialog(const ProfileData& d) {
    ProfileUi& s = profile_ui();
    ProfileUi::SimulatedReply& r = s.reply;
    if (!begin_modal(kReplyPopup, r.open, r.opening, "channels.reply.title")) return;
    const theme::Palette& p = theme::palette();
    text(ui::format("channels.reply.intro", {{"parent", d.student.parent_name}, {"channel", r.channel}}), p.text_secondary);
    ImGui::Dummy(ImVec2(0, 4));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = widgets::text_field("##reply_text", ui::tr("channels.reply.text"), r.text, sizeof r.text);
    if (ImGui::IsItemEdited()) r.error.clear();
    text(ui::tr("channels.reply.hint"), p.text_tertiary);
    if (r.busy) text(ui::tr("channels.reply.sending"), p.text_secondary);
    if (!r.error.empty()) text(r.error, p.danger);
    if (!r.outcome.empty()) text(r.outcome, p.success);
    const int choice = dialog_buttons("channels.reply.send", enter, !r.busy, "channels.reply.close");
    if (choice < 0) {
        r.open = false;
        ImGui::CloseCurrentPopup();
        platform::request_redraw();
    }
    if (choice > 0) send_simulated_reply(s);
    ImGui::EndPopup();
}

}  // namespace

void draw_profile_quick_actions(const ProfileData& d) {
    (void)d;
    if (widgets::primary_button(ui::tr("profile.action.log_call"))) open(ProfileDialog::LogCall);
    ImGui::SameLine(0, 8);
    if (widgets::secondary_button(ui::tr("profile.action.send_message"))) {
        open(ProfileDialog::SendMessage);
        channel_directory().refresh(5000);  // the channels may have changed since
    }
    const ProfileUi& s = profile_ui();
    if (!s.last_action.empty()) {  // what the last action did, under the buttons
        ImGui::Dummy(ImVec2(0, 2));
        text(s.last_action, theme::palette().success);
    }
    if (!s.action_error.empty()) text(s.action_error, theme::palette().danger);
}

void draw_profile_dialogs(const ProfileData& d) {
    call_dialog(d);
    message_dialog(d);
    simulated_reply_dialog(d);
}

void cancel_outbox_message(const std::string& message_id) {
    ProfileUi& s = profile_ui();
    Json args{{"id", message_id}, {"at", static_cast<int64_t>(js::now_utc_ms())}};
    if (std::string by = actor_id(); !by.empty()) args["by"] = by;
    const Workspace::Submitted r = workspace().submit(Mutation{"message.cancel", args});
    s.action_error = r.ok ? "" : ui::format("profile.action.refused", {{"reason", r.reason}});
    s.last_action = r.ok ? ui::tr("channels.message.cancelled") : "";
    platform::request_redraw();
}

void open_simulated_reply(const std::string& message_id, const std::string& channel) {
    ProfileUi::SimulatedReply& r = profile_ui().reply;
    if (r.message_id != message_id) r = ProfileUi::SimulatedReply{};  // a reply typed for another message is not this one's
    r.message_id = message_id;
    r.channel = channel;
    r.open = true;
    r.opening = true;
    r.error.clear();
    r.outcome.clear();
    platform::request_redraw();
}

}  // namespace wb::app
