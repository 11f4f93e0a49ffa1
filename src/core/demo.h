#pragma once
// Deterministic demo data: one organisation, a manager, N tutors with ~250 students each, a
// 12-lesson weekly course half-way through at `now`, and realistic behaviour (most attend, some
// drift away, a few ask for a refund), and tutors who mark most of their past task instances
// done (task.done), trailing a little. Built only through mutations, so the log can seed a
// server or a browser exactly like real use would.
#include <cstdint>
#include <vector>

#include "core/mutation.h"

namespace wb {

struct DemoOptions {
    uint64_t seed = 20260307;
    TimeMs now = 0;
    int tutors = 4;
    int students_per_tutor = 250;
    int lessons = 12;
    std::string time_zone = "Asia/Shanghai";
};

struct DemoDataset {
    State state;
    std::vector<Mutation> mutations;  // in the order applied; replaying them gives `state`
    std::string error;                // a rejected mutation (a bug) or a bad option
};

DemoDataset generate_demo(const DemoOptions& options);

}  // namespace wb
