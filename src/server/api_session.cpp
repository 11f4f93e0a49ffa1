#include "server/api_session.h"

#include "server/authenticator.h"
#include "server/http_responses.h"

namespace wb::server {

std::optional<store::Account> signed_in_account(Authenticator& auth, const httplib::Request& req,
                                                httplib::Response& res, std::int64_t now_ms) {
    auto who = auth.authenticate(req.get_header_value("Authorization"), now_ms);
    if (who.ok()) return who.value;
    if (who.failure.status == 401) res.set_header("WWW-Authenticate", "Bearer");
    send_error(req, res, who.failure.status, who.failure.code, who.failure.message);
    return std::nullopt;
}

}  // namespace wb::server
