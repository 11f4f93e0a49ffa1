// The profile's timeline: every event of the student, newest first. Each row: an icon on a
// vertical rail (colour by kind), the summary, relative time on the right, the exact local time
// and who recorded it, and what was written (note, message, reply) in a soft box. A retracted
// event stays, struck through, with the retraction's reason. Long timelines are clipped
// (only visible rows are laid out after the first frame measured their heights). An outbox
// message shows where it stands (held until when, the last error, each attempt) with Cancel
// while it waits and, through a simulated channel, "simulate a parent reply".
#include "views/student_profile_ui.h"

#include "icons.h"
#include "offline/channel_list.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include <imgui.h>

namespace wb::app {
namespace {

using namespace profile_ui_parts;

constexpr float kIcon = 24.0f;
constexpr float kRail = 36.0f;  // icon column width

ImU32 rgb(unsigned hex) { return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 255); }

// A phone handset: two rounded ends joined by an arc.
void phone_icon(ImDrawList* dl, ImVec2 min, float size, ImU32 color) {
    const float t = size * 0.09f;
    const ImVec2 c(min.x + size * 0.5f, min.y + size * 0.5f);
    dl->PathArcTo(c, size * 0.34f, 2.2f, 4.1f, 12);
    dl->PathStroke(color, 0, t);
    dl->AddCircleFilled(ImVec2(c.x - size * 0.2f, c.y + size * 0.27f), size * 0.1f, color);
    dl->AddCircleFilled(ImVec2(c.x - size * 0.2f, c.y - size * 0.27f), size * 0.1f, color);
    // Sound waves on the right.
    dl->PathArcTo(ImVec2(c.x + size * 0.02f, c.y), size * 0.18f, -0.7f, 0.7f, 6);
    dl->PathStroke(color, 0, t * 0.8f);
    dl->PathArcTo(ImVec2(c.x + size * 0.02f, c.y), size * 0.32f, -0.7f, 0.7f, 8);
    dl->PathStroke(color, 0, t * 0.8f);
}

// A pencil: a slanted bar with a tip.
void note_icon(ImDrawList* dl, ImVec2 min, float size, ImU32 color) {
    const float t = size * 0.09f;
    const ImVec2 a(min.x + size * 0.25f, min.y + size * 0.75f), b(min.x + size * 0.75f, min.y + size * 0.25f);
    dl->AddLine(a, b, color, t * 2.2f);
    dl->AddLine(ImVec2(min.x + size * 0.2f, min.y + size * 0.8f), ImVec2(min.x + size * 0.75f, min.y + size * 0.8f), color, t);
}

// An exclamation mark in a triangle.
void alert_icon(ImDrawList* dl, ImVec2 min, float size, ImU32 color) {
    const float t = size * 0.09f;
    dl->AddTriangle(ImVec2(min.x + size * 0.5f, min.y + size * 0.15f), ImVec2(min.x + size * 0.88f, min.y + size * 0.82f),
                    ImVec2(min.x + size * 0.12f, min.y + size * 0.82f), color, t);
    dl->AddLine(ImVec2(min.x + size * 0.5f, min.y + size * 0.4f), ImVec2(min.x + size * 0.5f, min.y + size * 0.6f), color, t);
    dl->AddCircleFilled(ImVec2(min.x + size * 0.5f, min.y + size * 0.7f), t * 0.7f, color);
}

struct KindLook {
    icons::IconFn icon;
    ImU32 color;
};

KindLook look_of(EventKind k) {
    switch (k) {
        case EventKind::Call:
        case EventKind::Visit: return {phone_icon, rgb(0x3370FF)};
        case EventKind::MessageSent:
        case EventKind::FeedbackSent: return {icons::followups, rgb(0x7B61FF)};
        case EventKind::Reply:
        case EventKind::FeedbackViewed: return {icons::followups, rgb(0x14A3B8)};
        case EventKind::AttendanceMark:
        case EventKind::ClassEntry:
        case EventKind::ClassDropOut:
        case EventKind::Interaction: return {icons::lessons, rgb(0x22A06B)};
        case EventKind::HomeworkSubmitted:
        case EventKind::Grade:
        case EventKind::Correction: return {icons::homework, rgb(0xE58A00)};
        case EventKind::RefundRequested:
        case EventKind::RefundDecision: return {icons::refunds, rgb(0xE5484D)};
        case EventKind::RenewalStep: return {icons::renewal, rgb(0x22A06B)};
        case EventKind::Complaint:
        case EventKind::TicketOpened: return {alert_icon, rgb(0xE5484D)};
        case EventKind::Note: return {note_icon, rgb(0x4E5969)};
        default: return {icons::today, rgb(0x8A919C)};
    }
}

void draw_icon(ImDrawList* dl, ImVec2 at, const KindLook& look, bool retracted) {
    const ImU32 color = retracted ? theme::palette().text_tertiary : look.color;
    ImVec4 soft = ImGui::ColorConvertU32ToFloat4(color);
    soft.w = 0.12f;
    const ImVec2 c(at.x + kIcon * 0.5f, at.y + kIcon * 0.5f);
    dl->AddCircleFilled(c, kIcon * 0.5f, ImGui::ColorConvertFloat4ToU32(soft), 24);
    const float inner = kIcon * 0.62f;
    look.icon(dl, ImVec2(c.x - inner * 0.5f, c.y - inner * 0.5f), inner, color);
}

// What was written (note, message, reply), in a soft rounded box the width of the column.
void written_text(const std::string& s, bool retracted) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 pad(10, 6);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::CalcTextSize(s.c_str(), nullptr, false, width - 2 * pad.x);
    const ImVec2 max(min.x + width, min.y + size.y + 2 * pad.y);
    dl->AddRectFilled(min, max, IM_COL32(0xF5, 0xF6, 0xF8, 255), 6.0f);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad.x, min.y + pad.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad.x);
    ImGui::PushStyleColor(ImGuiCol_Text, retracted ? theme::palette().text_tertiary : theme::palette().text);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ui::note_drawn_at(s.c_str(), min, max);
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y));
    ImGui::Dummy(ImVec2(width, 0));
}

