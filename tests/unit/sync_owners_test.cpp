// RowOwners kept up to date per mutation must answer exactly what owners rebuilt from the whole
// state answer, and must still answer as of before the last update when asked to.
#include <doctest/doctest.h>

#include "core/demo.h"
#include "core/json_fields.h"
#include "sync/rows.h"
#include "sync/scope.h"

using namespace wb;
using namespace wb::sync;

namespace {

// Every row's owner, every student's tutor and rows, as the owners see them.
struct Answers {
    std::map<RowKey, std::string> owner;
    std::map<std::string, std::string> student_tutor;
    std::map<std::string, std::vector<RowKey>> student_rows;
};

Answers answers(const State& s, const RowOwners& owners, const OwnersBefore* before = nullptr,
                const State* bodies_from = nullptr)
{
    const State& b = bodies_from ? *bodies_from : s;
    Answers out;
    for (const auto& [key, body] : state_rows(b)) out.owner[key] = owners.owner(key, body, before);
    for (const auto& [id, student] : b.students) {
        out.student_tutor[id] = owners.tutor_of_student(id, before);
        if (!before) out.student_rows[id] = owners.rows_of_student(s, id);
    }
    return out;
}

void check_same(const Answers& got, const Answers& want, const std::string& after)
{
    CHECK_MESSAGE(got.student_tutor == want.student_tutor, "student tutors after " << after);
    CHECK_MESSAGE(got.owner == want.owner, "row owners after " << after);
    CHECK_MESSAGE(got.student_rows == want.student_rows, "students' rows after " << after);
}

// Applies `m` to `s` and updates `owners` the way the sync service does; checks both views.
void step(State& s, RowOwners& owners, const Mutation& m)
{
    const State was = s;
    const Answers then = answers(was, RowOwners(was));
    auto keys = touched_keys(s, m);
    REQUIRE(keys);
    auto indexed = touched_keys(s, m, [&](const std::string& id) { return owners.enrolments_of_student(id); });
    CHECK_MESSAGE(*indexed == *keys, "the owners' enrolment index finds the keys a scan finds: " << m.name);
    REQUIRE_MESSAGE(apply(s, m).ok, m.name);
    OwnersBefore before;
    owners.update(s, *keys, &before);
    check_same(answers(s, owners), answers(s, RowOwners(s)), m.name);
    // As of before: the owners of the rows that existed then, and their students' tutors.
    Answers as_before = answers(was, owners, &before, &was);
    CHECK_MESSAGE(as_before.owner == then.owner, "owners before " << m.name);
    CHECK_MESSAGE(as_before.student_tutor == then.student_tutor, "tutors before " << m.name);
}

}  // namespace

TEST_CASE("owners kept up to date per mutation answer as owners rebuilt from the state do")
{
    DemoOptions options;
    options.students_per_tutor = 3;
    options.lessons = 2;
    options.now = 1'780'000'000'000;
    DemoDataset demo = generate_demo(options);
    REQUIRE(demo.error.empty());
    State s;
    RowOwners owners(s);
    for (const auto& m : demo.mutations) step(s, owners, m);
    REQUIRE(s.classes.size() >= 2);
    REQUIRE(s.enrolments.size() >= 2);

    // A class handed to another tutor moves all its students; an enrolment moved to another
    // class moves one; a refunded enrolment leaves the student with their first enrolment's tutor.
    const TutoringClass& k1 = s.classes.begin()->second;
    const TutoringClass& k2 = std::next(s.classes.begin())->second;
    Json handed = to_json_value(k1);
    handed["tutorId"] = k2.tutor_id;
    step(s, owners, {"class.upsert", handed});
    Json moved = to_json_value(s.enrolments.begin()->second);
    moved["classId"] = std::prev(s.classes.end())->first;
    step(s, owners, {"enrolment.upsert", moved});
    Json second = moved;
    second["id"] = "e-second";
    second["classId"] = k1.id;
    step(s, owners, {"enrolment.upsert", second});
    Json refunded = to_json_value(s.enrolments.at("e-second"));
    refunded["status"] = "refunded";
    step(s, owners, {"enrolment.upsert", refunded});
    Json demoted = to_json_value(s.users.at(k2.tutor_id));
    demoted["role"] = "admin";
    demoted.erase("managerId");
    step(s, owners, {"user.upsert", demoted});
}
