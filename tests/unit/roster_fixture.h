#pragma once
// A small roster built through mutations, shared by the unit tests.
#include <doctest/doctest.h>

#include "core/mutation.h"
#include "core/time_zone.h"

namespace wb::test {

inline void must(State& s, const std::string& name, Json args)
{
    auto r = apply(s, Mutation{name, std::move(args)});
    INFO(name << ": " << r.reason);
    REQUIRE(r.ok);
}

inline TimeMs utc_ms(int y, int mo, int d, int h, int mi)
{
    return (days_from_civil(y, mo, d) * 24 * 60 + h * 60 + mi) * kMinuteMs;
}

// Org in `zone`; manager m1, tutor t1; course c1 with `lessons` weekly lessons starting at
// `first_start`, 2 h each; class k1 of t1 with students s1..s<n>, enrolled a week before.
inline State small_roster(const std::string& zone, TimeMs first_start, int lessons = 4, int students = 3)
{
    State s;
    must(s, "org.configure", {{"id", "o1"}, {"name", "Org"}, {"timeZone", zone}});
    must(s, "user.upsert", {{"id", "m1"}, {"name", "Manager"}, {"role", "manager"}});
    must(s, "user.upsert", {{"id", "t1"}, {"name", "Tutor"}, {"role", "tutor"}, {"managerId", "m1"}});
    must(s, "user.upsert", {{"id", "l1"}, {"name", "Lecturer"}, {"role", "admin"}});
    must(s, "course.upsert", {{"id", "c1"}, {"name", "Python"}});
    for (int i = 1; i <= lessons; ++i) {
        TimeMs start = first_start + (i - 1) * 7 * kDayMs;
        must(s, "lesson.upsert", {{"id", "c1-l" + std::to_string(i)}, {"courseId", "c1"}, {"number", i},
                                  {"title", "Lesson " + std::to_string(i)}, {"start", start},
                                  {"end", start + 2 * kHourMs}, {"lecturerId", "l1"}});
    }
    must(s, "class.upsert", {{"id", "k1"}, {"courseId", "c1"}, {"tutorId", "t1"}, {"name", "Class 1"}});
    for (int i = 1; i <= students; ++i) {
        auto id = "s" + std::to_string(i);
        must(s, "student.upsert", {{"id", id}, {"name", "Student " + std::to_string(i)}, {"parentPhone", "138"}});
        must(s, "enrolment.upsert", {{"id", "e" + std::to_string(i)}, {"studentId", id}, {"classId", "k1"},
                                     {"enrolledAt", first_start - 7 * kDayMs}});
    }
    return s;
}

inline void record(State& s, const std::string& id, const std::string& kind, TimeMs at, Json extra = Json::object())
{
    extra["id"] = id;
    extra["kind"] = kind;
    extra["at"] = at;
    must(s, "event.record", extra);
}

}  // namespace wb::test
