#pragma once
// The demo organisation a fresh store starts with, so the run command shows something real.
#include <optional>

#include "store/store.h"

namespace wb::server {

struct DemoSeed {
    bool seeded_now = false;                    // false: the store already had data
    std::optional<store::Organisation> organisation;  // the first organisation, if any
};

inline constexpr const char* kDemoOrganisationName = "演示学校";
inline constexpr const char* kDemoTimeZone = "Asia/Shanghai";

// Seeds the demo organisation when the store holds no organisation yet.
Result<DemoSeed> seed_demo_if_empty(store::Store& store);

}  // namespace wb::server
