// The comment phrase library: the template's shared phrases per grade, then the tutor's own,
// learnt from past comments with the name and lesson made into placeholders.
#include <doctest/doctest.h>

#include "core/comment_phrases.h"
#include "roster_fixture.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kStart = utc_ms(2026, 3, 7, 6, 0);
const TimeMs kEnd = kStart + 2 * kHourMs;

void grade(State& s, const std::string& id, const std::string& student, const std::string& lesson, const char* value,
           const std::string& text, TimeMs at, const char* actor = "t1")
{
    record(s, id, "grade", at, {{"studentId", student}, {"lessonId", lesson}, {"value", value}, {"text", text}, {"actorId", actor}});
}
}  // namespace

TEST_CASE("comment phrases: a past comment becomes a phrase with {student} and {lesson}")
{
    CHECK(generalise_comment("Student 1 did Lesson 1 well, Student 1!", "Student 1", "Lesson 1") ==
          "{student} did {lesson} well, {student}!");
    CHECK(generalise_comment("张三很棒", "张三", "") == "{student}很棒");
    // A title holding the name stays one {lesson}.
    CHECK(generalise_comment("Lesson about Ann: fine", "Ann", "Lesson about Ann") == "{lesson}: fine");
    CHECK(generalise_comment("no names here", "", "") == "no names here");
}

TEST_CASE("comment phrases: shared ones of the grade first, then the tutor's own by use, never another tutor's")
{
    State s = small_roster("Asia/Shanghai", kStart, 3, 3);
    must(s, "user.upsert", {{"id", "t2"}, {"name", "Other"}, {"role", "tutor"}, {"managerId", "m1"}});
    grade(s, "g1", "s1", "c1-l1", "A", "Student 1: nice work on Lesson 1", kEnd + kHourMs);
    grade(s, "g2", "s2", "c1-l2", "A", "Student 2: nice work on Lesson 2", kEnd + 8 * kDayMs);
    grade(s, "g3", "s3", "c1-l1", "A", "check the loop", kEnd + 2 * kHourMs);
    grade(s, "g4", "s3", "c1-l2", "B", "Student 3 redo it", kEnd + 8 * kDayMs);       // another grade
    grade(s, "g5", "s1", "c1-l2", "A", "from the other tutor", kEnd + 8 * kDayMs, "t2");
    grade(s, "g6", "s2", "c1-l1", "A", "retracted words", kEnd + 3 * kHourMs);
    must(s, "event.retract", {{"id", "r6"}, {"eventId", "g6"}, {"at", kEnd + 4 * kHourMs}, {"by", "t1"}, {"reason", "typo"}});

    const SopTemplate tpl = builtin("tutor");
    const auto phrases = comment_phrases(s, tpl, "t1", "A", false, kEnd + 9 * kDayMs);
    std::vector<std::string> shared, personal;
    for (const auto& p : phrases) (p.personal ? personal : shared).push_back(p.text);
    // The template's "phrase.A.*" and "phrase.any.*", in key order.
    REQUIRE(shared.size() == 3);
    CHECK(shared[0] == render_message(tpl, "phrase.A.1", false, {}));
    CHECK(shared[2] == render_message(tpl, "phrase.any.1", false, {}));
    CHECK(shared[0].find("{student}") != std::string::npos);
    REQUIRE(personal.size() == 2);
    CHECK(personal[0] == "{student}: nice work on {lesson}");  // used twice
    CHECK(phrases[3].uses == 2);
    CHECK(personal[1] == "check the loop");
    // Filled in for the next student.
    CHECK(fill_placeholders(personal[0], {{"student", "Ann"}, {"lesson", "Loops"}}) == "Ann: nice work on Loops");
    CHECK(comment_phrases(s, tpl, "t1", "A", false, kEnd + 9 * kDayMs, 1).size() == 4);
    // In English the shared phrases are the template's English text.
    CHECK(comment_phrases(s, tpl, "t1", "B", true, kEnd + 9 * kDayMs)[0].text == tpl.messages.at("phrase.B.1").en);
}
