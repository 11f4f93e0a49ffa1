#include "server/demo_seed.h"

#include <algorithm>
#include <chrono>

#include "core/demo.h"
#include "core/enum_names.h"
#include "server/organisation_sync.h"

namespace wb::server {

namespace {
constexpr size_t kDemoPasswordLength = 10;
constexpr size_t kSeedBatch = 500;  // demo mutations per transaction

std::int64_t steady_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// Applies the core's demo dataset through the sync service; every mutation must be accepted.
Status seed_dataset(OrganisationSync& sync, const DemoSeedOptions& how, DemoSeed& seed) {
    DemoOptions options;
    options.now = how.now_ms;
    options.students_per_tutor = how.students_per_tutor;
    options.lessons = how.lessons;
    DemoDataset dataset = generate_demo(options);
    if (!dataset.error.empty()) return fail("the demo generator failed: " + dataset.error);
    std::int64_t started = steady_ms();
    // In batches, each its own transaction: PostgreSQL slows down quadratically when one
    // transaction updates the version counter row tens of thousands of times.
    const auto& all = dataset.mutations;
    for (size_t from = 0; from < all.size(); from += kSeedBatch) {
        std::vector<Mutation> batch(all.begin() + from, all.begin() + std::min(all.size(), from + kSeedBatch));
        auto pushed = sync.apply_as_system(batch, kDemoSeedClient);
        if (!pushed.response) return fail(pushed.error.code + ": " + pushed.error.message);
        for (const auto& r : pushed.response->results)
            if (!r.ok) return fail("demo mutation " + std::to_string(r.id) + " refused: " + r.error.message);
    }
    seed.seed_ms = steady_ms() - started;
    seed.seeded_now = true;
    return ok_status();
}

Status seed_accounts(store::Store& store, OrganisationSync& sync, PasswordCost cost, DemoSeed& seed) {
    auto users = sync.with_state([](const State& s) { return s.users; });
    for (const auto& l : demo_logins()) {
        auto user = users.find(l.user_id);
        if (user == users.end()) continue;  // not in this organisation's data
        auto role = store::parse_role(to_string(user->second.role));
        if (!role) return fail("user " + user->second.id + " has an unknown role");
        std::string password = random_password(kDemoPasswordLength);
        auto hash = hash_password(password, cost);
        if (!hash) return hash.error();
        store::Account account{l.user_id, l.login, user->second.name, *role, user->second.manager_id,
                               hash.value()};
        if (auto created = store.create_account(account); !created) return created;
        seed.new_credentials.push_back({l.login, password, account.display_name, account.role});
    }
    return ok_status();
}

Status reset_passwords(store::Store& store, PasswordCost cost, DemoSeed& seed) {
    for (const auto& l : demo_logins()) {
        auto existing = store.find_account_by_login(l.login);
        if (!existing) return existing.error();
        if (!existing.value()) continue;  // removed or renamed: not ours to recreate
        std::string password = random_password(kDemoPasswordLength);
        auto hash = hash_password(password, cost);
        if (!hash) return hash.error();
        if (auto s = store.set_password_hash(existing.value()->user_id, hash.value()); !s) return s;
        seed.new_credentials.push_back({l.login, password, existing.value()->display_name,
                                        existing.value()->role});
    }
    return ok_status();
}

Status seed_organisation(store::Store& store, OrganisationSync& sync, const DemoSeedOptions& how, DemoSeed& seed) {
    bool has_data = sync.with_state([](const State& s) { return !s.users.empty(); });
    if (!has_data) {
        if (auto s = seed_dataset(sync, how, seed); !s) return fail("cannot seed the demo data: " + s.message());
    }
    auto org = sync.with_state([](const State& s) { return s.organisation; });
    auto created = store.create_organisation(org.name, org.time_zone);
    if (!created) return fail("cannot record the organisation: " + created.message());
    seed.organisation = created.value();
    return ok_status();
}
}  // namespace

const std::vector<DemoLogin>& demo_logins() {
    static const std::vector<DemoLogin> logins = {
        {"a1", "admin"},  {"m1", "manager"}, {"t1", "tutor1"},
        {"t2", "tutor2"}, {"t3", "tutor3"},  {"t4", "tutor4"},
    };
    return logins;
}

Result<DemoSeed> seed_demo_if_empty(store::Store& store, OrganisationSync& sync, const DemoSeedOptions& how) {
    DemoSeed seed;
    auto existing = store.organisations();
    if (!existing) return existing.error();
    if (existing.value().empty()) {
        if (auto s = seed_organisation(store, sync, how, seed); !s) return s.error();
    } else {
        seed.organisation = existing.value().front();
    }

    auto accounts = store.accounts();
    if (!accounts) return accounts.error();
    if (accounts.value().empty()) {
        if (auto s = seed_accounts(store, sync, how.cost, seed); !s) {
            return fail("cannot seed the demo accounts: " + s.message());
        }
    } else if (how.passwords == DemoPasswords::Reset) {
        if (auto s = reset_passwords(store, how.cost, seed); !s) {
            return fail("cannot reset the demo passwords: " + s.message());
        }
    }
    auto count = store.accounts();
    if (!count) return count.error();
    seed.account_count = count.value().size();
    seed.student_count = sync.with_state([](const State& s) { return s.students.size(); });
    return seed;
}

nlohmann::json demo_channels() {
    nlohmann::json out = nlohmann::json::array();
    for (const char* id : {"sms", "dingtalk", "call"}) out.push_back({{"id", id}, {"type", "simulated"}});
    return out;
}

}  // namespace wb::server
