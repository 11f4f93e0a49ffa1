#pragma once
// The demo organisation a fresh store starts with, so the run command shows something real:
// the organisation 演示学校 (Asia/Shanghai) and its people, an admin, a manager and four tutors
// who report to that manager. Passwords are random, made when the accounts are created (or
// reset), and only then known in clear: the server prints them at that start.
#include <optional>
#include <string>
#include <vector>

#include "server/passwords.h"
#include "store/store.h"

namespace wb::server {

struct DemoCredential {
    std::string login;
    std::string password;
    std::string name;
    store::Role role = store::Role::Tutor;
};

struct DemoSeed {
    bool seeded_now = false;                          // the organisation was created now
    std::optional<store::Organisation> organisation;  // the first organisation, if any
    std::vector<DemoCredential> new_credentials;      // accounts created or reset now
    size_t account_count = 0;
};

inline constexpr const char* kDemoOrganisationName = "演示学校";
inline constexpr const char* kDemoTimeZone = "Asia/Shanghai";

// The demo people: user ids, logins, names and roles (the core's demo data uses the same ids).
struct DemoPerson {
    const char* user_id;
    const char* login;
    const char* name;
    store::Role role;
    const char* manager_id;
};
const std::vector<DemoPerson>& demo_people();

enum class DemoPasswords { KeepExisting, Reset };

// Seeds the organisation when the store has none and the demo accounts when it has no account.
// With DemoPasswords::Reset the demo accounts that exist get new passwords.
Result<DemoSeed> seed_demo_if_empty(store::Store& store, PasswordCost cost,
                                    DemoPasswords passwords = DemoPasswords::KeepExisting);

}  // namespace wb::server