// An outbox message's state lines, and what can still be done with it: cancel while it waits;
// through a simulated channel, play the parent answering it.
void message_part(const ProfileTimelineRow& r) {
    const theme::Palette& p = theme::palette();
    for (size_t i = 0; i < r.message_lines.size(); ++i)
        text(r.message_lines[i], r.message_line_alert[i] ? p.danger : p.text_secondary);
    const bool waiting = r.message_state == "queued" || r.message_state == "held";
    const bool went_out = r.message_state == "sent" || r.message_state == "delivered";  // a parent can answer it
    const ChannelSummary* channel = went_out ? channel_directory().find(r.message_channel) : nullptr;
    const bool simulated = channel && channel->type == "simulated";
    if (!waiting && !simulated) return;  // the two never meet: a message waits or went out
    ImGui::Dummy(ImVec2(0, 2));
    if (waiting && widgets::secondary_button(ui::tr("channels.message.cancel"))) cancel_outbox_message(r.entry.message_id);
    if (simulated && widgets::secondary_button(ui::tr("channels.reply.open")))
        open_simulated_reply(r.entry.message_id, r.message_channel);
}

void draw_row(const ProfileTimelineRow& r, bool last) {
    const theme::Palette& p = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const bool retracted = r.entry.retracted;
    draw_icon(dl, ImVec2(top.x + 2, top.y), look_of(r.entry.kind), retracted);

    ImGui::SetCursorScreenPos(ImVec2(top.x + kRail, top.y + 3));
    ImGui::BeginGroup();
    const float width = ImGui::GetContentRegionAvail().x;
    // Summary, struck through when retracted; relative time on the right.
    const ImVec2 rel_size = ImGui::CalcTextSize(r.relative.c_str());
    const ImVec2 sum_at = ImGui::GetCursorScreenPos();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - rel_size.x - 12);
    ImGui::PushStyleColor(ImGuiCol_Text, retracted ? p.text_tertiary : p.text);
    ImGui::TextUnformatted(r.summary.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    const ImVec2 sum_max = ImGui::GetItemRectMax();
    ui::note_drawn(r.summary.c_str());
    if (retracted) {
        const float w = ImGui::CalcTextSize(r.summary.c_str()).x;
        const float y = sum_at.y + ImGui::GetTextLineHeight() * 0.55f;
        dl->AddLine(ImVec2(sum_at.x, y), ImVec2(std::min(sum_at.x + w, sum_max.x), y), p.text_secondary, 1.2f);
    }
    dl->AddText(ImVec2(sum_at.x + width - rel_size.x, sum_at.y), p.text_tertiary, r.relative.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_tertiary);
    ImGui::TextUnformatted((r.exact_time + "  ·  " + r.byline).c_str());
    ImGui::PopStyleColor();
    if (!r.entry.text.empty()) {
        ImGui::Dummy(ImVec2(0, 1));
        written_text(r.entry.text, retracted);
    }
    if (!r.entry.message_id.empty()) message_part(r);
    if (retracted) text(r.retraction, p.danger);
    ImGui::EndGroup();

    const float bottom = ImGui::GetItemRectMax().y + 14;
    if (!last)  // the rail joining this icon to the next
        dl->AddLine(ImVec2(top.x + 2 + kIcon * 0.5f, top.y + kIcon + 4), ImVec2(top.x + 2 + kIcon * 0.5f, bottom - 2),
                    p.border, 1.5f);
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

void draw_profile_timeline(const ProfileData& d) {
    channel_directory().refresh(5 * 60000);  // which messages went through a simulated channel
    ImGui::Dummy(ImVec2(0, 4));
    heading("profile.section.timeline");
    if (d.timeline.empty()) {
        text(ui::tr("profile.timeline.empty"), theme::palette().text_tertiary);
        return;
    }
    ImGui::Dummy(ImVec2(0, 4));
    // Rows below the visible region are skipped once they are far out of view; their heights are
    // unknown (wrapped text), so rows are laid out until past the bottom, then the rest is
    // represented by an estimate that keeps the scrollbar honest enough.
    const float clip_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() + 400.0f;
    for (size_t i = 0; i < d.timeline.size(); ++i) {
        if (ImGui::GetCursorScreenPos().y > clip_bottom) {
            ImGui::Dummy(ImVec2(0, float(d.timeline.size() - i) * 62.0f));
            break;
        }
        ImGui::PushID(static_cast<int>(i));
        draw_row(d.timeline[i], i + 1 == d.timeline.size());
        ImGui::PopID();
    }
}

}  // namespace wb::app
