#include "core/student_lesson_matrix.h"

#include <algorithm>

#include "core/class_lessons.h"
#include "core/conditions.h"

namespace wb {

std::string StudentLessonMatrix::lesson_id(int row, int column) const
{
    if (row < 0 || row >= int(rows.size()) || column < 0 || column >= columns) return {};
    auto it = course_lessons.find(rows[size_t(row)].course_id);
    if (it == course_lessons.end() || column >= int(it->second.size())) return {};
    return it->second[size_t(column)];
}

int StudentLessonMatrix::row_of(const std::string& student_id) const
{
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].student_id == student_id) return int(i);
    return -1;
}

namespace {

CellGrade grade_of(const std::string& value)
{
    if (value == "S") return CellGrade::S;
    if (value == "A") return CellGrade::A;
    if (value == "B") return CellGrade::B;
    return CellGrade::None;
}

// The cell of one lesson from the student's history (time-ordered, retractions applied).
MatrixCell cell_for(const std::vector<const Event*>& events, const Lesson& lesson, TimeMs now)
{
    MatrixCell c;
    c.exists = true;
    bool entered = false;
    TimeMs submitted = -1;
    for (const Event* e : events) {
        if (e->lesson_id != lesson.id) continue;
        if (e->kind == EventKind::ClassEntry && e->value != "extra") entered = true;
        if (e->kind == EventKind::HomeworkSubmitted && submitted < 0) submitted = e->at;
        if (e->kind == EventKind::Grade) c.grade = grade_of(e->value);
    }
    if (entered) c.attendance = CellAttendance::Attended;
    else if (effective_attendance(events, lesson.id) == "leave") c.attendance = CellAttendance::Leave;
    else if (now >= lesson.end) c.attendance = CellAttendance::Absent;

    TimeMs due = lesson.end + kHomeworkOnTimeMs;
    if (submitted >= 0) c.homework = submitted <= due ? CellHomework::OnTime : CellHomework::Late;
    else if (now > due) c.homework = CellHomework::Missing;
    return c;
}

}  // namespace

StudentLessonMatrix build_student_lesson_matrix(const State& state, const std::vector<std::string>& class_ids, TimeMs now)
{
    StudentLessonMatrix m;
    for (const auto& [id, lesson] : state.lessons) {
        if (lesson.number < 1) continue;
        auto& list = m.course_lessons[lesson.course_id];
        if (int(list.size()) < lesson.number) list.resize(size_t(lesson.number));
        list[size_t(lesson.number - 1)] = id;
    }
    for (const auto& class_id : class_ids) {
        auto cls = state.classes.find(class_id);
        if (cls == state.classes.end()) continue;
        std::vector<MatrixRow> rows;
        for (const auto& sid : class_student_ids(state, class_id)) {
            auto st = state.students.find(sid);
            if (st == state.students.end()) continue;
            rows.push_back({sid, st->second.name, class_id, cls->second.course_id});
        }
        std::stable_sort(rows.begin(), rows.end(), [](const MatrixRow& a, const MatrixRow& b) {
            return a.student_name != b.student_name ? a.student_name < b.student_name : a.student_id < b.student_id;
        });
        auto lessons = m.course_lessons.find(cls->second.course_id);
        if (lessons != m.course_lessons.end()) m.columns = std::max(m.columns, int(lessons->second.size()));
        m.rows.insert(m.rows.end(), rows.begin(), rows.end());
    }

    EventHistory history(state, now);
    m.cells.assign(m.rows.size() * size_t(m.columns), MatrixCell{});
    for (size_t r = 0; r < m.rows.size(); ++r) {
        const auto& events = history.of(m.rows[r].student_id);
        auto lessons = m.course_lessons.find(m.rows[r].course_id);
        if (lessons == m.course_lessons.end()) continue;
        for (size_t c = 0; c < lessons->second.size(); ++c) {
            auto lesson = state.lessons.find(lessons->second[c]);
            if (lesson == state.lessons.end()) continue;
            m.cells[r * size_t(m.columns) + c] = cell_for(events, lesson->second, now);
        }
    }
    return m;
}

std::vector<uint8_t> pack_matrix_texels(const StudentLessonMatrix& matrix)
{
    std::vector<uint8_t> out(matrix.cells.size() * 4, 0);
    for (size_t i = 0; i < matrix.cells.size(); ++i) {
        const MatrixCell& c = matrix.cells[i];
        out[i * 4 + 0] = uint8_t(c.attendance);
        out[i * 4 + 1] = uint8_t(c.homework);
        out[i * 4 + 2] = uint8_t(c.grade);
        out[i * 4 + 3] = c.exists ? 255 : 0;
    }
    return out;
}

MatrixTotals matrix_totals(const StudentLessonMatrix& matrix)
{
    MatrixTotals t;
    for (const MatrixCell& c : matrix.cells) {
        if (!c.exists) continue;
        ++t.attendance[int(c.attendance)];
        ++t.homework[int(c.homework)];
        ++t.grade[int(c.grade)];
    }
    return t;
}

}  // namespace wb
