#pragma once
// The roster (students and their enrolments) as CSV, for spreadsheets and bulk imports.
// Columns: studentId, name, parentName, parentPhone, wechat, address, segment, classId,
// enrolledAt (UTC, "2026-03-01T06:00:00Z"), status, enrolmentId (empty: "e-<studentId>"),
// studentPhone (the student's own mobile, may be empty).
// Import goes through mutations.
#include <string>
#include <vector>

#include "core/mutation.h"

namespace wb {

std::string export_roster_csv(const State& state);

struct RosterImport {
    std::vector<Mutation> mutations;  // student.upsert + enrolment.upsert per row
    std::string error;                // "line 4, column enrolledAt: ..." for the first bad row
};
// Reads the CSV and checks each row; `apply` the mutations to import (a rejection names the row's
// student id).
RosterImport import_roster_csv(std::string_view csv);

// "2026-03-01T06:00:00Z" <-> UTC ms; false on a malformed text.
bool parse_utc(std::string_view text, TimeMs& out);

}  // namespace wb
