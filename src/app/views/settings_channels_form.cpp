// Settings → Channels: one channel's editor, and the draft <-> JSON of channel_config.h. Which
// fields a type shows: a URL for every type but the simulated one; DingTalk's signing secret;
// the key of WeCom's robot and of the SMS gateway; the inbound secret of a channel that posts
// replies; quota and quiet hours for all; timeouts where there is an HTTP request.
#include "views/settings_channels.h"

#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace wb::app {
namespace {

using nlohmann::json;

template <size_t N> void copy_to(char (&buf)[N], const std::string& s) {
    std::snprintf(buf, N, "%s", s.c_str());
}

std::string trimmed(const char* s) {
    std::string t(s);
    const auto a = t.find_first_not_of(" \t");
    if (a == std::string::npos) return "";
    return t.substr(a, t.find_last_not_of(" \t") - a + 1);
}

std::string string_of(const json& j, const char* field) {
    return j.is_object() && j.contains(field) && j[field].is_string() ? j[field].get<std::string>() : "";
}

std::string number_of(const json& j, const char* field) {
    return j.is_object() && j.contains(field) && j[field].is_number_integer() ? std::to_string(j[field].get<long long>()) : "";
}

bool flag_of(const json& j, const char* field, bool fallback) {
    return j.is_object() && j.contains(field) && j[field].is_boolean() ? j[field].get<bool>() : fallback;
}

bool is_type(const ChannelDraft& d, const char* type) { return std::strcmp(kChannelTypes[d.type], type) == 0; }

// A whole number typed into `text` goes to `field`; empty leaves the field out (its default).
std::string put_number(json& out, const char* field, const char* text, const char* label_key) {
    const std::string t = trimmed(text);
    out.erase(field);
    if (t.empty()) return "";
    if (t.size() > 9 || t.find_first_not_of("0123456789") != std::string::npos)
        return Translator::builtin().format(ui::language(), "channels.form.bad_number", {{"field", ui::tr(label_key)}});
    out[field] = std::stoll(t);
    return "";
}

void put_secret(json& out, const char* field, const SecretDraft& s) {
    out.erase(std::string(field) + "Set");
    if (s.clear) out[field] = "";
    else if (s.value[0]) out[field] = std::string(s.value);
    else out.erase(field);  // left out: the server keeps the one it has
}

// A grey explanation, wrapped at the form's width.
void hint(const char* key) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_tertiary);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 680.0f);
    ImGui::TextUnformatted(ui::tr(key));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ui::note_drawn(ui::tr(key));
}

// A text field whose change is reported; `width` 0 = the region's width.
bool field(const char* id, const char* label_key, char* buf, int size, float width, bool password = false) {
    widgets::text_field(id, ui::tr(label_key), buf, size, password, width);
    return ImGui::IsItemEdited();
}

// A secret: "set" / "not set" in its label, a masked field to type a replacement, and clear /
// keep buttons. The value the server holds is never shown (it never reaches the browser).
bool secret_field(const char* id, const char* name_key, SecretDraft& s) {
    const char* state = s.clear ? "channels.secret.clearing" : s.set ? "channels.secret.set" : "channels.secret.not_set";
    const std::string label = std::string(ui::tr(name_key)) + " · " + ui::tr(state);
    widgets::text_field(id, label.c_str(), s.value, sizeof s.value, true, 320.0f);
    bool changed = ImGui::IsItemEdited();
    if (changed) s.clear = false;
    if (s.set) {
        ImGui::SameLine(0, 8);
        ImGui::PushID(id);
        if (widgets::secondary_button(ui::tr(s.clear ? "channels.secret.keep" : "channels.secret.clear"))) {
            s.clear = !s.clear;
            s.value[0] = 0;
            changed = true;
        }
        ImGui::PopID();
    }
    return changed;
}

bool type_row(ChannelDraft& d) {
    const char* labels[kChannelTypeCount];
    for (int i = 0; i < kChannelTypeCount; ++i) labels[i] = channel_type_label(kChannelTypes[i]);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_secondary);
    ui::text("channels.field.type");
    ImGui::PopStyleColor();
    return widgets::segmented_control("##type", labels, kChannelTypeCount, &d.type, widgets::Size::Small);
}

// Fields side by side, tops aligned; the cursor goes below the tallest when the row ends.
class FieldRow {
public:
    FieldRow() : start_(ImGui::GetCursorScreenPos()), bottom_(start_.y) {}
    ~FieldRow() {
        ImGui::SetCursorScreenPos(ImVec2(start_.x, bottom_ + ImGui::GetStyle().ItemSpacing.y));
        ImGui::Dummy(ImVec2(0, 0));
    }
    bool add(const char* id, const char* label_key, char* buf, int size, float width) {
        ImGui::SetCursorScreenPos(ImVec2(start_.x + x_, start_.y));
        ImGui::BeginGroup();
        const bool changed = field(id, label_key, buf, size, width);
        field_top_ = ImGui::GetItemRectMin().y;
        field_h_ = ImGui::GetItemRectSize().y;
        ImGui::EndGroup();
        grow(width);
        return changed;
    }
    // A checkbox beside the last field, centred on it.
    bool checkbox(const char* label_key, bool* value) {
        ImGui::SetCursorScreenPos(ImVec2(start_.x + x_, field_top_ + (field_h_ - ImGui::GetFrameHeight()) * 0.5f));
        const bool changed = ImGui::Checkbox(ui::tr(label_key), value);
        ui::note_drawn(ui::tr(label_key));
        grow(ImGui::GetItemRectSize().x);
        return changed;
    }

private:
    void grow(float width) {
        x_ += width + 16.0f;
        bottom_ = std::max(bottom_, ImGui::GetItemRectMax().y);
    }
    ImVec2 start_;
    float x_ = 0, bottom_ = 0, field_top_ = 0, field_h_ = 0;
};

