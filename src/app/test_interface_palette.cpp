// Test queries of the command palette: its state, and the students it searches with their
// pinyin initials (so a test can pick a student and know what to type).
#include "app_state.h"
#include "command_palette_results.h"
#include "test_queries.h"
#include "views/roster_model.h"

#include "core/pinyin.h"

namespace wb::app {
const char* palette_query_text();
bool palette_is_open();
const std::vector<PaletteResult>& palette_last_results();
}  // namespace wb::app

namespace {

using nlohmann::json;
using namespace wb;
using namespace wb::app;

// Every initials string a name may have (one per combination of polyphone readings, capped).
std::vector<std::string> all_initials(const PinyinKey& key) {
    std::vector<std::string> out{""};
    for (uint32_t mask : key.letters) {
        std::vector<std::string> next;
        for (const std::string& prefix : out)
            for (int b = 0; b < 26 && next.size() < 64; ++b)
                if (mask & (1u << b)) next.push_back(prefix + static_cast<char>('a' + b));
        if (next.empty()) next = out;
        out = std::move(next);
    }
    return out;
}

const bool state_registered = register_test_query("palette.state", [](const json&) {
    json results = json::array();
    for (const PaletteResult& r : palette_last_results())
        results.push_back({{"kind", r.kind == PaletteResult::Kind::View ? "view" : "student"},
                           {"id", r.kind == PaletteResult::Kind::View ? view_info(r.view).slug : r.student_id},
                           {"label", r.label}, {"detail", r.detail}});
    return json{{"open", palette_is_open()}, {"query", palette_query_text()}, {"results", results},
                {"selectedStudent", app_state().student_id}};
});

const bool students_registered = register_test_query("palette.students", [](const json&) {
    json out = json::array();
    for (const RosterRow& row : roster_model().rows)
        out.push_back({{"id", row.student_id}, {"name", row.name}, {"initials", row.initials},
                       {"initialsAll", all_initials(row.pinyin)}});
    return out;
});

}  // namespace
