#include "server/api_router.h"

#include "server/http_responses.h"

namespace wb::server {
namespace {

template <class Handlers>
std::string allowed_methods(const Handlers& handlers) {
    std::string allowed;
    for (const auto& [name, unused] : handlers) allowed += (allowed.empty() ? "" : ", ") + name;
    return allowed;
}

void method_not_allowed(const httplib::Request& req, httplib::Response& res, const std::string& allowed) {
    res.set_header("Allow", allowed);
    send_error(req, res, 405, "method_not_allowed",
               req.method + " is not allowed on " + req.path + " (allowed: " + allowed + ")");
}

}  // namespace

void ApiRouter::add(const std::string& method, const std::string& path, Handler handler) {
    routes_[path][method] = std::move(handler);
}

void ApiRouter::add_prefix(const std::string& method, const std::string& prefix, PrefixHandler handler) {
    prefixes_[prefix][method] = std::move(handler);
}

void ApiRouter::dispatch(const httplib::Request& req, httplib::Response& res) const {
    // HEAD is answered by the GET handler; httplib leaves the body out.
    const std::string method = req.method == "HEAD" ? std::string("GET") : req.method;
    auto path = routes_.find(req.path);
    if (path != routes_.end()) {
        auto handler = path->second.find(method);
        if (handler == path->second.end()) return method_not_allowed(req, res, allowed_methods(path->second));
        return handler->second(req, res);
    }
    // The longest prefix that leaves something after it (map order: a longer prefix sorts after
    // the shorter one it extends, so walk backwards).
    for (auto it = prefixes_.rbegin(); it != prefixes_.rend(); ++it) {
        const std::string& prefix = it->first;
        if (req.path.size() <= prefix.size() || req.path.compare(0, prefix.size(), prefix) != 0) continue;
        auto handler = it->second.find(method);
        if (handler == it->second.end()) return method_not_allowed(req, res, allowed_methods(it->second));
        return handler->second(req, res, req.path.substr(prefix.size()));
    }
    send_error(req, res, 404, "not_found", "no API endpoint " + req.method + " " + req.path);
}

}  // namespace wb::server
