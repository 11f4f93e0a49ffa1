#pragma once
// The API's routing table: exact "METHOD /api/path" entries. A path that exists with another
// method answers 405, an unknown path 404, both in the API's error shape.
#include <httplib.h>

#include <functional>
#include <map>
#include <string>

namespace wb::server {

class ApiRouter {
public:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    void add(const std::string& method, const std::string& path, Handler handler);
    void dispatch(const httplib::Request& req, httplib::Response& res) const;

private:
    std::map<std::string, std::map<std::string, Handler>> routes_;  // path -> method -> handler
};

}  // namespace wb::server
