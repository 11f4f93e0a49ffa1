// The accessibility mirror (see accessibility_mirror.h): after each frame the description of the
// focused item is compared with what the page was last told; only a change touches the DOM.
#include "accessibility_mirror.h"

#include "ime_bridge.h"
#include "platform.h"
#include "ui_text.h"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <map>

extern "C" {
void wb_js_a11y_announce(const char* text);
void wb_js_a11y_name_app(const char* name);
}

namespace wb::app::accessibility {
namespace {

struct Described {
    ImGuiID id = 0;
    Role role = Role::Item;
    std::string label, value;
    bool selected = false, enabled = true;

    bool operator==(const Described& o) const {
        return id == o.id && role == o.role && label == o.label && value == o.value && selected == o.selected &&
               enabled == o.enabled;
    }
};

struct Mirror {
    Described focused;           // this frame's focused item, if a widget described it
    Described spoken;            // the item the live region describes
    std::string announced;       // what the live region says
    std::string bridge_label;    // the text bridge's accessible name
    Language language = Language::ZhCN;
    bool named = false;          // the canvas and the bridge carry names in `language`
};

Mirror& mirror() {
    static Mirror m;
    return m;
}

// The item a screen reader user is "on": the text field being edited, else the navigation
// focus (set by Tab and arrows, and by clicks).
ImGuiID focused_id() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId) return g.ActiveId;
    return g.NavId;
}

const char* role_key(Role role) {
    switch (role) {
        case Role::Button: return "a11y.role.button";
        case Role::TextField: return "a11y.role.text_field";
        case Role::PasswordField: return "a11y.role.password_field";
        case Role::Option: return "a11y.role.option";
        case Role::Item: return "a11y.role.item";
    }
    return "a11y.role.item";
}

std::string value_words(const Described& d) {
    switch (d.role) {
        case Role::TextField:
            return d.value.empty() ? ui::tr("a11y.empty") : d.value;
        case Role::PasswordField:
            return Translator::builtin().format(ui::language(), "a11y.password_length",
                                                {{"count", std::to_string(ImTextCountCharsFromUtf8(d.value.c_str(), nullptr))}});
        case Role::Option:
            return ui::tr(d.selected ? "a11y.selected" : "a11y.not_selected");
        default:
            return d.enabled ? "" : ui::tr("a11y.disabled");
    }
}

std::string words_for(const Described& d) {
    const std::string value = value_words(d);
    const std::map<std::string, std::string> values{{"label", d.label}, {"role", ui::tr(role_key(d.role))}, {"value", value}};
    if (d.label.empty())   // a field with no label beside it: its role and value
        return Translator::builtin().format(ui::language(), value.empty() ? "a11y.announce_unlabelled" : "a11y.announce_unlabelled_value", values);
    return Translator::builtin().format(ui::language(), value.empty() ? "a11y.announce" : "a11y.announce_value", values);
}

bool is_spoken_label(const ui::DrawnLabel& label) { return label.text.find('#') == std::string::npos; }

// The label drawn just above a field (or on its left), as forms lay them out.
const ui::DrawnLabel* label_beside(const ImRect& field) {
    const ui::DrawnLabel* best = nullptr;
    float best_gap = 48.0f;
    for (const ui::DrawnLabel& label : ui::last_frame_labels()) {
        if (!is_spoken_label(label)) continue;
        const bool above = label.max.y <= field.Min.y + 1 && label.max.x > field.Min.x && label.min.x < field.Max.x;
        const bool left = label.max.x <= field.Min.x + 1 && label.max.y > field.Min.y && label.min.y < field.Max.y;
        const float gap = above ? field.Min.y - label.max.y : left ? field.Min.x - label.max.x : best_gap;
        if (gap < best_gap) { best_gap = gap; best = &label; }
    }
    return best;
}

// A focused item no widget described: an ImGui text field drawn directly (named by the label
// beside it, its text as the value), or an item drawn by hand (the label drawn inside it).
bool describe_from_drawn_labels(Described& out) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.NavId == 0 || !g.NavWindow) return false;
    const ImRect rect = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
    if (g.ActiveId == g.NavId && g.InputTextState.ID == g.NavId) {
        const ImGuiInputTextState& field = g.InputTextState;
        const ui::DrawnLabel* label = label_beside(rect);
        out.id = g.NavId;
        out.role = (field.Flags & ImGuiInputTextFlags_Password) ? Role::PasswordField : Role::TextField;
        out.label = label ? label->text : std::string();
        out.value.assign(field.TextA.Data ? field.TextA.Data : "", static_cast<size_t>(field.TextLen));
        return true;
    }
    for (const ui::DrawnLabel& label : ui::last_frame_labels()) {
        const ImVec2 centre((label.min.x + label.max.x) * 0.5f, (label.min.y + label.max.y) * 0.5f);
        if (rect.Contains(centre) && is_spoken_label(label)) {
            out.id = g.NavId;
            out.role = Role::Item;
            out.label = label.text;
            return true;
        }
    }
    return false;
}

void name_the_page(Mirror& m) {
    if (m.named && m.language == ui::language()) return;
    m.language = ui::language();
    m.named = true;
    wb_js_a11y_name_app(ui::tr("a11y.app"));
    m.bridge_label.clear();   // re-sent below in the new language
}

void after_frame() {
    Mirror& m = mirror();
    name_the_page(m);
    const ImGuiID id = focused_id();
    Described d = m.focused.id == id ? m.focused : Described{};
    if (id != 0 && d.id == 0) describe_from_drawn_labels(d);
    m.focused = Described{};
    if (d == m.spoken && !m.bridge_label.empty()) return;   // the usual frame: nothing changed
    m.spoken = d;

    const std::string words = d.id != 0 ? words_for(d) : std::string();
    if (words != m.announced) {
        m.announced = words;
        wb_js_a11y_announce(words.c_str());
    }
    const bool field = d.id != 0 && (d.role == Role::TextField || d.role == Role::PasswordField);
    const std::string bridge = field ? d.label : std::string(ui::tr("a11y.text_input"));
    if (bridge != m.bridge_label) {
        m.bridge_label = bridge;
        platform::set_text_bridge_label(bridge.c_str());
    }
}

[[maybe_unused]] const bool installed = (platform::after_each_frame(after_frame), true);

}  // namespace

void describe_last_item(Role role, const char* label, const char* value, bool selected, bool enabled) {
    const ImGuiID id = ImGui::GetItemID();
    if (id == 0 || id != focused_id()) return;
    Described& d = mirror().focused;
    d.id = id;
    d.role = role;
    d.label = label ? label : "";
    d.label = d.label.substr(0, d.label.find("##"));   // ImGui's id suffix is not spoken
    d.value = value ? value : "";
    d.selected = selected;
    d.enabled = enabled;
}

const std::string& current_announcement() { return mirror().announced; }

}  // namespace wb::app::accessibility
