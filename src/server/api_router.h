#pragma once
// The API's routing table: exact "METHOD /api/path" entries, and prefix entries for paths that
// carry an id ("POST /api/inbound/" + "<channel id>[/simulate]"): a prefix route is given the rest
// of the path after its prefix (never empty). An exact route wins over a prefix; among prefixes
// the longest that matches wins. A path that exists with another method answers 405, an unknown
// path 404, both in the API's error shape.
#include <httplib.h>

#include <functional>
#include <map>
#include <string>

namespace wb::server {

class ApiRouter {
public:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
    // `rest`: the path after the prefix, e.g. "sms-parents/simulate" (not URL-decoded beyond what
    // httplib already did to the path).
    using PrefixHandler =
        std::function<void(const httplib::Request&, httplib::Response&, const std::string& rest)>;

    void add(const std::string& method, const std::string& path, Handler handler);
    // `prefix` ends with "/".
    void add_prefix(const std::string& method, const std::string& prefix, PrefixHandler handler);
    void dispatch(const httplib::Request& req, httplib::Response& res) const;

private:
    std::map<std::string, std::map<std::string, Handler>> routes_;          // path -> method -> handler
    std::map<std::string, std::map<std::string, PrefixHandler>> prefixes_;  // prefix -> method -> handler
};

}  // namespace wb::server
