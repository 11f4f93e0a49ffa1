#pragma once
// The roster and its history: organisation, people, courses, lessons, classes, students,
// enrolments, events and the recorded state of task instances. Plain values; all times are
// UTC milliseconds since the Unix epoch (TimeMs), local time only exists at the edges
// (see time_zone.h). Each struct lists its JSON fields once in `describe`.
#include <cstdint>
#include <string>
#include <vector>

#include "core/json_fields.h"

namespace wb {

using TimeMs = int64_t;
constexpr TimeMs kMinuteMs = 60 * 1000;
constexpr TimeMs kHourMs = 60 * kMinuteMs;
constexpr TimeMs kDayMs = 24 * kHourMs;

enum class Role { Tutor, Manager, Admin };
inline const std::vector<const char*>& enum_names(Role)
{
    static const std::vector<const char*> n{"tutor", "manager", "admin"};
    return n;
}

// Outbound messages to parents are held back between start and end (local minutes of the day;
// start > end means the quiet period crosses midnight).
struct QuietHours {
    int start_minute = 21 * 60;
    int end_minute = 8 * 60;
};
template <class F> void describe(F& f, QuietHours& q)
{
    f("startMinute", q.start_minute);
    f("endMinute", q.end_minute);
}

struct Organisation {
    std::string id;
    std::string name;
    std::string time_zone = "Asia/Shanghai";  // IANA name
    QuietHours quiet_hours;
    std::string template_id = "tutor";        // which SOP template the organisation runs
};
template <class F> void describe(F& f, Organisation& o)
{
    f("id", o.id, Need::Required);
    f("name", o.name);
    f("timeZone", o.time_zone);
    f("quietHours", o.quiet_hours);
    f("templateId", o.template_id);
}

struct User {
    std::string id;
    std::string name;
    Role role = Role::Tutor;
    std::string manager_id;  // required for tutors
    std::string phone;
};
template <class F> void describe(F& f, User& u)
{
    f("id", u.id, Need::Required);
    f("name", u.name);
    f("role", u.role, Need::Required);
    f("managerId", u.manager_id);
    f("phone", u.phone);
}

struct Course {
    std::string id;
    std::string name;
};
template <class F> void describe(F& f, Course& c)
{
    f("id", c.id, Need::Required);
    f("name", c.name);
}

struct Lesson {
    std::string id;
    std::string course_id;
    int number = 0;  // 1-based position in the course
    std::string title;
    TimeMs start = 0;
    TimeMs end = 0;
    std::string lecturer_id;
};
template <class F> void describe(F& f, Lesson& l)
{
    f("id", l.id, Need::Required);
    f("courseId", l.course_id, Need::Required);
    f("number", l.number, Need::Required);
    f("title", l.title);
    f("start", l.start, Need::Required);
    f("end", l.end, Need::Required);
    f("lecturerId", l.lecturer_id);
}

// A tutoring class [辅导班]: the share of a course's students one tutor looks after.
struct TutoringClass {
    std::string id;
    std::string course_id;
    std::string tutor_id;
    std::string name;
};
template <class F> void describe(F& f, TutoringClass& c)
{
    f("id", c.id, Need::Required);
    f("courseId", c.course_id, Need::Required);
    f("tutorId", c.tutor_id, Need::Required);
    f("name", c.name);
}

struct Student {
    std::string id;
    std::string name;
    std::string parent_name;
    std::string parent_phone;
    std::string student_phone;  // the student's own mobile, "" when they have none (young pupils)
    std::string wechat;
    std::string address;
    std::string segment;  // CSM: customer size (small / medium / large); free for tutors
};
template <class F> void describe(F& f, Student& s)
{
    f("id", s.id, Need::Required);
    f("name", s.name);
    f("parentName", s.parent_name);
    f("parentPhone", s.parent_phone);
    f("studentPhone", s.student_phone);
    f("wechat", s.wechat);
    f("address", s.address);
    f("segment", s.segment);
}

enum class EnrolmentStatus { Active, Refunded, Completed };
inline const std::vector<const char*>& enum_names(EnrolmentStatus)
{
    static const std::vector<const char*> n{"active", "refunded", "completed"};
    return n;
}

struct Enrolment {
    std::string id;
    std::string student_id;
    std::string class_id;
    TimeMs enrolled_at = 0;
    EnrolmentStatus status = EnrolmentStatus::Active;
};
template <class F> void describe(F& f, Enrolment& e)
{
    f("id", e.id, Need::Required);
    f("studentId", e.student_id, Need::Required);
    f("classId", e.class_id, Need::Required);
    f("enrolledAt", e.enrolled_at, Need::Required);
    f("status", e.status);
}

}  // namespace wb
