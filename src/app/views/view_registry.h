#pragma once
// The views of the workbench, in navigation order. Each view is one file in this folder with
// one draw function; the shell draws the navigation and calls the open view's function.
#include "icons.h"

#include <array>
#include <string_view>

namespace wb::app {

enum class ViewId { Today, Students, Lessons, Homework, FollowUps, Refunds, Renewal, Dashboard, Templates, Settings };

// Sidebar sections; Footer items sit at the bottom of the sidebar.
enum class NavGroup { Daily, StudentCare, Insights, Footer };

struct ViewInfo {
    ViewId id;
    const char* slug;        // stable id for tests and URLs ("today", "students", ...)
    const char* title_key;   // translation key of the navigation label and header title
    NavGroup group;
    icons::IconFn icon;
    void (*draw)();
};

const std::array<ViewInfo, 10>& all_views();
const ViewInfo& view_info(ViewId id);
// nullptr for an unknown slug.
const ViewInfo* find_view(std::string_view slug);
const char* nav_group_key(NavGroup group);   // translation key of a section heading; "" for none

// The draw functions, one per file.
void draw_today_view();
void draw_students_view();
void draw_lessons_view();
void draw_homework_view();
void draw_followups_view();
void draw_refunds_view();
void draw_renewal_view();
void draw_dashboard_view();
void draw_templates_view();
void draw_settings_view();

}  // namespace wb::app
