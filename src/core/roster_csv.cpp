#include "core/roster_csv.h"

#include "core/csv.h"
#include "core/time_zone.h"

namespace wb {
namespace {

const CsvRow kHeader{"studentId", "name", "parentName", "parentPhone", "wechat", "address",
                     "segment", "classId", "enrolledAt", "status", "enrolmentId", "studentPhone"};

int number(std::string_view s, size_t pos, size_t len)
{
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

}  // namespace

bool parse_utc(std::string_view s, TimeMs& out)
{
    if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        return false;
    int y = number(s, 0, 4), mo = number(s, 5, 2), d = number(s, 8, 2);
    int h = number(s, 11, 2), mi = number(s, 14, 2), sec = number(s, 17, 2);
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
        return false;
    out = ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * kMinuteMs + sec * 1000;
    return format_utc(out) == s;  // rejects 31 February and the like
}

std::string export_roster_csv(const State& s)
{
    std::vector<CsvRow> rows{kHeader};
    for (const auto& [_, e] : s.enrolments) {
        auto st = s.students.find(e.student_id);
        if (st == s.students.end()) continue;
        const Student& p = st->second;
        rows.push_back({p.id, p.name, p.parent_name, p.parent_phone, p.wechat, p.address, p.segment, e.class_id,
                        format_utc(e.enrolled_at), to_string(e.status), e.id, p.student_phone});
    }
    return write_csv(rows);
}

RosterImport import_roster_csv(std::string_view text)
{
    RosterImport out;
    auto table = parse_csv(text);
    if (!table.error.empty()) { out.error = table.error; return out; }
    if (table.rows.empty() || table.rows[0] != kHeader) {
        out.error = "line 1: expected the header " + write_csv({kHeader}).substr(0, write_csv({kHeader}).size() - 2);
        return out;
    }
    for (size_t i = 1; i < table.rows.size(); ++i) {
        const CsvRow& r = table.rows[i];
        std::string where = "line " + std::to_string(i + 1);
        if (r.size() == 1 && r[0].empty()) continue;  // blank line
        if (r.size() != kHeader.size()) {
            out.error = where + ": expected " + std::to_string(kHeader.size()) + " fields, got " + std::to_string(r.size());
            return out;
        }
        TimeMs enrolled = 0;
        EnrolmentStatus status = EnrolmentStatus::Active;
        if (r[0].empty()) { out.error = where + ", column studentId: must not be empty"; return out; }
        if (!parse_utc(r[8], enrolled)) { out.error = where + ", column enrolledAt: expected a UTC time like 2026-03-01T06:00:00Z, got \"" + r[8] + "\""; return out; }
        if (!r[9].empty() && !from_string(r[9], status)) { out.error = where + ", column status: expected one of: " + joined_names(EnrolmentStatus{}); return out; }
        out.mutations.push_back({"student.upsert", {{"id", r[0]}, {"name", r[1]}, {"parentName", r[2]}, {"parentPhone", r[3]},
                                                    {"wechat", r[4]}, {"address", r[5]}, {"segment", r[6]}, {"studentPhone", r[11]}}});
        out.mutations.push_back({"enrolment.upsert", {{"id", r[10].empty() ? "e-" + r[0] : r[10]}, {"studentId", r[0]}, {"classId", r[7]},
                                                      {"enrolledAt", enrolled}, {"status", to_string(status)}}});
    }
    return out;
}

}  // namespace wb
