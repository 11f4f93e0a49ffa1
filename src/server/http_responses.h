#pragma once
// Writing response bodies. Bodies go out through a content provider so that cpp-httplib never
// compresses them a second time (its own compression ignores q-values and does not set Vary);
// we choose the coding ourselves.
//
// The one error shape of the whole API (docs/api.md):
//   {"error": {"code": "not_found", "message": "no API endpoint GET /api/nope"}}
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace wb::server {

// Sends `body` as is (already encoded if a Content-Encoding header was set by the caller).
void send_bytes(httplib::Response& res, std::string body, const std::string& content_type);

// Sends JSON, compressed on the fly when the client accepts br/gzip and the body is big enough.
void send_json(const httplib::Request& req, httplib::Response& res, int status,
               const nlohmann::json& body);

// Sends the API's error shape with an HTTP status, a stable machine code and a message.
void send_error(const httplib::Request& req, httplib::Response& res, int status,
                const std::string& code, const std::string& message);

// The machine code for an HTTP status, for errors raised outside our handlers (e.g. 413).
std::string error_code_for_status(int status);

}  // namespace wb::server
