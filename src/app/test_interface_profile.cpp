// Test queries for the student profile (browser tests only):
//   profile.open {studentId, tab?}  selects the student, opens the students view, picks a tab
//   profile.state             the student shown, timeline (kind, text), note editor, risk, tasks
#include "app_state.h"
#include "platform.h"
#include "test_queries.h"
#include "ui_text.h"
#include "views/student_profile_data.h"

#include "core/enum_names.h"

#include <imgui.h>

using nlohmann::json;

namespace wb::app {
namespace {

const char* dialog_name(ProfileDialog d) {
    switch (d) {
        case ProfileDialog::None: return "";
        case ProfileDialog::LogCall: return "call";
        case ProfileDialog::SendMessage: return "message";
    }
    return "";
}

// Whether the profile was drawn in the last frame (by the roster's pane).
bool shown() { return profile_ui().drawn_frame == ImGui::GetFrameCount(); }

json state() {
    const std::string& id = app_state().student_id;
    const ProfileData& d = profile_data(id);
    const ProfileUi& u = profile_ui();
    json timeline = json::array();
    for (const auto& r : d.timeline)
        timeline.push_back({{"id", r.entry.event_id}, {"kind", to_string(r.entry.kind)}, {"summary", r.summary},
                            {"text", r.entry.text}, {"time", r.exact_time}, {"retracted", r.entry.retracted}});
    json tasks = json::array();
    for (const auto& t : d.tasks) tasks.push_back({{"id", t.task.id}, {"status", to_string(t.task.status)}, {"title", t.title}});
    json reasons = json::array();
    for (const auto& r : d.risk_reasons) reasons.push_back(r);
    return {{"studentId", id},
            {"found", d.found},
            {"name", d.student.name},
            {"shown", d.found && shown()},
            {"view", view_info(app_state().view).slug},
            {"timeline", timeline},
            {"tasks", tasks},
            {"risk", d.risk_known ? json{{"level", to_string(d.risk.level)}, {"reasons", reasons}} : json(nullptr)},
            {"note", u.student_id == id ? u.note : ""},
            {"noteError", u.note_error},
            {"noteSavedId", u.note_saved_id},
            {"dialog", dialog_name(u.dialog)},
            {"callError", u.call_error},
            {"messageError", u.message_error},
            {"lastAction", u.last_action},
            {"messageKeys", d.message_keys}};
}

[[maybe_unused]] const bool registered_open = register_test_query("profile.open", [](const json& args) {
    app_state().student_id = args.value("studentId", "");
    app_state().view = ViewId::Students;
    const std::string tab = args.value("tab", "");  // "timeline" / "details" / "tasks"; "" keeps it
    if (!tab.empty()) profile_ui().tab = tab == "details" ? 1 : tab == "tasks" ? 2 : 0;
    platform::request_redraw();
    return json{{"ok", true}};
});

[[maybe_unused]] const bool registered_state = register_test_query("profile.state", [](const json&) { return state(); });

}  // namespace
}  // namespace wb::app
