#pragma once
// The dashboard's student × lesson matrix: one row per enrolment of the given classes, one column
// per lesson number of the classes' courses, each cell the student's attendance, homework and
// grade for that lesson as known at `now`. Pure; retracted events do not count.
#include <cstdint>
#include <string>
#include <vector>

#include "core/state.h"

namespace wb {

// Attendance: entered the live lesson; on leave (the mark in force, no entry); absent (the lesson
// ended without entry or leave); unknown (the lesson has not ended and nothing says otherwise).
enum class CellAttendance : uint8_t { Unknown = 0, Attended = 1, Leave = 2, Absent = 3 };
// Homework: submitted within 48 h of the lesson's end, later, missing once those 48 h are over;
// not due before that.
enum class CellHomework : uint8_t { NotDue = 0, OnTime = 1, Late = 2, Missing = 3 };
// The latest grade of the lesson's work.
enum class CellGrade : uint8_t { None = 0, S = 1, A = 2, B = 3 };

constexpr TimeMs kHomeworkOnTimeMs = 48 * kHourMs;  // as metric homework_submission_48h_rate

struct MatrixCell {
    bool exists = false;  // false: the row's course has no lesson with this number
    CellAttendance attendance = CellAttendance::Unknown;
    CellHomework homework = CellHomework::NotDue;
    CellGrade grade = CellGrade::None;
};

struct MatrixRow {
    std::string student_id;
    std::string student_name;
    std::string class_id;
    std::string course_id;
};

struct StudentLessonMatrix {
    std::vector<MatrixRow> rows;
    int columns = 0;                // lesson numbers 1..columns
    std::vector<MatrixCell> cells;  // row-major, rows.size() * columns
    // Per course: lesson ids by number - 1 ("" where a number is missing).
    std::map<std::string, std::vector<std::string>> course_lessons;

    const MatrixCell& at(int row, int column) const { return cells[size_t(row) * size_t(columns) + size_t(column)]; }
    // The lesson shown in a cell ("" when the cell does not exist).
    std::string lesson_id(int row, int column) const;
    // The row of a student (first one when enrolled twice), -1 when not in the matrix.
    int row_of(const std::string& student_id) const;
};

// Rows: the classes in the given order, inside a class its active students by name, then id.
StudentLessonMatrix build_student_lesson_matrix(const State& state, const std::vector<std::string>& class_ids, TimeMs now);

// One RGBA8 texel per cell, row-major (what the app's shader reads): R = attendance, G = homework,
// B = grade (the enum values), A = 255 when the cell exists, else 0.
std::vector<uint8_t> pack_matrix_texels(const StudentLessonMatrix& matrix);

// Counts per state over the existing cells (for the legend), indexed by the enum value.
struct MatrixTotals {
    int attendance[4] = {0, 0, 0, 0};
    int homework[4] = {0, 0, 0, 0};
    int grade[4] = {0, 0, 0, 0};
};
MatrixTotals matrix_totals(const StudentLessonMatrix& matrix);

}  // namespace wb
