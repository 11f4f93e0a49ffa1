#pragma once
// A small organisation for sync tests, built through mutations as an admin would:
// admin, manager, tutors t1 and t2, one course with lessons, class k1 (t1) with students
// s1..s3 and class k2 (t2) with students s4..s6.
#include <string>
#include <vector>

#include "core/mutation.h"

namespace wb::test {

inline Mutation mut(const char* name, Json args) { return Mutation{name, std::move(args)}; }

inline std::vector<Mutation> sync_fixture_mutations()
{
    const TimeMs day = kDayMs, start = 1767225600000;  // 2026-01-01T00:00Z
    std::vector<Mutation> m{
        mut("org.configure", {{"id", "org1"}, {"name", "演示学校"}, {"timeZone", "Asia/Shanghai"}}),
        mut("user.upsert", {{"id", "admin"}, {"name", "管理员"}, {"role", "admin"}}),
        mut("user.upsert", {{"id", "mgr"}, {"name", "王主管"}, {"role", "manager"}}),
        mut("user.upsert", {{"id", "t1"}, {"name", "李老师"}, {"role", "tutor"}, {"managerId", "mgr"}}),
        mut("user.upsert", {{"id", "t2"}, {"name", "张老师"}, {"role", "tutor"}, {"managerId", "mgr"}}),
        mut("course.upsert", {{"id", "c1"}, {"name", "Python 入门"}}),
        mut("class.upsert", {{"id", "k1"}, {"courseId", "c1"}, {"tutorId", "t1"}, {"name", "一班"}}),
        mut("class.upsert", {{"id", "k2"}, {"courseId", "c1"}, {"tutorId", "t2"}, {"name", "二班"}}),
    };
    for (int i = 1; i <= 4; ++i)
        m.push_back(mut("lesson.upsert", {{"id", "l" + std::to_string(i)}, {"courseId", "c1"}, {"number", i},
                                          {"start", start + i * 7 * day}, {"end", start + i * 7 * day + 2 * kHourMs}}));
    for (int i = 1; i <= 6; ++i) {
        std::string s = "s" + std::to_string(i);
        m.push_back(mut("student.upsert", {{"id", s}, {"name", "学生" + std::to_string(i)}}));
        m.push_back(mut("enrolment.upsert", {{"id", "e" + std::to_string(i)}, {"studentId", s},
                                             {"classId", i <= 3 ? "k1" : "k2"}, {"enrolledAt", start}}));
    }
    return m;
}

inline Mutation note(const std::string& id, const std::string& student, TimeMs at, const std::string& text)
{
    return mut("event.record", {{"id", id}, {"kind", "note"}, {"at", at}, {"studentId", student}, {"text", text}});
}

}  // namespace wb::test
