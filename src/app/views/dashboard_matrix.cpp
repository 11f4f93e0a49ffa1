#include "views/dashboard_matrix.h"

#include "imgui.h"

namespace wb::app {

void draw_dashboard_matrix() {
    // First step: an empty region; the matrix itself follows.
    ImGui::Dummy(ImGui::GetContentRegionAvail());
}

}  // namespace wb::app