bool id_row(ChannelDraft& d) {
    FieldRow row;
    bool changed = row.add("##id", "channels.field.id", d.id, sizeof d.id, 240.0f);
    changed |= row.checkbox("channels.field.enabled", &d.enabled);
    return changed;
}

bool limits_rows(ChannelDraft& d) {
    bool changed = false;
    {
        FieldRow row;
        changed |= row.add("##quota", "channels.field.quota", d.quota, sizeof d.quota, 200.0f);
        changed |= row.add("##quiet_from", "channels.field.quiet_from", d.quiet_from, sizeof d.quiet_from, 120.0f);
        changed |= row.add("##quiet_to", "channels.field.quiet_to", d.quiet_to, sizeof d.quiet_to, 120.0f);
    }
    hint("channels.field.limits_hint");
    if (is_type(d, "simulated")) return changed;
    ImGui::Dummy(ImVec2(0, 2));
    FieldRow row;
    changed |= row.add("##connect", "channels.field.connect_ms", d.connect_ms, sizeof d.connect_ms, 200.0f);
    changed |= row.add("##read", "channels.field.read_ms", d.read_ms, sizeof d.read_ms, 200.0f);
    return changed;
}

}  // namespace

const char* channel_type_label(const std::string& type) {
    for (const char* t : kChannelTypes)
        if (type == t) return ui::tr(std::string("channels.type.") + t);
    static std::string unknown;  // a type of a newer server: shown as it is named
    unknown = type;
    return unknown.c_str();
}

ChannelDraft channel_draft_from_json(const json& e) {
    ChannelDraft d;
    d.base = e.is_object() ? e : json::object();
    copy_to(d.id, string_of(e, "id"));
    const std::string type = string_of(e, "type");
    for (int i = 0; i < kChannelTypeCount; ++i)
        if (type == kChannelTypes[i]) d.type = i;
    d.enabled = flag_of(e, "enabled", true);
    copy_to(d.url, string_of(e, "url"));
    d.secret.set = flag_of(e, "secretSet", false);
    d.key.set = flag_of(e, "keySet", false);
    d.inbound.set = flag_of(e, "inboundSecretSet", false);
    copy_to(d.quota, number_of(e, "quotaPerRecipientPerDay"));
    if (e.is_object() && e.contains("quietHours")) {
        copy_to(d.quiet_from, string_of(e["quietHours"], "from"));
        copy_to(d.quiet_to, string_of(e["quietHours"], "to"));
    }
    copy_to(d.connect_ms, number_of(e, "connectTimeoutMs"));
    copy_to(d.read_ms, number_of(e, "readTimeoutMs"));
    return d;
}

std::string channel_draft_to_json(const ChannelDraft& d, json& out) {
    out = d.base.is_object() ? d.base : json::object();
    out["id"] = trimmed(d.id);
    out["type"] = kChannelTypes[d.type];
    out["enabled"] = d.enabled;
    const std::string url = trimmed(d.url);
    if (url.empty()) out.erase("url");
    else out["url"] = url;
    put_secret(out, "secret", d.secret);
    put_secret(out, "key", d.key);
    put_secret(out, "inboundSecret", d.inbound);
    const std::string from = trimmed(d.quiet_from), to = trimmed(d.quiet_to);
    out.erase("quietHours");
    if (from.empty() != to.empty()) return ui::tr("channels.form.quiet_both");
    if (!from.empty()) out["quietHours"] = {{"from", from}, {"to", to}};
    std::string err = put_number(out, "quotaPerRecipientPerDay", d.quota, "channels.field.quota");
    if (err.empty()) err = put_number(out, "connectTimeoutMs", d.connect_ms, "channels.field.connect_ms");
    if (err.empty()) err = put_number(out, "readTimeoutMs", d.read_ms, "channels.field.read_ms");
    return err;
}

bool draw_channel_form(ChannelDraft& d) {
    bool changed = type_row(d);
    ImGui::Dummy(ImVec2(0, 4));
    changed |= id_row(d);
    if (!is_type(d, "simulated")) {
        changed |= field("##url", "channels.field.url", d.url, sizeof d.url, std::min(ImGui::GetContentRegionAvail().x, 680.0f));
        if (is_type(d, "dingtalk")) changed |= secret_field("##secret", "channels.field.secret", d.secret);
        if (is_type(d, "wecom") || is_type(d, "sms"))
            changed |= secret_field("##key", is_type(d, "sms") ? "channels.field.sms_key" : "channels.field.wecom_key", d.key);
        changed |= secret_field("##inbound", "channels.field.inbound_secret", d.inbound);
    } else {
        hint("channels.simulated.hint");
    }
    ImGui::Dummy(ImVec2(0, 4));
    changed |= limits_rows(d);
    return changed;
}

}  // namespace wb::app
