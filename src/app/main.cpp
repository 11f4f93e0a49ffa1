#include <imgui.h>
int main() { ImGui::CreateContext(); return 0; }
