#include "views/view_registry.h"

namespace wb::app {

const std::array<ViewInfo, 10>& all_views() {
    static const std::array<ViewInfo, 10> views{{
        {ViewId::Today, "today", "nav.today", NavGroup::Daily, icons::today, draw_today_view},
        {ViewId::Students, "students", "nav.roster", NavGroup::Daily, icons::students, draw_students_view},
        {ViewId::Lessons, "lessons", "nav.lessons", NavGroup::Daily, icons::lessons, draw_lessons_view},
        {ViewId::Homework, "homework", "nav.homework", NavGroup::Daily, icons::homework, draw_homework_view},
        {ViewId::FollowUps, "followups", "nav.followup", NavGroup::Daily, icons::followups, draw_followups_view},
        {ViewId::Refunds, "refunds", "nav.refunds", NavGroup::StudentCare, icons::refunds, draw_refunds_view},
        {ViewId::Renewal, "renewal", "nav.renewal", NavGroup::StudentCare, icons::renewal, draw_renewal_view},
        {ViewId::Dashboard, "dashboard", "nav.dashboard", NavGroup::Insights, icons::dashboard, draw_dashboard_view},
        {ViewId::Templates, "templates", "nav.templates", NavGroup::Insights, icons::templates, draw_templates_view},
        {ViewId::Settings, "settings", "nav.settings", NavGroup::Footer, icons::settings, draw_settings_view},
    }};
    return views;
}

const ViewInfo& view_info(ViewId id) { return all_views()[static_cast<std::size_t>(id)]; }

const ViewInfo* find_view(std::string_view slug) {
    for (const ViewInfo& v : all_views())
        if (slug == v.slug) return &v;
    return nullptr;
}

const char* nav_group_key(NavGroup group) {
    switch (group) {
        case NavGroup::Daily: return "nav.group.daily";
        case NavGroup::StudentCare: return "nav.group.care";
        case NavGroup::Insights: return "nav.group.insights";
        case NavGroup::Footer: return "";
    }
    return "";
}

}  // namespace wb::app
