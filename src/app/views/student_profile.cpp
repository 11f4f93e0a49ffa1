// Placeholder until the profile lands: shows the student's name so the roster can be built and
// tested against the pane.
#include "views/student_profile.h"

#include "offline/workspace.h"

#include <imgui.h>

namespace wb::app {

void draw_student_profile(const std::string& student_id) {
    const State* data = workspace().view();
    if (!data) return;
    auto it = data->students.find(student_id);
    if (it != data->students.end()) ImGui::TextUnformatted(it->second.name.c_str());
}

}  // namespace wb::app
