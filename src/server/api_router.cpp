#include "server/api_router.h"

#include "server/http_responses.h"

namespace wb::server {

void ApiRouter::add(const std::string& method, const std::string& path, Handler handler) {
    routes_[path][method] = std::move(handler);
}

void ApiRouter::dispatch(const httplib::Request& req, httplib::Response& res) const {
    auto path = routes_.find(req.path);
    if (path == routes_.end()) {
        send_error(req, res, 404, "not_found", "no API endpoint " + req.method + " " + req.path);
        return;
    }
    // HEAD is answered by the GET handler; httplib leaves the body out.
    std::string method = req.method == "HEAD" ? std::string("GET") : req.method;
    auto handler = path->second.find(method);
    if (handler == path->second.end()) {
        std::string allowed;
        for (const auto& [name, unused] : path->second) allowed += (allowed.empty() ? "" : ", ") + name;
        res.set_header("Allow", allowed);
        send_error(req, res, 405, "method_not_allowed",
                   req.method + " is not allowed on " + req.path + " (allowed: " + allowed + ")");
        return;
    }
    handler->second(req, res);
}

}  // namespace wb::server
