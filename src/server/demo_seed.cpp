#include "server/demo_seed.h"

namespace wb::server {

namespace {
constexpr size_t kDemoPasswordLength = 10;

Status seed_accounts(store::Store& store, PasswordCost cost, DemoSeed& seed) {
    for (const auto& p : demo_people()) {
        std::string password = random_password(kDemoPasswordLength);
        auto hash = hash_password(password, cost);
        if (!hash) return hash.error();
        store::Account account{p.user_id, p.login, p.name, p.role, p.manager_id, hash.value()};
        if (auto created = store.create_account(account); !created) return created;
        seed.new_credentials.push_back({p.login, password, p.name, p.role});
    }
    return ok_status();
}

Status reset_passwords(store::Store& store, PasswordCost cost, DemoSeed& seed) {
    for (const auto& p : demo_people()) {
        auto existing = store.find_account_by_login(p.login);
        if (!existing) return existing.error();
        if (!existing.value()) continue;  // removed or renamed: not ours to recreate
        std::string password = random_password(kDemoPasswordLength);
        auto hash = hash_password(password, cost);
        if (!hash) return hash.error();
        if (auto s = store.set_password_hash(existing.value()->user_id, hash.value()); !s) return s;
        seed.new_credentials.push_back({p.login, password, existing.value()->display_name,
                                        existing.value()->role});
    }
    return ok_status();
}
}  // namespace

const std::vector<DemoPerson>& demo_people() {
    using store::Role;
    static const std::vector<DemoPerson> people = {
        {"u-admin", "admin", "王校长", Role::Admin, ""},
        {"u-manager", "manager", "李主管", Role::Manager, ""},
        {"u-tutor-1", "tutor1", "张老师", Role::Tutor, "u-manager"},
        {"u-tutor-2", "tutor2", "刘老师", Role::Tutor, "u-manager"},
        {"u-tutor-3", "tutor3", "陈老师", Role::Tutor, "u-manager"},
        {"u-tutor-4", "tutor4", "杨老师", Role::Tutor, "u-manager"},
    };
    return people;
}

Result<DemoSeed> seed_demo_if_empty(store::Store& store, PasswordCost cost, DemoPasswords passwords) {
    DemoSeed seed;
    auto existing = store.organisations();
    if (!existing) return existing.error();
    if (existing.value().empty()) {
        auto created = store.create_organisation(kDemoOrganisationName, kDemoTimeZone);
        if (!created) return fail("cannot seed the demo organisation: " + created.message());
        seed.seeded_now = true;
        seed.organisation = created.value();
    } else {
        seed.organisation = existing.value().front();
    }

    auto accounts = store.accounts();
    if (!accounts) return accounts.error();
    if (accounts.value().empty()) {
        if (auto s = seed_accounts(store, cost, seed); !s) {
            return fail("cannot seed the demo accounts: " + s.message());
        }
    } else if (passwords == DemoPasswords::Reset) {
        if (auto s = reset_passwords(store, cost, seed); !s) {
            return fail("cannot reset the demo passwords: " + s.message());
        }
    }
    auto count = store.accounts();
    if (!count) return count.error();
    seed.account_count = count.value().size();
    return seed;
}

}  // namespace wb::server
