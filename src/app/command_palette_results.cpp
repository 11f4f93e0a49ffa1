// Matching for the command palette. Views match on their title in the UI language and in
// Chinese pinyin initials ("jrdb" -> 今日待办) and on their slug; students through the roster's
// matching (roster_text_matches) over the rows the roster already caches, so the palette adds
// no second copy of the data.
#include "command_palette_results.h"

#include "ui_text.h"
#include "views/roster_model.h"

#include "core/pinyin.h"
#include "core/roster_query.h"
#include "i18n/translator.h"

#include <algorithm>
#include <cctype>

namespace wb::app {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool view_matches(const ViewInfo& view, const std::string& query) {
    if (query.empty()) return true;
    const std::string q = lower(query);
    if (lower(ui::tr(view.title_key)).find(q) != std::string::npos) return true;
    if (std::string(view.slug).rfind(q, 0) == 0) return true;
    const std::string zh = Translator::builtin().text(Language::ZhCN, view.title_key);
    return zh.find(query) != std::string::npos || pinyin_starts_with(pinyin_key(zh), q);
}

std::string phone_tail(const std::string& phone) {
    return phone.size() > 4 ? phone.substr(phone.size() - 4) : phone;
}

}  // namespace

std::vector<PaletteResult> palette_results(const std::string& query, int limit) {
    std::vector<PaletteResult> out;
    for (const ViewInfo& view : all_views())
        if (view_matches(view, query)) out.push_back({PaletteResult::Kind::View, view.id, "", ui::tr(view.title_key), ""});
    if (query.empty()) return out;   // students only once something is typed
    const RosterModel& model = roster_model();
    int students = 0;
    for (const RosterRow& row : model.rows) {
        if (students == limit) break;
        if (!roster_text_matches(row, query)) continue;
        std::string detail = row.class_name;
        if (!row.parent_phone.empty()) detail += " · " + phone_tail(row.parent_phone);
        out.push_back({PaletteResult::Kind::Student, ViewId::Students, row.student_id, row.name, detail});
        ++students;
    }
    return out;
}

}  // namespace wb::app
