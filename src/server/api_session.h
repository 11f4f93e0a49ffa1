#pragma once
// Who is asking: the bearer session of an API request.
#include <httplib.h>

#include <optional>

#include "store/store.h"

namespace wb::server {

class Authenticator;

// The signed-in account, or nullopt after sending the 401 (or 503) that says why.
std::optional<store::Account> signed_in_account(Authenticator& auth, const httplib::Request& req,
                                                httplib::Response& res, std::int64_t now_ms);

}  // namespace wb::server
