// Quick actions under the profile's header and their dialogs (Enter confirms, Escape cancels):
//  - log a call: duration as typed ("5:30", "5分30秒", "5"), reached or not, an optional note ->
//    event.record kind "call" with durationSec;
//  - send a template message: one of the SOP template's parent messages rendered for the
//    student, previewed, then copied to the clipboard (the tutor pastes it into WeChat) and
//    recorded as event.record kind "message_sent" with the template key, channel and text.
//    Sending through an outbox and real channels comes in a later issue; until then "sent"
//    means "copied and recorded".
#include "views/student_profile_ui.h"

#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include "core/mutation.h"

#include <imgui.h>

#include <cstring>

namespace wb::app {
namespace {

using namespace profile_ui_parts;

constexpr const char* kCallPopup = "##log_call";
constexpr const char* kMessagePopup = "##send_message";
constexpr int kFollowUpSeconds = 3 * 60;  // the SOP's first call counts from 3 minutes on
const char* const kChannels[] = {"wechat", "sms"};

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
        s.call_error = fmt(duration.error.key.c_str(), duration.error.values);
        return false;
    }
    Json args = event_args("call", "call", d.student.id);
    args["durationSec"] = duration.seconds;
    args["value"] = s.call_reached == 0 ? "reached" : "unreached";
    if (s.call_note[0]) args["text"] = std::string(s.call_note);
    const Workspace::Submitted r = workspace().submit(Mutation{"event.record", args});
    if (!r.ok) {
        s.call_error = fmt("profile.action.refused", {{"reason", r.reason}});
        return false;
    }
    s.last_action = fmt("profile.call.logged", {{"minutes", std::to_string(duration.seconds / 60)},
                                                {"seconds", std::to_string(duration.seconds % 60)}});
    s.call_duration[0] = 0;
    s.call_note[0] = 0;
    s.call_reached = 0;
    return true;
}

bool submit_message(const ProfileData& d) {
    ProfileUi& s = profile_ui();
    const std::string text = rendered_message(d, s.message_index);
    if (text.empty()) {
        s.message_error = ui::tr("profile.message.none");
        return false;
    }
    Json args = event_args("msg", "message_sent", d.student.id);
    args["value"] = d.message_keys[s.message_index];
    args["channel"] = kChannels[s.message_channel];
    args["text"] = text;
    const Workspace::Submitted r = workspace().submit(Mutation{"event.record", args});
    if (!r.ok) {
        s.message_error = fmt("profile.action.refused", {{"reason", r.reason}});
        return false;
    }
    ImGui::SetClipboardText(text.c_str());
    s.last_action = ui::tr("profile.message.copied");
    return true;
}

bool begin_dialog(const char* id, ProfileDialog which, const char* title_key) {
    ProfileUi& s = profile_ui();
    if (s.dialog == which && s.dialog_opening) {
        ImGui::OpenPopup(id);
        s.dialog_opening = false;
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
        if (s.dialog == which && !s.dialog_opening) s.dialog = ProfileDialog::None;  // closed from outside
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

// Confirm / cancel buttons at the bottom right; Enter and Escape do the same from anywhere in
// the dialog. Returns +1 confirm, -1 cancel, 0 nothing.
int dialog_buttons(const char* confirm_key, bool enter_pressed) {
    ImGui::Dummy(ImVec2(0, 8));
    const float w_cancel = ImGui::CalcTextSize(ui::tr("profile.dialog.cancel")).x + 32;
    const float w_ok = ImGui::CalcTextSize(ui::tr(confirm_key)).x + 32;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w_cancel - w_ok - 8);
    int result = 0;
    if (widgets::secondary_button(ui::tr("profile.dialog.cancel"))) result = -1;
    ImGui::SameLine(0, 8);
    if (widgets::primary_button(ui::tr(confirm_key))) result = 1;
    if (widgets::dialog_cancel_key()) result = -1;
    if (enter_pressed || widgets::dialog_confirm_key()) result = result ? result : 1;
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

void message_dialog(const ProfileData& d) {
    if (!begin_dialog(kMessagePopup, ProfileDialog::SendMessage, "profile.message.title")) return;
    ProfileUi& s = profile_ui();
    const theme::Palette& p = theme::palette();
    if (d.message_keys.empty()) {
        text(d.template_error.empty() ? ui::tr("profile.message.none") : d.template_error, p.text_secondary);
    } else {
        if (s.message_index >= static_cast<int>(d.message_keys.size())) s.message_index = 0;
        heading("profile.message.choose");
        for (int i = 0; i < static_cast<int>(d.message_keys.size()); ++i) {
            ImGui::PushID(i);
            const std::string line = rendered_message(d, i);
            if (ImGui::Selectable(line.c_str(), s.message_index == i, 0, ImVec2(0, 0))) s.message_index = i;
            ui::note_drawn(line.c_str());
            ImGui::PopID();
        }
        heading("profile.message.channel");
        const char* channels[] = {ui::tr("profile.channel.wechat"), ui::tr("profile.channel.sms")};
        widgets::segmented_control("##message_channel", channels, 2, &s.message_channel, widgets::Size::Small);
        heading("profile.message.preview");
        begin_card();
        text(rendered_message(d, s.message_index));
        end_card();
        text(ui::tr("profile.message.outbox_later"), p.text_tertiary);
    }
    if (!s.message_error.empty()) text(s.message_error, p.danger);
    const int choice = dialog_buttons("profile.message.confirm", false);
    if (choice < 0) close_dialog();
    if (choice > 0 && submit_message(d)) close_dialog();
    ImGui::EndPopup();
}

}  // namespace

void draw_profile_quick_actions(const ProfileData& d) {
    (void)d;
    if (widgets::primary_button(ui::tr("profile.action.log_call"))) open(ProfileDialog::LogCall);
    ImGui::SameLine(0, 8);
    if (widgets::secondary_button(ui::tr("profile.action.send_message"))) open(ProfileDialog::SendMessage);
    const ProfileUi& s = profile_ui();
    if (!s.last_action.empty()) {  // what the last action did, under the buttons
        ImGui::Dummy(ImVec2(0, 2));
        text(s.last_action, theme::palette().success);
    }
}

void draw_profile_dialogs(const ProfileData& d) {
    call_dialog(d);
    message_dialog(d);
}

}  // namespace wb::app
