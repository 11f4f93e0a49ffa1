#include "store/store.h"

namespace wb::store {

const char* role_name(Role role) {
    switch (role) {
        case Role::Manager: return "manager";
        case Role::Admin: return "admin";
        case Role::Tutor: break;
    }
    return "tutor";
}

std::optional<Role> parse_role(const std::string& name) {
    if (name == "tutor") return Role::Tutor;
    if (name == "manager") return Role::Manager;
    if (name == "admin") return Role::Admin;
    return std::nullopt;
}

}  // namespace wb::store
