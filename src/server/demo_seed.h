#pragma once
// The demo organisation a fresh store starts with, so the run command shows something real:
// the core's deterministic demo dataset (wb::generate_demo: an admin, a manager, four tutors
// with 250 students each by default, half a course of history at the server's start time), applied through
// the sync service like any client's mutations, and sign-in accounts for its people whose user
// ids are the dataset's user ids. Passwords are random, made when the accounts are created (or
// reset), and only then known in clear: the server prints them at that start.
#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/passwords.h"
#include "store/store.h"

namespace wb::server {

class OrganisationSync;

struct DemoCredential {
    std::string login;
    std::string password;
    std::string name;
    store::Role role = store::Role::Tutor;
};

struct DemoSeed {
    bool seeded_now = false;                          // the demo dataset was applied now
    std::optional<store::Organisation> organisation;  // the first organisation, if any
    std::vector<DemoCredential> new_credentials;      // accounts created or reset now
    size_t account_count = 0;
    size_t student_count = 0;                         // in the synced data
    std::int64_t seed_ms = 0;                         // how long applying the dataset took
};

// The demo's sign-in names for the dataset's user ids (names and roles come from the dataset).
struct DemoLogin {
    const char* user_id;
    const char* login;
};
const std::vector<DemoLogin>& demo_logins();

// The client id the demo dataset is pushed under.
inline constexpr const char* kDemoSeedClient = "demo-seed";

enum class DemoPasswords { KeepExisting, Reset };

struct DemoSeedOptions {
    PasswordCost cost = PasswordCost::Interactive;
    std::int64_t now_ms = 0;  // the start time (UTC ms): the demo's course is half-way through
    DemoPasswords passwords = DemoPasswords::KeepExisting;
    int students_per_tutor = 250;  // DemoOptions::students_per_tutor (--demo-students-per-tutor)
    int lessons = 12;              // DemoOptions::lessons (--demo-lessons)
};

// Seeds the demo dataset when the store has no organisation (and no synced rows), records the
// organisation, and creates the demo accounts when there is no account. With
// DemoPasswords::Reset the demo accounts that exist get new passwords.
// The demo's channels: a simulated one for each channel the SOP templates' reminders name, so a
// demo shows messages delivered (in the app) without sending anything anywhere.
nlohmann::json demo_channels();

Result<DemoSeed> seed_demo_if_empty(store::Store& store, OrganisationSync& sync, const DemoSeedOptions& options);

}  // namespace wb::server
