#include "icons.h"

#include <algorithm>
#include <cmath>

namespace wb::app::icons {
namespace {

// Icons are designed on a 16-unit grid; P maps grid units to screen positions.
struct Grid {
    ImVec2 min;
    float unit;
    ImVec2 p(float x, float y) const { return ImVec2(min.x + x * unit, min.y + y * unit); }
    float s(float v) const { return v * unit; }
    float stroke() const { return std::max(1.0f, 1.4f * unit); }
};

Grid grid(ImVec2 min, float size) { return Grid{min, size / 16.0f}; }

constexpr float kPi = 3.14159265f;

}  // namespace

void today(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->AddCircle(g.p(8, 8), g.s(6.5f), c, 0, g.stroke());
    const ImVec2 check[] = {g.p(5, 8.2f), g.p(7.2f, 10.3f), g.p(11, 6)};
    dl->AddPolyline(check, 3, c, 0, g.stroke());
}

void students(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->AddCircle(g.p(6, 5), g.s(2.6f), c, 0, g.stroke());
    dl->PathArcTo(g.p(6, 14.5f), g.s(5.0f), kPi, 2 * kPi);
    dl->PathStroke(c, 0, g.stroke());
    dl->AddCircle(g.p(11.5f, 5.5f), g.s(2.0f), c, 0, g.stroke());
    dl->PathArcTo(g.p(12, 14.5f), g.s(3.8f), 1.25f * kPi, 2 * kPi);
    dl->PathStroke(c, 0, g.stroke());
}

void lessons(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->AddRect(g.p(1.5f, 3), g.p(14.5f, 14.5f), c, g.s(2), 0, g.stroke());
    dl->AddLine(g.p(1.5f, 6.5f), g.p(14.5f, 6.5f), c, g.stroke());
    dl->AddLine(g.p(5, 1.5f), g.p(5, 4.5f), c, g.stroke());
    dl->AddLine(g.p(11, 1.5f), g.p(11, 4.5f), c, g.stroke());
    dl->AddRectFilled(g.p(4.5f, 9), g.p(6.5f, 11), c, g.s(0.5f));
}

void homework(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->AddRect(g.p(2.5f, 1.5f), g.p(13.5f, 14.5f), c, g.s(2), 0, g.stroke());
    dl->AddLine(g.p(5, 5.5f), g.p(11, 5.5f), c, g.stroke());
    dl->AddLine(g.p(5, 8.5f), g.p(11, 8.5f), c, g.stroke());
    dl->AddLine(g.p(5, 11.5f), g.p(8.5f, 11.5f), c, g.stroke());
}

void followups(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->AddRect(g.p(1.5f, 2), g.p(14.5f, 11.5f), c, g.s(2.5f), 0, g.stroke());
    const ImVec2 tail[] = {g.p(4.5f, 11.5f), g.p(4.5f, 14.5f), g.p(8, 11.5f)};
    dl->AddPolyline(tail, 3, c, 0, g.stroke());
    dl->AddCircleFilled(g.p(5.2f, 6.8f), g.s(0.9f), c);
    dl->AddCircleFilled(g.p(8, 6.8f), g.s(0.9f), c);
    dl->AddCircleFilled(g.p(10.8f, 6.8f), g.s(0.9f), c);
}

void refunds(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->PathArcTo(g.p(8, 8.5f), g.s(6), -0.5f * kPi, 1.25f * kPi);
    dl->PathStroke(c, 0, g.stroke());
    const ImVec2 head[] = {g.p(5.5f, 0.8f), g.p(8.3f, 2.5f), g.p(5.8f, 4.6f)};
    dl->AddPolyline(head, 3, c, 0, g.stroke());
    dl->AddLine(g.p(8, 5.5f), g.p(8, 11.5f), c, g.stroke());
    dl->AddLine(g.p(6, 8.5f), g.p(10, 8.5f), c, g.stroke());
}

void renewal(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->PathArcTo(g.p(8, 8), g.s(5.8f), 1.1f * kPi, 1.9f * kPi);
    dl->PathStroke(c, 0, g.stroke());
    dl->PathArcTo(g.p(8, 8), g.s(5.8f), 0.1f * kPi, 0.9f * kPi);
    dl->PathStroke(c, 0, g.stroke());
    const ImVec2 a[] = {g.p(10.8f, 3.2f), g.p(13.6f, 4.4f), g.p(14.2f, 1.6f)};
    dl->AddPolyline(a, 3, c, 0, g.stroke());
    const ImVec2 b[] = {g.p(5.2f, 12.8f), g.p(2.4f, 11.6f), g.p(1.8f, 14.4f)};
    dl->AddPolyline(b, 3, c, 0, g.stroke());
}

void dashboard(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->AddLine(g.p(1.5f, 14.5f), g.p(14.5f, 14.5f), c, g.stroke());
    dl->AddRectFilled(g.p(3, 8), g.p(5.5f, 13), c, g.s(0.8f));
    dl->AddRectFilled(g.p(7, 4), g.p(9.5f, 13), c, g.s(0.8f));
    dl->AddRectFilled(g.p(11, 6.5f), g.p(13.5f, 13), c, g.s(0.8f));
}

void templates(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    const ImVec2 top[] = {g.p(8, 1.5f), g.p(14.5f, 5), g.p(8, 8.5f), g.p(1.5f, 5)};
    dl->AddPolyline(top, 4, c, ImDrawFlags_Closed, g.stroke());
    const ImVec2 mid[] = {g.p(1.5f, 8.2f), g.p(8, 11.7f), g.p(14.5f, 8.2f)};
    dl->AddPolyline(mid, 3, c, 0, g.stroke());
    const ImVec2 low[] = {g.p(1.5f, 11.3f), g.p(8, 14.8f), g.p(14.5f, 11.3f)};
    dl->AddPolyline(low, 3, c, 0, g.stroke());
}

void settings(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    const ImVec2 center = g.p(8, 8);
    for (int i = 0; i < 8; ++i) {
        const float a = i * kPi / 4;
        const ImVec2 dir(std::cos(a), std::sin(a));
        dl->AddLine(ImVec2(center.x + dir.x * g.s(5), center.y + dir.y * g.s(5)),
                    ImVec2(center.x + dir.x * g.s(7), center.y + dir.y * g.s(7)), c, g.stroke() * 1.6f);
    }
    dl->AddCircle(center, g.s(5), c, 0, g.stroke());
    dl->AddCircle(center, g.s(2), c, 0, g.stroke());
}

void cloud(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->PathArcTo(g.p(4.5f, 9.5f), g.s(3), 0.5f * kPi, 1.5f * kPi);
    dl->PathArcTo(g.p(8.5f, 6.5f), g.s(4), 1.15f * kPi, 1.95f * kPi);
    dl->PathArcTo(g.p(12, 10), g.s(2.5f), 1.5f * kPi, 2.5f * kPi);
    dl->PathStroke(c, ImDrawFlags_Closed, g.stroke());
}

void globe(ImDrawList* dl, ImVec2 min, float size, ImU32 c) {
    const Grid g = grid(min, size);
    dl->AddCircle(g.p(8, 8), g.s(6.5f), c, 0, g.stroke());
    dl->AddEllipse(g.p(8, 8), ImVec2(g.s(2.8f), g.s(6.5f)), c, 0, 0, g.stroke());
    dl->AddLine(g.p(1.5f, 8), g.p(14.5f, 8), c, g.stroke());
}

}  // namespace wb::app::icons
