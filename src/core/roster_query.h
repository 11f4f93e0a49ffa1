#pragma once
// Searching, filtering and sorting roster rows (roster.h). Works on indices into the rows, so
// the rows are built once per data change and a query costs one pass plus a sort.
#include <optional>
#include <string>
#include <vector>

#include "core/roster.h"

namespace wb {

enum class RosterColumn { Name, Parent, Phone, Class, Tutor, Risk, Attendance, Homework, FollowUp, LastContact };
inline const std::vector<const char*>& enum_names(RosterColumn)
{
    static const std::vector<const char*> n{"name", "parent", "phone", "class", "tutor", "risk",
                                            "attendance", "homework", "follow_up", "last_contact"};
    return n;
}
constexpr int kRosterColumnCount = 10;

struct RosterQuery {
    // Free text: a part of the student's or parent's name; letters are also matched against the
    // pinyin initials of the name ("zw" finds 张伟, any reading of a polyphone counts); 3 or more
    // digits also match the end of the parent's or the student's phone number ("5678" finds
    // 138 1234 5678).
    std::string text;
    // Filters; empty = any. A row passes when its value is one of those listed.
    std::vector<std::string> class_ids;
    std::vector<RiskLevel> risks;
    std::vector<AttendanceState> attendance;
    std::vector<HomeworkState> homework;
    std::vector<FollowUpState> follow_up;
    RosterColumn sort = RosterColumn::Name;
    bool descending = false;
};

// True when the row matches the free text (see RosterQuery::text). Empty text matches all.
bool roster_text_matches(const RosterRow& row, std::string_view text);

// Indices of the rows that pass, in the requested order. The sort is stable and ties are broken
// by name (pinyin order) then student id, so the order never depends on the previous one.
std::vector<int> query_roster(const std::vector<RosterRow>& rows, const RosterQuery& query);

// Compares two rows on one column (negative, 0, positive); names compare by their pinyin
// initials, then by the name; risk by level then probability; empty times sort first.
int compare_rows(const RosterRow& a, const RosterRow& b, RosterColumn column);

}  // namespace wb
