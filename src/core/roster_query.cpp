#include "core/roster_query.h"

#include <algorithm>

namespace wb {
namespace {

template <class T> int cmp(const T& a, const T& b) { return a < b ? -1 : b < a ? 1 : 0; }

std::string trimmed_lower(std::string_view text)
{
    size_t b = text.find_first_not_of(" \t\r\n"), e = text.find_last_not_of(" \t\r\n");
    std::string out(b == std::string_view::npos ? std::string_view() : text.substr(b, e - b + 1));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
    return out;
}

std::string lower_ascii(const std::string& s)
{
    std::string out = s;
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c | 0x20);
    return out;
}

std::string digits_of(std::string_view s)
{
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

bool ends_with(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool is_letters_or_digits(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

template <class T> bool passes(const std::vector<T>& allowed, const T& value)
{
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool text_matches_lowered(const RosterRow& row, const std::string& q)
{
    if (q.empty()) return true;
    if (lower_ascii(row.name).find(q) != std::string::npos) return true;
    if (lower_ascii(row.parent_name).find(q) != std::string::npos) return true;
    if (is_letters_or_digits(q) && pinyin_matches(row.pinyin, q)) return true;
    std::string digits = digits_of(q);
    if (digits.size() >= 3 && digits.size() == q.size() - std::count(q.begin(), q.end(), ' ') &&
        (ends_with(digits_of(row.parent_phone), digits) || ends_with(digits_of(row.student_phone), digits)))
        return true;
    return false;
}

}  // namespace

bool roster_text_matches(const RosterRow& row, std::string_view text)
{
    return text_matches_lowered(row, trimmed_lower(text));
}

int compare_rows(const RosterRow& a, const RosterRow& b, RosterColumn column)
{
    switch (column) {
        case RosterColumn::Name: {
            int c = cmp(a.initials, b.initials);
            return c ? c : cmp(a.name, b.name);
        }
        case RosterColumn::Parent: return cmp(a.parent_name, b.parent_name);
        case RosterColumn::Phone: return cmp(a.parent_phone, b.parent_phone);
        case RosterColumn::Class: return cmp(a.class_name, b.class_name);
        case RosterColumn::Tutor: return cmp(a.tutor_name, b.tutor_name);
        case RosterColumn::Risk: {
            int c = cmp(int(a.risk), int(b.risk));
            return c ? c : cmp(a.risk_probability, b.risk_probability);
        }
        case RosterColumn::Attendance: return cmp(int(a.attendance), int(b.attendance));
        case RosterColumn::Homework: return cmp(int(a.homework), int(b.homework));
        case RosterColumn::FollowUp: {
            int c = cmp(int(a.follow_up), int(b.follow_up));
            return c ? c : cmp(a.follow_up_due_at, b.follow_up_due_at);
        }
        case RosterColumn::LastContact: return cmp(a.last_contact_at, b.last_contact_at);
    }
    return 0;
}

std::vector<int> query_roster(const std::vector<RosterRow>& rows, const RosterQuery& query)
{
    std::string q = trimmed_lower(query.text);
    std::vector<int> out;
    out.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const RosterRow& r = rows[i];
        if (!passes(query.class_ids, r.class_id) || !passes(query.risks, r.risk) ||
            !passes(query.attendance, r.attendance) || !passes(query.homework, r.homework) ||
            !passes(query.follow_up, r.follow_up) || !text_matches_lowered(r, q))
            continue;
        out.push_back(int(i));
    }
    std::stable_sort(out.begin(), out.end(), [&](int x, int y) {
        const RosterRow& a = rows[size_t(x)];
        const RosterRow& b = rows[size_t(y)];
        int c = compare_rows(a, b, query.sort);
        if (c) return query.descending ? c > 0 : c < 0;
        c = compare_rows(a, b, RosterColumn::Name);  // ties: always by name, ascending
        return c ? c < 0 : a.student_id < b.student_id;
    });
    return out;
}

}  // namespace wb
